import Foundation
import Testing
import ZIPFoundation
@testable import Witaj
import WitajCore

/// Files published as they are (issue 17): `static/` at the same place in the output, with languages' own versions
/// in `static/<lang>/`; files beside a document (images, forms) once, in the source language's folder, linked from
/// every language's page and from the books, which carry the images; located errors for what would break; the 404
/// pages.
@Suite struct StaticFilesTests {
    /// 1x1 PNG images, red and blue.
    static let red = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")!)
    static let blue = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mNgME4DAADQAJpph/9wAAAAAElFTkSuQmCC")!)
    static let pdf = Array("%PDF-1.4 formularz\n".utf8)
    static let lazienki = """
        ---
        title: Łaźnie miejskie
        summary: Gdzie się wykąpać.
        reviewed: 2026-10-05
        ---

        ![Mapa łaźni](mapa.png)

        Wypełnij [formularz](formularz.pdf) przed wizytą.

        """

    /// The multilingual site with its book (pl; en; ar falling back to en), an image and a form beside the baths'
    /// page, which shows and links them, and catalogs brought up to date. At a real address (not example.org), so
    /// that the books link the form on the web.
    func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", BookTests.siteYAML.replacingOccurrences(of: "https://example.org/pack/", with: "https://pakiet.krakow.pl/pack/"))
        try site.write("content/guide/mapa.png", bytes: Self.red)
        try site.write("content/guide/formularz.pdf", bytes: Self.pdf)
        try site.write("content/guide/lazienki.md", Self.lazienki)
        _ = Update.run(root: site.root)
        return site
    }

    func bytes(_ site: FixtureSite, _ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: site.output.appendingPathComponent(path).path).map { [UInt8]($0) }
    }

    func book(_ site: FixtureSite, _ lang: String) throws -> [String: [UInt8]] {
        let archive = try Archive(data: Data(try #require(bytes(site, "\(lang)/pakiet-\(lang).epub"))), accessMode: .read)
        var files: [String: [UInt8]] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = [UInt8](data)
        }
        return files
    }

    func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }

    @Test func staticFilesArePublishedAsTheyAreWithLanguagesOwnFiles() throws {
        let site = try site()
        let icon = (0...255).map { UInt8($0) }
        let files: [String: [UInt8]] = [
            "robots.txt": Array("User-agent: *\nDisallow: /coverage/\n".utf8), "favicon.ico": icon, "CNAME": Array("witaj.example.org\n".utf8),
            ".well-known/security.txt": Array("Contact: mailto:security@example.org\n".utf8),
            "en/ulotka.pdf": Self.pdf, "docs/regulamin.pdf": Self.pdf + [0],
        ]
        for (path, content) in files { try site.write("static/" + path, bytes: content) }
        // What an editor's system leaves there is not published.
        try site.write("static/.DS_Store", bytes: [0, 1])
        try site.write("static/docs/.regulamin.pdf.swp", bytes: [0, 1])
        let result = site.build()
        #expect(site.messages(result) == [])
        for (path, content) in files { #expect(bytes(site, path) == content, "\(path)") }
        let published = site.snapshot().keys
        #expect(!published.contains { $0.hasSuffix(".DS_Store") || $0.hasSuffix(".swp") })
        // Copied once: no language gets a copy of a file that is not its own.
        #expect(!published.contains { $0.hasSuffix("/robots.txt") || $0.hasSuffix("/ulotka.pdf") && $0 != "en/ulotka.pdf" })
        // They are files, not pages.
        #expect(result.pages == published.filter { $0.hasSuffix(".html") }.count)
    }

    @Test func aFileBesideADocumentIsPublishedOnceAndLinkedFromEveryLanguageAndTheBook() throws {
        let site = try site()
        try site.translate("locales/en/guide/lazienki.po") {
            ["Wypełnij [formularz](formularz.pdf) przed wizytą.": "Fill in the [form](formularz.pdf) before you go.",
             "![Mapa łaźni](mapa.png)": "![Map of the baths](mapa.png)"][$0]
        }
        let result = site.build()
        #expect(site.messages(result) == [], "no file beside a document is 'ignored'")
        #expect(bytes(site, "pl/guide/mapa.png") == Self.red)
        #expect(bytes(site, "pl/guide/formularz.pdf") == Self.pdf)
        #expect(!site.snapshot().keys.contains { $0.hasSuffix("formularz.pdf") && $0 != "pl/guide/formularz.pdf" })

        let pl = try site.read("pl/guide/lazienki/index.html")
        #expect(pl.contains("<p><img src=\"../mapa.png\" alt=\"Mapa łaźni\"></p>"))
        #expect(pl.contains("<p>Wypełnij <a href=\"../formularz.pdf\">formularz</a> przed wizytą.</p>"))
        let en = try site.read("en/guide/lazienki/index.html")
        #expect(en.contains("<p><img src=\"../../../pl/guide/mapa.png\" alt=\"Map of the baths\"></p>"))
        #expect(en.contains("<p>Fill in the <a href=\"../../../pl/guide/formularz.pdf\">form</a> before you go.</p>"))
        // Arabic shows English where it has no translation: the same links.
        let ar = try site.read("ar/guide/lazienki/index.html")
        #expect(ar.contains("<p lang=\"en\" dir=\"ltr\" data-fallback><img src=\"../../../pl/guide/mapa.png\" alt=\"Map of the baths\"></p>"))
        #expect(ar.contains("<a href=\"../../../pl/guide/formularz.pdf\">form</a>"))

        // The books carry the image (with its description) and link the form on the web.
        for lang in ["pl", "en", "ar"] {
            let files = try book(site, lang)
            #expect(files["EPUB/images/guide/mapa.png"] == Self.red, "\(lang)")
            let opf = text(files["EPUB/package.opf"])
            #expect(opf.contains("<item id=\"i1\" href=\"images/guide/mapa.png\" media-type=\"image/png\"/>"), "\(lang)")
            #expect(opf.contains("<meta property=\"schema:accessibilityFeature\">alternativeText</meta>"), "\(lang)")
            #expect(opf.contains("<meta property=\"schema:accessMode\">visual</meta>"), "\(lang)")
            let chapter = text(files["EPUB/guide-lazienki.xhtml"])
            #expect(chapter.contains("<img src=\"images/guide/mapa.png\" alt=\"\(lang == "pl" ? "Mapa łaźni" : "Map of the baths")\"/>"), "\(lang)")
            #expect(chapter.contains("<a href=\"https://pakiet.krakow.pl/pack/pl/guide/formularz.pdf\">"), "\(lang)")
        }
        // A book without images says it has none.
        try site.write("content/guide/lazienki.md", "---\ntitle: Łaźnie miejskie\nreviewed: 2026-10-05\n---\n\nBez obrazów.\n")
        #expect(site.build().succeeded)
        let opf = text(try book(site, "pl")["EPUB/package.opf"])
        #expect(!opf.contains("image/png") && !opf.contains("alternativeText") && opf.contains("Nie zawiera obrazów"))
    }

    @Test func aLanguagesOwnVersionInStaticLangIsWhatItsPagesAndBookShow() throws {
        let site = try site()
        let english = Array("%PDF-1.4 form\n".utf8)
        try site.write("static/en/guide/formularz.pdf", bytes: english)
        try site.write("static/en/guide/mapa.png", bytes: Self.blue)
        let result = site.build()
        #expect(site.messages(result) == [])
        #expect(bytes(site, "en/guide/formularz.pdf") == english)
        #expect(bytes(site, "pl/guide/formularz.pdf") == Self.pdf)
        #expect(try site.read("pl/guide/lazienki/index.html").contains("<a href=\"../formularz.pdf\">"))
        #expect(try site.read("en/guide/lazienki/index.html").contains("<a href=\"../formularz.pdf\">"))
        #expect(try site.read("en/guide/lazienki/index.html").contains("<img src=\"../mapa.png\""))
        // Arabic falls back to English: its files too.
        #expect(try site.read("ar/guide/lazienki/index.html").contains("<a href=\"../../../en/guide/formularz.pdf\">"))
        #expect(try book(site, "en")["EPUB/images/guide/mapa.png"] == Self.blue)
        #expect(try book(site, "ar")["EPUB/images/guide/mapa.png"] == Self.blue)
        #expect(try book(site, "pl")["EPUB/images/guide/mapa.png"] == Self.red)
        #expect(text(try book(site, "en")["EPUB/guide-lazienki.xhtml"]).contains("<a href=\"https://pakiet.krakow.pl/pack/en/guide/formularz.pdf\">"))
    }

    @Test func aLinkOrImageToAFileThatDoesNotExistIsALocatedError() throws {
        let site = try site()
        try site.write("content/guide/lazienki.md", Self.lazienki + "\nZobacz [cennik](cennik.pdf) i ![Plan](../plan.png).\n")
        let registration = try String(contentsOf: site.root.appendingPathComponent("content/guide/registration.xml"), encoding: .utf8)
        try site.write("content/guide/registration.xml", registration
            .replacingOccurrences(of: "<step>Złóż go w urzędzie.</step>", with: "<step>Złóż [wniosek](wniosek.pdf) w urzędzie.</step>")
            .replacingOccurrences(of: "<see doc=\"lekarz.md\"/>", with: "<see doc=\"formularz.pdf\"/>"))
        let result = site.check()
        #expect(site.messages(result) == [
            "content/guide/lazienki.md:11:16: error: the file 'cennik.pdf' does not exist (content/guide/cennik.pdf); to link to a document, name its source file (…/name.md or …/name.xml)",
            "content/guide/lazienki.md:11:38: error: the file '../plan.png' does not exist (content/plan.png); to link to a document, name its source file (…/name.md or …/name.xml)",
            "content/guide/registration.xml:8:28: error: the file 'wniosek.pdf' does not exist (content/guide/wniosek.pdf); to link to a document, name its source file (…/name.md or …/name.xml)",
            "content/guide/registration.xml:21:17: error: 'formularz.pdf' is a file, not a document: <see> names a document (link to a file in the text)",
        ])
        #expect(!site.build().succeeded && !FileManager.default.fileExists(atPath: site.output.path), "nothing is written")
    }

    @Test func anImageWithoutADescriptionIsAnErrorInTheSourceAndAWarningInATranslation() throws {
        let site = try site()
        try site.write("content/guide/lazienki.md", Self.lazienki + "\nWejście: ![ ](mapa.png) oraz ![](formularz.pdf).\n")
        #expect(site.messages(site.check()) == [
            "content/guide/lazienki.md:11:11: error: the image 'mapa.png' has no description (alternative text): write what it shows between the brackets, ![description](mapa.png), for readers who cannot see it",
            "content/guide/lazienki.md:11:31: error: the image 'formularz.pdf' has no description (alternative text): write what it shows between the brackets, ![description](formularz.pdf), for readers who cannot see it",
        ])
        try site.write("content/guide/lazienki.md", Self.lazienki + "\nTo nie obraz: ![Formularz](formularz.pdf).\n")
        #expect(site.messages(site.check()) == [
            "content/guide/lazienki.md:11:15: error: 'formularz.pdf' is not an image that browsers show (PNG, JPEG, GIF, SVG, WebP or AVIF); link to it instead: [text](formularz.pdf)",
        ])

        // A translator who leaves the description out: the page shows the source text, marked as Polish.
        try site.write("content/guide/lazienki.md", Self.lazienki)
        try site.translate("locales/en/guide/lazienki.po") { $0 == "![Mapa łaźni](mapa.png)" ? "![](mapa.png)" : nil }
        let line = try site.catalog("locales/en/guide/lazienki.po").entries.first { $0.msgid == "![Mapa łaźni](mapa.png)" }?.msgstrLine
        let result = site.build()
        #expect(result.succeeded)
        #expect(site.messages(result) == [
            "locales/en/guide/lazienki.po:\(line ?? 0):1: warning: the image 'mapa.png' has no description (alternative text) in the translation: write what it shows between the brackets; until then the page shows this text in another language",
        ])
        let en = try site.read("en/guide/lazienki/index.html")
        #expect(en.contains("<p lang=\"pl\" dir=\"ltr\" data-fallback><img src=\"../../../pl/guide/mapa.png\" alt=\"Mapa łaźni\"></p>"))
        #expect(text(try book(site, "en")["EPUB/guide-lazienki.xhtml"]).contains("<img src=\"images/guide/mapa.png\" alt=\"Mapa łaźni\"/>"))
    }

    /// EPUBCheck, the real one, on books that carry images: PNG and SVG, one named with spaces and Polish letters.
    @Test func epubcheckAcceptsBooksWithImages() throws {
        let site = try site()
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\" viewBox=\"0 0 20 10\"><rect width=\"20\" height=\"10\" fill=\"#036\"/></svg>\n"
        try site.write("content/guide/wejście do łaźni.svg", svg)
        try site.write("content/guide/plan.webp", bytes: [0x52, 0x49, 0x46, 0x46])
        try site.write("content/guide/lazienki.md", Self.lazienki + "\n![Wejście od ulicy](<wejście do łaźni.svg>) i ![Plan budynku](plan.webp)\n")
        _ = Update.run(root: site.root)
        try site.translate("locales/en/guide/lazienki.po") { $0.contains("Wejście od ulicy") ? "![Entrance from the street](<wejście do łaźni.svg>) and ![Floor plan](plan.webp)" : nil }
        let result = site.build()
        // What a book cannot carry is said, and shown as its description.
        #expect(site.messages(result) == [
            "content/guide/lazienki.md:11:51: warning: the image 'plan.webp' is not PNG, JPEG, GIF or SVG, which every EPUB reader shows; the book shows its description instead",
        ])
        let page = try site.read("en/guide/lazienki/index.html")
        #expect(page.contains("<img src=\"../../../pl/guide/wej%C5%9Bcie%20do%20%C5%82a%C5%BAni.svg\" alt=\"Entrance from the street\"> and <img src=\"../../../pl/guide/plan.webp\" alt=\"Floor plan\">"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-epubcheck-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for lang in ["pl", "en", "ar"] {
            let files = try book(site, lang)
            let chapter = text(files["EPUB/guide-lazienki.xhtml"])
            let svgName = try #require(chapter.firstMatch(of: /<img src="(images\/guide\/[^"]+\.svg)"/)?.output.1)
            #expect(files["EPUB/" + svgName] == Array(svg.utf8), "\(lang)")
            #expect(chapter.contains(lang == "pl" ? " i Plan budynku" : " and Floor plan"), "\(lang): the webp image's description")
            let file = folder.appendingPathComponent("\(lang).epub")
            try Data(try #require(bytes(site, "\(lang)/pakiet-\(lang).epub"))).write(to: file)
            let check = try ExternalTool.run("java", ["-jar", "/usr/share/java/epubcheck.jar", file.path])
            #expect(check.status == 0, "\(lang): \(check.stdout)\(check.stderr)")
            #expect((check.stdout + check.stderr).contains("Messages: 0 fatals / 0 errors / 0 warnings"), "\(lang): \(check.stdout)")
        }
    }

    @Test func aPageNotFoundInEveryLanguageAndAtTheRoot() throws {
        let site = try site()
        // `witaj update` gives translators the new interface strings.
        #expect(try site.catalog("locales/ar/ui.po").entries.contains { $0.msgid == "Page not found" })
        try site.translate("locales/ar/ui.po") { $0 == "Page not found" ? "الصفحة غير موجودة" : nil }
        #expect(site.build().succeeded)
        // Shown at any address: its links start at the site's root (https://pakiet.krakow.pl/pack/).
        let root = try site.read("404.html")
        #expect(root.contains("<link rel=\"stylesheet\" href=\"/pack/assets/style.css\">"))
        #expect(root.contains("<li lang=\"pl\" dir=\"ltr\">Nie znaleziono strony</li>\n<li lang=\"en\" dir=\"ltr\">Page not found</li>\n<li lang=\"ar\" dir=\"rtl\">الصفحة غير موجودة</li>"))
        for (lang, autonym) in [("pl", "polski"), ("en", "English"), ("ar", "العربية")] {
            #expect(root.contains("<a href=\"/pack/\(lang)/\" hreflang=\"\(lang)\"><strong>\(autonym)</strong>"))
        }
        let pl = try site.read("pl/404.html")
        #expect(pl.hasPrefix("<!DOCTYPE html>\n<html lang=\"pl\" dir=\"ltr\">"))
        #expect(pl.contains("<title>Nie znaleziono strony · Witaj w mieście</title>"))
        #expect(pl.contains("<h1>Nie znaleziono strony</h1>"))
        #expect(pl.contains("<li><a href=\"/pack/pl/\">Strona główna</a></li>\n<li><a href=\"/pack/pl/a-z/\">Indeks A–Z</a></li>"))
        #expect(pl.contains("<a href=\"/pack/en/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>"), "the language switcher")
        #expect(pl.contains("<a href=\"/pack/pl/guide/\">Poradnik</a>"))
        #expect(!pl.contains("hreflang=\"x-default\""), "no alternates: it is no page of the site")
        let ar = try site.read("ar/404.html")
        #expect(ar.contains("<html lang=\"ar\" dir=\"rtl\">") && ar.contains("<h1>الصفحة غير موجودة</h1>"))
        #expect(ar.contains("<p lang=\"en\" dir=\"ltr\">There is no page at this address."), "untranslated: said in English, marked")
        #expect(!(try site.read("sitemap.xml")).contains("404"))
    }

    @Test func aCopiedFileThatWouldTakeTheplaceOfAnotherIsALocatedError() throws {
        let site = try site()
        try site.write("static/index.html", "<p>moja strona</p>")
        try site.write("static/en/guide/lekarz/index.html", "<p>moja strona</p>")
        try site.write("static/pl/guide/mapa.png", bytes: Self.blue)
        try site.write("static/ar/pakiet-ar.epub", bytes: [1])
        try site.write("content/guide/lekarz", "bez rozszerzenia")
        #expect(site.messages(site.check()) == [
            "content/guide/lekarz:1:1: error: it would be published as 'pl/guide/lekarz', the folder of the page of content/guide/lekarz.md: rename it",
            "static/ar/pakiet-ar.epub:1:1: error: it would be published as 'ar/pakiet-ar.epub', which is the welcome pack book: rename or remove it",
            "static/en/guide/lekarz/index.html:1:1: error: it would be published as 'en/guide/lekarz/index.html', which is the page of content/guide/lekarz.md: rename or remove it",
            "static/index.html:1:1: error: it would be published as 'index.html', which is the language chooser: rename or remove it",
            "static/pl/guide/mapa.png:1:1: error: it would be published as 'pl/guide/mapa.png', where content/guide/mapa.png is: the pl version of a file beside a document is that file; static/<lang>/ holds the other languages' own versions",
        ])
    }

    @Test func aRebuildAfterEditingCopiedFilesEqualsACleanBuild() throws {
        let site = try site()
        try site.write("static/robots.txt", "User-agent: *\n")
        try site.age()
        #expect(Build.run(root: site.root, output: site.output, sourceDateEpoch: FixtureSite.sourceDateEpoch).succeeded)
        let edits: [(String, () throws -> Void)] = [
            ("nothing", {}),
            ("a static file changed", { try site.write("static/robots.txt", "User-agent: *\nDisallow: /coverage/\n") }),
            ("a static file added", { try site.write("static/favicon.ico", bytes: [0, 0, 1, 0]) }),
            ("a language's own version added", { try site.write("static/en/guide/formularz.pdf", bytes: Array("EN".utf8)) }),
            ("an image beside a document changed", { try site.write("content/guide/mapa.png", bytes: Self.blue) }),
            ("a document's text, its files stay", {
                try site.write("content/guide/lazienki.md", Self.lazienki.replacingOccurrences(of: "przed wizytą", with: "w domu"))
            }),
            // Only that chapter is made again: the book is zipped with the baths' chapter as the last build made it,
            // and the image that chapter shows.
            ("another chapter of the book", {
                try site.write("content/index.md", "---\ntitle: Witaj w mieście\nsummary: Pakiet powitalny.\nreviewed: 2026-11-01\n---\n\nWitamy! Zacznij od [poradnika](guide/index.md).\n")
            }),
            ("a file beside a document added and shown", {
                try site.write("content/guide/plan.png", bytes: Self.red)
                try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\n![Plan przychodni](plan.png)\n")
            }),
            ("a language's own version removed", { try site.remove("static/en/guide/formularz.pdf") }),
            ("a static file removed", { try site.remove("static/favicon.ico") }),
            ("static/ removed", { try site.remove("static") }),
        ]
        for (what, edit) in edits {
            try edit()
            if what != "nothing" { try site.age() }
            let rebuilt = Build.run(root: site.root, output: site.output, sourceDateEpoch: FixtureSite.sourceDateEpoch)
            #expect(rebuilt.succeeded, "\(what): \(site.messages(rebuilt))")
            #expect(rebuilt.upToDate == (what == "nothing"), "\(what)")
            // A change to a file published as it is makes everything; one to a document's text only its pages.
            #expect((rebuilt.remade != nil) == (what.hasPrefix("a document's text") || what == "another chapter of the book"), "\(what)")
            let clean = site.cleanBuild()
            #expect(clean.succeeded)
            let incremental = site.snapshot()
            #expect(Set(incremental.keys) == Set(clean.files.keys), "\(what): the same files")
            let differing = clean.files.keys.filter { incremental[$0] != clean.files[$0] }.sorted()
            #expect(differing.isEmpty, "\(what): \(differing.prefix(5)) differ from a clean build")
        }
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let site = try site()
        try site.write("static/robots.txt", "User-agent: *\n")
        try site.write("static/en/guide/mapa.png", bytes: Self.blue)
        let first = site.cleanBuild(), second = site.cleanBuild()
        #expect(first.succeeded && !first.files.isEmpty)
        #expect(first.files == second.files)
        #expect(first.files["en/pakiet-en.epub"] != nil && first.files["robots.txt"] != nil)
    }
}
