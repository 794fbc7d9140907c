import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajGettext
import WitajSite

/// witaj's catalogs are gettext's: msgmerge semantics, msgcat's exact formatting, msgfmt's approval.
@Suite struct CatalogTests {
    func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        return site
    }

    func catalog(_ site: FixtureSite, _ path: String) throws -> POCatalog { try site.catalog(path) }

    func text(_ site: FixtureSite, _ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    func translate(_ site: FixtureSite, _ path: String, _ translation: (String) -> String?) throws {
        try site.translate(path, translation)
    }

    @Test func updateCreatesOneCatalogPerDocumentWithGettextHeaderAndComments() throws {
        let site = try site()
        let result = Update.run(root: site.root)
        #expect(result.diagnostics.items.isEmpty)
        #expect(result.written.contains("locales/en/guide/registration.po"))
        #expect(result.written.contains("locales/ar/ui.po"))
        let registration = try catalog(site, "locales/en/guide/registration.po")
        #expect(registration.headerField("Language") == "en")
        #expect(registration.headerField("Content-Type") == "text/plain; charset=UTF-8")
        let step = try #require(registration.entries.first { $0.msgid == "Wypełnij **formularz**." })
        #expect(step.extracted == ["step"])
        #expect(step.references == ["content/guide/registration.xml:7"])
        #expect(step.msgstr == [""])
        let ui = try catalog(site, "locales/ar/ui.po")
        let days = try #require(ui.entries.first { $0.msgid.hasPrefix("{count, plural, one {# day}") })
        #expect(days.extracted == ["ICU MessageFormat: keep {count} and #; give every plural category your language needs (en: one other; ar: zero one two few many other)"])
        #expect(Update.run(root: site.root).written == [], "a second run changes nothing")
        try site.remove("content/guide/zupa.md")
        let messages = Update.run(root: site.root, language: "en").diagnostics.sorted.map(\.description)
        #expect(messages == ["locales/en/guide/zupa.po:1:1: warning: no document in content/ has this catalog any more; delete it or move its translations"])
    }

    @Test func changedSegmentBecomesFuzzyRemovedBecomesObsoleteNewIsEmpty() throws {
        let site = try site()
        _ = Update.run(root: site.root)
        let path = "locales/en/guide/lazienki.po"
        try translate(site, path) { "EN: " + $0 }
        try site.write("content/guide/lazienki.md", """
            ---
            title: Łaźnie miejskie
            summary: Gdzie się wykąpać.
            reviewed: 2026-10-05
            ---

            ## Godziny

            Otwarte **codziennie** od 8:00, zobacz [zameldowanie](registration.xml#steps).

            Nowy akapit o biletach.

            | Dzień | Godziny |
            |---|---:|
            | poniedziałek | 8–20 |
            """)
        let result = Update.run(root: site.root, language: "en")
        #expect(result.written == [path])
        let updated = try catalog(site, path)
        let current = updated.entries.filter { !$0.obsolete }
        let unchanged = try #require(current.first { $0.msgid == "Gdzie się wykąpać." })
        #expect(unchanged.translation == "EN: Gdzie się wykąpać." && !unchanged.isFuzzy)
        let changed = try #require(current.first { $0.msgid.hasPrefix("Otwarte **codziennie** od 8:00") })
        #expect(changed.isFuzzy)
        #expect(changed.previous == "Otwarte **codziennie**, zobacz [zameldowanie](registration.xml#steps).")
        #expect(changed.translation == "EN: Otwarte **codziennie**, zobacz [zameldowanie](registration.xml#steps).")
        let new = try #require(current.first { $0.msgid == "Nowy akapit o biletach." })
        #expect(new.translation == "" && !new.isFuzzy)
        let obsolete = updated.entries.filter(\.obsolete).map(\.msgid)
        #expect(obsolete == ["pierwszy", "drugi"])
        let written = try text(site, path)
        #expect(written.contains("""
            #, fuzzy
            #| msgid ""
            #| "Otwarte **codziennie**, zobacz [zameldowanie](registration.xml#steps)."
            msgid ""
            "Otwarte **codziennie** od 8:00, zobacz [zameldowanie](registration."
            "xml#steps)."
            msgstr ""
            "EN: Otwarte **codziennie**, zobacz [zameldowanie](registration.xml#steps)."

            """))
        #expect(written.hasSuffix("#~ msgid \"pierwszy\"\n#~ msgstr \"EN: pierwszy\"\n\n#~ msgid \"drugi\"\n#~ msgstr \"EN: drugi\"\n"))
        #expect(Update.run(root: site.root).written == ["locales/ar/guide/lazienki.po"], "the other language follows")
        #expect(Update.run(root: site.root).written == [], "and then nothing changes")
    }

    @Test func catalogsAreExactlyAsMsgcatWritesThemAndMsgfmtAcceptsThem() throws {
        let site = try site()
        _ = Update.run(root: site.root)
        try translate(site, "locales/en/guide/registration.po") { "A \"quoted\" translation of\n" + $0 + " with a long tail that has to wrap somewhere past the seventy-ninth column" }
        try site.write("content/guide/registration.xml", try text(site, "content/guide/registration.xml")
            .replacingOccurrences(of: "Złóż go w urzędzie.", with: "Złóż go osobiście w urzędzie."))
        _ = Update.run(root: site.root)
        for (path, _) in FileTree.files(under: site.root.appendingPathComponent("locales")) {
            let file = site.root.appendingPathComponent("locales/" + path).path
            let msgcat = try ExternalTool.run("msgcat", [file])
            #expect(msgcat.status == 0)
            #expect(msgcat.stdout == (try String(contentsOfFile: file, encoding: .utf8)), "msgcat reformats \(path)")
            let msgfmt = try ExternalTool.run("msgfmt", ["--check", "-o", "/dev/null", file])
            #expect(msgfmt.status == 0, "\(path): \(msgfmt.stderr)")
        }
    }

    @Test func everyShippedCatalogPassesMsgfmtAndMsgcatLeavesItAsItIs() throws {
        let locales = FixtureSite.packageRoot.appendingPathComponent("locales")
        let files = FileTree.files(under: locales).filter { $0.0.hasSuffix(".po") }
        #expect(files.count >= 100)
        for (path, url) in files {
            let msgfmt = try ExternalTool.run("msgfmt", ["--check", "-o", "/dev/null", url.path])
            #expect(msgfmt.status == 0 && msgfmt.stderr.isEmpty, "\(path): \(msgfmt.stderr)")
            let msgcat = try ExternalTool.run("msgcat", [url.path])
            #expect(msgcat.stdout == (try String(contentsOf: url, encoding: .utf8)), "msgcat reformats \(path)")
        }
    }

    @Test(arguments: [
        ("msgid \"a\"\nmsgstr \"b\n", "t.po:2:8: error: unterminated string: the closing quote is missing"),
        ("msgid \"a\"\nmsgstr \"b\\q\"\n", "t.po:2:10: error: invalid escape sequence '\\q'"),
        ("msgstr \"b\"\n", "t.po:1:1: error: msgstr without msgid"),
        ("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n", "t.po:4:1: error: duplicate message definition (first defined at line 1)"),
        ("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-2\\n\"\n",
         "t.po:2:1: error: the catalog declares charset 'iso-8859-2'; witaj catalogs are UTF-8 (Content-Type: text/plain; charset=UTF-8)"),
        ("msgid \"a\"\nmsgtxt \"b\"\n", "t.po:2:1: error: unknown keyword 'msgtxt'"),
    ])
    func badCatalogsGiveLocatedErrors(text: String, expected: String) {
        var diagnostics = Diagnostics()
        #expect(POReader.read(text, path: "t.po", into: &diagnostics) == nil)
        #expect(diagnostics.sorted.map(\.description) == [expected])
    }

    @Test func octalAndHexadecimalEscapesAreRead() {
        var diagnostics = Diagnostics()
        let catalog = POReader.read("msgid \"a\"\nmsgstr \"\\x41\\102C\\t\"\n", path: "t.po", into: &diagnostics)
        #expect(diagnostics.items.isEmpty)
        #expect(catalog?.entries.first?.translation == "ABC\t")
    }

    @Test func aBrokenCatalogIsReportedAndTheOtherLanguagesStillResolve() throws {
        let site = try site()
        _ = Update.run(root: site.root)
        try translate(site, "locales/ar/guide/lekarz.po") { "ع " + $0 }
        try site.write("locales/en/guide/lekarz.po", "msgid \"Lekarz\"\nmsgstr \"Doctor\n")
        let result = site.check()
        #expect(site.messages(result) == ["locales/en/guide/lekarz.po:2:8: error: unterminated string: the closing quote is missing"])
        let arabic = try #require(result.artifacts.first { $0.path == "ar/guide/lekarz/index.html" })
        #expect(String(decoding: arabic.bytes, as: UTF8.self).contains("<h1>ع Lekarz</h1>"))
        // An error is an error: nothing is published until the catalog is mended.
        #expect(!site.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func interfaceStringsAreCheckedAgainstICU() throws {
        let site = try site()
        _ = Update.run(root: site.root)
        try translate(site, "locales/ar/ui.po") { key in
            switch key {
            case "{count, plural, one {# day} other {# days}}": "{count, plural, one {يوم} other {# يوم}}"
            case "{count, plural, one {# week} other {# weeks}}": "{count, plural, one {أسبوع"
            case "Last reviewed on {date}": "تمت المراجعة"
            case "{count, plural, one {# month} other {# months}}": "{n, plural, zero {} one {} two {} few {} many {} other {}}"
            default: nil
            }
        }
        let messages = site.messages(site.check()).filter { $0.hasPrefix("locales/ar/ui.po") }
        #expect(messages.count == 4)
        #expect(messages.contains { $0.contains("warning: the translation lacks the plural categories zero, two, few, many that ar needs") })
        #expect(messages.contains { $0.contains("warning: the translation is not valid ICU MessageFormat") })
        #expect(messages.contains { $0.contains("warning: the translation drops the placeholder {date}") })
        #expect(messages.contains { $0.contains("warning: the translation drops the placeholder {count}") })
    }
}
