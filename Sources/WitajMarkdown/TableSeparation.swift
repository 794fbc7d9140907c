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
        var rows = body.split(separator: "\n", omittingEmptySubsequences: false)
        var inserted: [Int] = []
        var fence: Substring?
        // Inside a table (up to a blank line), a row like a delimiter row is one of its rows.
        var inTable = rows.count > 1 && Self.isTableHeader(rows[0], delimiter: rows[1])
        var i = 1
        while i + 1 < rows.count {
            let line = rows[i], above = rows[i - 1]
            if let marker = Self.fenceMarker(above) {
                if fence == nil { fence = marker } else if above.drop(while: { $0 == " " }).hasPrefix(fence!) { fence = nil }
            }
            if above.allSatisfy({ $0 == " " || $0 == "\t" }) { inTable = false }
            if fence == nil, !inTable, Self.isTableHeader(line, delimiter: rows[i + 1]) {
                inTable = true
                if Self.isParagraphText(above) {
                    rows.insert("", at: i)
                    inserted.append(i + 1)  // the blank line's 1-based number in the parsed source
                    i += 1
                }
            }
            i += 1
        }
        source = inserted.isEmpty ? body : rows.joined(separator: "\n")
        lines = LineMap(firstLine: firstLine, inserted: inserted)
    }

    /// "```" or "~~~" opening or closing a fenced code block (up to 3 spaces in).
    private static func fenceMarker(_ line: Substring) -> Substring? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let trimmed = line.dropFirst(indent)
        for marker in ["```", "~~~"] where trimmed.hasPrefix(marker) { return Substring(marker) }
        return nil
    }

    /// A line of a paragraph at the top level: not blank, not indented, not a quote, list item or heading.
    private static func isParagraphText(_ line: Substring) -> Bool {
        guard let first = line.first, !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { return false }
        if " \t>#".contains(first) { return false }
        if "-*+".contains(first), line.dropFirst().first == " " { return false }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == "." || after == ")" { return false }
        return true
    }

    /// A header row followed by a delimiter row with a pipe ("|---|:--:|", "-|") and as many cells.
    private static func isTableHeader(_ line: Substring, delimiter: Substring) -> Bool {
        // Characters, not strings: Foundation's search for a string is a hundred times slower on every line.
        guard delimiter.contains("|" as Character), delimiter.contains("-" as Character),
              delimiter.allSatisfy({ $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }) else { return false }
        return cells(line) == cells(delimiter)
    }

    /// Cells of a row: pipes not escaped, less those at either end.
    private static func cells(_ row: Substring) -> Int {
        var pipes = 0, escaped = false
        for c in row {
            if c == "|" && !escaped { pipes += 1 }
            escaped = c == "\\" && !escaped
        }
        let trimmed = row.trimmingBlanks
        if trimmed.hasPrefix("|") { pipes -= 1 }
        if trimmed.hasSuffix("|") && !trimmed.hasSuffix("\\|") && trimmed.count > 1 { pipes -= 1 }
        return pipes + 1
    }
}

/// A line of the parsed source -> its line in the file.
struct LineMap {
    let firstLine: Int
    /// Lines of the parsed source that the file does not have (1-based, ascending).
    let inserted: [Int]

    func file(_ parsed: Int) -> Int {
        parsed + firstLine - 1 - inserted.prefix { $0 < parsed }.count
    }
}

extension Substring {
    fileprivate var trimmingBlanks: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }
}
