/// Markdown as Swift values. Blocks keep the inline source text of each leaf (a translation segment);
/// inlines are parsed from that text on their own, so a translation can never add a block.
package indirect enum Block: Sendable, Equatable {
    /// `id`: set by the editor at the end of the heading (`## Kroki {#kroki}`), which is not part of its text.
    case heading(level: Int, text: SourceText, id: String?)
    case paragraph(SourceText)
    case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
    case blockquote([Block])
    case code(info: String, literal: String)
    case thematicBreak
    case table(alignments: [TableAlignment], header: [SourceText], rows: [[SourceText]])
    /// Raw HTML in the source: not rendered (witaj pages carry no author HTML).
    case html(line: Int)
}

package enum TableAlignment: Sendable, Equatable { case none, left, center, right }

/// The inline Markdown source of one leaf block and where it starts in its file (1-based).
package struct SourceText: Sendable, Equatable {
    package let text: String
    package let line: Int
    package let column: Int
    package init(_ text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }
}

package indirect enum Inline: Sendable, Equatable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(destination: String, title: String, [Inline])
    case image(source: String, title: String, alt: [Inline])
    case softBreak
    case lineBreak
    case html(String)
}
