import Foundation
import WitajCore
import WitajSources

/// `witaj new article|procedure SECTION/NAME`: a new document from an archetype (Hugo's word), the site's own in
/// `theme/archetypes/` or witaj's built-in one, with today's date and the fields to fill, marked as a draft so that
/// nothing half-written is published. Never overwrites a file.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case article, procedure
        var fileExtension: String { self == .article ? "md" : "xml" }
    }

    public struct Result: Sendable {
        public let diagnostics: Diagnostics
        /// The file written, relative to the site's root; nil when none was.
        public let written: String?
    }

    /// `name`: the document's path under content/, without extension ("daily-life/banks").
    public static func run(_ kind: Kind, name: String, root: URL, today: Date = Date()) -> Result {
        var diagnostics = Diagnostics()
        let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil }) else {
            diagnostics.error(SourceLocation("content"), "'\(name)' is not a document name: use lower-case letters, digits and '-', "
                + "with a section folder first, like daily-life/banks")
            return Result(diagnostics: diagnostics, written: nil)
        }
        let relative = "content/\(name).\(kind.fileExtension)"
        let url = root.appendingPathComponent(relative)
        let other = root.appendingPathComponent("content/\(name).\(kind == .article ? "xml" : "md")")
        if FileManager.default.fileExists(atPath: url.path) || FileManager.default.fileExists(atPath: other.path) {
            diagnostics.error(SourceLocation(relative), "a document named \(name) exists already; choose another name")
            return Result(diagnostics: diagnostics, written: nil)
        }
        guard let archetype = archetype(kind, root: root) else {
            diagnostics.error(SourceLocation("theme/archetypes/\(kind.rawValue).\(kind.fileExtension)"), "no archetype for a new \(kind.rawValue)")
            return Result(diagnostics: diagnostics, written: nil)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Warsaw") ?? .current
        let day = calendar.dateComponents([.year, .month, .day], from: today)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 1) }
        let title = parts.last!.split(separator: "-").joined(separator: " ")
        let text = archetype.text
            .replacingOccurrences(of: "{{today}}", with: "\(day.year ?? 2026)-\(two(day.month))-\(two(day.day))")
            .replacingOccurrences(of: "{{title}}", with: title.prefix(1).uppercased() + title.dropFirst())
            .replacingOccurrences(of: "{{office}}", with: firstOffice(root) ?? "urzad")
        // What is written must read as a document: an archetype of the site's own that does not is said at once.
        var problems = Diagnostics()
        let path = SiteLoader.path(of: "\(name).\(kind.fileExtension)")
        let document = kind == .article
            ? MarkdownDocumentReader.read(text, source: relative, path: path.0, kind: path.1, into: &problems)
            : XMLDocumentReader.read(Array(text.utf8), source: relative, path: path.0, into: &problems)
        guard document != nil, !problems.hasErrors else {
            diagnostics.error(SourceLocation(archetype.path), "the archetype does not make a valid \(kind.rawValue): "
                + problems.errors.map(\.message).joined(separator: "; "))
            return Result(diagnostics: diagnostics, written: nil)
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            diagnostics.error(SourceLocation(relative), "cannot write the document: \(error.localizedDescription)")
            return Result(diagnostics: diagnostics, written: nil)
        }
        if parts.count > 1, !FileManager.default.fileExists(atPath: root.appendingPathComponent("content/\(parts.dropLast().joined(separator: "/"))/index.md").path) {
            diagnostics.warning(SourceLocation(relative), "folder '\(parts.dropLast().joined(separator: "/"))' has no index.md, so the home page does not list it")
        }
        return Result(diagnostics: diagnostics, written: relative)
    }

    /// The site's archetype (theme/archetypes/KIND.EXT), else witaj's built-in one.
    static func archetype(_ kind: Kind, root: URL) -> (text: String, path: String)? {
        let file = "\(kind.rawValue).\(kind.fileExtension)"
        let own = root.appendingPathComponent("theme/archetypes/\(file)")
        if let data = FileManager.default.contents(atPath: own.path) {
            return (String(decoding: data, as: UTF8.self), "theme/archetypes/\(file)")
        }
        return BuiltInFiles.files(under: "archetypes").first { $0.relative == file }
            .map { (String(decoding: $0.bytes, as: UTF8.self), "(built-in archetype)/\(file)") }
    }

    /// The first office of the site's register, for a new procedure's <where>.
    static func firstOffice(_ root: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent("content/reference/offices.xml").path),
              let match = String(decoding: data, as: UTF8.self).firstMatch(of: /<office id="([^"]+)"/) else { return nil }
        return String(match.1)
    }
}
