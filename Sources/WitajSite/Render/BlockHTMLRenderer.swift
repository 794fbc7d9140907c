import WitajMarkdown
import WitajCore

/// Renders a Markdown body's blocks to HTML; every leaf's text goes through the segment renderer.
package struct BlockHTMLRenderer {
    package let segments: SegmentRenderer

    package init(segments: SegmentRenderer) {
        self.segments = segments
    }

    /// `ids`: the headings' ids (`Document.headingIDs`).
    package func render(_ blocks: [Block], ids: [String]) -> String {
        var out = ""
        var headings = 0
        render(blocks, ids: ids, into: &out, headings: &headings)
        return out
    }

    private func render(_ blocks: [Block], ids: [String], into out: inout String, headings: inout Int, tight: Bool = false) {
        for block in blocks {
            switch block {
            case .heading(let level, let text, _):
                let id = headings < ids.count ? ids[headings] : "s\(headings + 1)"
                headings += 1
                // The page title is the only h1.
                let h = "h\(min(max(level, 2), 6))"
                let r = segments.render(text.text)
                out += "<\(h) id=\"\(HTML.escapeAttribute(id))\"\(r.attributes)>\(r.html)</\(h)>\n"
            case .paragraph(let text):
                let r = segments.render(text.text)
                out += tight && r.attributes.isEmpty ? r.html + "\n" : "<p\(r.attributes)>\(r.html)</p>\n"
            case .list(let ordered, let start, let isTight, let items):
                out += ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n"
                for item in items {
                    if isTight, case .paragraph(let text)? = item.first {
                        let r = segments.render(text.text)
                        out += "<li>" + r.inline
                        if item.count > 1 {
                            out += "\n"
                            render(Array(item.dropFirst()), ids: ids, into: &out, headings: &headings, tight: true)
                        }
                        out += "</li>\n"
                    } else {
                        out += "<li>"
                        render(item, ids: ids, into: &out, headings: &headings, tight: isTight)
                        out += "</li>\n"
                    }
                }
                out += ordered ? "</ol>\n" : "</ul>\n"
            case .blockquote(let inner):
                out += "<blockquote>\n"
                render(inner, ids: ids, into: &out, headings: &headings)
                out += "</blockquote>\n"
            case .code(let info, let literal):
                let language = info.split(separator: " ").first.map { " class=\"language-\(HTML.escapeAttribute(String($0)))\"" } ?? ""
                out += "<pre><code\(language)>\(HTML.escape(literal))</code></pre>\n"
            case .thematicBreak:
                out += "<hr>\n"
            case .table(let alignments, let header, let rows):
                func align(_ i: Int) -> String {
                    switch alignments.indices.contains(i) ? alignments[i] : .none {
                    case .none: ""
                    case .left: " class=\"left\""
                    case .center: " class=\"center\""
                    case .right: " class=\"right\""
                    }
                }
                // A table wider than a phone scrolls in a region the keyboard reaches, named by its column headings.
                let label = header.map { segments.localized.resolve($0.text).plainText }.filter { !$0.isEmpty }.joined(separator: ", ")
                out += "<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTML.escapeAttribute(label))\"><table>\n<thead><tr>"
                for (i, cell) in header.enumerated() {
                    let r = segments.render(cell.text)
                    out += "<th scope=\"col\"\(align(i))\(r.attributes)>\(r.html)</th>"
                }
                out += "</tr></thead>\n<tbody>\n"
                for row in rows {
                    out += "<tr>"
                    for (i, cell) in row.enumerated() {
                        let r = segments.render(cell.text)
                        out += "<td\(align(i))\(r.attributes)>\(r.html)</td>"
                    }
                    out += "</tr>\n"
                }
                out += "</tbody></table></div>\n"
            case .html:
                continue
            }
        }
    }
}
