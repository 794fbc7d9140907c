import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajSources

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

    /// FuzzMarkdown: cmark ends a line at a lone "\r" (an old Mac line end), witaj cut segments from lines ending in
    /// "\n": a body with such line ends gave one segment of a paragraph, a list and a quote run together.
    @Test(arguments: ["\r", "\r\n"])
    func oldMacLineEndsAreLineEnds(end: String) throws {
        let unix = "---\ntitle: A\nreviewed: 2026-11-01\n---\n\nB\nC\n\n- d\n> e\n"
        func segments(_ text: String) throws -> [String] {
            var diagnostics = Diagnostics()
            let document = try #require(MarkdownDocumentReader.read(text, source: "content/x.md", path: "x", kind: .article,
                                                                    into: &diagnostics))
            #expect(diagnostics.items.isEmpty)
            return document.segments.map { "\($0.location.line):\($0.location.column): \($0.text)" }
        }
        let expected = ["2:8: A", "6:1: B\nC", "9:3: d", "10:3: e"]
        #expect(try segments(unix) == expected)
        #expect(try segments(unix.replacingOccurrences(of: "\n", with: end)) == expected)
        // Only the body's line ends are old (front matter written by one tool, the text pasted from another).
        let mixed = "---\ntitle: A\nreviewed: 2026-11-01\n---\n" + "\nB\nC\n\n- d\n> e\n".replacingOccurrences(of: "\n", with: end)
        #expect(try segments(mixed) == expected)
    }

    /// FuzzFrontMatter: "\r\r\n" (a Windows line end converted twice) was decoded to "\r\n", which the old Mac rule
    /// then took for one line end: the blank line between two paragraphs was lost, they became one segment, and
    /// every reference after it pointed a line too high.
    @Test func doubledWindowsLineEndIsTwoLineEnds() throws {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        try site.write("content/guide/crcrlf.md", "---\ntitle: A\nreviewed: 2026-11-01\n---\n\nB\r\r\nC\n\nD\n")
        #expect(Update.run(root: site.root, language: "en").diagnostics.items.isEmpty)
        let catalog = try site.catalog("locales/en/guide/crcrlf.po")
        #expect(catalog.entries.map { "\($0.msgid) \($0.references)" } == [
            "A [\"content/guide/crcrlf.md:2\"]", "B [\"content/guide/crcrlf.md:6\"]",
            "C [\"content/guide/crcrlf.md:8\"]", "D [\"content/guide/crcrlf.md:10\"]",
        ])
    }

    /// FuzzFrontMatter: libyaml (YAML 1.1) also ends a line at U+2028, U+2029 and U+0085 and counts columns in
    /// characters; its marks were taken as witaj's lines and byte columns, so an error after such a character
    /// pointed past the end of the file.
    @Test func yamlPositionsAreWitajLinesAndByteColumns() throws {
        let site = try FixtureSite()
        try site.write("content/guide/yaml.md", "---\ntitel :a\u{2028}b\u{85})mmary: [\n---\n")
        let message = try #require(site.messages(site.check()).first)
        #expect(message.hasPrefix("content/guide/yaml.md:2:21: error: malformed YAML: mapping values are not allowed"))
        func title(_ text: String) throws -> String {
            var diagnostics = Diagnostics()
            let document = MarkdownDocumentReader.read(text, source: "content/x.md", path: "x", kind: .article,
                                                       into: &diagnostics)
            #expect(diagnostics.items.isEmpty, "\(diagnostics.items)")
            return try #require(document).title.location.description
        }
        #expect(try title("---\nsummary: a\u{2028} b\ntitle: T\nreviewed: 2026-11-01\n---\n") == "content/x.md:3:8")
        #expect(try title("---\n{summary: ż, title: T, reviewed: 2026-11-01}\n---\n") == "content/x.md:2:22")
    }
}
