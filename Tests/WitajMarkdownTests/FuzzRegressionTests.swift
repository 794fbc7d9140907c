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
}
