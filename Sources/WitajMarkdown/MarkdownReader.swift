import CCmarkGFM
import Foundation

/// Parses Markdown with cmark-gfm (tables, strikethrough, autolinks) into Swift values, freeing the C tree at once.
package enum MarkdownReader {
    /// Block structure of a document body; `firstLine` is the body's line in its file (after front matter). A body
    /// over the limits (`MarkdownLimits`) has no blocks, only the problems, each at its line in the file.
    package static func blocks(_ source: String, firstLine: Int = 1) -> (blocks: [Block], problems: [MarkdownProblem]) {
        let oversized = oversizedRuns(source, firstLine: firstLine)
        if !oversized.isEmpty { return ([], oversized) }
        let separated = TableSeparation(source, firstLine: firstLine)
        return withParsedDocument(separated.source, options: CMARK_OPT_SOURCEPOS) { document in
            if let deep = firstTooDeep(document) {
                let line = separated.lines.file(Int(cmark_node_get_start_line(deep.block)))
                return ([], [MarkdownProblem(line: line, column: Int(cmark_node_get_start_column(deep.block)),
                                             message: MarkdownLimits.tooDeep)])
            }
            let lines = SourceLines(separated.source)
            return (children(of: document).compactMap { block($0, lines: lines, quoteDepth: 0, map: separated.lines) }, [])
        }
    }

    /// Why a segment's text (a title, a paragraph of a procedure, a translation) is over the limits, or nil. Only a
    /// text with many delimiters can nest deeply, and only such a text is parsed to find out.
    package static func limitProblem(inSegment text: String) -> String? {
        let bytes = text.utf8.count
        if bytes > MarkdownLimits.segmentBytes { return MarkdownLimits.tooLong(bytes) }
        var delimiters = 0
        for byte in text.utf8 where byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "-") {
            delimiters += 1
        }
        guard delimiters >= MarkdownLimits.depth - 2 else { return nil }
        let deep = withParsedDocument(escapeBlockStarts(text), options: 0) { firstTooDeep($0) != nil }
        return deep ? MarkdownLimits.tooDeep : nil
    }

    /// Parses a segment's text as the inline content of one paragraph. Characters that would start a block at
    /// the beginning of a line are escaped first; nil when the text still does not form a single paragraph.
    /// A text over the limits (`limitProblem`) is nil too: shown as plain text, never parsed into a tree that deep.
    package static func inlines(_ text: String) -> [Inline]? {
        plainText(text) ?? parsedInlines(text)
    }

    /// `inlines` by cmark, always.
    package static func parsedInlines(_ text: String) -> [Inline]? {
        guard text.utf8.count <= MarkdownLimits.segmentBytes else { return nil }
        let escaped = escapeBlockStarts(text)
        return withParsedDocument(escaped, options: 0) { document -> [Inline]? in
            if firstTooDeep(document) != nil { return nil }
            let blocks = children(of: document)
            if blocks.isEmpty { return [] }
            guard blocks.count == 1, cmark_node_get_type(blocks[0]) == CMARK_NODE_PARAGRAPH else { return nil }
            return inlineChildren(blocks[0])
        }
    }

    /// The inlines of a text that cmark would read as one text node, unchanged; nil when it might read it
    /// otherwise. Most titles, list items and table cells are such text, and skip the parser: no character that
    /// opens inline syntax (emphasis, code, inline links "](", HTML, entities, escapes, strikethrough, tables) or
    /// an autolink ("http:", "www.", "a@b"), no line break or other control character, no blank at either end, and
    /// no punctuation but "[" or digit first (a block could start there). Brackets alone are text: a segment is
    /// parsed on its own, without link reference definitions.
    package static func plainText(_ text: String) -> [Inline]? {
        if text.isEmpty { return [] }
        let utf8 = text.utf8
        guard let first = utf8.first,
              first >= 0x80 || first == UInt8(ascii: "[") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")),
              let last = utf8.last, last != 0x20 else { return nil }
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0..<0x20, 0x7F, UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "~"),
                 UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: "@"):
                return nil
            // "www." in any case; "](" of a link
            case UInt8(ascii: ".") where previous | 0x20 == UInt8(ascii: "w"), UInt8(ascii: "(") where previous == UInt8(ascii: "]"):
                return nil
            default:
                previous = byte
            }
        }
        return [.text(text)]
    }

    // MARK: - cmark

    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark-gfm 0.29 turns its extensions' characters on in a process-wide table before it parses the inlines of
    /// a document (`cmark_parser_finish`) and off after: two such parses at once would drop each other's autolinks
    /// and strikethrough. Block parsing (`cmark_parser_feed`) touches no shared state and stays on every core.
    private static let inlinePhase = NSLock()

    private static func withParsedDocument<T>(_ source: String, options: Int32, _ body: (OpaquePointer) -> T) -> T {
        _ = registered
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        source.withCString { cmark_parser_feed(parser, $0, source.utf8.count) }
        let document = inlinePhase.withLock { cmark_parser_finish(parser)! }
        defer { cmark_node_free(document) }
        return body(document)
    }

    /// The first node nested deeper than `MarkdownLimits.depth` and the block it is in (which has a position),
    /// found without recursion: every walk of the Swift values after this one recurses.
    private static func firstTooDeep(_ document: OpaquePointer) -> (node: OpaquePointer, block: OpaquePointer)? {
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        var depth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            // Leaves and empty containers change nothing: only nodes with children are entered and left.
            guard cmark_node_first_child(node) != nil else { continue }
            if event == CMARK_EVENT_EXIT {
                depth -= 1
                continue
            }
            depth += 1
            if depth > MarkdownLimits.depth {
                var block = node
                while cmark_node_get_start_line(block) == 0, let parent = cmark_node_parent(block) { block = parent }
                return (node, block)
            }
        }
        return nil
    }

    /// Runs of lines with no blank line between them (a paragraph, a list, a table) longer than
    /// `MarkdownLimits.blockBytes`: found before cmark reads them, as its time grows with their length squared.
    private static func oversizedRuns(_ source: String, firstLine: Int) -> [MarkdownProblem] {
        var problems: [MarkdownProblem] = []
        var line = firstLine, runStart = firstLine, runBytes = 0, lineBlank = true
        func endLine() {
            if lineBlank {
                if runBytes > MarkdownLimits.blockBytes {
                    problems.append(MarkdownProblem(line: runStart, column: 1, message: MarkdownLimits.blockTooLong(runBytes)))
                }
                runBytes = 0
                runStart = line + 1
            }
        }
        for byte in source.utf8 {
            if byte == UInt8(ascii: "\n") {
                endLine()
                line += 1
                lineBlank = true
                continue
            }
            runBytes += 1
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { lineBlank = false }
        }
        lineBlank = true
        endLine()
        return problems
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            result.append(c)
            child = cmark_node_next(c)
        }
        return result
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        String(cString: cmark_node_get_type_string(node))
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func block(_ node: OpaquePointer, lines: SourceLines, quoteDepth: Int, map: LineMap) -> Block? {
        let startLine = Int(cmark_node_get_start_line(node))
        let startColumn = Int(cmark_node_get_start_column(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let endColumn = Int(cmark_node_get_end_column(node))
        func at(_ text: String, _ line: Int = startLine, _ column: Int = startColumn) -> SourceText {
            SourceText(text, line: map.file(line), column: column)
        }
        switch typeName(node) {
        case "paragraph":
            return .paragraph(at(lines.slice(startLine, startColumn, endLine, endColumn, quoteDepth: quoteDepth)))
        case "heading":
            let level = Int(cmark_node_get_heading_level(node))
            let (text, column) = lines.headingText(startLine, startColumn, endLine, quoteDepth: quoteDepth)
            // A regex literal is compiled each time it is met: only a heading with a brace may have an id.
            if text.utf8.contains(UInt8(ascii: "{")), let explicit = text.wholeMatch(of: /(.*?)[ \t]+\{#([A-Za-z][A-Za-z0-9_-]*)\}[ \t]*/) {
                return .heading(level: level, text: at(String(explicit.1), startLine, column), id: String(explicit.2))
            }
            return .heading(level: level, text: at(text, startLine, column), id: nil)
        case "list":
            let items = children(of: node).map { item in
                children(of: item).compactMap { block($0, lines: lines, quoteDepth: quoteDepth, map: map) }
            }
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0,
                         items: items)
        case "block_quote":
            return .blockquote(children(of: node).compactMap {
                block($0, lines: lines, quoteDepth: quoteDepth + 1, map: map)
            })
        case "code_block":
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .code(info: info, literal: literal(node))
        case "thematic_break":
            return .thematicBreak
        case "html_block":
            return .html(line: map.file(startLine))
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments = [TableAlignment](repeating: .none, count: columns)
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for i in 0..<columns {
                    switch raw[i] {
                    case UInt8(ascii: "l"): alignments[i] = .left
                    case UInt8(ascii: "c"): alignments[i] = .center
                    case UInt8(ascii: "r"): alignments[i] = .right
                    default: break
                    }
                }
            }
            let rows = children(of: node).map { row in
                children(of: row).map { cell -> SourceText in
                    let line = Int(cmark_node_get_start_line(cell))
                    let from = Int(cmark_node_get_start_column(cell))
                    let to = Int(cmark_node_get_end_column(cell))
                    let (text, column) = lines.cell(line, from, to)
                    return at(text, line, column)
                }
            }
            guard let header = rows.first else { return nil }
            return .table(alignments: alignments, header: header, rows: Array(rows.dropFirst()))
        default:
            return nil
        }
    }

    private static func inlineChildren(_ node: OpaquePointer) -> [Inline] {
        children(of: node).compactMap(inline)
    }

    private static func inline(_ node: OpaquePointer) -> Inline? {
        switch typeName(node) {
        case "text": return .text(literal(node))
        case "code": return .code(literal(node))
        case "emph": return .emphasis(inlineChildren(node))
        case "strong": return .strong(inlineChildren(node))
        case "strikethrough": return .strikethrough(inlineChildren(node))
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "html_inline": return .html(literal(node))
        case "link":
            return .link(destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                         title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
                         inlineChildren(node))
        case "image":
            return .image(source: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                          title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
                          alt: inlineChildren(node))
        default:
            return .text(literal(node))
        }
    }
}
