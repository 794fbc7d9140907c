import Testing
@testable import Witaj

/// Inputs the fuzzers (Fuzz/, script/fuzz) found, each with what it broke.
@Suite struct FuzzRegressionTests {
    /// FuzzFrontMatter: an empty front matter gave no document and no diagnostic, so the page left the site
    /// without a word.
    @Test func emptyFrontMatterIsAnError() throws {
        let site = try FixtureSite()
        try site.write("content/guide/empty.md", "---\n---\n\nTekst.\n")
        let result = site.check()
        let succeeded = result.succeeded
        #expect(!succeeded)
        #expect(site.messages(result) == ["content/guide/empty.md:1:1: error: front matter has no 'title'"])
    }
}
