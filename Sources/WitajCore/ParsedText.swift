import Foundation
import WitajMarkdown

/// A segment's inline Markdown, parsed once: a source segment when its document is read, a translation when it is
/// checked. Validation, coverage, localization and rendering read this value; none of them parses the text again.
///
/// It is kept next to its text for the whole build (every segment of every language), so it holds no copy of the
/// text: a plain text holds nothing, and parsed inlines are kept packed, their texts as ranges of the text they were
/// parsed from (`Packed`). Pass that same text to read them.
package struct ParsedText: Sendable, Equatable {
    private enum Form: Sendable, Equatable {
        /// The text reads as itself, one text node (most titles, list items and table cells).
        case plain
        case inlines(Packed)
        /// Not inline Markdown (it would open a block, say "<div>" at a line start): shown as plain text.
        case notInline
    }
    private let form: Form

    /// `text` as `MarkdownReader.inlines` reads it.
    package init(_ text: String) {
        self.init(MarkdownReader.inlines(text), of: text)
    }

    /// Inlines read from `text` (or made from them: `TranslationLinks.restricted`); nil when it is not inline.
    package init(_ inlines: [Inline]?, of text: String) {
        guard let inlines else {
            form = .notInline
            return
        }
        if inlines.count == 1, case .text(let only) = inlines[0], TextKey(only) == TextKey(text) {
            form = .plain
        } else {
            form = .inlines(Packed(inlines, of: text))
        }
    }

    /// The inlines of `text`, the text this value was parsed from; nil when it is not inline Markdown.
    package func inlines(of text: String) -> [Inline]? {
        switch form {
        case .plain: [.text(text)]
        case .inlines(let packed): packed.inlines(of: text)
        case .notInline: nil
        }
    }

    /// What a reader sees of `text`, without markup (titles in `<title>` and lists, sorting, word counts).
    package func plainText(of text: String) -> String {
        switch form {
        case .plain, .notInline: text
        case .inlines(let packed): packed.plainText(of: text)
        }
    }

    /// `text` as HTML: its inlines through `renderer`, or the text escaped.
    package func html(of text: String, _ renderer: InlineHTMLRenderer) -> String {
        switch form {
        case .plain, .notInline: renderer.text(text)
        case .inlines(let packed): packed.html(of: text, renderer)
        }
    }

    /// Whether the text has a link or an image anywhere (read without unpacking).
    package var pointsSomewhere: Bool { has(.link) || has(.image) }

    /// Whether the text has inline HTML anywhere (an image's description included).
    package var hasHTML: Bool { has(.html) }

    private func has(_ kind: Packed.Kind) -> Bool {
        guard case .inlines(let packed) = form else { return false }
        return packed.nodes.contains { $0.kind == kind }
    }
}

/// Inlines as a flat list (children after their parent) whose texts, destinations and titles are ranges of the UTF-8
/// of the text they were parsed from, or, where cmark changed them (an entity or an escape decoded), texts of their
/// own: no copy of the text and one allocation, where `[Inline]` makes one per inline and per string. Rendered and
/// read as plain text straight from here; `inlines(of:)` unpacks them.
package struct Packed: Sendable, Equatable {
    package enum Kind: UInt8, Sendable {
        case text, code, emphasis, strong, strikethrough, link, image, softBreak, lineBreak, html
    }

    /// A string: bytes `start..<end` of the text, or (`start` is `UInt32.max`) `owned[end]`.
    package struct Piece: Sendable, Equatable {
        package let start: UInt32
        package let end: UInt32
        package static let empty = Piece(start: 0, end: 0)
    }

    package struct Node: Sendable, Equatable {
        package let kind: Kind
        /// How many of the following nodes are its children (direct ones; each is followed by its own).
        package var children: UInt32 = 0
        /// The text of a text, code or HTML node; the destination of a link or an image.
        package var first = Piece.empty
        /// The title of a link or an image.
        package var second = Piece.empty
    }

    package private(set) var nodes: [Node] = []
    private var owned: [String] = []

    package init(_ inlines: [Inline], of text: String) {
        func count(_ inlines: [Inline]) -> Int {
            inlines.reduce(inlines.count) { n, inline in
                switch inline {
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c): n + count(c)
                default: n
                }
            }
        }
        nodes.reserveCapacity(count(inlines))
        var text = text
        text.withUTF8 { bytes in
            var search = Search(bytes: bytes)
            for inline in inlines { add(inline, &search) }
        }
    }

    /// Finds the pieces in the text. They come in order (a link's destination after its content), so each is looked
    /// for from where the last one ended; the work is bounded by a few times the text's length, and a piece not
    /// found in it becomes a string of its own.
    private struct Search {
        package let bytes: UnsafeBufferPointer<UInt8>
        package var cursor = 0
        package var budget: Int

        package init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            budget = 4 * bytes.count + 64
        }

        package mutating func find(_ needle: UnsafeBufferPointer<UInt8>) -> Int? {
            guard let base = bytes.baseAddress, let first = needle.first else { return nil }
            var i = cursor
            while i + needle.count <= bytes.count, budget > 0 {
                budget -= 1
                if bytes[i] == first {
                    budget -= needle.count
                    if memcmp(base + i, needle.baseAddress!, needle.count) == 0 {
                        cursor = i + needle.count
                        return i
                    }
                }
                i += 1
            }
            return nil
        }
    }

    private mutating func add(_ inline: Inline, _ search: inout Search) {
        let index = nodes.count
        func children(_ kind: Kind, _ inlines: [Inline]) {
            nodes.append(Node(kind: kind, children: UInt32(inlines.count)))
            for inline in inlines { add(inline, &search) }
        }
        switch inline {
        case .text(let t): nodes.append(Node(kind: .text, first: piece(t, &search)))
        case .code(let t): nodes.append(Node(kind: .code, first: piece(t, &search)))
        case .html(let t): nodes.append(Node(kind: .html, first: piece(t, &search)))
        case .softBreak: nodes.append(Node(kind: .softBreak))
        case .lineBreak: nodes.append(Node(kind: .lineBreak))
        case .emphasis(let c): children(.emphasis, c)
        case .strong(let c): children(.strong, c)
        case .strikethrough(let c): children(.strikethrough, c)
        case .link(let destination, let title, let content):
            children(.link, content)
            nodes[index].first = piece(destination, &search)
            nodes[index].second = piece(title, &search)
        case .image(let source, let title, let alt):
            children(.image, alt)
            nodes[index].first = piece(source, &search)
            nodes[index].second = piece(title, &search)
        }
    }

    private mutating func piece(_ string: String, _ search: inout Search) -> Piece {
        if string.isEmpty { return .empty }
        var string = string
        if let at = string.withUTF8({ search.find($0) }) {
            return Piece(start: UInt32(at), end: UInt32(at + string.utf8.count))
        }
        owned.append(string)
        return Piece(start: .max, end: UInt32(owned.count - 1))
    }

    /// Reads the nodes against the bytes of their text.
    private struct Reader {
        package let nodes: [Node]
        package let owned: [String]
        package let bytes: UnsafeBufferPointer<UInt8>
        package var next = 0

        package func string(_ piece: Piece) -> String {
            if piece.start == .max { return owned[Int(piece.end)] }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(piece.start)..<Int(piece.end)]), as: UTF8.self)
        }

        package mutating func inline() -> Inline {
            let n = nodes[next]
            next += 1
            switch n.kind {
            case .text: return .text(string(n.first))
            case .code: return .code(string(n.first))
            case .html: return .html(string(n.first))
            case .softBreak: return .softBreak
            case .lineBreak: return .lineBreak
            case .emphasis: return .emphasis(children(n))
            case .strong: return .strong(children(n))
            case .strikethrough: return .strikethrough(children(n))
            case .link:
                let content = children(n)
                return .link(destination: string(n.first), title: string(n.second), content)
            case .image:
                let alt = children(n)
                return .image(source: string(n.first), title: string(n.second), alt: alt)
            }
        }

        package mutating func children(_ n: Node) -> [Inline] {
            var result: [Inline] = []
            result.reserveCapacity(Int(n.children))
            for _ in 0..<n.children { result.append(inline()) }
            return result
        }

        /// `InlineHTMLRenderer.render` of the next node, without unpacking it.
        package mutating func html(_ renderer: InlineHTMLRenderer, into out: inout String) {
            let n = nodes[next]
            next += 1
            switch n.kind {
            case .text, .html: out += renderer.text(string(n.first))
            case .code: out += "<code>" + HTML.escape(string(n.first)) + "</code>"
            case .softBreak: out += "\n"
            case .lineBreak: out += "<br>\n"
            case .emphasis, .strong, .strikethrough:
                let tag = n.kind == .emphasis ? "em" : n.kind == .strong ? "strong" : "del"
                out += "<" + tag + ">"
                for _ in 0..<n.children { html(renderer, into: &out) }
                out += "</" + tag + ">"
            case .link:
                guard let href = renderer.link(string(n.first)) else {
                    for _ in 0..<n.children { html(renderer, into: &out) }
                    return
                }
                out += "<a href=\"" + HTML.escapeAttribute(href) + "\""
                let title = string(n.second)
                if !title.isEmpty { out += " title=\"" + HTML.escapeAttribute(title) + "\"" }
                out += ">"
                for _ in 0..<n.children { html(renderer, into: &out) }
                out += "</a>"
            case .image:
                var alt = ""
                for _ in 0..<n.children { plainText(into: &alt) }
                guard let src = renderer.image(string(n.first)) else {
                    out += HTML.escape(alt)
                    return
                }
                out += "<img src=\"" + HTML.escapeAttribute(src) + "\" alt=\"" + HTML.escapeAttribute(alt) + "\""
                let title = string(n.second)
                if !title.isEmpty { out += " title=\"" + HTML.escapeAttribute(title) + "\"" }
                out += ">"
            }
        }

        /// `InlineHTMLRenderer.plainText` of the next node, without unpacking it.
        package mutating func plainText(into out: inout String) {
            let n = nodes[next]
            next += 1
            switch n.kind {
            case .text, .code: out += string(n.first)
            case .html: break
            case .softBreak, .lineBreak: out += " "
            case .emphasis, .strong, .strikethrough, .link, .image:
                for _ in 0..<n.children { plainText(into: &out) }
            }
        }
    }

    /// Reads the nodes; `text` is the text they were packed from.
    private func read<T>(_ text: String, _ body: (inout Reader) -> T) -> T {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(nodes: nodes, owned: owned, bytes: bytes)
            return body(&reader)
        }
    }

    /// The inlines again; `text` is the text they were packed from.
    package func inlines(of text: String) -> [Inline] {
        read(text) { reader in
            var result: [Inline] = []
            while reader.next < nodes.count { result.append(reader.inline()) }
            return result
        }
    }

    /// What `InlineHTMLRenderer.render` makes of the inlines.
    package func html(of text: String, _ renderer: InlineHTMLRenderer) -> String {
        read(text) { reader in
            var out = ""
            while reader.next < nodes.count { reader.html(renderer, into: &out) }
            return out
        }
    }

    /// What `InlineHTMLRenderer.plainText` makes of the inlines.
    package func plainText(of text: String) -> String {
        read(text) { reader in
            var out = ""
            while reader.next < nodes.count { reader.plainText(into: &out) }
            return out
        }
    }
}
