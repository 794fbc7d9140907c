import WitajCore

/// A file's lines, to check that a location points inside it. Lines end at "\n" (as libxml2 and the UTF-8 check
/// count them) or also at a lone "\r" (as CommonMark and YAML do, and so witaj's Markdown documents); a location
/// is inside when it is under either count. Columns are bytes and may point just past a line's end.
public struct Lines {
    /// Lines ending at "\n", "\r\n" or a lone "\r".
    public let lines: [ArraySlice<UInt8>]
    private let lfLines: [ArraySlice<UInt8>]

    /// `cmark`: a NUL counts as U+FFFD, three bytes, as cmark reads it (and witaj's Markdown columns count it).
    public init(_ bytes: [UInt8], cmark: Bool = false) {
        let bytes = cmark && bytes.contains(0) ? bytes.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] } : bytes
        lfLines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r") {
                lines.append(bytes[start..<i])
                if bytes[i] == UInt8(ascii: "\r"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                start = i + 1
            }
            i += 1
        }
        lines.append(bytes[start...])
        self.lines = lines
    }

    /// `column: nil` checks the line only.
    public func contains(line: Int, column: Int?) -> Bool {
        func inside(_ lines: [ArraySlice<UInt8>]) -> Bool {
            lines.indices.contains(line - 1) && column.map { (1...(lines[line - 1].count + 1)).contains($0) } != false
        }
        return inside(lines) || inside(lfLines)
    }

    public func contains(_ location: SourceLocation, checkingColumn: Bool = true) -> Bool {
        contains(line: location.line, column: checkingColumn ? location.column : nil)
    }
}
