/// What a Markdown text may not exceed. Beyond these a document or a translation is refused with a located
/// diagnostic instead of being parsed: cmark-gfm 0.29's time grows with the square of a paragraph's length, and
/// every walk of the parsed values recurses once per level of nesting. Documented in CONTENT-GUIDE.md and
/// TRANSLATING.md.
package enum MarkdownLimits {
    /// Levels of lists, quotes, emphasis and links inside each other (a page of the pack has at most 5).
    package static let depth = 32
    /// Bytes of one segment: a paragraph, a list item, a table cell, a title (the pack's longest has about 700).
    package static let segmentBytes = 16_384
    /// Bytes of text without a blank line: a paragraph, a list or a table as a whole.
    package static let blockBytes = 65_536

    static let tooDeep = "Markdown nested more than \(depth) levels deep (lists, quotes, emphasis or links inside each other); flatten it"

    static func tooLong(_ bytes: Int) -> String {
        "the text is \(bytes) bytes long; a paragraph, list item, table cell or title may have at most \(segmentBytes): split it"
    }

    static func blockTooLong(_ bytes: Int) -> String {
        "\(bytes) bytes of text with no blank line (a paragraph, list or table); at most \(blockBytes): put blank lines between paragraphs"
    }
}

/// A Markdown source over the limits, at its line and column.
package struct MarkdownProblem: Sendable, Equatable {
    package let line: Int
    package let column: Int
    package let message: String
}
