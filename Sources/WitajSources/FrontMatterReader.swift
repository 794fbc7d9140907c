import Yams
import WitajMarkdown
import WitajCore

/// Reads a Markdown document: YAML front matter (title, summary, id, reviewed, order, review, draft, keywords; a news
/// post's and an event's fields in their sections: `FrontMatterReader+Dated.swift`) and a body.
package enum MarkdownDocumentReader {
    package static let fields = ["title", "summary", "id", "reviewed", "order", "review", "draft", "keywords"]

    package static func read(_ text: String, source: String, path: String, kind: Document.Kind,
                             into diagnostics: inout Diagnostics) -> Document? {
        let text = unixLineEnds(text)
        // Split in bytes: by characters, each step would look for a grapheme's end ("\n" always ends one).
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)
        guard lines.first?.trimmingTrailingSpace == "---" else {
            diagnostics.error(SourceLocation(source), "missing front matter: start the file with '---', a 'title:' line and '---'")
            return nil
        }
        guard let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingTrailingSpace) }) else {
            diagnostics.error(SourceLocation(source), "front matter opened with '---' is never closed")
            return nil
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        let errorsBefore = diagnostics.errors.count
        guard let node = YAMLText.compose(yaml, path: source, firstLine: 2, into: &diagnostics) else {
            // Yams gives no node and no error for an empty front matter: it has no title.
            if diagnostics.errors.count == errorsBefore {
                diagnostics.error(SourceLocation(source, line: 1), "front matter has no 'title'")
            }
            return nil
        }
        func at(_ n: Node) -> SourceLocation { YAMLText.location(n.mark, in: yaml, path: source, firstLine: 2) }
        guard let mapping = node.mapping else {
            diagnostics.error(at(node), "front matter must be a mapping of fields (title: ...)")
            return nil
        }

        var values: [String: (String, Node)] = [:]
        var keywords: [(text: String, location: SourceLocation)] = []
        let datedFields = datedFields(path: path, kind: kind)
        var dated: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if datedFields.contains(name) {
                dated[name] = value
                continue
            }
            guard fields.contains(name) else {
                let known = fields + datedFields
                diagnostics.warning(at(key), "unknown front matter field '\(name)' (known: \(known.joined(separator: ", ")))")
                continue
            }
            if name == "keywords" {
                let words = value.sequence.map(Array.init) ?? [value]
                for word in words {
                    if let text = word.string, !text.allSatisfy(\.isWhitespace) { keywords.append((text, at(word))) } else {
                        diagnostics.error(at(word), "'keywords' is a list of words readers look for, such as [meldunek]")
                    }
                }
                continue
            }
            guard let scalar = value.scalar else {
                diagnostics.error(at(value), "front matter field '\(name)' must be a single value")
                continue
            }
            values[name] = (scalar.string, value)
        }
        func segment(_ name: String, _ role: Segment.Role) -> Segment? {
            guard let (text, node) = values[name], !text.isEmpty else { return nil }
            return Segment(text, role: role, location: at(node))
        }
        let title = segment("title", .title)
        if title == nil { diagnostics.error(SourceLocation(source, line: 1), "front matter has no 'title'") }
        Keywords.check(keywords, title: title, into: &diagnostics)
        var reviewed: Day?
        if let (text, node) = values["reviewed"] {
            reviewed = Day(text)
            if reviewed == nil {
                diagnostics.error(at(node), "'reviewed' must be a date that exists, written like 2026-11-21, not '\(text)'")
            }
        } else {
            // Required as in a procedure's reviewed="…" (drafts too: `witaj new` writes it): the page says when the
            // facts were last checked, and the books are dated by it.
            diagnostics.error(SourceLocation(source, line: 1), "front matter has no 'reviewed': add the date an editor last checked the facts, such as 'reviewed: 2026-12-03'")
        }
        var order: Int?
        if let (text, node) = values["order"] {
            order = Int(text)
            if order == nil { diagnostics.error(at(node), "'order' must be a whole number, not '\(text)'") }
        }
        var draft = false
        if let (text, node) = values["draft"] {
            switch text.lowercased() {
            case "true", "yes": draft = true
            case "false", "no": draft = false
            default: diagnostics.error(at(node), "'draft' is true or false, not '\(text)'")
            }
        }
        let post = datedFields == postFields ? readPost(dated, source: source, at: at, into: &diagnostics) : nil
        let event = datedFields == eventFields ? readEvent(dated, source: source, at: at, into: &diagnostics) : nil
        let (blocks, problems) = MarkdownReader.blocks(body, firstLine: end + 2)
        for problem in problems {
            diagnostics.error(SourceLocation(source, line: problem.line, column: problem.column), problem.message)
        }
        // A document whose fields are wrong (a date, an order) is still read, so that its links and ids are checked
        // in the same run (its problems are errors already); one with no title or a body witaj cannot read is not.
        guard let title, problems.isEmpty else { return nil }
        var document = Document(
            id: values["id"]?.0 ?? (path.isEmpty ? "index" : path), idLocation: values["id"].map { at($0.1) } ?? SourceLocation(source),
            path: path, source: source, kind: kind, title: title, summary: segment("summary", .summary),
            reviewed: reviewed, order: order, review: values["review"]?.0, draft: draft,
            body: .markdown(blocks))
        document.keywords = keywords.map(\.text)
        document.post = post
        if let event { document.setEvent(event) }
        return document
    }
}

extension MarkdownDocumentReader {
    /// The text with every line ending in "\n". cmark and YAML also end a line at a lone "\r" (an old Mac line end):
    /// left as it is, their line numbers and the lines witaj cuts segments from would disagree. (The loader decodes
    /// Markdown files so already; this is for text from elsewhere.)
    package static func unixLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return String(decoding: UTF8Text.unixLineEnds(Array(text.utf8), loneCR: true), as: UTF8.self)
    }
}

extension Substring {
    package var trimmingTrailingSpace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
