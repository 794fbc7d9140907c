import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajGettext
import WitajSite

/// Templates (POT) and headers as translators' tools expect them: msgmerge of a catalog against its template
/// changes nothing, headers carry Language, Plural-Forms and POT-Creation-Date, and what translators set stays.
@Suite struct TemplateTests {
    static let day1 = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30 00:53 UTC
    static let day2 = Date(timeIntervalSince1970: 1_796_500_000)

    func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        return site
    }

    func text(_ site: FixtureSite, _ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    func header(_ site: FixtureSite, _ path: String) throws -> POHeader {
        POHeader(parsing: try #require(try site.catalog(path).header).translation)
    }

    @Test func everyDocumentAndTheInterfaceHaveATemplateThatMsgmergeReproducesEveryCatalogFrom() throws {
        let site = try site()
        let first = Update.run(root: site.root, now: Self.day1)
        #expect(first.templates.contains("locales/templates/guide/registration.pot"))
        #expect(first.templates.contains("locales/templates/ui.pot"))
        // Translations, a changed source (fuzzy, with #| msgid), a removed segment (obsolete), a translator's comment.
        try site.translate("locales/en/guide/lazienki.po") { "EN: " + $0 }
        var catalog = try site.catalog("locales/en/guide/lazienki.po")
        catalog.entries[0].comments = [" checked by Ola"]
        try site.write("locales/en/guide/lazienki.po", POWriter.write(catalog))
        try site.translate("locales/ar/ui.po") { $0 == "Language" ? "اللغة" : nil }
        try site.write("content/guide/lazienki.md", """
            ---
            title: Łaźnie miejskie
            summary: Gdzie się wykąpać w mieście.
            reviewed: 2026-11-01
            ---

            Nowy akapit.
            """)
        let second = Update.run(root: site.root, now: Self.day2)
        #expect(second.templates == ["locales/templates/guide/lazienki.pot"])
        #expect(try text(site, "locales/en/guide/lazienki.po").contains("#| msgid \"Gdzie się wykąpać.\""))

        let catalogs = FileTree.files(under: site.root.appendingPathComponent("locales")).filter { $0.0.hasSuffix(".po") }
        #expect(catalogs.count == 2 * 13)
        for (path, url) in catalogs {
            let stem = String(path.split(separator: "/", maxSplits: 1)[1].dropLast(3))
            let template = site.root.appendingPathComponent("locales/templates/\(stem).pot")
            let msgmerge = try ExternalTool.run("msgmerge", ["--quiet", "--previous", url.path, template.path, "-o", "-"])
            #expect(msgmerge.status == 0, "\(path): \(msgmerge.stderr)")
            #expect(msgmerge.stdout == (try String(contentsOf: url, encoding: .utf8)), "msgmerge changes \(path):\n\(msgmerge.stdout)")
        }
        for (path, url) in FileTree.files(under: site.root.appendingPathComponent("locales/templates")) {
            let msgcat = try ExternalTool.run("msgcat", [url.path])
            #expect(msgcat.stdout == (try String(contentsOf: url, encoding: .utf8)), "msgcat reformats \(path)")
        }
    }

    @Test func newCatalogsHaveTheHeaderMsginitWritesAndTheTemplatesDate() throws {
        let site = try site()
        _ = Update.run(root: site.root, now: Self.day1)
        let template = POHeader(parsing: try #require(try site.catalog("locales/templates/guide/lekarz.pot").header).translation)
        #expect(template["POT-Creation-Date"] == "2026-11-30 00:53+0000")
        for code in ["en", "ar"] {
            let header = try header(site, "locales/\(code)/guide/lekarz.po")
            #expect(header.fields.map(\.name) == ["Project-Id-Version", "POT-Creation-Date", "PO-Revision-Date", "Last-Translator",
                                                  "Language-Team", "Language", "MIME-Version", "Content-Type",
                                                  "Content-Transfer-Encoding", "Plural-Forms"])
            #expect(header["Language"] == code)
            #expect(header["POT-Creation-Date"] == "2026-11-30 00:53+0000")
            #expect(header["PO-Revision-Date"] == "2026-11-30 00:53+0000")
            #expect(header["Last-Translator"] == "Automatically generated")
        }
        // msginit's own header for English, from the template: the same Plural-Forms and translator fields.
        let msginit = try ExternalTool.run("msginit", ["--no-translator", "-l", "en", "-i",
                                                       site.root.appendingPathComponent("locales/templates/guide/lekarz.pot").path, "-o", "-"])
        var diagnostics = Diagnostics()
        let initialized = try #require(POReader.read(msginit.stdout, path: "msginit", into: &diagnostics)?.header)
        let expected = POHeader(parsing: initialized.translation)
        let ours = try header(site, "locales/en/guide/lekarz.po")
        for field in ["Plural-Forms", "Last-Translator", "Language-Team", "Language", "Content-Type"] {
            #expect(ours[field] == expected[field], "\(field)")
        }
    }

    @Test func whatTranslatorsSetInTheHeaderIsNeverOverwritten() throws {
        let site = try site()
        _ = Update.run(root: site.root, now: Self.day1)
        let path = "locales/en/guide/lekarz.po"
        var catalog = try site.catalog(path)
        var fields = try header(site, path)
        fields["PO-Revision-Date"] = "2026-12-01 14:05+0100"
        fields["Last-Translator"] = "Olena Kowalczuk <olena@example.org>"
        fields["Language-Team"] = "English <en@example.org>"
        fields["Plural-Forms"] = nil
        fields["X-Generator"] = "Poedit 3.4.2"
        // Poedit writes its fields in an order of its own.
        fields.fields.insert(fields.fields.remove(at: fields.fields.firstIndex { $0.name == "Language" }!), at: 0)
        catalog.header?.msgstr = [fields.msgstr]
        catalog.header?.comments.append(" Reviewed in December.")
        try site.write(path, POWriter.write(catalog))
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-11-01\n---\n\nNowy tekst o lekarzu.\n")
        _ = Update.run(root: site.root, now: Self.day2)

        let updated = try header(site, path)
        #expect(updated["PO-Revision-Date"] == "2026-12-01 14:05+0100")
        #expect(updated["Last-Translator"] == "Olena Kowalczuk <olena@example.org>")
        #expect(updated["Language-Team"] == "English <en@example.org>")
        #expect(updated["POT-Creation-Date"] == POHeader.date(Self.day2), "the template's new date")
        #expect(updated.fields.map(\.name) == ["Project-Id-Version", "POT-Creation-Date", "PO-Revision-Date", "Last-Translator",
                                               "Language-Team", "Language", "MIME-Version", "Content-Type",
                                               "Content-Transfer-Encoding", "X-Generator", "Plural-Forms"])
        #expect(try site.catalog(path).header?.comments.last == " Reviewed in December.")
        // The other catalogs of the document (and only theirs) took the new date; the rest kept theirs.
        #expect(try header(site, "locales/ar/guide/lekarz.po")["POT-Creation-Date"] == POHeader.date(Self.day2))
        #expect(try header(site, "locales/ar/guide/zupa.po")["POT-Creation-Date"] == POHeader.date(Self.day1))
        #expect(Update.run(root: site.root, now: Date()).written.isEmpty, "and a run later changes nothing")
    }

    /// gettext's Plural-Forms, as msginit writes it, for every language in msginit's table, and the gettext manual's
    /// for Arabic (which that table lacks).
    @Test(arguments: ["en", "de", "fr", "uk", "ru", "be", "pl", "cs", "lt", "sl", "ja", "pt_BR"])
    func pluralFormsAreGettexts(code: String) throws {
        let pot = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"a\"\nmsgstr \"\"\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-\(UUID().uuidString).pot")
        try pot.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let msginit = try ExternalTool.run("msginit", ["--no-translator", "-l", code, "-i", file.path, "-o", "-"])
        var diagnostics = Diagnostics()
        let header = try #require(POReader.read(msginit.stdout, path: "msginit", into: &diagnostics)?.header)
        #expect(GettextPlurals.forms(code) == POHeader(parsing: header.translation)["Plural-Forms"])
    }

    @Test func arabicPluralFormsAreTheGettextManuals() {
        #expect(GettextPlurals.forms("ar") == "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;")
    }

    @Test func theShippedCatalogsAreInStepWithTheirTemplates() throws {
        let locales = FixtureSite.packageRoot.appendingPathComponent("locales")
        let catalogs = FileTree.files(under: locales).filter { $0.0.hasSuffix(".po") }
        #expect(catalogs.count >= 100)
        for (path, url) in catalogs {
            let stem = String(path.split(separator: "/", maxSplits: 1)[1].dropLast(3))
            let template = locales.appendingPathComponent("templates/\(stem).pot")
            #expect(FileManager.default.fileExists(atPath: template.path), "\(path) has no template")
            let msgmerge = try ExternalTool.run("msgmerge", ["--quiet", "--previous", url.path, template.path, "-o", "-"])
            #expect(msgmerge.stdout == (try String(contentsOf: url, encoding: .utf8)), "msgmerge changes \(path)")
            var diagnostics = Diagnostics()
            let catalog = try #require(POReader.read(try String(contentsOf: url, encoding: .utf8), path: path, into: &diagnostics))
            let header = POHeader(parsing: catalog.header?.translation ?? "")
            let code = String(path.split(separator: "/")[0])
            #expect(header["Language"] == code && header["Plural-Forms"] == GettextPlurals.forms(code), "\(path)")
        }
    }

    @Test func witajUpdateLeavesTheShippedCatalogsAndTemplatesAsTheyAre() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for item in ["site.yml", "content", "locales", "theme"] {
            try FileManager.default.copyItem(at: FixtureSite.packageRoot.appendingPathComponent(item), to: copy.appendingPathComponent(item))
        }
        let result = Update.run(root: copy)
        #expect(result.diagnostics.items.map(\.description) == [])
        #expect(result.written == [] && result.templates == [], "\(result.written.prefix(3)) \(result.templates.prefix(3))")
    }
}
