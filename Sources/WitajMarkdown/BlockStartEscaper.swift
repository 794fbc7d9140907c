/// Escapes what would open a block at the start of a line, so that a segment's text parses as one paragraph.
/// Segment text is inline Markdown: a translator's "# Title" or "1. item" stays text in the source's block.
func escapeBlockStarts(_ text: String) -> String {
    // Most segments are one line that starts with a letter: nothing to do.
    if let first = text.utf8.first, !text.utf8.contains(0x0A), !mayStartBlock(first) { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { escapeLine(String($0)) }.joined(separator: "\n")
}

/// Bytes that can begin a block (or leading space before one).
private func mayStartBlock(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "+"),
         UInt8(ascii: "*"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "|"),
         UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "<"):
        return true
    default:
        return false
    }
}

private func escapeLine(_ raw: String) -> String {
    let line = Substring(raw).drop { $0 == " " || $0 == "\t" }
    guard let first = line.first else { return "" }
    let rest = line.dropFirst()
    let blankOrEnd: (Substring) -> Bool = { $0.isEmpty || $0.first == " " || $0.first == "\t" }
    let escaped = "\\" + line

    switch first {
    case ">":
        return escaped
    case "#":
        let hashes = line.prefix { $0 == "#" }
        return hashes.count <= 6 && blankOrEnd(line.dropFirst(hashes.count)) ? escaped : String(line)
    case "-", "+", "*":
        if blankOrEnd(rest) || isThematicBreak(line) || isSetextUnderline(line) || isTableDelimiter(line) {
            return escaped
        }
    case "=", "_":
        if isSetextUnderline(line) || isThematicBreak(line) { return escaped }
    case "`", "~":
        if line.prefix(3).allSatisfy({ $0 == first }) && line.count >= 3 { return escaped }
    case "|", ":":
        if isTableDelimiter(line) { return escaped }
    case "[":
        // A link reference or footnote definition would swallow the line.
        if let close = line.firstIndex(of: "]"), line[line.index(after: close)...].first == ":" { return escaped }
    case "0"..."9":
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        let after = line.dropFirst(digits.count)
        if digits.count <= 9, let marker = after.first, marker == "." || marker == ")", blankOrEnd(after.dropFirst()) {
            return digits + "\\" + after
        }
    default:
        break
    }
    return String(line)
}

private func isThematicBreak(_ line: Substring) -> Bool {
    let marks = line.filter { $0 != " " && $0 != "\t" }
    guard let first = marks.first, "-*_".contains(first) else { return false }
    return marks.count >= 3 && marks.allSatisfy { $0 == first }
}

private func isSetextUnderline(_ line: Substring) -> Bool {
    var trimmed = line
    while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
    guard let first = trimmed.first, first == "=" || first == "-" else { return false }
    return trimmed.allSatisfy { $0 == first }
}

private func isTableDelimiter(_ line: Substring) -> Bool {
    line.contains("-") && line.allSatisfy { "|:- \t".contains($0) }
}
