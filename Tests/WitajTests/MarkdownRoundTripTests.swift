import Foundation
import Testing
@testable import Witaj
@testable import WitajMarkdown
import WitajCore
import WitajGettext
import WitajSources
import WitajSite

/// A Markdown body cut into segments and rendered segment by segment says what cmark-gfm says of the whole file:
/// the same elements, the same text. (witaj's own differences: heading ids and levels, table wrappers and
/// alignment classes, attribute order, are normalized away; raw HTML is not used here.)
@Suite struct MarkdownRoundTripTests {
    static func normalize(_ html: String) -> String {
        html.replacing(/<(\/?)(\w+)[^>]*>/) { "<\($0.output.1)\($0.output.2)>" }
            .replacingOccurrences(of: "<div>", with: "").replacingOccurrences(of: "</div>", with: "")
            // Links between documents are witaj's to rewrite; their text must stay.
            .replacingOccurrences(of: "<a>", with: "").replacingOccurrences(of: "</a>", with: "")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacing(/>\s+</, with: "><")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func compare(_ source: URL) throws {
        let text = try String(contentsOf: source, encoding: .utf8)
        var diagnostics = Diagnostics()
        let document = try #require(MarkdownDocumentReader.read(text, source: "content/x.md", path: "x", kind: .article,
                                                                into: &diagnostics))
        guard case .markdown(let blocks) = document.body else { return }
        let language = try LanguageProfile(code: "pl")
        let localized = LocalizedDocument(document: document, language: language, texts: [:])
        // Links resolve as written: this compares Markdown, not witaj's link rewriting.
        let renderer = SegmentRenderer(localized: localized, resolver: LinkResolver(documents: []), pagePath: "x")
        let witaj = BlockHTMLRenderer(segments: renderer).render(blocks, ids: document.headingIDs)
            .replacing(/<h(\d) id="[^"]*"/) { "<h\($0.output.1)" }
        let body = text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        let cmark = try ExternalTool.run("cmark-gfm", ["-e", "table", "-e", "strikethrough", "-e", "autolink"], input: body)
        #expect(cmark.status == 0)
        let (ours, theirs) = (Self.normalize(witaj), Self.normalize(cmark.stdout))
        let same = ours.commonPrefix(with: theirs).count
        #expect(ours == theirs, "\(source.lastPathComponent): witaj …\(ours.dropFirst(max(same - 40, 0)).prefix(120)) | cmark-gfm …\(theirs.dropFirst(max(same - 40, 0)).prefix(120))")
    }

    @Test func trickyMarkdown() throws {
        try compare(FixtureSite.fixtures.appendingPathComponent("tricky-markdown/tricky.md"))
    }

    @Test func everyShippedArticle() throws {
        let content = FixtureSite.packageRoot.appendingPathComponent("content")
        let files = FileTree.files(under: content).filter { $0.0.hasSuffix(".md") }
        #expect(files.count >= 25)
        for (_, url) in files { try compare(url) }
    }

    /// Plain segments skip cmark (`MarkdownReader.plainText`): for every segment of the shipped pack, in every
    /// language, and for texts made to trip it, the shortcut gives what cmark gives.
    @Test func plainSegmentsReadAsCmarkReadsThem() throws {
        var texts = ["", "Urząd", "Karta pobytu", "a  b", "x y ", "Bank. Konto", "www.krakow.pl", "Www.x.pl", "WWW.X.PL",
                     "see http://x.pl", "ask a@b.pl", "1. pierwszy", "# nagłówek", "- lista", "a *b*", "a_b_c", "a `b`",
                     "a [b](c)", "a <b>", "a &amp; b", "a \\* b", "a ~~b~~", "a | b", "a\nb", "a\tb", "a\u{0}b", "Żółć!",
                     "100 zł (opłata skarbowa)", "Pytania? Tak.", "„cudzysłów” i 'apostrof'", "a = b", "a > b", "know.",
                     "[uk] Pobytu dni", "a [b] c", "a [b][c] d", "a [b][] d", "![x] y", "a [b] (c)", "[x]", "a]b[c", "a [b](c)"]
        let locales = FixtureSite.packageRoot.appendingPathComponent("locales")
        for (path, url) in FileTree.files(under: locales) where path.hasSuffix(".po") {
            var diagnostics = Diagnostics()
            let catalog = POReader.read(try String(contentsOf: url, encoding: .utf8), path: path, into: &diagnostics)
            for entry in catalog?.entries ?? [] { texts += [entry.msgid] + entry.msgstr }
        }
        #expect(texts.count > 1000)
        var shortcuts = 0
        for text in texts where MarkdownReader.plainText(text) != nil {
            shortcuts += 1
            #expect(MarkdownReader.plainText(text) == MarkdownReader.parsedInlines(text), "\(text)")
        }
        #expect(shortcuts > 100)
        for text in ["www.krakow.pl", "see http://x.pl", "ask a@b.pl", "1. pierwszy", "x y ", "a\nb", "a | b", "a [b](c)"] {
            #expect(MarkdownReader.plainText(text) == nil, "\(text)")
        }
    }

    /// A segment's parse is kept packed, its texts as ranges of the segment's text (`ParsedText`): unpacked, it is
    /// what cmark gives, and rendered or read as plain text from the packed form, it is what `InlineHTMLRenderer`
    /// makes of cmark's inlines, for every segment of the shipped pack and for texts made to trip it.
    @Test func aKeptParseIsWhatCmarkGives() throws {
        var texts = ["", "Urząd", "a &amp; b &eacute; &#x41;", "a \\* b \\[c\\]", "see www.krakow.pl.", "<https://x.pl/a>", "a@b.pl",
                     "`a\nb` and `` c ` d ``", "![a *b*](c.png \"t\") ![](d)", "[a](b \"t\") [c](<d e>)", "***a** b* ~~c~~ _d_",
                     "żółć **ą** [ę](ó.md#ś) ü", "a *a* a [a](a) a", "[](x) [x]()", "a  \nb\\\nc\nd", "<b>x</b> <!-- c -->",
                     "[a](x&amp;y) [b](x\\)y)", "[**a** `b`](c) [x](y 'z')", "# not a heading", "1. not a list", "<div>x</div>",
                     String(repeating: "&amp;*a* ", count: 300), String(repeating: "a", count: 5000) + " *b*"]
        let locales = FixtureSite.packageRoot.appendingPathComponent("locales")
        for (path, url) in FileTree.files(under: locales) where path.hasSuffix(".po") {
            var diagnostics = Diagnostics()
            let catalog = POReader.read(try String(contentsOf: url, encoding: .utf8), path: path, into: &diagnostics)
            for entry in catalog?.entries ?? [] { texts += [entry.msgid] + entry.msgstr }
        }
        // Some links and images are taken, some shown as text.
        let renderer = InlineHTMLRenderer(link: { $0.contains("x") ? nil : "L/" + $0 }, image: { $0.hasSuffix(".png") ? "I/" + $0 : nil })
        for text in texts {
            let parsed = ParsedText(text), cmark = MarkdownReader.inlines(text)
            #expect(parsed.inlines(of: text) == cmark, "\(text)")
            #expect(parsed.plainText(of: text) == (cmark.map(InlineHTMLRenderer.plainText) ?? text), "\(text)")
            #expect(parsed.html(of: text, renderer) == (cmark.map(renderer.render) ?? HTML.escape(text)), "\(text)")
        }
    }
}
