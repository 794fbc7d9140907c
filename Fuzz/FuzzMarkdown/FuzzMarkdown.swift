import FuzzSupport
import WitajCore
import WitajSources
import WitajMarkdown

/// Markdown segmentation and rendering on any text: the whole input as a document body (MarkdownReader.blocks),
/// then the whole input and every leaf block's text as a segment (MarkdownReader.inlines, InlineHTMLRenderer).
/// Laws:
/// - a leaf block's position lies inside the text, and its text starts there;
/// - the shortcut agrees with cmark: text taken as plain is what cmark reads;
/// - the HTML has no tag but the renderer's own, properly nested, every `&` an escape it made.
/// Bounded by script/fuzz to 4 KB (-max_len): deep nesting and huge paragraphs are known, tracked separately.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = String(decoding: Fuzz.bytes(start, count), as: UTF8.self)
    // A document's body comes to MarkdownReader with "\n" line ends only; a segment may hold any character.
    let text = MarkdownDocumentReader.unixLineEnds(input)
    let lines = Lines(Array(text.utf8), cmark: true)
    var segments = [input]
    for leaf in leaves(MarkdownReader.blocks(text).blocks) {
        Fuzz.law(lines.contains(line: leaf.line, column: leaf.column), "a leaf block lies inside the text",
                 "line \(leaf.line) column \(leaf.column): \(leaf.text)")
        let source = lines.lines[leaf.line - 1].dropFirst(leaf.column - 1)
        let first = leaf.text.utf8.prefix { $0 != UInt8(ascii: "\n") }
        Fuzz.law(source.starts(with: first), "a leaf's text starts where its position says",
                 "line \(leaf.line) column \(leaf.column): \(leaf.text)")
        segments.append(leaf.text)
    }
    for segment in segments { check(segment) }
    return 0
}

private func check(_ segment: String) {
    if let plain = MarkdownReader.plainText(segment) {
        Fuzz.law(MarkdownReader.parsedInlines(segment) == plain, "text taken as plain is what cmark reads", segment)
    }
    guard let inlines = MarkdownReader.inlines(segment) else { return }
    for renderer in [InlineHTMLRenderer(link: { $0 }), InlineHTMLRenderer(link: { _ in nil })] {
        let html = renderer.render(inlines)
        Fuzz.law(onlyOwnMarkup(html), "the HTML has only the renderer's own markup", segment + "\n----\n" + html)
    }
    _ = InlineHTMLRenderer.plainText(inlines)
}

private func leaves(_ blocks: [Block]) -> [SourceText] {
    blocks.flatMap { block -> [SourceText] in
        switch block {
        case .heading(_, let text, _), .paragraph(let text): [text]
        case .list(_, _, _, let items): items.flatMap(leaves)
        case .blockquote(let inner): leaves(inner)
        case .table(_, let header, let rows): header + rows.flatMap { $0 }
        case .code, .thematicBreak, .html: []
        }
    }
}

/// Tags the renderer makes, and `&amp;`, `&lt;`, `&gt;`, `&quot;`: raw HTML of the input never gets through.
private func onlyOwnMarkup(_ html: String) -> Bool {
    let bytes = Array(html.utf8)
    var open: [String] = []
    var i = 0
    func take(_ literal: String) -> Bool {
        let l = Array(literal.utf8)
        guard bytes.count - i >= l.count, bytes[i..<(i + l.count)].elementsEqual(l) else { return false }
        i += l.count
        return true
    }
    /// `name="value"` with an escaped value.
    func attribute(_ name: String) -> Bool {
        guard take(" \(name)=\"") else { return false }
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "<") || bytes[i] == UInt8(ascii: ">") { return false }
            i += 1
        }
        return take("\"")
    }
    while i < bytes.count {
        switch bytes[i] {
        case UInt8(ascii: "<"):
            if let name = ["em", "strong", "del", "code"].first(where: { take("<\($0)>") }) {
                open.append(name)
            } else if let name = ["em", "strong", "del", "code", "a"].first(where: { take("</\($0)>") }) {
                guard open.popLast() == name else { return false }
            } else if take("<br>") {
            } else if take("<a") {
                guard attribute("href") else { return false }
                _ = attribute("title")
                guard take(">") else { return false }
                open.append("a")
            } else if take("<img") {
                guard attribute("src"), attribute("alt") else { return false }
                _ = attribute("title")
                guard take(">") else { return false }
            } else {
                return false
            }
        case UInt8(ascii: "&"):
            guard ["&amp;", "&lt;", "&gt;", "&quot;"].contains(where: take) else { return false }
        case UInt8(ascii: ">"):
            return false
        default:
            i += 1
        }
    }
    return open.isEmpty
}
