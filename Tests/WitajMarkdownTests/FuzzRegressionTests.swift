import Testing
@testable import WitajMarkdown

/// Inputs the fuzzers (Fuzz/, script/fuzz) found, each with what it broke.
@Suite struct FuzzRegressionTests {
    /// FuzzMarkdown: a row with fewer cells than the header got its first cell's text again in each missing cell
    /// (cmark adds the missing cells at column 0, which was read as the whole line).
    @Test func shortTableRowHasEmptyCells() throws {
        let blocks = MarkdownReader.blocks("| Sytuacja | Co zrobić |\n|---|---|\n| Poważny uraz\n|z|\n").blocks
        guard case .table(_, let header, let rows) = try #require(blocks.first) else {
            Issue.record("not a table")
            return
        }
        #expect(header.map(\.text) == ["Sytuacja", "Co zrobić"])
        #expect(rows.map { $0.map(\.text) } == [["Poważny uraz", ""], ["z", ""]])
        #expect(rows[0][0].column == 3)
    }

    /// FuzzMarkdown: cmark reads U+0000 as U+FFFD, three bytes, and counts columns in them; the cells after a NUL
    /// were cut from the source two bytes per NUL too early.
    @Test func nulCountsAsTheReplacementCharacter() throws {
        let blocks = MarkdownReader.blocks("| Nu\0\0mer | Kto |\n|---|---|\n| 112\0 | pogotowie |\n").blocks
        guard case .table(_, let header, let rows) = try #require(blocks.first) else {
            Issue.record("not a table")
            return
        }
        #expect(header.map(\.text) == ["Nu\u{FFFD}\u{FFFD}mer", "Kto"])
        #expect(header.map(\.column) == [3, 17])
        #expect(rows.map { $0.map(\.text) } == [["112\u{FFFD}", "pogotowie"]])
    }

    /// FuzzMarkdown (".\n\0\n-|"): a table right under a paragraph line, no blank line between. cmark-gfm
    /// 0.29.0.gfm.6 gives the paragraph no position (0:0) and the header row the paragraph's first line, with columns
    /// counted from the paragraph's start: the paragraph's text was lost and the header cells came out empty.
    @Test func tableRightUnderAParagraphLine() {
        let blocks = MarkdownReader.blocks("Tekst akapitu\nw dwóch liniach\n| a | b |\n|---|---|\n| 1 | 2 |\n\nDalej.\n", firstLine: 5).blocks
        #expect(blocks.count == 3)
        #expect(blocks.first == .paragraph(SourceText("Tekst akapitu\nw dwóch liniach", line: 5, column: 1)))
        guard case .table(_, let header, let rows) = blocks[1] else {
            Issue.record("not a table")
            return
        }
        #expect(header.map(\.text) == ["a", "b"])
        #expect(header.map(\.line) == [7, 7])
        #expect(rows.map { $0.map(\.text) } == [["1", "2"]])
        #expect(rows.first?.map(\.line) == [9, 9])
        #expect(blocks.last == .paragraph(SourceText("Dalej.", line: 11, column: 1)))
        // The same lines in a fenced code block stay code, and a header without pipes counts too.
        let fenced = MarkdownReader.blocks("```\nTekst\n| a |\n|---|\n```\n").blocks
        #expect(fenced == [.code(info: "", literal: "Tekst\n| a |\n|---|\n")])
        let found = MarkdownReader.blocks(".\n\0\n-|").blocks
        #expect(found.first == .paragraph(SourceText(".", line: 1, column: 1)))
        guard case .table(_, let one, _) = found.last else {
            Issue.record("not a table")
            return
        }
        #expect(one.map(\.line) == [2])
        // Lines of pipes that are no table are a paragraph too; a row like a delimiter inside a table is its row.
        let piped = MarkdownReader.blocks("| x | y |\n| a | b |\n|---|---|\n| 1 | 2 |\n|---|---|\n").blocks
        #expect(piped.first == .paragraph(SourceText("| x | y |", line: 1, column: 1)))
        guard case .table(_, _, let pipedRows) = piped.last else {
            Issue.record("not a table")
            return
        }
        #expect(piped.count == 2 && pipedRows.count == 2)
    }
}
