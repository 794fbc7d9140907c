import Mustache
import WitajMarkdown
import WitajCore

/// The theme's templates compiled by swift-mustache; a template that does not parse is a located diagnostic.
package struct Templates: Sendable {
    package let library: MustacheLibrary

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
        library.render(context, withTemplate: name) ?? ""
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
