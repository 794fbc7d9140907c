/// cmark-gfm 0.29.0.gfm.6 loses a paragraph that a table interrupts ("Tekst\n| a | b |\n|---|---|"): it gives the
/// paragraph no position and counts the header row's columns from the paragraph's start, so neither can be cut out
/// of the source. GitHub shows a paragraph and a table there, as it does with a blank line between them; witaj
/// parses such a body with that blank line added, and `LineMap` gives every position back in the file's lines.
struct TableSeparation {
    /// The source to parse.
    let source: String
    /// Where positions in `source` are in the body as written.
    let lines: LineMap

    init(_ body: String, firstLine: Int) {
        // No pipe, no table.
        guard body.utf8.contains(UInt8(ascii: "|")) else {
            source = body
            lines = LineMap(firstLine: firstLine, inserted: [])
            return
        }
        // In bytes: every mark looked for is ASCII, and characters cost a grapheme break at every step.
        var rows = Array(body.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var inserted: [Int] = []
        var fence: ArraySlice<UInt8>?
        // Inside a table (up to a blank line), a row like a delimiter row is one of its rows.
        var inTable = rows.count > 1 && Self.isTableHeader(rows[0], delimiter: rows[1])
        var i = 1
        while i + 1 < rows.count {
            let line = rows[i], above = rows[i - 1]
            if let marker = Self.fenceMarker(above) {
                if fence == nil { fence = marker } else if above.drop(while: { $0 == space }).starts(with: fence!) { fence = nil }
            }
            if above.allSatisfy(isBlank) { inTable = false }
            if fence == nil, !inTable, Self.isTableHeader(line, delimiter: rows[i + 1]) {
                inTable = true
                if Self.isParagraphText(above) {
                    rows.insert([], at: i)
                    inserted.append(i + 1)  // the blank line's 1-based number in the parsed source
                    i += 1
                }
            }
            i += 1
        }
        source = inserted.isEmpty ? body : String(decoding: Array(rows.joined(separator: [UInt8(ascii: "\n")])), as: UTF8.self)
        lines = LineMap(firstLine: firstLine, inserted: inserted)
    }

    /// "```" or "~~~" opening or closing a fenced code block (up to 3 spaces in).
    private static func fenceMarker(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let indent = line.prefix { $0 == space }.count
        guard indent <= 3 else { return nil }
        let trimmed = line.dropFirst(indent)
        for marker in ["```", "~~~"] where trimmed.starts(with: marker.utf8) { return ArraySlice(marker.utf8) }
        return nil
    }

    /// A line of a paragraph at the top level: not blank, not indented, not a quote, list item or heading.
    private static func isParagraphText(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first, !line.allSatisfy(isBlank) else { return false }
        if first == space || first == tab || first == UInt8(ascii: ">") || first == UInt8(ascii: "#") { return false }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+"), line.dropFirst().first == space { return false }
        let digits = line.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == UInt8(ascii: ".") || after == UInt8(ascii: ")") { return false }
        return true
    }

    /// A header row followed by a delimiter row with a pipe ("|---|:--:|", "-|") and as many cells.
    private static func isTableHeader(_ line: ArraySlice<UInt8>, delimiter: ArraySlice<UInt8>) -> Bool {
        guard delimiter.contains(pipe), delimiter.contains(UInt8(ascii: "-")),
              delimiter.allSatisfy({ $0 == pipe || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || isBlank($0) }) else { return false }
        return cells(line) == cells(delimiter)
    }

    /// Cells of a row: pipes not escaped, less those at either end.
    private static func cells(_ row: ArraySlice<UInt8>) -> Int {
        var pipes = 0, escaped = false
        for c in row {
            if c == pipe && !escaped { pipes += 1 }
            escaped = c == UInt8(ascii: "\\") && !escaped
        }
        var (start, end) = (row.startIndex, row.endIndex)
        while start < end, isBlank(row[start]) { start += 1 }
        while end > start, isBlank(row[end - 1]) { end -= 1 }
        let trimmed = row[start..<end]
        if trimmed.first == pipe { pipes -= 1 }
        if trimmed.count > 1, trimmed.last == pipe, trimmed[end - 2] != UInt8(ascii: "\\") { pipes -= 1 }
        return pipes + 1
    }
}

private let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), pipe = UInt8(ascii: "|")

private func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

/// A line of the parsed source -> its line in the file.
struct LineMap {
    let firstLine: Int
    /// Lines of the parsed source that the file does not have (1-based, ascending).
    let inserted: [Int]

    func file(_ parsed: Int) -> Int {
        parsed + firstLine - 1 - inserted.prefix { $0 < parsed }.count
    }
}
