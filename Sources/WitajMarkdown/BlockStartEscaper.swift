/// Escapes what would open a block at the start of a line, so that a segment's text parses as one paragraph.
/// Segment text is inline Markdown: a translator's "# Title" or "1. item" stays text in the source's block.
/// Works on UTF-8 bytes: it runs for every segment of every page.
func escapeBlockStarts(_ text: String) -> String {
    var utf8 = Array(text.utf8)
    var out: [UInt8] = []
    var changed = false
    var lineStart = 0
    out.reserveCapacity(utf8.count + 4)
    utf8.append(0x0A)  // sentinel: every line ends with a newline
    for i in utf8.indices where utf8[i] == 0x0A {
        let line = utf8[lineStart..<i]
        var trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
        if trimmed.count != line.count { changed = true }
        if let at = escapeOffset(trimmed) {
            changed = true
            out += trimmed[trimmed.startIndex..<(trimmed.startIndex + at)]
            out.append(UInt8(ascii: "\\"))
            trimmed = trimmed[(trimmed.startIndex + at)...]
        }
        out += trimmed
        if i < utf8.count - 1 { out.append(0x0A) }
        lineStart = i + 1
    }
    return changed ? String(decoding: out, as: UTF8.self) : text
}

/// Where a backslash goes in a line (already without leading blanks) that would start a block, or nil.
private func escapeOffset(_ line: ArraySlice<UInt8>) -> Int? {
    guard let first = line.first else { return nil }
    let rest = line.dropFirst()
    func blankOrEnd(_ s: ArraySlice<UInt8>) -> Bool { s.first.map { $0 == 0x20 || $0 == 0x09 } ?? true }
    switch first {
    case UInt8(ascii: ">"):
        return 0
    case UInt8(ascii: "#"):
        let hashes = line.prefix { $0 == UInt8(ascii: "#") }.count
        return hashes <= 6 && blankOrEnd(line.dropFirst(hashes)) ? 0 : nil
    case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
        return blankOrEnd(rest) || isThematicBreak(line) || isSetextUnderline(line) || isTableDelimiter(line) ? 0 : nil
    case UInt8(ascii: "="), UInt8(ascii: "_"):
        return isSetextUnderline(line) || isThematicBreak(line) ? 0 : nil
    case UInt8(ascii: "`"), UInt8(ascii: "~"):
        return line.count >= 3 && line.prefix(3).allSatisfy({ $0 == first }) ? 0 : nil
    case UInt8(ascii: "|"), UInt8(ascii: ":"):
        return isTableDelimiter(line) ? 0 : nil
    case UInt8(ascii: "["):
        // A link reference or footnote definition would swallow the line.
        if let close = line.firstIndex(of: UInt8(ascii: "]")), close + 1 < line.endIndex, line[close + 1] == UInt8(ascii: ":") {
            return 0
        }
        return nil
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let digits = line.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        let after = line.dropFirst(digits)
        if digits <= 9, let marker = after.first, marker == UInt8(ascii: ".") || marker == UInt8(ascii: ")"),
           blankOrEnd(after.dropFirst()) {
            return digits
        }
        return nil
    default:
        return nil
    }
}

private func isThematicBreak(_ line: ArraySlice<UInt8>) -> Bool {
    guard let first = line.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else {
        return false
    }
    var marks = 0
    for byte in line {
        if byte == first { marks += 1 } else if byte != 0x20 && byte != 0x09 { return false }
    }
    return marks >= 3
}

private func isSetextUnderline(_ line: ArraySlice<UInt8>) -> Bool {
    guard let first = line.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else { return false }
    var trimmed = line
    while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
    return trimmed.allSatisfy { $0 == first }
}

private func isTableDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
    var dash = false
    for byte in line {
        switch byte {
        case UInt8(ascii: "-"): dash = true
        case UInt8(ascii: "|"), UInt8(ascii: ":"), 0x20, 0x09: continue
        default: return false
        }
    }
    return dash
}
