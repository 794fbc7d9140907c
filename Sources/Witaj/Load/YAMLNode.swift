import Yams

/// Reads YAML through Yams into nodes that keep their line and column, and turns Yams' errors into diagnostics.
enum YAMLText {
    /// `firstLine` is the file line of the YAML's first line (2 for front matter after `---`).
    static func compose(_ text: String, path: String, firstLine: Int, into diagnostics: inout Diagnostics) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (mark, problem): (Mark?, String) = switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _): (mark, problem)
            case .duplicatedKeysInMapping(let duplicates, let context):
                (context.mark, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
            default: (nil, "\(error)")
            }
            diagnostics.error(location(mark, path: path, firstLine: firstLine), "malformed YAML: \(problem)")
            return nil
        } catch {
            diagnostics.error(SourceLocation(path, line: firstLine), "malformed YAML: \(error)")
            return nil
        }
    }

    static func location(_ mark: Mark?, path: String, firstLine: Int) -> SourceLocation {
        SourceLocation(path, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
    }
}
