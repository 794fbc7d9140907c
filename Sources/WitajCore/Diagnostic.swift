/// A place in a file of the site: paths are relative to the site's root, lines and columns 1-based.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int

    public init(_ path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (a: Self, b: Self) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    /// The location of a character at `offset` (in Characters) inside text that starts here.
    package func advanced(in text: String, by offset: String.Index) -> SourceLocation {
        let before = text[..<offset]
        let newlines = before.filter { $0 == "\n" }.count
        if newlines == 0 { return SourceLocation(path, line: line, column: column + before.utf8.count) }
        let lastLine = before.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        return SourceLocation(path, line: line + newlines, column: 1 + lastLine.utf8.count)
    }
}

public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public let severity: Severity
    public let location: SourceLocation
    public let message: String

    /// `path:line:col: error: message`, the form editors' tools understand.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Diagnostics collected by a phase; readers return them beside their model, nothing stops at the first.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }

    package mutating func error(_ location: SourceLocation, _ message: String) {
        items.append(Diagnostic(severity: .error, location: location, message: message))
    }

    package mutating func warning(_ location: SourceLocation, _ message: String) {
        items.append(Diagnostic(severity: .warning, location: location, message: message))
    }

    package mutating func append(contentsOf other: Diagnostics) { items += other.items }

    /// `--strict`: every warning becomes an error (for a build server that publishes nothing doubtful).
    package mutating func makeWarningsErrors() {
        items = items.map { Diagnostic(severity: .error, location: $0.location, message: $0.message) }
    }

    /// In file order, so that a long list reads top to bottom per file.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}
