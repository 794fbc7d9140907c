import Foundation
import Testing
import ZIPFoundation
@testable import Witaj
import WitajCore

/// The welcome pack as EPUB 3: valid (EPUBCheck), accessible, right-to-left where needed, reproducible.
@Suite struct BookTests {
    static let siteYAML = FixtureSite.multilingual + """

        pack:
          file: pakiet
          creator: Miasto Testowe
          publisher: Urząd Miasta Testowego
          chapters:
            - index.md
            - guide/registration.xml
            - guide/lazienki.md
            - guide/offices.xml
        """

    func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", Self.siteYAML)
        _ = Update.run(root: site.root)
        return site
    }

    func entries(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var files: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return files
    }

    func book(_ result: Build.Result, _ lang: String, file: String = "pakiet") throws -> [UInt8] {
        try #require(result.artifacts.first { $0.path == "\(lang)/\(file)-\(lang).epub" }).bytes
    }

    @Test func everyLanguageGetsABookOfItsOwnNameLinkedFromItsHomePage() throws {
        let site = try site()
        let result = site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        for lang in ["pl", "en", "ar"] {
            // Two languages' downloads do not collide in a reader's download folder.
            let epub = FileManager.default.contents(atPath: site.output.appendingPathComponent("\(lang)/pakiet-\(lang).epub").path)
            #expect(!(epub ?? Data()).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("\(lang)/pakiet.epub").path))
            #expect(try site.read("\(lang)/index.html").contains("<a href=\"pakiet-\(lang).epub\" type=\"application/epub+zip\" download"))
        }
    }

    @Test func mimetypeIsTheFirstEntryStoredUncompressed() throws {
        let bytes = try book(try site().check(), "en")
        // Local file header: signature, then method (offset 8) 0 = stored, name length 8, no extra field.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)
        #expect(bytes[26] == 8 && bytes[27] == 0 && bytes[28] == 0 && bytes[29] == 0)
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
    }

    @Test func packageDocumentNavigationAndChapters() throws {
        let site = try site()
        let result = site.check()
        let files = try entries(try book(result, "en"))
        #expect(files["META-INF/container.xml"]?.contains("full-path=\"EPUB/package.opf\"") == true)
        let opf = try #require(files["EPUB/package.opf"])
        #expect(opf.contains("<dc:identifier id=\"pub-id\">https://example.org/pack/en/pakiet-en.epub</dc:identifier>"))
        #expect(opf.contains("<dc:title>Witaj w mieście</dc:title>"))
        #expect(opf.contains("<dc:language>en</dc:language>"))
        #expect(opf.contains("<meta property=\"dcterms:modified\">2026-11-21T00:00:00Z</meta>"))
        #expect(opf.contains("<itemref idref=\"cover\"/>\n    <itemref idref=\"nav\"/>\n    <itemref idref=\"c1\"/>"))
        let nav = try #require(files["EPUB/nav.xhtml"])
        #expect(nav.contains("<nav epub:type=\"toc\" id=\"toc\""))
        // A chapter title still in Polish says so in the table of contents too.
        #expect(nav.contains("<li><a href=\"guide-registration.xhtml\" lang=\"pl\" dir=\"ltr\" data-fallback=\"\">Zameldowanie</a></li>"))
        #expect(nav.contains("<a epub:type=\"cover\" href=\"cover.xhtml\">Cover</a>"))
        #expect(nav.contains("<a epub:type=\"bodymatter\" href=\"home.xhtml\">"))
        let chapter = try #require(files["EPUB/guide-lazienki.xhtml"])
        #expect(chapter.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en\" xml:lang=\"en\" dir=\"ltr\">"))
        // Text still in Polish is marked as Polish, as on the site.
        #expect(chapter.contains("<h1 lang=\"pl\" dir=\"ltr\" data-fallback=\"\">Łaźnie miejskie</h1>"))
        // A link to a chapter stays in the book; to a document the book does not have, it goes to the web.
        #expect(chapter.contains("<a href=\"guide-registration.xhtml#steps\">zameldowanie</a>"))
        let procedure = try #require(files["EPUB/guide-registration.xhtml"])
        #expect(procedure.contains("<ol class=\"steps\">"))
        #expect(procedure.contains("<span aria-hidden=\"true\">☐</span>"))
        #expect(!procedure.contains("<input"))
        // A document the book does not have, on a site whose address is a placeholder (example.org): its title, unlinked.
        #expect(!procedure.contains("example.org"))
        #expect(procedure.contains("PLN\u{a0}340.00"))
    }

    @Test func arabicBookRunsRightToLeft() throws {
        let files = try entries(try book(try site().check(), "ar"))
        #expect(files["EPUB/package.opf"]?.contains("<spine page-progression-direction=\"rtl\">") == true)
        #expect(files["EPUB/package.opf"]?.contains("xml:lang=\"ar\" dir=\"rtl\"") == true)
        #expect(files["EPUB/guide-lazienki.xhtml"]?.contains("lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\">") == true)
    }

    @Test func accessibilityMetadataInTheBooksLanguage() throws {
        let site = try site()
        let ar = try entries(try book(site.check(), "ar"))["EPUB/package.opf"] ?? ""
        let pl = try entries(try book(site.check(), "pl"))["EPUB/package.opf"] ?? ""
        for opf in [ar, pl] {
            for property in ["schema:accessMode\">textual", "schema:accessModeSufficient\">textual",
                             "schema:accessibilityFeature\">tableOfContents", "schema:accessibilityFeature\">structuralNavigation",
                             "schema:accessibilityHazard\">none", "schema:accessibilitySummary"] {
                #expect(opf.contains("<meta property=\"\(property)"), "\(property)")
            }
            // The claim's text is the specification's exact pattern, refined by who certified it.
            let claim = try #require(opf.firstMatch(of: /<meta property="dcterms:conformsTo" id="([^"]+)">([^<]+)<\/meta>/))
            #expect(claim.output.2.wholeMatch(of: /EPUB Accessibility 1\.1 - WCAG 2\.[012] Level A{1,3}/) != nil)
            // Certified by the publisher site.yml names, in the language of its name.
            #expect(opf.contains("<meta property=\"a11y:certifiedBy\" refines=\"#\(claim.output.1)\"\(opf == ar ? " xml:lang=\"pl\"" : "")>Urząd Miasta Testowego</meta>"))
            #expect(opf.contains("<dc:creator\(opf == ar ? " xml:lang=\"pl\"" : "")>Miasto Testowe</dc:creator>"))
            #expect(opf.contains("<dc:publisher\(opf == ar ? " xml:lang=\"pl\"" : "")>Urząd Miasta Testowego</dc:publisher>"))
        }
        // The summary lists the checks witaj ran, in the book's language where the interface has them, and says so
        // where it has not (Arabic: English).
        #expect(pl.contains("<meta property=\"schema:accessibilitySummary\">Książka ma spis treści"))
        #expect(pl.contains("Urząd Miasta Testowego poświadcza dostępność tej książki") && pl.contains("nagłówki nie pomijają poziomów"))
        #expect(ar.contains("<meta property=\"schema:accessibilitySummary\" xml:lang=\"en\">"), "\(ar)")
        #expect(ar.contains("Urząd Miasta Testowego certifies this book") && ar.contains("accessibility on the checks witaj ran on every page")
                && ar.contains("headings do not skip a level; every image has a text description; every table header has a scope"))
        #expect(!ar.contains("witaj (automated"), "\(ar)")
    }

    @Test func withoutAPublisherTheBooksMakeNoConformanceClaim() throws {
        let site = try site()
        try site.write("site.yml", Self.siteYAML.replacingOccurrences(of: "  publisher: Urząd Miasta Testowego\n", with: ""))
        let result = site.check()
        #expect(result.succeeded, "\(site.messages(result))")
        let opf = try entries(try book(result, "en"))["EPUB/package.opf"] ?? ""
        #expect(!opf.contains("dcterms:conformsTo") && !opf.contains("a11y:certifiedBy") && !opf.contains("dc:publisher"))
        #expect(opf.contains("<dc:creator xml:lang=\"pl\">Miasto Testowe</dc:creator>"))
        #expect(!opf.contains("certifies"))
    }

    @Test func noConformanceClaimWhenAChapterFailsTheChecks() throws {
        let site = try site()
        // A theme whose document body jumps from h1 to h4.
        try site.write("theme/templates/document-body.mustache", "<h4>Skok</h4>{{{body}}}")
        let result = site.check()
        #expect(result.succeeded)
        let opf = try entries(try book(result, "pl"))["EPUB/package.opf"] ?? ""
        #expect(!opf.contains("dcterms:conformsTo"))
        // Said at a real input file (the chapter's source document), naming the book and the chapter.
        let warning = try #require(site.messages(result).first { $0.contains("heading h4") })
        #expect(warning.hasPrefix("content/guide/"), "\(warning)")
        #expect(warning.contains(": warning: accessibility of ") && warning.contains(".epub (guide-"), "\(warning)")
    }

    @Test func twoBuildsGiveTheSameBytesAndTheDateComesFromTheContentOrSourceDateEpoch() throws {
        let site = try site()
        let first = try book(site.check(), "en")
        #expect(try book(site.check(), "en") == first)
        let dated = try book(Build.run(root: site.root, output: nil, sourceDateEpoch: 1_767_225_600), "en")
        #expect(try entries(dated)["EPUB/package.opf"]?.contains("<meta property=\"dcterms:modified\">2026-01-01T00:00:00Z</meta>") == true)
    }

    @Test func packOrderNamingAMissingDocumentPointsAtSiteYml() throws {
        let site = try site()
        try site.write("site.yml", Self.siteYAML + "\n    - guide/nie-ma.md\n")
        #expect(site.messages(site.check()) == ["site.yml:19:7: error: the pack names a document that does not exist: content/guide/nie-ma.md"])
    }

    @Test func aRemoteImageIsADiagnosticNotABrokenBook() throws {
        let site = try site()
        try site.write("content/guide/lazienki.md", "---\ntitle: Łaźnie\nreviewed: 2026-10-05\n---\n\n![Mapa łaźni](https://example.org/mapa.png)\n")
        let result = site.check()
        #expect(result.succeeded)
        let chapter = try entries(try book(result, "pl"))["EPUB/guide-lazienki.xhtml"] ?? ""
        #expect(!chapter.contains("<img") && chapter.contains("<p>Mapa łaźni</p>"))
        #expect(site.messages(result).contains("content/guide/lazienki.md:6:1: warning: the image 'https://example.org/mapa.png' is on the web and cannot be packaged into the EPUB; the book shows its description instead"))
    }

    @Test func coverImageHasTheTitleInTheBooksLanguage() throws {
        let site = try site()
        try site.translate("locales/en/index.po") { $0 == "Witaj w mieście" ? "Welcome to the city of tests" : nil }
        let result = site.check()
        #expect(result.succeeded, "\(site.messages(result))")
        for (lang, title) in [("pl", "Witaj w mieście"), ("en", "Welcome to the city of tests"), ("ar", "Welcome to the city of tests")] {
            let files = try entries(try book(result, lang))
            let opf = try #require(files["EPUB/package.opf"])
            // Reading apps take the cover from the item with properties="cover-image" (and older ones from meta name="cover").
            let item = try #require(opf.firstMatch(of: /<item id="([^"]+)" href="([^"]+)" media-type="image\/svg\+xml" properties="cover-image"\/>/))
            #expect(opf.contains("<meta name=\"cover\" content=\"\(item.output.1)\"/>"))
            let svg = try #require(files["EPUB/" + item.output.2])
            #expect(svg.contains("<title>\(title)</title>"), "\(lang)")
            // The title is drawn in lines broken between its words; each word is there.
            let drawn = svg.matches(of: /<text [^>]*>([^<]*)<\/text>/).map { String($0.output.1) }
            for word in title.split(separator: " ") { #expect(drawn.contains { $0.split(separator: " ").contains(word) }, "\(lang): \(word)") }
            #expect(drawn.contains(lang == "pl" ? "polski" : lang == "en" ? "English" : "العربية"), "\(lang): \(drawn)")
            #expect(drawn.contains("Urząd Miasta Testowego"))
            // No font is embedded: generic families only.
            #expect(!svg.contains("@font-face") && !svg.contains("<font") && svg.contains("font-family=\"sans-serif\""))
        }
        // The Arabic book's English title is marked as English.
        let ar = try entries(try book(result, "ar"))["EPUB/cover.svg"] ?? ""
        #expect(ar.contains("xml:lang=\"en\">Welcome to the"), "\(ar)")
        #expect(ar.contains("direction=\"rtl\">العربية</text>"))
    }

    @Test func tableOfContentsIsNestedBySectionAndChaptersLinkInsideTheBook() throws {
        let site = try site()
        let result = site.check()
        let files = try entries(try book(result, "pl"))
        let nav = try #require(files["EPUB/nav.xhtml"])
        // The home page first, then the section "Poradnik" (whose own page is not in the pack) with its chapters.
        let toc = try #require(nav.firstMatch(of: /<nav epub:type="toc"[\s\S]*?<\/nav>/)).output
        #expect(toc.contains("""
            <li><a href="home.xhtml">Witaj w mieście</a></li>
            <li id="s2"><span>Poradnik</span>
            <ol>
            <li><a href="guide-registration.xhtml">Zameldowanie</a></li>
            <li><a href="guide-lazienki.xhtml">Łaźnie miejskie</a></li>
            <li><a href="guide-offices.xhtml">
            """), "\(toc)")
        // A chapter's breadcrumb goes to its section in the table of contents.
        #expect(files["EPUB/guide-lazienki.xhtml"]?.contains("<p class=\"crumb\"><a href=\"nav.xhtml#s2\">Poradnik</a></p>") == true)
        // Every link of every page of the book goes to a file the book has (and to an id it has), or to the web
        // only where the source links to a real external site: none to the site's placeholder address.
        for (name, text) in files where name.hasSuffix(".xhtml") {
            for match in text.matches(of: /href="([^"]*)"/) {
                let href = String(match.output.1)
                if href.hasPrefix("https://") || href.hasPrefix("http://") || href.hasPrefix("mailto:") || href.hasPrefix("tel:") {
                    #expect(!href.contains("example.org"), "\(name): \(href)")
                    continue
                }
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].isEmpty ? String(name.dropFirst("EPUB/".count)) : String(parts[0])
                let page = try #require(files["EPUB/" + target], "\(name): \(href)")
                if parts.count == 2 { #expect(page.contains("id=\"\(parts[1])\""), "\(name): \(href)") }
            }
        }
    }

    @Test func onASiteWithARealAddressDocumentsTheBookLacksAreLinkedOnTheWeb() throws {
        let site = try site()
        try site.write("site.yml", Self.siteYAML.replacingOccurrences(of: "https://example.org/pack/", with: "https://pakiet.krakow.pl/"))
        let procedure = try entries(try book(site.check(), "en"))["EPUB/guide-registration.xhtml"] ?? ""
        #expect(procedure.contains("<a href=\"https://pakiet.krakow.pl/en/guide/lekarz/\""))
        #expect(procedure.contains("<p class=\"crumb\"><a href=\"nav.xhtml#s2\""))
    }

    /// EPUBCheck, the real one from Debian, on the book of every shipped language: no error, no warning.
    @Test func epubcheckAcceptsEveryShippedBook() throws {
        let result = Build.run(root: FixtureSite.packageRoot, output: nil)
        #expect(result.succeeded)
        let books = result.artifacts.filter { $0.path.hasSuffix(".epub") }
        #expect(Set(books.map(\.path)) == Set(["pl", "en", "uk", "ru", "be", "ar"].map { "\($0)/witaj-krakow-\($0).epub" }))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-epubcheck-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for book in books {
            let file = folder.appendingPathComponent(book.path.replacingOccurrences(of: "/", with: "-"))
            try Data(book.bytes).write(to: file)
            let check = try ExternalTool.run("java", ["-jar", "/usr/share/java/epubcheck.jar", file.path])
            #expect(check.status == 0, "\(book.path): \(check.stdout)\(check.stderr)")
            #expect((check.stdout + check.stderr).contains("Messages: 0 fatals / 0 errors / 0 warnings"), "\(book.path): \(check.stdout)")
        }
    }
}
