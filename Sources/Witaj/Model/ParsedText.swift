import WitajMarkdown

/// A segment's inline Markdown, parsed once: a source segment when its document is read, a translation when it is
/// checked. Validation, coverage, localization and rendering read this value; none of them parses the text again.
public enum ParsedText: Sendable, Equatable {
    /// The text reads as itself, one text node (most titles, list items and table cells): nothing is held.
    case plain
    case inlines([Inline])
    /// The text is not inline Markdown (it would open a block, say "<div>" at a line start): shown as plain text.
    case notInline

    /// `text` as `MarkdownReader.inlines` reads it.
    public init(_ text: String) {
        switch MarkdownReader.inlines(text) {
        case nil: self = .notInline
        case let inlines?:
            if inlines.count == 1, case .text(let only) = inlines[0], only.utf8.elementsEqual(text.utf8) {
                self = .plain
            } else {
                self = .inlines(inlines)
            }
        }
    }

    /// The inlines of `text` (the text this value was parsed from); nil when it is not inline Markdown.
    public func inlines(of text: String) -> [Inline]? {
        switch self {
        case .plain: [.text(text)]
        case .inlines(let inlines): inlines
        case .notInline: nil
        }
    }

    /// What a reader sees of `text`, without markup (titles in `<title>` and lists, sorting, word counts).
    public func plainText(of text: String) -> String {
        switch self {
        case .plain, .notInline: text
        case .inlines(let inlines): InlineHTMLRenderer.plainText(inlines)
        }
    }

    /// `text` as HTML: its inlines through `renderer`, or the text escaped.
    func html(of text: String, _ renderer: InlineHTMLRenderer) -> String {
        switch self {
        case .plain, .notInline: HTML.escape(text)
        case .inlines(let inlines): renderer.render(inlines)
        }
    }

    /// Whether the text has a link or an image anywhere.
    var pointsSomewhere: Bool {
        guard case .inlines(let inlines) = self else { return false }
        return Self.pointsSomewhere(inlines)
    }

    private static func pointsSomewhere(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .link, .image: true
            case .emphasis(let c), .strong(let c), .strikethrough(let c): pointsSomewhere(c)
            default: false
            }
        }
    }
}
