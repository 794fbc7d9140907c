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
        try #require(result.artifacts.first { $0.path == "\(lang)/\(file).epub" }).bytes
    }

    @Test func everyLanguageGetsABookLinkedFromItsHomePage() throws {
        let site = try site()
        let result = site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        for lang in ["pl", "en", "ar"] {
            let epub = FileManager.default.contents(atPath: site.output.appendingPathComponent("\(lang)/pakiet.epub").path)
            #expect(!(epub ?? Data()).isEmpty)
            #expect(try site.read("\(lang)/index.html").contains("<a href=\"pakiet.epub\" type=\"application/epub+zip\" download"))
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
        #expect(opf.contains("<dc:identifier id=\"pub-id\">https://example.org/pack/en/pakiet.epub</dc:identifier>"))
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
        #expect(procedure.contains("<a href=\"https://example.org/pack/en/guide/lekarz/\""))
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
            #expect(opf.contains("<meta property=\"a11y:certifiedBy\" refines=\"#\(claim.output.1)\">"))
        }
        #expect(pl.contains("<meta property=\"schema:accessibilitySummary\">Książka ma spis treści"))
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
        #expect(site.messages(site.check()) == ["site.yml:17:7: error: the pack names a document that does not exist: content/guide/nie-ma.md"])
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

    /// EPUBCheck, the real one from Debian, on the book of every shipped language: no error, no warning.
    @Test func epubcheckAcceptsEveryShippedBook() throws {
        let result = Build.run(root: FixtureSite.packageRoot, output: nil)
        #expect(result.succeeded)
        let books = result.artifacts.filter { $0.path.hasSuffix(".epub") }
        #expect(books.count == 6)
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
