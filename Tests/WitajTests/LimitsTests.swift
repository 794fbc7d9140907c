import Foundation
import Testing
import WitajMarkdown
@testable import Witaj
import WitajCore

/// Input that would crash a parser or run for minutes meets a limit instead: a located diagnostic, in no time.
/// A source over a limit fails the build; a translation over one is refused, the fallback shown, the other
/// languages unaffected.
@Suite struct LimitsTests {
    static let deepList = String(repeating: "- ", count: 10_000) + "x"
    static let deepQuote = String(repeating: "> ", count: 10_000) + "x"
    static let deepEmphasis = String(repeating: "_a ", count: 5_000) + "b" + String(repeating: "_", count: 5_000)

    static let deepTranslation = String(repeating: "*a ", count: 40) + "b" + String(repeating: "*", count: 40)

    @Test(arguments: [("list", deepList), ("quote", deepQuote), ("emphasis", deepEmphasis)])
    func deepNestingInASourceIsALocatedError(kind: String, body: String) throws {
        let site = try FixtureSite()
        try site.write("content/guide/deep.md", "---\ntitle: Głęboko\nreviewed: 2026-11-01\n---\n\nWstęp.\n\n" + body + "\n")
        let messages = site.messages(site.check())
        #expect(messages.count == 1, "\(kind): \(messages)")
        #expect(messages.first?.hasPrefix("content/guide/deep.md:8:") == true, "\(kind): \(messages)")
        #expect(messages.first?.contains("error: Markdown nested more than 32 levels deep") == true, "\(kind)")
        // The rest of the site is not affected by a build that stops: nothing is written.
        #expect(!site.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let nested = (0..<10).map { String(repeating: "  ", count: $0) + "- poziom \($0)" }.joined(separator: "\n")
        let (blocks, problems) = MarkdownReader.blocks(nested)
        #expect(problems == [])
        #expect(blocks.count == 1)
    }

    @Test func aHugeParagraphIsRefusedBeforeItIsParsed() throws {
        let site = try FixtureSite()
        let paragraph = String(repeating: "Akapit **b** https://example.org/x ~~s~~ [l](lekarz.md) ", count: 20_000)
        try site.write("content/guide/long.md", "---\ntitle: Długo\nreviewed: 2026-11-01\n---\n\nKrótki.\n\n" + paragraph + "\n\nKoniec.\n")
        let started = Date()
        let messages = site.messages(site.check())
        #expect(Date().timeIntervalSince(started) < 20, "a 1 MB paragraph is refused, not parsed")
        #expect(messages == ["content/guide/long.md:8:1: error: \(paragraph.utf8.count) bytes of text with no blank line (a paragraph, list or table); at most 65536: put blank lines between paragraphs"])
    }

    @Test func aLongSegmentOfAProcedureIsALocatedError() throws {
        let site = try FixtureSite()
        let procedure = try String(contentsOf: site.root.appendingPathComponent("content/guide/registration.xml"), encoding: .utf8)
        let step = String(repeating: "słowo ", count: 3_000).trimmingCharacters(in: .whitespaces)
        try site.write("content/guide/registration.xml", procedure.replacingOccurrences(of: "Złóż go w urzędzie.", with: step))
        #expect(site.messages(site.check()) == [
            "content/guide/registration.xml:8:11: error: the text is \(step.utf8.count) bytes long; a paragraph, list item, table cell or title may have at most 16384: split it",
        ])
    }

    @Test func aFileOverTheSizeLimitIsNotRead() throws {
        let site = try FixtureSite()
        let text = "---\ntitle: Duży\nreviewed: 2026-11-01\n---\n\n" + String(repeating: String(repeating: "x", count: 1_000) + "\n\n", count: 9_000)
        try site.write("content/guide/huge.md", text)
        #expect(site.messages(site.check()) == [
            "content/guide/huge.md:1:1: error: the file has \(text.utf8.count) bytes; witaj reads files of at most 8388608 (8 MiB): split it",
        ])
    }

    @Test func aTranslationOverALimitShowsTheFallbackAndOtherLanguagesStay() throws {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        _ = Update.run(root: site.root)
        try site.translate("locales/en/guide/lazienki.po") { "EN " + $0 }
        try site.translate("locales/ar/guide/lazienki.po") { $0 == "Godziny" ? Self.deepTranslation : "AR " + $0 }
        let catalog = try site.catalog("locales/ar/guide/lazienki.po")
        let line = try #require(catalog.entries.first { $0.msgid == "Godziny" }).msgstrLine
        let result = site.check()
        #expect(result.succeeded)
        #expect(site.messages(result).contains(
            "locales/ar/guide/lazienki.po:\(line):1: warning: Markdown nested more than 32 levels deep (lists, quotes, emphasis or links inside each other); flatten it; the fallback is shown"))
        let ar = String(decoding: try #require(result.artifacts.first { $0.path == "ar/guide/lazienki/index.html" }).bytes, as: UTF8.self)
        // Arabic falls back to English, as its chain says.
        #expect(ar.contains("<h2 id=\"godziny\" lang=\"en\" dir=\"ltr\" data-fallback>EN Godziny</h2>"))
        let en = String(decoding: try #require(result.artifacts.first { $0.path == "en/guide/lazienki/index.html" }).bytes, as: UTF8.self)
        #expect(en.contains("<h2 id=\"godziny\">EN Godziny</h2>"))
    }

    @Test func inlinesOfATooDeepTextAreNoneAndDoNotCrash() {
        #expect(MarkdownReader.inlines(Self.deepEmphasis) == nil)
        #expect(MarkdownReader.limitProblem(inSegment: Self.deepTranslation) != nil)
        #expect(MarkdownReader.limitProblem(inSegment: "Zwykły **tekst** z [linkiem](a.md).") == nil)
    }
}
