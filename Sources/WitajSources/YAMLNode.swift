import Yams
import WitajCore

/// Reads YAML through Yams into nodes that keep their line and column, and turns Yams' errors into diagnostics.
package enum YAMLText {
    /// `firstLine` is the file line of the YAML's first line (2 for front matter after `---`).
    package static func compose(_ text: String, path: String, firstLine: Int, into diagnostics: inout Diagnostics) -> Node? {
        do {
            // The encoding given: Yams would look it up in the environment at each call.
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            let (mark, problem): (Mark?, String) = switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _): (mark, problem)
            case .duplicatedKeysInMapping(let duplicates, let context):
                (context.mark, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
            default: (nil, "\(error)")
            }
            let line = mark.flatMap { mark in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first }
            diagnostics.error(location(mark, in: text, path: path, firstLine: firstLine),
                              "malformed YAML: \(problem)\(hint(problem, line: line.map(String.init)))")
            return nil
        } catch {
            diagnostics.error(SourceLocation(path, line: firstLine), "malformed YAML: \(error)")
            return nil
        }
    }

    /// What to do about the YAML mistakes editors make most.
    /// `line`: the line the problem is on, to show it put right when that is plain.
    static func hint(_ problem: String, line: String? = nil) -> String {
        if problem.contains("mapping values are not allowed") {
            // The editor's own line with its value quoted: "summary: Uwaga: termin" -> summary: "Uwaga: termin".
            if let match = line?.wholeMatch(of: /([A-Za-z_]+):[ \t]+([^"'\[{].*?)[ \t]*/) {
                let value = match.2.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                return "; a value with ': ' in it must be quoted, as in \(match.1): \"\(value)\""
            }
            return "; a value with ': ' in it must be quoted, as in title: \"PESEL: jak go dostać\""
        }
        if problem.contains("cannot start any token") {
            return "; a value that starts with @, ` or a tab must be quoted, and indentation uses spaces"
        }
        if problem.contains("did not find expected key") || problem.contains("could not find expected ':'") {
            return "; every field is 'name: value' on its own line, starting at the beginning of the line"
        }
        return ""
    }

    /// Where a mark of libyaml is, counted as witaj counts: lines end at "\n", columns are bytes. libyaml (YAML 1.1)
    /// also ends a line at a lone "\r", U+0085, U+2028 and U+2029, and counts columns in Unicode scalars.
    package static func location(_ mark: Mark?, in text: String, path: String, firstLine: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(path, line: firstLine) }
        let scalars = Array(text.unicodeScalars)
        var (yamlLine, yamlColumn) = (1, 1)
        var (line, column) = (1, 1)
        var i = 0
        while i < scalars.count, yamlLine < mark.line || (yamlLine == mark.line && yamlColumn < mark.column) {
            let s = scalars[i]
            let crlf = s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"
            let isBreak = ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(s)
            // A column past the end of its line stays at the end.
            if isBreak && yamlLine == mark.line { break }
            if isBreak { (yamlLine, yamlColumn) = (yamlLine + 1, 1) } else { yamlColumn += 1 }
            if crlf { i += 1 }
            if crlf || s == "\n" { (line, column) = (line + 1, 1) } else { column += String(s).utf8.count }
            i += 1
        }
        // Past the end (the end of the stream, on the line after the last): the lines after the text.
        if i == scalars.count && yamlLine < mark.line { (line, column) = (line + mark.line - yamlLine, mark.column) }
        return SourceLocation(path, line: line + firstLine - 1, column: column)
    }
}
