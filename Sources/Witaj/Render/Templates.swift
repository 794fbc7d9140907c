import Mustache

/// The theme's templates compiled by swift-mustache; a template that does not parse is a located diagnostic.
struct Templates: Sendable {
    let library: MustacheLibrary

    static func compile(_ theme: Theme, into diagnostics: inout Diagnostics) -> Templates {
        var library = MustacheLibrary()
        for (name, template) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(template.text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(SourceLocation(template.path, line: error.context.lineNumber, column: error.context.columnNumber),
                                  "template does not parse: \(error.error)")
            } catch {
                diagnostics.error(SourceLocation(template.path), "template does not parse: \(error)")
            }
        }
        for required in ["document", "procedure", "offices", "a-z", "languages", "coverage"] where library.getTemplate(named: required) == nil {
            diagnostics.error(SourceLocation("theme/templates/\(required).mustache"), "the theme has no '\(required)' template")
        }
        return Templates(library: library)
    }

    func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
