import Foundation
import Testing
import ZIPFoundation
@testable import Witaj
import WitajCore
import WitajSite

/// A translation links only where its source links (`TranslationLinks`): anything else is a located warning and
/// shows as plain text, on the site and in the books; titles never link; site.yml may allow other web hosts.
@Suite struct TranslationLinksTests {
    static let catalog = "locales/en/guide/lazienki.po"
    /// The source paragraph, which links to a part of another document.
    static let paragraph = "Otwarte **codziennie**, zobacz [zameldowanie](registration.xml#steps)."

    func site(_ yaml: String = BookTests.siteYAML, paragraph translation: String? = nil, title: String? = nil) throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", yaml)
        _ = Update.run(root: site.root)
        try site.translate(Self.catalog) { msgid in
            switch msgid {
            case Self.paragraph: translation
            case "Łaźnie miejskie": title
            default: nil
            }
        }
        return site
    }

    func page(_ result: Build.Result, _ path: String) throws -> String {
        String(decoding: try #require(result.artifacts.first { $0.path == path }).bytes, as: UTF8.self)
    }

    func chapter(_ result: Build.Result, _ lang: String, _ file: String) throws -> String {
        let bytes = try #require(result.artifacts.first { $0.path == "\(lang)/pakiet-\(lang).epub" }).bytes
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive["EPUB/\(file)"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// `path:line:1: warning: ` at the msgstr of `msgid` in the catalog.
    func location(_ site: FixtureSite, _ msgid: String, in path: String = catalog) throws -> String {
        let entry = try #require(try site.catalog(path).entries.first { $0.msgid == msgid })
        return "\(path):\(entry.msgstrLine):1: warning: "
    }

    func main(_ html: String) -> String {
        html.components(separatedBy: "<main")[1].components(separatedBy: "</main>")[0]
    }

    /// A translation that points elsewhere: what its page and book may not have, the text they keep, what the
    /// warning says.
    @Test(arguments: [
        ("Open **daily**, see [registration](https://evil.example/112).", "evil.example", "see registration.",
         "the translation links to 'https://evil.example/112', but the source text links only to 'registration.xml#steps' (keep its link targets); the link is shown as plain text (links to evil.example can be allowed in site.yml under translations: linkHosts)"),
        ("Open **daily**, see [registration](lekarz.md).", "lekarz", "see registration.",
         "the translation links to 'lekarz.md', but the source text links only to 'registration.xml#steps'"),
        ("Open **daily**, see [registration](registration.xml#other).", "#other", "see registration.",
         "the translation links to 'registration.xml#other'"),
        ("Open **daily**, see [registration](registration.xml#steps) or [write](mailto:help@evil.example).",
         "mailto:", "or write.", "the translation links to 'mailto:help@evil.example'"),
        ("Open **daily**, see [registration](registration.xml#steps) or [call](tel:+48111222333).",
         "tel:", "or call.", "the translation links to 'tel:+48111222333'"),
        ("Open **daily**, see [registration](registration.xml#steps) or www.evil.example.", "href=\"http://www.evil",
         "or www.evil.example.", "the address 'www.evil.example' in the translation becomes a link"),
        ("Open **daily**, see [registration](registration.xml#steps), https://evil.example/form.", "href=\"https://evil",
         ", https://evil.example/form.", "the address 'https://evil.example/form' in the translation becomes a link"),
        ("Open **daily**, see [registration](registration.xml#steps), help@evil.example.", "mailto:",
         ", help@evil.example.", "the address 'help@evil.example' in the translation becomes a link"),
    ])
    func aLinkTheSourceDoesNotHaveIsText(translation: String, forbidden: String, text: String, says: String) throws {
        let site = try site(paragraph: translation)
        let result = site.check()
        #expect(result.succeeded)
        let warnings = site.messages(result).filter { $0.hasPrefix(Self.catalog) }
        let at = try location(site, Self.paragraph)
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.allSatisfy { $0.hasPrefix(at) && $0.contains(says) && $0.contains("; the link is shown as plain text") }, "\(warnings)")
        // On the page, on the page of a language that falls back to English (ar), and in the book.
        let pages = [main(try page(result, "en/guide/lazienki/index.html")), main(try page(result, "ar/guide/lazienki/index.html")),
                     try chapter(result, "en", "guide-lazienki.xhtml")]
        for html in pages {
            #expect(!html.contains(forbidden), "\(forbidden) in \(html)")
            #expect(html.contains(text), "\(text)")
            #expect(html.contains("<strong>daily</strong>"))
        }
    }

    @Test func theSourcesTargetWrittenAnotherWayStaysALink() throws {
        let site = try site(paragraph: "Open **daily**, see [registration](./registration.xml#steps) and [again](../guide/registration.xml#steps).")
        let result = site.check()
        #expect(site.messages(result).filter { $0.hasPrefix(Self.catalog) } == [])
        let html = try page(result, "en/guide/lazienki/index.html")
        #expect(html.contains("see <a href=\"../../guide/registration/#steps\">registration</a> and <a href=\"../../guide/registration/#steps\">again</a>."))
        #expect(try chapter(result, "en", "guide-lazienki.xhtml").contains("<a href=\"guide-registration.xhtml#steps\">registration</a>"))
    }

    @Test func hostsThatSiteYmlAllowsMayBeLinked() throws {
        // Into the fixture's own `translations:` (which keeps fallbacks paragraph by paragraph).
        let yaml = BookTests.siteYAML.replacingOccurrences(of: "translations:\n", with: "translations:\n  linkHosts: [gov.pl, WWW.Example.ORG]\n")
        let site = try site(yaml, paragraph: "See [registration](https://gov.pl/web/gov/en), [this](https://www.example.org/en), "
            + "[not this](https://www.gov.pl/en), [nor](https://gov.pl@evil.example/), [nor](https://evil.example\\gov.pl) "
            + "and [nor this](mailto:x@gov.pl).")
        let result = site.check()
        #expect(result.succeeded, "\(site.messages(result))")
        let html = main(try page(result, "en/guide/lazienki/index.html"))
        #expect(html.contains("<a href=\"https://gov.pl/web/gov/en\">registration</a>"))
        #expect(html.contains("<a href=\"https://www.example.org/en\">this</a>"))
        #expect(html.contains(", not this, nor, nor and nor this."), "\(html)")
        let warnings = site.messages(result).filter { $0.hasPrefix(Self.catalog) }
        #expect(warnings.count == 4, "\(warnings)")
        #expect(warnings.contains { $0.contains("'https://www.gov.pl/en'") && $0.contains("links to www.gov.pl can be allowed in site.yml under translations: linkHosts") })
        #expect(try chapter(result, "en", "guide-lazienki.xhtml").contains("<a href=\"https://gov.pl/web/gov/en\">registration</a>"))
    }

    @Test func linkHostsMustBeHostNames() throws {
        let site = try site()
        try site.write("site.yml", BookTests.siteYAML.replacingOccurrences(
            of: "translations:\n", with: "translations:\n  linkHosts: [gov.pl, 'https://www.gov.pl', gov.pl/uk]\n  links: []\n"))
        let messages = site.messages(site.check()).filter { $0.hasPrefix("site.yml:") }
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("site.yml:9:") && $0.hasSuffix(": error: 'https://www.gov.pl' is not a host name: write only the host, such as www.gov.pl (no https://, no path)") })
        #expect(messages.contains { $0.hasPrefix("site.yml:9:") && $0.contains(": error: 'gov.pl/uk' is not a host name") })
        #expect(messages.contains("site.yml:10:3: warning: unknown translations field 'links' (known: linkHosts, wholePageBelow)"))
    }

    @Test func titlesNeverLink() throws {
        let site = try site(title: "[Baths](https://evil.example/) of the city")
        try site.write("content/guide/zupa.md", "---\ntitle: \"[Zupa](lekarz.md) dnia\"\nsummary: O zupie.\nreviewed: 2026-10-05\n---\n\nTekst.\n")
        _ = Update.run(root: site.root)
        let result = site.check()
        #expect(result.succeeded)
        let at = try location(site, "Łaźnie miejskie")
        #expect(site.messages(result).contains(at + "the translation links to 'https://evil.example/', but the source text has no link here; the link is shown as plain text (links to evil.example can be allowed in site.yml under translations: linkHosts)"))
        let lazienki = try page(result, "en/guide/lazienki/index.html")
        #expect(lazienki.contains("<h1>Baths of the city</h1>"))
        #expect(lazienki.contains("<title>Baths of the city · "))
        // A source title's own link is not shown either: in its h1, the section's list, the A-Z index, the book.
        #expect(try page(result, "pl/guide/zupa/index.html").contains("<h1>Zupa dnia</h1>"))
        for (path, html) in [("en/guide/index.html", try page(result, "en/guide/index.html")),
                             ("en/a-z/index.html", try page(result, "en/a-z/index.html")),
                             ("en/index.html", try page(result, "en/index.html")),
                             ("nav.xhtml", try chapter(result, "en", "nav.xhtml")),
                             ("guide-lazienki.xhtml", try chapter(result, "en", "guide-lazienki.xhtml"))] {
            #expect(!html.contains("evil.example") && !html.contains(">Zupa</a>"), "\(path)")
            #expect(html.contains("Baths of the city"), "\(path)")
        }
        for path in ["pl/guide/index.html", "pl/a-z/index.html", "en/guide/index.html"] {
            let html = try page(result, path)
            #expect(!html.contains(">Zupa</a>") && html.contains("Zupa dnia</a>"), "\(path)")
        }
    }

    @Test func hostsOfWebAddressesAreReadAsBrowsersReadThem() {
        let cases: [(String, String?)] = [
            ("https://gov.pl/x", "gov.pl"), ("HTTPS://WWW.Gov.PL:443/x?y#z", "www.gov.pl"), ("http://gov.pl.", "gov.pl"),
            ("https://gov.pl@evil.example/", "evil.example"), ("https://user:pw@gov.pl/", "gov.pl"),
            ("https://evil.example\\@gov.pl", "evil.example"), ("https://evil.example#@gov.pl", "evil.example"),
            ("https:\\\\gov.pl", "gov.pl"), ("https://gov.pl%2eevil.example/", nil), ("https://[::1]/", nil),
            ("mailto:x@gov.pl", nil), ("tel:+48", nil), ("ftp://gov.pl", nil), ("https://go\tv.pl/", "gov.pl"),
            // A combining mark does not hide a "/", "#" or "?" from a browser.
            ("https://evil.example/\u{301}@gov.pl", "evil.example"), ("https://evil.example#\u{301}@gov.pl", "evil.example"),
            ("https://evil.example?\u{301}@gov.pl", "evil.example"), ("https://gov.pl:\u{301}443/", nil),
        ]
        for (url, host) in cases {
            #expect(TranslationLinks.webHost(url) == host, "\(url)")
        }
        #expect(TranslationLinks.normalized("HTTPS://Gov.PL/A?B#C") == "https://gov.pl/A?B#C")
        #expect(TranslationLinks.normalized("https://gov.pl/\u{301}A") != TranslationLinks.normalized("https://gov.pl/\u{301}a"))
        #expect(TranslationLinks.normalized("MAILTO:Ala@X.pl") == "mailto:Ala@X.pl")
    }
}
