/// The lines of a Markdown source as bytes, for cutting out the inline source of a leaf block by cmark's
/// 1-based line and byte-column positions.
struct SourceLines {
    private let lines: [ArraySlice<UInt8>]

    init(_ source: String) {
        var bytes = Array(source.utf8)
        // cmark reads U+0000 as U+FFFD (CommonMark's rule) and counts its columns in those three bytes.
        if bytes.contains(0) { bytes = bytes.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] } }
        lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0 }
    }

    private func line(_ number: Int) -> ArraySlice<UInt8> {
        lines.indices.contains(number - 1) ? lines[number - 1] : []
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Drops the indentation and `quoteDepth` blockquote markers that continuation lines carry.
    private static func stripContainers(_ bytes: ArraySlice<UInt8>, quoteDepth: Int) -> ArraySlice<UInt8> {
        var rest = bytes.drop(while: isBlank)
        for _ in 0..<quoteDepth where rest.first == UInt8(ascii: ">") {
            rest = rest.dropFirst().drop(while: isBlank)
        }
        return rest
    }

    /// Text from (startLine, startColumn) to (endLine, endColumn), inclusive, one source line per text line.
    func slice(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int, quoteDepth: Int) -> String {
        var parts: [String] = []
        for number in startLine...max(startLine, endLine) {
            var bytes = line(number)
            if number == endLine, endColumn > 0 { bytes = bytes.prefix(endColumn) }
            if number == startLine {
                bytes = bytes.dropFirst(max(startColumn - 1, 0))
            } else {
                bytes = Self.stripContainers(bytes, quoteDepth: quoteDepth)
            }
            parts.append(Self.string(bytes))
        }
        return parts.joined(separator: "\n")
    }

    /// The text of an ATX (`## Title ##`) or setext (`Title` / `===`) heading, and its column.
    func headingText(_ startLine: Int, _ startColumn: Int, _ endLine: Int, quoteDepth: Int) -> (String, Int) {
        let first = line(startLine).dropFirst(max(startColumn - 1, 0))
        if first.first == UInt8(ascii: "#") {
            var text = first.drop { $0 == UInt8(ascii: "#") }.drop(while: Self.isBlank)
            let column = startColumn + (first.count - text.count)
            while let last = text.last, Self.isBlank(last) { text = text.dropLast() }
            // A closing sequence of #s counts only after a space (or when it is all there is).
            var closing = text
            while closing.last == UInt8(ascii: "#") { closing = closing.dropLast() }
            if closing.isEmpty || closing.last.map(Self.isBlank) == true {
                text = closing
                while let last = text.last, Self.isBlank(last) { text = text.dropLast() }
            }
            return (Self.string(text), column)
        }
        // Setext: the lines up to the underline (cmark's end line is the underline, or the line after it).
        var lines = slice(startLine, startColumn, max(startLine, endLine), 0, quoteDepth: quoteDepth)
            .split(separator: "\n").map { $0.trimmingCharacters(in: " \t") }
        if let underline = lines.firstIndex(where: { line in
            !line.isEmpty && (line.allSatisfy { $0 == "=" } || line.allSatisfy { $0 == "-" })
        }), underline > 0 {
            lines = Array(lines[..<underline])
        }
        return (lines.joined(separator: "\n"), startColumn)
    }

    /// A table cell between its columns, without the padding, and the column where its text starts.
    func cell(_ number: Int, _ from: Int, _ to: Int) -> (String, Int) {
        var bytes = line(number)
        // A cell that a short row lacks: cmark adds it empty, at column 0.
        if from < 1 { return ("", bytes.count + 1) }
        if to > 0 { bytes = bytes.prefix(to) }
        let start = bytes.dropFirst(max(from - 1, 0))
        bytes = start.drop(while: Self.isBlank)
        var column = from + (start.count - bytes.count)
        while let last = bytes.last, Self.isBlank(last) { bytes = bytes.dropLast() }
        if bytes.first == UInt8(ascii: "|") {
            let after = bytes.dropFirst().drop(while: Self.isBlank)
            column += bytes.count - after.count
            bytes = after
        }
        if bytes.last == UInt8(ascii: "|"), bytes.dropLast().last != UInt8(ascii: "\\") {
            bytes = bytes.dropLast()
            while let last = bytes.last, Self.isBlank(last) { bytes = bytes.dropLast() }
        }
        return (Self.string(bytes), column)
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = self[...]
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
