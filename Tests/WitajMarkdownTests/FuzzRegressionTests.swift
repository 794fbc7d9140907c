import Testing
@testable import WitajMarkdown

/// Inputs the fuzzers (Fuzz/, script/fuzz) found, each with what it broke.
@Suite struct FuzzRegressionTests {
    /// FuzzMarkdown: a row with fewer cells than the header got its first cell's text again in each missing cell
    /// (cmark adds the missing cells at column 0, which was read as the whole line).
    @Test func shortTableRowHasEmptyCells() throws {
        let blocks = MarkdownReader.blocks("| Sytuacja | Co zrobić |\n|---|---|\n| Poważny uraz\n|z|\n")
        guard case .table(_, let header, let rows) = try #require(blocks.first) else {
            Issue.record("not a table")
            return
        }
        #expect(header.map(\.text) == ["Sytuacja", "Co zrobić"])
        #expect(rows.map { $0.map(\.text) } == [["Poważny uraz", ""], ["z", ""]])
        #expect(rows[0][0].column == 3)
    }
}
