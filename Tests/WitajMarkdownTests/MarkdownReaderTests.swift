import Testing
@testable import WitajMarkdown

@Suite struct MarkdownReaderTests {
    @Test func leafBlocksKeepTheirInlineSourceAndPosition() {
        let source = """
            # Witaj *w* Krakowie #

            Pierwszy akapit
            w dwóch liniach.

            - punkt **jeden**
              ciąg dalszy
            - > cytat
              > drugi wiersz

            | Numer | Co |
            |---:|:---|
            | 112 | alarm \\| wszystko |

            Setext
            ======
            """
        let blocks = MarkdownReader.blocks(source, firstLine: 5).blocks
        #expect(blocks.count == 5)
        #expect(blocks[0] == .heading(level: 1, text: SourceText("Witaj *w* Krakowie", line: 5, column: 3), id: nil))
        #expect(blocks[1] == .paragraph(SourceText("Pierwszy akapit\nw dwóch liniach.", line: 7, column: 1)))
        guard case .list(false, _, _, let items) = blocks[2] else { Issue.record("not a list"); return }
        #expect(items[0] == [.paragraph(SourceText("punkt **jeden**\nciąg dalszy", line: 10, column: 3))])
        #expect(items[1] == [.blockquote([.paragraph(SourceText("cytat\ndrugi wiersz", line: 12, column: 5))])])
        guard case .table(let alignments, let header, let rows) = blocks[3] else { Issue.record("not a table"); return }
        #expect(alignments == [.right, .left])
        #expect(header.map(\.text) == ["Numer", "Co"])
        #expect(header.map(\.column) == [3, 11], "where each cell's text starts, not its padding")
        #expect(rows.map { $0.map(\.text) } == [["112", "alarm \\| wszystko"]])
        #expect(blocks[4] == .heading(level: 1, text: SourceText("Setext", line: 19, column: 1), id: nil))
    }

    @Test func inlinesOfASegment() {
        #expect(MarkdownReader.inlines("Złóż *wniosek* w [urzędzie](../x.md).") == [
            .text("Złóż "), .emphasis([.text("wniosek")]), .text(" w "),
            .link(destination: "../x.md", title: "", [.text("urzędzie")]), .text("."),
        ])
    }

    @Test(arguments: ["# Nagłówek", "1. Krok", "> cytat", "- punkt", "---", "```\ncode", "a\n===", "| a |\n|---|\n| b |",
                      "[x]: https://evil.example", "1986) rok"])
    func blockSyntaxInASegmentStaysText(text: String) throws {
        let inlines = try #require(MarkdownReader.inlines(text))
        let plain = InlineHTMLRenderer.plainText(inlines)
        // Every visible character of the input survives as text: nothing became structure.
        #expect(plain.filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
    }

    @Test func htmlBlockInASegmentIsNotAParagraph() {
        #expect(MarkdownReader.inlines("<script>alert(1)</script>") == nil)
    }

    @Test func rendererEscapesAndFiltersLinks() {
        let renderer = InlineHTMLRenderer { $0.hasPrefix("https:") ? $0 : nil }
        let html = renderer.render(MarkdownReader.inlines("a <b onclick=\"x\">b</b> [ok](https://a.pl) [bad](javascript:alert(1)) ![i](data:image/png;base64,AA)")!)
        #expect(html == "a &lt;b onclick=\"x\"&gt;b&lt;/b&gt; <a href=\"https://a.pl\">ok</a> bad i")
    }
}
