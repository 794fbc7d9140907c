import Foundation
import Mustache
import WitajMarkdown
import WitajCore

/// The theme's templates compiled by swift-mustache; a template that does not parse is a located diagnostic.
/// Copies share their library: the preview server gives a page made later the templates as they are then (`adopt`).
package struct Templates: Sendable {
    private final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var value: MustacheLibrary
        init(_ library: MustacheLibrary) { value = library }
        var library: MustacheLibrary {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    private let shared: Shared
    package var library: MustacheLibrary { shared.library }

    private init(library: MustacheLibrary) {
        shared = Shared(library)
    }

    /// From now on, this and its copies render with `other`'s templates.
    package func adopt(_ other: Templates) {
        shared.library = other.library
    }

    /// The templates of `theme`. The last theme's are compiled once, and after an edit of one template only it is
    /// parsed again: the preview server compiles the theme after every edit of it and every whole build.
    package static func compile(_ theme: Theme, into diagnostics: inout Diagnostics) -> Templates {
        let key = theme.templates.mapValues { [$0.path, $0.text] }
        if let (library, found) = last.value(for: key) {
            diagnostics.append(contentsOf: found)
            return Templates(library: library)
        }
        var found = Diagnostics()
        let (library, parsed) = parse(theme, known: last.parsed, into: &found)
        last.remember(library, found, parsed, for: key)
        diagnostics.append(contentsOf: found)
        return Templates(library: library)
    }

    /// The last theme compiled: its templates' paths and texts, the library and the diagnostics.
    private final class Last: @unchecked Sendable {
        private let lock = NSLock()
        private var key: [String: [String]]?, library = MustacheLibrary(), diagnostics = Diagnostics()
        /// Each template that parsed, by its text: after one template is edited, only it is parsed again.
        private var templates: [String: MustacheTemplate] = [:]

        func value(for key: [String: [String]]) -> (MustacheLibrary, Diagnostics)? {
            lock.withLock { self.key == key ? (library, diagnostics) : nil }
        }

        var parsed: [String: MustacheTemplate] { lock.withLock { templates } }

        func remember(_ library: MustacheLibrary, _ diagnostics: Diagnostics, _ parsed: [String: MustacheTemplate], for key: [String: [String]]) {
            lock.withLock { (self.key, self.library, self.diagnostics, templates) = (key, library, diagnostics, parsed) }
        }
    }
    private static let last = Last()

    /// The library of the theme's templates, and each template parsed by its text; `known`: templates parsed
    /// before, by their texts.
    private static func parse(_ theme: Theme, known: [String: MustacheTemplate] = [:],
                              into diagnostics: inout Diagnostics) -> (MustacheLibrary, [String: MustacheTemplate]) {
        _ = registered
        var library = MustacheLibrary()
        var parsed: [String: MustacheTemplate] = [:]
        for (name, template) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                // A line of its own, which Mustache drops: the template's lines keep their numbers, less one.
                let text = "{{% CONTENT_TYPE: \(HTMLEscaping.name) }}\n" + template.text
                let made = try known[text] ?? MustacheTemplate(string: text)
                parsed[text] = made
                library.register(made, named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(SourceLocation(template.path, line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber),
                                  "template does not parse: \(error.error)")
            } catch {
                diagnostics.error(SourceLocation(template.path), "template does not parse: \(error)")
            }
        }
        for required in ["document", "procedure", "offices", "a-z", "languages", "coverage", "not-found"] where library.getTemplate(named: required) == nil {
            diagnostics.error(SourceLocation("theme/templates/\(required).mustache"), "the theme has no '\(required)' template")
        }
        return (library, parsed)
    }

    package func render(_ context: [String: Any], with name: String) -> String {
        shared.library.render(context, withTemplate: name) ?? ""
    }

    private static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
}

/// Mustache's escaping of values (`<`, `>`, `&`, `"` and `'`), done by witaj's one HTML escaper (`HTML.escape`): on
/// code points, not Characters as swift-mustache's own does, and a text with nothing to escape is returned as it is
/// (swift-mustache walks every Character of every value through a dictionary, which took 5% of a build). Every
/// template is compiled with it.
package struct HTMLEscaping: MustacheContentType {
    package static let name = "WITAJ_HTML"

    package func escapeText(_ text: String) -> String { HTML.escape(text, quotes: .both) }
}
