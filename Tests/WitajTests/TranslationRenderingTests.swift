import Foundation
import Mustache
import Testing
@testable import Witaj
import WitajCore
import WitajSources
import WitajSite
import WitajPublish

/// What readers of other languages get: translated segments, honest fallbacks, direction, safe output.
@Suite struct TranslationRenderingTests {
    func site(_ setup: (FixtureSite) throws -> Void = { _ in }) throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        _ = Update.run(root: site.root)
        try setup(site)
        return site
    }

    func translate(_ site: FixtureSite, _ path: String, _ translation: (String) -> String?) throws {
        try site.translate(path, translation)
    }

    func page(_ result: Build.Result, _ path: String) throws -> String {
        String(decoding: try #require(result.artifacts.first { $0.path == path }).bytes, as: UTF8.self)
    }

    @Test func untranslatedSegmentsFallBackWithTheirLanguageMarked() throws {
        let site = try site {
            try translate($0, "locales/en/guide/lazienki.po") { $0 == "Łaźnie miejskie" ? "Public baths" : nil }
            try translate($0, "locales/en/ui.po") { $0 }
        }
        let result = site.check()
        #expect(result.succeeded)
        let html = try page(result, "en/guide/lazienki/index.html")
        #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(html.contains("<h1>Public baths</h1>"))
        #expect(html.contains("<p class=\"summary\" lang=\"pl\" dir=\"ltr\" data-fallback>Gdzie się wykąpać.</p>"))
        #expect(html.contains("<h2 id=\"godziny\" lang=\"pl\" dir=\"ltr\" data-fallback>Godziny</h2>"))
        #expect(html.contains("Part of this page has not been translated yet and is shown in another language."))
        // Only complete translations are alternates.
        #expect(html.contains("<link rel=\"alternate\" hreflang=\"pl\""))
        #expect(!html.contains("<link rel=\"alternate\" hreflang=\"en\""))
        #expect(html.contains("<link rel=\"alternate\" hreflang=\"x-default\""))
        // The switcher names each language in itself and says, in it, that the page is partial there.
        let polish = try page(result, "pl/guide/lazienki/index.html")
        #expect(polish.contains("<li><a href=\"../../../en/guide/lazienki/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a> <small lang=\"en\" dir=\"ltr\">(not fully translated)</small></li>"))
        #expect(polish.contains(">العربية</a>"))
    }

    @Test func interfaceStringsStillInAnotherLanguageSaySo() throws {
        // No ui.po translations for ar: its interface falls back along ar -> en (the theme's own English).
        let site = try site()
        let html = try page(site.check(), "ar/guide/registration/index.html")
        #expect(html.contains("<h2 id=\"steps\" lang=\"en\" dir=\"ltr\">Step by step</h2>"))
        #expect(html.contains("<a class=\"skip\" href=\"#main\" lang=\"en\" dir=\"ltr\">Skip to content</a>"))
        #expect(html.contains("<strong lang=\"en\" dir=\"ltr\"><bdi>30 days</bdi></strong>"))
    }

    @Test func fuzzyTranslationIsNotShownAndThePageSaysItIsBeingUpdated() throws {
        let site = try site {
            try translate($0, "locales/en/guide/zupa.po") { "EN " + $0 }
            try $0.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-10-05\n---\n\nTekst o zupie pomidorowej.\n")
            _ = Update.run(root: $0.root)
        }
        let result = site.check()
        let html = try page(result, "en/guide/zupa/index.html")
        #expect(html.contains("<p lang=\"pl\" dir=\"ltr\" data-fallback>Tekst o zupie pomidorowej.</p>"))
        #expect(!html.contains("EN Tekst"))
        #expect(html.contains("<h1>EN Zupa</h1>"))
        #expect(html.contains("changed recently") || html.contains("niedawno"))
    }

    @Test func arabicIsRightToLeftAndItsFallbackChainGoesThroughEnglish() throws {
        let site = try site {
            try translate($0, "locales/en/guide/lekarz.po") { "Doctor text: " + $0 }
            try translate($0, "locales/ar/guide/lekarz.po") { $0 == "Lekarz" ? "الطبيب" : nil }
        }
        let result = site.check()
        let html = try page(result, "ar/guide/lekarz/index.html")
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("<h1>الطبيب</h1>"))
        #expect(html.contains("<p lang=\"en\" dir=\"ltr\" data-fallback>Doctor text: Tekst o lekarz.</p>"))
    }

    @Test func feesDatesAndCountsFollowThePageLanguage() throws {
        let site = try site { try translate($0, "locales/en/ui.po") { $0 } }
        let result = site.check()
        let html = try page(result, "en/guide/registration/index.html")
        // Each amount, period and hour isolated: in its own direction inside text of any direction.
        #expect(html.contains("<data value=\"340 PLN\"><bdi>PLN\u{a0}340.00</bdi></data>"))
        #expect(html.contains("<strong><bdi>30 days</bdi></strong>"))
        #expect(html.contains("Monday–Friday: <bdi>8:00\u{202f}AM</bdi>–<bdi>4:00\u{202f}PM</bdi>"))
        #expect(html.contains("Last reviewed on November 21, 2026"))
    }

    /// Translations are untrusted: nothing in a catalog may execute or change the page's structure.
    @Test(arguments: [
        "<script>alert(1)</script>",
        "tekst <script>alert(1)</script> dalej",
        "<img src=x onerror=alert(1)>",
        "[klik](javascript:alert(1))",
        "[klik](JAVASCRIPT:alert(1))",
        "[klik](  javascript:alert(1))",
        "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<a href=\"javascript:alert(1)\">klik</a>",
        "\" onmouseover=\"alert(1)",
        // A combining mark after the quote: one Character with it for Swift, a quote and a letter for a browser.
        "\"\u{301} onmouseover=\"alert(1)",
        "x\u{200D}\" onfocus=\"alert(1)",
        "</p><h2>Nowy nagłówek</h2><p>",
        "# Nagłówek\n\n1. lista\n2. lista\n\n> cytat",
        "---\n\n| a | b |\n|---|---|\n| c | d |",
        "<div onclick=alert(1)>x</div>",
        "[x]: javascript:alert(1)\n\n[x]",
        "<javascript:alert(1)>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "Welcome [evil](https://evil.example/) ![i](https://evil.example/p.png)",
    ])
    func hostileTranslationsCannotExecuteOrRestructure(payload: String) throws {
        let site = try site {
            try translate($0, "locales/en/guide/lazienki.po") { _ in payload }
            try translate($0, "locales/en/guide/registration.po") { _ in payload }
            try translate($0, "locales/en/ui.po") { _ in payload }
        }
        let result = site.check()
        for path in ["en/guide/lazienki/index.html", "en/guide/registration/index.html"] {
            // A browser reads code points: every non-ASCII one as a letter of its own here, so that a quote followed by
            // a combining mark is still a quote (Swift's Characters would join them).
            let html = String(String.UnicodeScalarView(try page(result, path).unicodeScalars.map { $0.isASCII ? $0 : "~" }))
            // Real tags start with "<" and a letter; whatever the payload was, it may only be text.
            let tags = html.matches(of: /<[a-zA-Z][^<>]*>/).map { String($0.0).lowercased() }
            #expect(!tags.contains { $0.hasPrefix("<script") }, "\(path): \(payload)")
            for tag in tags {
                // Outside quoted (escaped) attribute values, no attribute may be an event handler.
                let unquoted = tag.replacing(/"[^"]*"/, with: "\"\"")
                #expect(unquoted.firstMatch(of: /\son[a-z]+\s*=/) == nil, "\(path): \(tag) from \(payload)")
                #expect(tag.firstMatch(of: /(href|src)="\s*(javascript|data|vbscript):/) == nil, "\(path): \(tag) from \(payload)")
                // A translation may not bring in a remote image (a tracking pixel) the source does not show.
                #expect(!tag.contains("src=\"https://evil.example/p.png"), "\(path): \(tag)")
            }
            // No link inside a link: titles in lists and navigation lose their own links.
            #expect(html.firstMatch(of: /<a\s[^>]*>(?:(?!<\/a>)[\s\S])*<a\s/) == nil, "\(path): nested link from \(payload)")
            // The structure is the source's: same elements, same count.
            let source = try page(result, path.replacingOccurrences(of: "en/", with: "pl/"))
            // (A translation may drop a link or an image of its source, but never add one.)
            for tag in ["<h1", "<h2", "<h3", "<ol", "<ul", "<li", "<table", "<blockquote", "<hr", "<p", "<img", "<a "] {
                let main = { (s: String) in s.components(separatedBy: "<main")[1].components(separatedBy: "</main>")[0] }
                let count = { (s: String) in main(s).components(separatedBy: tag).count }
                if tag == "<img" || tag == "<a " {
                    #expect(count(html) <= count(source), "\(tag) in \(path) from \(payload)")
                } else {
                    #expect(count(html) == count(source), "\(tag) in \(path) from \(payload)")
                }
            }
        }
    }

    @Test func controlCharactersInATranslationAreWarnedAboutAndRemoved() throws {
        let site = try site {
            try translate($0, "locales/en/guide/lazienki.po") { $0 == "Gdzie się wykąpać." ? "Where\u{b}to bathe\u{1}." : nil }
            try $0.write("site.yml", BookTests.siteYAML)
        }
        let result = site.check()
        #expect(result.succeeded)
        #expect(site.messages(result).contains { $0.hasPrefix("locales/en/guide/lazienki.po:") && $0.contains("control characters") })
        #expect(try page(result, "en/guide/lazienki/index.html").contains("Where to bathe ."))
    }

    /// For every shipped document, a catalog whose msgstr equals its msgid renders exactly the source page's body.
    @Test func identityCatalogRendersTheSourceBodyForEveryShippedDocument() throws {
        let root = FixtureSite.packageRoot
        let (loaded, _) = SiteLoader.load(root: root)
        let site = try #require(loaded)
        var diagnostics = Diagnostics()
        let templates = Templates.compile(site.theme, into: &diagnostics)
        let polish = try LanguageProfile(code: "pl")
        // A target language that formats like Polish, so that only the segments' path differs.
        let target = try LanguageProfile(code: "pl-PL", fallbacks: ["pl"])
        var identity: [String: [TextKey: TranslationEntry]] = [:]
        for document in site.documents {
            identity[document.source] = Dictionary(document.segments.map { (TextKey($0.text), TranslationEntry(text: $0.text, fuzzy: false)) },
                                                   uniquingKeysWith: { a, _ in a })
        }
        let source = Localizer.localize(site, language: polish, languages: [polish, target], translations: [:])
        let translated = Localizer.localize(site, language: target, languages: [polish, target], translations: ["pl-PL": identity])
        let publisher = try Publisher(.memory)
        SiteRenderer(sites: [source, translated], templates: templates).render(to: publisher)
        let pages = publisher.kept
        func main(_ path: String) throws -> String {
            let html = String(decoding: try #require(pages.first { $0.path == path }).bytes, as: UTF8.self)
            return html.components(separatedBy: "<main")[1].components(separatedBy: "</main>")[0]
        }
        #expect(site.documents.count >= 30)
        for document in site.documents {
            let suffix = document.path.isEmpty ? "index.html" : document.path + "/index.html"
            // Each language's book has its own name (witaj-krakow-pl-PL.epub): the one difference allowed.
            let book = site.config.pack.map { ($0.bookFile("pl-PL"), $0.bookFile("pl")) }
            let body = try main("pl-PL/" + suffix).replacingOccurrences(of: book?.0 ?? "\u{0}", with: book?.1 ?? "")
            #expect(body == (try main("pl/" + suffix)), "\(document.source)")
            #expect(translated.document(path: document.path)?.isComplete == true, "\(document.source)")
        }
    }

    /// Templates escape values with witaj's `HTMLEscaping`: the same five characters as Mustache's own HTML type,
    /// but on code points, as a browser reads them. Mustache compares Characters, so a quote or "<" followed by a
    /// combining mark is one Character to it and left alone: a translation could close an attribute that way.
    @Test func templatesEscapeAsMustacheDoesButOnCodePoints() throws {
        let texts = ["", "plain tekst żółć", "<script>alert('x')</script>", "a & b \"q\" 'a' > <", "emoji 😀 & العربية",
                     "\r\n&\r\n", "&amp; already"]
        let mustache = try MustacheTemplate(string: "{{x}}")
        var diagnostics = Diagnostics()
        let templates = Templates.compile(Theme(templates: ["t": .init(text: "{{x}}", path: "t.mustache")], assets: [:]), into: &diagnostics)
        for text in texts {
            #expect(templates.render(["x": text], with: "t") == mustache.render(["x": text]), "\(text)")
        }
        for (text, escaped) in [("l'\u{301}été", "l&#39;\u{301}été"), ("\"\u{308}", "&quot;\u{308}"), ("<\u{338}", "&lt;\u{338}")] {
            let ours = templates.render(["x": text], with: "t")
            #expect(Array(ours.unicodeScalars) == Array(escaped.unicodeScalars), "\(text)")
            #expect(Array(mustache.render(["x": text]).unicodeScalars) != Array(escaped.unicodeScalars), "Mustache leaves \(text) alone")
        }
        #expect(templates.render(["x": "<b>"], with: "t") == "&lt;b&gt;")
    }
}
