import Foundation
import Testing
import WitajICU
@testable import Witaj
import WitajCore
import WitajSources
import WitajIncremental

/// Builds the small fixture site end to end and reads the pages as a reader's browser would get them.
@Suite struct BuildTests {
    @Test func everyDocumentGetsACleanURLPage() throws {
        let site = try FixtureSite()
        let result = site.build()
        #expect(site.messages(result) == [])
        let files = Set(site.snapshot().keys)
        for page in ["index.html", "pl/index.html", "pl/guide/index.html", "pl/guide/registration/index.html",
                     "pl/guide/lazienki/index.html", "pl/guide/offices/index.html", "pl/a-z/index.html",
                     "sitemap.xml", "assets/style.css"] {
            #expect(files.contains(page), "missing \(page)")
        }
    }

    @Test func pagesAreSemanticAndAccessible() throws {
        let site = try FixtureSite()
        _ = site.build()
        let html = try site.read("pl/guide/lazienki/index.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"pl\" dir=\"ltr\">"))
        #expect(html.contains("<a class=\"skip\" href=\"#main\">Przejdź do treści</a>"))
        #expect(html.contains("<main id=\"main\""))
        #expect(html.contains("<nav class=\"main\" aria-label=\"Nawigacja główna\">"))
        #expect(html.components(separatedBy: "<h1").count == 2, "exactly one h1")
        #expect(html.contains("<h2 id=\"godziny\">Godziny</h2>"))
        #expect(html.contains("<p>Otwarte <strong>codziennie</strong>, zobacz <a href=\"../../guide/registration/#steps\">zameldowanie</a>.</p>"))
        #expect(html.contains("<th scope=\"col\">Dzień</th><th scope=\"col\" class=\"right\">Godziny</th>"))
        #expect(html.contains("<ol>\n<li>pierwszy</li>\n<li>drugi</li>\n</ol>"))
        #expect(html.contains("Informacje sprawdzone: 5 października 2026"))
        #expect(!html.contains("<script"))
    }

    @Test func procedurePageHasItsStructureWithICUFormatting() throws {
        let site = try FixtureSite()
        _ = site.build()
        let html = try site.read("pl/guide/registration/index.html")
        #expect(html.contains("<ol class=\"steps\">\n<li>Wypełnij <strong>formularz</strong>.</li>\n<li>Złóż go w urzędzie.</li>\n</ol>"))
        #expect(html.contains("<input type=\"checkbox\" id=\"document-1\"> <label for=\"document-1\">Paszport.</label>"))
        // "(if it applies to you)" inside the label, which stays on the checkbox's line.
        #expect(html.contains("<label for=\"document-2\">Umowa najmu. <em class=\"optional\">(jeśli dotyczy)</em></label>"))
        #expect(html.contains("<dt>Opłata skarbowa</dt>\n<dd><data value=\"340 PLN\"><bdi>340,00\u{a0}zł</bdi></data></dd>"))
        #expect(html.contains("<strong><bdi>30 dni</bdi></strong>: <span>od przyjazdu</span>"))
        #expect(html.contains("<h3 id=\"office-urzad-name\">Urząd Miasta</h3>"))
        #expect(html.contains("<li>poniedziałek–piątek: <bdi>08:00</bdi>–<bdi>16:00</bdi></li>"))
        #expect(html.contains("<dd>polski, angielski, ukraiński</dd>"))
        #expect(html.contains("<a href=\"tel:+48120000000\" dir=\"ltr\">+48 12 000 00 00</a>"))
        #expect(html.contains("<a href=\"../../guide/lekarz/\">Lekarz</a>"))
    }

    @Test func azIndexFollowsICUPolishCollationAndAlphabet() throws {
        let site = try FixtureSite()
        _ = site.build()
        let html = try site.read("pl/a-z/index.html")
        let letters = html.matches(of: /<h2 id="l\d+"[^>]*>([^<]+)<\/h2>/).map { String($0.1) }
        #expect(letters == ["A", "Ć", "L", "Ł", "Ś", "U", "Z", "Ź", "Ż"])
        let body = html[html.range(of: "<nav class=\"letters\"")!.lowerBound...]
        let titles = body.matches(of: /<li><a href="\.\.\/[^"]+">([^<]+)<\/a>/).map { String($0.1) }
        #expect(titles == ["Apteki", "Ćwiczenia", "Lekarz", "Łaźnie miejskie", "Śmieci", "Urzędy", "Zameldowanie",
                           "Zupa", "Źródła wody", "Żłobki"])
    }

    @Test func keywordsOfArticlesAndProceduresAreMoreEntriesOfTheAZIndex() throws {
        let site = try FixtureSite()
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nkeywords: [przychodnia, POZ]\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu.\n")
        let registration = try String(contentsOf: site.root.appendingPathComponent("content/guide/registration.xml"), encoding: .utf8)
        try site.write("content/guide/registration.xml", registration.replacingOccurrences(
            of: "</summary>\n", with: "</summary>\n  <keywords><keyword>meldunek</keyword></keywords>\n"))
        let result = site.build()
        #expect(site.messages(result) == [])
        let html = try site.read("pl/a-z/index.html")
        let letters = html.matches(of: /<h2 id="l\d+"[^>]*>([^<]+)<\/h2>/).map { String($0.1) }
        #expect(letters == ["A", "Ć", "L", "Ł", "M", "P", "Ś", "U", "Z", "Ź", "Ż"])
        #expect(html.contains("<li class=\"keyword\"><a href=\"../guide/registration/\"><span>meldunek</span></a> (<span>Zameldowanie</span>)</li>"))
        #expect(html.contains("<li class=\"keyword\"><a href=\"../guide/lekarz/\"><span>POZ</span></a> (<span>Lekarz</span>)</li>\n<li class=\"keyword\"><a href=\"../guide/lekarz/\"><span>przychodnia</span></a>"))
        // The document keeps its own entry too.
        #expect(html.contains("<li><a href=\"../guide/lekarz/\">Lekarz</a>"))
        // A keyword that is not a word is an error at its place.
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nkeywords: [przychodnia, {a: b}]\nreviewed: 2026-10-05\n---\n\nTekst.\n")
        #expect(site.messages(site.check()) == ["content/guide/lekarz.md:3:25: error: 'keywords' is a list of words readers look for, such as [meldunek]"])
        // A keyword given twice, or that is the title, adds an entry readers meet twice: a warning at the keyword.
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nkeywords: [przychodnia, lekarz, Przychodnia]\nreviewed: 2026-10-05\n---\n\nTekst.\n")
        try site.write("content/guide/registration.xml", registration.replacingOccurrences(
            of: "</summary>\n", with: "</summary>\n  <keywords><keyword>meldunek</keyword><keyword>zameldowanie</keyword></keywords>\n"))
        let messages = site.messages(site.check())
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains("content/guide/lekarz.md:3:25: warning: the keyword 'lekarz' is the title: the A-Z index lists the document under its title already; remove the keyword"))
        #expect(messages.contains("content/guide/lekarz.md:3:33: warning: the keyword 'Przychodnia' is already given on line 3: the A-Z index would list it twice; remove one"))
        #expect(messages.contains { $0.hasPrefix("content/guide/registration.xml:") && $0.hasSuffix(": warning: the keyword 'zameldowanie' is the title: the A-Z index lists the document under its title already; remove the keyword") },
                "\(messages)")
    }

    @Test func homePageListsSectionsAndRootChoosesALanguage() throws {
        let site = try FixtureSite()
        _ = site.build()
        let home = try site.read("pl/index.html")
        #expect(home.contains("<h3><a href=\"guide/\">Poradnik</a></h3>"))
        #expect(home.contains("<title>Witaj w mieście</title>"))
        let root = try site.read("index.html")
        #expect(root.contains("<li lang=\"pl\" dir=\"ltr\"><a href=\"pl/\" hreflang=\"pl\"><strong>polski</strong>"))
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/pack/pl/guide/registration/</loc>"))
        #expect(sitemap.contains("hreflang=\"x-default\" href=\"https://example.org/pack/pl/guide/registration/\""))
    }

    @Test func checkWritesNothing() throws {
        let site = try FixtureSite()
        let result = site.check()
        #expect(result.succeeded)
        #expect(!result.artifacts.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func buildIsReproducible() throws {
        let site = try FixtureSite()
        _ = site.build()
        let first = site.snapshot()
        _ = site.build()
        #expect(site.snapshot() == first)
    }
}

/// Only the publisher writes, and only whole: a failed build leaves the old output byte for byte.
@Suite struct PublishTests {
    @Test func failedBuildLeavesTheOutputExactlyAsItWas() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)
        let before = site.snapshot()
        #expect(!before.isEmpty)
        try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-11-01\n---\n\n[zła](nie-ma.md)\n")
        try site.write("content/guide/nowy.md", "---\ntitle: Nowy\nreviewed: 2026-11-01\n---\n\nNowy tekst.\n")
        #expect(!site.build().succeeded)
        #expect(site.snapshot() == before)
        // Nothing staged is left beside it: only the list of the files witaj made there.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".site-out") }
        #expect(leftovers.sorted() == [".site-out.witaj-files", ".site-out.witaj-files-before"])
    }

    @Test func aBuildDropsItsOwnStalePagesAndKeepsFilesItDidNotMake() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)
        try site.write("site-out/CNAME", "pack.example.org")
        try site.write("site-out/pl/guide/notes.txt", "notatki")
        try site.remove("content/guide/zupa.md")
        #expect(site.build().succeeded)
        let files = site.snapshot()
        #expect(files["CNAME"] == Data("pack.example.org".utf8))
        #expect(files["pl/guide/notes.txt"] == Data("notatki".utf8))
        #expect(files["pl/guide/zupa/index.html"] == nil)
        #expect(files["pl/guide/lekarz/index.html"] != nil)
    }
}

/// witaj owns only the files it made: others in the output stay, move with it from one generation to the next,
/// and are never overwritten.
@Suite struct OwnershipTests {
    @Test func aFileSomeoneElseMadeIsNeverOverwritten() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)
        // Someone puts a file where the next build makes a page.
        try site.write("site-out/pl/guide/nowy/index.html", "moja strona")
        try site.write("content/guide/nowy.md", "---\ntitle: Nowy\nreviewed: 2026-11-01\n---\n\nNowy tekst.\n")
        let before = site.snapshot()
        let result = site.build()
        #expect(site.messages(result) == [
            "site-out:1:1: error: \(site.output.path)/pl/guide/nowy/index.html was not made by witaj and would be replaced: move it away and build again",
        ])
        #expect(site.snapshot() == before)
    }

    @Test func aFolderWitajDidNotMakeIsAnErrorAndLeftAsItIs() throws {
        let site = try FixtureSite()
        try site.write("site-out/index.html", "moja strona")
        try site.write("site-out/notes/a.txt", "notatki")
        let before = FixtureSite.tree(site.root)
        let result = site.build()
        #expect(site.messages(result) == [
            "site-out:1:1: error: \(site.output.path) holds files witaj did not make (index.html, notes); witaj builds only into an empty folder or one it made: choose another --out, or add --clean to set the folder aside and build anew",
        ])
        #expect(FixtureSite.tree(site.root) == before, "nothing is touched: not the folder, not beside it")
        // An empty folder is witaj's to fill.
        let empty = site.root.appendingPathComponent("empty-out")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(Build.run(root: site.root, output: empty, sourceDateEpoch: FixtureSite.sourceDateEpoch).succeeded)
    }

    @Test func cleanSetsAFolderWitajDidNotMakeAsideAndBuildsAnew() throws {
        let site = try FixtureSite()
        try site.write("site-out/index.html", "moja strona")
        let result = Build.run(root: site.root, output: site.output, sourceDateEpoch: FixtureSite.sourceDateEpoch, clean: true)
        #expect(result.succeeded)
        let aside = try #require(try FileManager.default.contentsOfDirectory(atPath: site.root.path)
            .first { $0.hasPrefix(".site-out.witaj-set-aside-") })
        #expect(site.messages(result) == ["site-out:1:1: warning: --clean: the files witaj did not make are kept in \(site.root.path)/\(aside)"])
        #expect(FileManager.default.contents(atPath: site.root.path + "/" + aside + "/index.html") == Data("moja strona".utf8))
        #expect(try site.read("index.html").contains("<html"))
        // The folder is witaj's now: the next build needs no --clean.
        #expect(site.build().succeeded)
    }

    @Test func theBuildStateLivesInTheSiteNotBesideTheOutput() throws {
        let site = try FixtureSite()
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-elsewhere-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let output = elsewhere.appendingPathComponent("preview")
        try site.age()
        #expect(Build.run(root: site.root, output: output, sourceDateEpoch: FixtureSite.sourceDateEpoch).succeeded)
        // Beside the output: only witaj's list of the files it made there, and the generation before it.
        let beside = try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted()
        #expect(beside == [".preview.witaj-files", ".preview.witaj-files-before", "preview"])
        let state = StateFolder(root: site.root, output: output)
        #expect(state.url.path.hasPrefix(site.root.path + "/.witaj/builds/preview-"))
        #expect(FileManager.default.fileExists(atPath: state.state.path))
        // The second build knows it: nothing changed.
        #expect(Build.run(root: site.root, output: output, sourceDateEpoch: FixtureSite.sourceDateEpoch).upToDate)
    }

    @Test func aFileDeletedFromTheOutputStaysDeleted() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)
        try site.write("site-out/CNAME", "pack.example.org")
        try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-11-01\n---\n\nZupa dnia.\n")
        #expect(site.build().succeeded)
        #expect(site.snapshot()["CNAME"] != nil)
        try site.remove("site-out/CNAME")
        try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-11-01\n---\n\nZupa dnia, nowa.\n")
        #expect(site.build().succeeded)
        #expect(site.snapshot()["CNAME"] == nil)
    }

    /// Found by RebuildPropertyTests (seed 19): a file named like witaj's temporary file for a page, shared by the
    /// two generations as a hard link, was written through when the page was written again.
    @Test func aFileNamedLikeATemporaryOneIsNotWrittenThrough() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)
        try site.write("site-out/pl/index.html.witaj-new", "moje")
        for text in ["Pierwsza zmiana.", "Druga zmiana.", "Trzecia zmiana."] {
            try site.write("content/index.md", "---\ntitle: Witaj\nreviewed: 2026-11-01\n---\n\n\(text)\n")
            #expect(site.build().succeeded)
            #expect(site.snapshot()["pl/index.html.witaj-new"] == Data("moje".utf8), "\(text)")
        }
    }

    @Test func aFileAddedWhileABuildRanIsMovedIntoTheOutput() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)
        try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-11-01\n---\n\nZupa dnia.\n")
        #expect(site.build().succeeded)
        // As if added to the output after the build had linked the output's files over: it went out with the
        // old output, which waits beside the new one.
        try site.write(".site-out.witaj-next/pl/notatki.txt", "notatki")
        try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-11-01\n---\n\nZupa dnia, nowa.\n")
        let result = site.build()
        #expect(result.succeeded)
        #expect(site.messages(result) == ["site-out:1:1: warning: \(site.output.path)/pl/notatki.txt was added while the last build ran; it is kept"])
        #expect(site.snapshot()["pl/notatki.txt"] == Data("notatki".utf8))
    }
}

/// The shipped Kraków welcome pack: the product's default input.
@Suite struct WelcomePackTests {
    let root = FixtureSite.packageRoot

    @Test func buildsWithoutErrorsAndEveryDocumentHasAPage() throws {
        let result = Build.run(root: root, output: nil)
        #expect(result.diagnostics.errors.map(\.description) == [])
        let (site, _) = SiteLoader.load(root: root)
        let documents = try #require(site).documents
        let pages = Set(result.artifacts.map(\.path))
        for document in documents {
            let page = document.path.isEmpty ? "pl/index.html" : "pl/\(document.path)/index.html"
            #expect(pages.contains(page), "no page for \(document.source)")
        }
        // The site's theme/ overrides the default theme file by file.
        let siteCSS = try #require(result.artifacts.first { $0.path == "assets/site.css" })
        #expect(String(decoding: siteCSS.bytes, as: UTF8.self).contains("--accent: #00417a"))
        let articlesAndProcedures = documents.filter { $0.kind == .article || $0.kind == .procedure }
        #expect(articlesAndProcedures.count >= 25)
        #expect(documents.filter { $0.kind == .procedure }.count >= 10)
    }

    @Test(arguments: ["pl", "uk", "ru", "en", "be", "ar"])
    func azPageOrderIsICUCollationOfTheTitlesInThePagesLanguage(language: String) throws {
        let result = Build.run(root: root, output: nil)
        let page = try #require(result.artifacts.first { $0.path == "\(language)/a-z/index.html" })
        let html = String(decoding: page.bytes, as: UTF8.self)
        let body = html[html.range(of: "<nav class=\"letters\"")!.lowerBound...]
        let titles = body.matches(of: /<li><a href="\.\.\/[^"]+"[^>]*>((?:[^<]|<span[^>]*>|<\/span>)+)<\/a>/).map { Self.withoutSpans($0.1) }
        #expect(titles.count >= 25)
        let collator = try Collator(locale: language)
        let index = try AlphabeticIndex(locale: language)
        // Under each letter, the titles in the language's collation.
        for group in html.split(separator: "<h2 id=\"").dropFirst() {
            let under = group.matches(of: /<li><a href="\.\.\/[^"]+"[^>]*>((?:[^<]|<span[^>]*>|<\/span>)+)<\/a>/).map { Self.withoutSpans($0.1) }
            #expect(under == collator.sorted(under, by: { $0 }), "\(language): \(under)")
        }
        // The letter headings: the language's own letters in its alphabet's order, then other scripts' letters in
        // that order (ICU's alphabetic index).
        let letters = html.matches(of: /<h2 id="l\d+"[^>]*>([^<]+)<\/h2>/).map { String($0.1) }
        let own = index.buckets.filter(\.own).map(\.label), others = index.buckets.filter { !$0.own }.map(\.label)
        // ("…", the bucket of what comes between or after the scripts, is a label of both lists: one heading.)
        var seen: Set<String> = []
        #expect(letters == (own.filter { letters.contains($0) } + others.filter { letters.contains($0) }).filter { seen.insert($0).inserted })
    }

    /// Titles not translated yet (a fallback language's, marked with its `lang`) come under their own script's
    /// letters, after every letter of the reader's language; translated titles under the reader's letters.
    @Test(arguments: ["uk", "ar"])
    func azFallbackTitlesComeUnderTheirScriptsLettersAfterTheLanguagesOwn(language: String) throws {
        let result = Build.run(root: root, output: nil)
        let page = try #require(result.artifacts.first { $0.path == "\(language)/a-z/index.html" })
        let html = String(decoding: page.bytes, as: UTF8.self)
        let index = try AlphabeticIndex(locale: language)
        let own = Set(index.buckets.filter(\.own).map(\.label))
        var seenOther = false, ownCount = 0, otherCount = 0
        for group in html.split(separator: "<h2 id=\"").dropFirst() {
            let heading = try #require(group.firstMatch(of: /^l\d+"( lang="([a-z]+)")?>([^<]+)<\/h2>/))
            let letter = String(heading.output.3)
            let isOwn = own.contains(letter)
            // Another script's letter is not said in the page's language: it has the language of its entries.
            let letterLanguage = heading.output.2.map(String.init)
            #expect(isOwn ? letterLanguage == nil : letterLanguage != nil && letterLanguage != language, "\(language): \(letter) \(letterLanguage ?? "-")")
            #expect(html.contains("<a href=\"#\(group.prefix { $0 != "\"" })\"\(letterLanguage.map { " lang=\"\($0)\"" } ?? "")>\(letter)</a>"))
            #expect(!(isOwn && seenOther), "\(language): the language's letter \(letter) after another script's")
            seenOther = seenOther || !isOwn
            for entry in group.matches(of: /<li><a href="[^"]+"( lang="([a-z]+)"[^>]*)?>((?:[^<]|<span[^>]*>|<\/span>)+)<\/a>/) {
                let (fallback, title) = (entry.output.2.map(String.init), Self.withoutSpans(entry.output.3))
                // Each title under the letter ICU gives it.
                #expect(index.buckets[index.bucketIndex(of: title)].label == letter, "\(language): \(title) under \(letter)")
                if fallback != nil { #expect(!isOwn, "\(language): fallback title \(title) under \(letter)") }
                if isOwn { ownCount += 1 } else { otherCount += 1 }
            }
        }
        #expect(ownCount > 0 && otherCount > 0, "\(language): \(ownCount) own, \(otherCount) other")
    }

    /// A document's keywords (`keywords:` in front matter, `<keywords>` in a procedure) are entries of every
    /// language's A-Z index, in Polish, pointing to the document.
    @Test(arguments: ["pl", "uk", "ar"])
    func azKeywordsAreEntriesPointingToTheirDocument(language: String) throws {
        let result = Build.run(root: root, output: nil)
        let page = try #require(result.artifacts.first { $0.path == "\(language)/a-z/index.html" })
        let html = String(decoding: page.bytes, as: UTF8.self)
        let attributes = language == "pl" ? "" : " lang=\"pl\" dir=\"ltr\""
        for (keyword, path) in [("meldunek", "first-steps/address-registration"), ("SOR", "health/emergency-care")] {
            let entry = "<li class=\"keyword\"><a href=\"../\(path)/\"><span\(attributes)>\(keyword)</span></a> ("
            #expect(html.contains(entry), "\(language): \(keyword)")
            // Under the keyword's letter: the last heading before it.
            let before = html[..<(html.range(of: entry)?.lowerBound ?? html.startIndex)]
            let heading = before.matches(of: /<h2 id="l\d+"[^>]*>([^<]+)<\/h2>/).last.map { String($0.output.1) }
            #expect(heading == String(keyword.prefix(1)).uppercased(), "\(language): \(keyword) under \(heading ?? "-")")
        }
    }

    /// A title as readers see it: without the `<span lang="pl">` of the Polish names it keeps.
    static func withoutSpans(_ html: Substring) -> String {
        String(html).replacing(/<span[^>]*>|<\/span>/, with: "")
    }

    @Test func everyProcedureNamesAnOfficeThatExists() throws {
        let (loaded, _) = SiteLoader.load(root: root)
        let site = try #require(loaded)
        for document in site.documents {
            guard case .procedure(let procedure) = document.body else { continue }
            #expect(!procedure.offices.isEmpty, "\(document.source) says nowhere to go")
            for reference in procedure.offices { #expect(site.offices[reference.target] != nil) }
        }
    }
}
