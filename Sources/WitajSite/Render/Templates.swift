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

    package static func compile(_ theme: Theme, into diagnostics: inout Diagnostics) -> Templates {
        _ = registered
        var library = MustacheLibrary()
        for (name, template) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                // A line of its own, which Mustache drops: the template's lines keep their numbers, less one.
                try library.register("{{% CONTENT_TYPE: \(HTMLEscaping.name) }}\n" + template.text, named: name)
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
        return Templates(library: library)
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
