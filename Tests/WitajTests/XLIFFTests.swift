import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajGettext
import WitajSite

/// XLIFF 1.2 for agencies: valid against OASIS's schema (libxml2's xmllint, the schema from a local copy), read by
/// translate-toolkit as the catalogs are, and brought back without losing anything.
@Suite struct XLIFFTests {
    func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        _ = Update.run(root: site.root)
        try site.translate("locales/en/guide/lazienki.po") { "EN: " + $0 }
        var catalog = try site.catalog("locales/en/guide/lazienki.po")
        catalog.entries[0].comments = [" checked by Ola", " twice"]
        try site.write("locales/en/guide/lazienki.po", POWriter.write(catalog))
        try site.translate("locales/en/guide/registration.po") { $0 == "Zameldowanie" ? "Address registration" : nil }
        // An outdated translation (fuzzy, with its previous source) and an untranslated paragraph.
        try site.write("content/guide/lazienki.md", """
            ---
            title: Łaźnie miejskie
            summary: Gdzie się wykąpać w mieście.
            reviewed: 2026-10-05
            ---

            Otwarte **codziennie**, zobacz [zameldowanie](registration.xml#steps).

            Nowy akapit o `biletach` i <https://example.org/łaźnie>.
            """)
        _ = Update.run(root: site.root)
        return site
    }

    /// xmllint, libxml2's own, with OASIS's XLIFF 1.2 strict schema; no network: the W3C's xml.xsd is mapped to the
    /// copy beside it.
    static func validate(_ xliff: String) throws -> ExternalTool.Output {
        let schemas = FixtureSite.fixtures.appendingPathComponent("xliff-1.2")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-xliff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = folder.appendingPathComponent("catalog.xml")
        try """
            <?xml version="1.0"?>
            <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
              <system systemId="http://www.w3.org/2001/xml.xsd" uri="\(schemas.appendingPathComponent("xml.xsd").absoluteString)"/>
            </catalog>
            """.write(to: catalog, atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("export.xlf")
        try xliff.write(to: file, atomically: true, encoding: .utf8)
        return try ExternalTool.run("xmllint", ["--nonet", "--noout", "--schema", schemas.appendingPathComponent("xliff-core-1.2-strict.xsd").path,
                                                file.path], environment: ["XML_CATALOG_FILES": catalog.path])
    }

    func export(_ site: FixtureSite, _ language: String = "en", only: XLIFFWriter.Selection? = nil) throws -> String {
        let result = XLIFF.export(root: site.root, language: language, only: only)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        return try #require(result.text)
    }

    @Test func theExportIsValidXLIFFAndImportingItUnchangedChangesNoCatalog() throws {
        let site = try site()
        let xliff = try export(site)
        let xmllint = try Self.validate(xliff)
        #expect(xmllint.status == 0, "\(xmllint.stderr)")
        let before = FixtureSite.tree(site.root.appendingPathComponent("locales"))
        let result = XLIFF.importFile(Array(xliff.utf8), path: "en.xlf", root: site.root)
        #expect(result.diagnostics.items.isEmpty && result.written.isEmpty && result.imported == 0)
        #expect(FixtureSite.tree(site.root.appendingPathComponent("locales")) == before)
    }

    @Test func unitsCarryStatesContextNotesThePreviousSourceAndMarkdownAsTags() throws {
        let site = try site()
        let xliff = try export(site)
        #expect(xliff.contains("<file original=\"locales/en/guide/lazienki.po\" source-language=\"pl\" target-language=\"en\" datatype=\"plaintext\" product-name=\"witaj\""))
        // Translated, with the translator's comments and what the segment is.
        #expect(xliff.contains("""
                  <trans-unit id="content/guide/lazienki.md:2" approved="yes" xml:space="preserve">
                    <source>Łaźnie miejskie</source>
                    <target state="translated">EN: Łaźnie miejskie</target>
                    <context-group purpose="location"><context context-type="sourcefile">content/guide/lazienki.md</context><context context-type="linenumber">2</context></context-group>
                    <context-group purpose="information"><context context-type="x-segment-kind">title</context></context-group>
                    <note from="developer">title</note>
                    <note from="translator">checked by Ola
            twice</note>
                  </trans-unit>
            """))
        // Outdated: needs review, with the source it was translated from.
        #expect(xliff.contains("""
                    <source>Gdzie się wykąpać w mieście.</source>
                    <target state="needs-review-translation">EN: Gdzie się wykąpać.</target>
                    <alt-trans alttranstype="previous-version"><source>Gdzie się wykąpać.</source><target>EN: Gdzie się wykąpać.</target></alt-trans>
            """))
        // New, its code span and autolink protected; bold and a link as paired tags.
        #expect(xliff.contains("<source>Nowy akapit o <ph id=\"1\" ctype=\"x-code\">`biletach`</ph> i <ph id=\"2\" ctype=\"x-autolink\">&lt;https://example.org/łaźnie&gt;</ph>.</source>\n        <target state=\"new\"></target>"))
        #expect(xliff.contains("<source>Otwarte <bpt id=\"1\" rid=\"1\" ctype=\"bold\">**</bpt>codziennie<ept id=\"1\" rid=\"1\">**</ept>, zobacz <bpt id=\"2\" rid=\"2\" ctype=\"link\">[</bpt>zameldowanie<ept id=\"2\" rid=\"2\">](registration.xml#steps)</ept>.</source>"))
        // Only what is left to do.
        let untranslated = try export(site, only: .untranslated)
        #expect(!untranslated.contains("state=\"translated\"") && !untranslated.contains("needs-review") && untranslated.contains("state=\"new\""))
        let outdated = try export(site, only: .outdated)
        #expect(outdated.components(separatedBy: "<trans-unit ").count == 2 && outdated.contains("needs-review-translation"))
        #expect(try Self.validate(untranslated).status == 0 && Self.validate(outdated).status == 0)
    }

    /// xliff2po (translate-toolkit) reads each unit as the catalog has it: the same source and translation, fuzzy
    /// where it is fuzzy. (po2xliff/xliff2po on the catalog itself make every message fuzzy and drop #| msgid.)
    @Test func translateToolkitReadsTheExportAsTheCatalogIs() throws {
        let site = try site()
        let catalog = try site.catalog("locales/en/guide/lazienki.po")
        var diagnostics = Diagnostics()
        let xliff = XLIFFWriter.write([XLIFFWriter.File(catalog: catalog, path: "locales/en/guide/lazienki.po", sourceLanguage: "pl", targetLanguage: "en")],
                                      into: &diagnostics)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-xliff2po-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try xliff.write(to: folder.appendingPathComponent("a.xlf"), atomically: true, encoding: .utf8)
        #expect(try ExternalTool.run("xliff2po", [folder.appendingPathComponent("a.xlf").path, folder.appendingPathComponent("a.po").path]).status == 0)
        let converted = try #require(POReader.read(try String(contentsOf: folder.appendingPathComponent("a.po"), encoding: .utf8), path: "a.po", into: &diagnostics))
        func summary(_ entries: [POEntry]) -> [String] {
            entries.filter { !$0.obsolete }.map { "\($0.msgid) | \($0.translation) | \($0.isFuzzy)" }
        }
        #expect(summary(converted.entries) == summary(catalog.entries))
        #expect(converted.entries.first?.references == ["content/guide/lazienki.md:2"])
    }

    @Test func anAgencysWorkComesBackAndAnOutdatedUnitIsToldUnitByUnit() throws {
        let site = try site()
        var xliff = try export(site)
        func edit(_ old: String, _ new: String) throws {
            #expect(xliff.contains(old), "\(old)")
            xliff = xliff.replacingOccurrences(of: old, with: new)
        }
        // Translated from new, in a tool that writes its tags back as they came.
        try edit("łaźnie&gt;</ph>.</source>\n        <target state=\"new\"></target>",
                 "łaźnie&gt;</ph>.</source>\n        <target state=\"translated\">A new paragraph about <ph id=\"1\" ctype=\"x-code\">`biletach`</ph> and <ph id=\"2\" ctype=\"x-autolink\">&lt;https://example.org/łaźnie&gt;</ph>.</target>")
        // The outdated one reviewed and done; the title re-translated but left for review; a note added.
        try edit("<target state=\"needs-review-translation\">EN: Gdzie się wykąpać.</target>\n", "<target state=\"final\">Where to bathe in town.</target>\n")
        try edit("<target state=\"translated\">EN: Łaźnie miejskie</target>", "<target state=\"needs-review-translation\">City baths</target>")
        try edit("<note from=\"translator\">checked by Ola\ntwice</note>", "<note from=\"translator\">checked by Ola\ntwice\nagency: please confirm</note>")
        // Meanwhile the source of one message changed: that unit is not imported, and said.
        try site.write("content/guide/registration.xml", try String(contentsOf: site.root.appendingPathComponent("content/guide/registration.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<title>Zameldowanie</title>", with: "<title>Zameldowanie pobytu</title>"))
        _ = Update.run(root: site.root)
        try edit("<target state=\"translated\">Address registration</target>", "<target state=\"translated\">Registration of address</target>")
        let unitLine = xliff.prefix(upTo: xliff.range(of: "<source>Zameldowanie</source>")!.lowerBound).split(separator: "\n", omittingEmptySubsequences: false).count - 1

        let result = XLIFF.importFile(Array(xliff.utf8), path: "agency/en.xlf", root: site.root, now: TemplateTests.day2, translator: "Agency <pm@agency.example>")
        #expect(result.diagnostics.items.map(\.description) == [
            "agency/en.xlf:\(unitLine):1: warning: this segment's source text is not a message of locales/en/guide/registration.po as it is now (its source changed since the export, or it was removed): its translation was not imported",
        ])
        #expect(result.written == ["locales/en/guide/lazienki.po"] && result.imported == 3)
        let catalog = try site.catalog("locales/en/guide/lazienki.po")
        let entries = Dictionary(uniqueKeysWithValues: catalog.entries.filter { !$0.obsolete }.map { ($0.msgid, $0) })
        let new = try #require(entries["Nowy akapit o `biletach` i <https://example.org/łaźnie>."])
        #expect(new.translation == "A new paragraph about `biletach` and <https://example.org/łaźnie>." && !new.isFuzzy)
        let reviewed = try #require(entries["Gdzie się wykąpać w mieście."])
        #expect(reviewed.translation == "Where to bathe in town." && !reviewed.isFuzzy && reviewed.previous == nil)
        let title = try #require(entries["Łaźnie miejskie"])
        #expect(title.translation == "City baths" && title.isFuzzy)
        #expect(title.comments == [" checked by Ola", " twice", " agency: please confirm"])
        let header = POHeader(parsing: catalog.header?.translation ?? "")
        #expect(header["PO-Revision-Date"] == POHeader.date(TemplateTests.day2))
        #expect(header["Last-Translator"] == "Agency <pm@agency.example>")
        #expect(try site.catalog("locales/en/guide/registration.po").entries.first { $0.msgid == "Zameldowanie pobytu" }?.translation == "Address registration")
    }

    @Test func whatCannotBeImportedIsSaidWhereItIs() throws {
        let site = try site()
        let xliff = try export(site)
        let wrongLanguage = xliff.replacingOccurrences(of: "target-language=\"en\"", with: "target-language=\"de\"")
        let messages = XLIFF.importFile(Array(wrongLanguage.utf8), path: "x.xlf", root: site.root).diagnostics.items.map(\.description)
        #expect(messages.first == "x.xlf:3:1: error: <file> is in de, but locales/en/index.po is a catalog of en")
        let unknown = xliff.replacingOccurrences(of: "original=\"locales/en/index.po\"", with: "original=\"locales/en/nie-ma.po\"")
        #expect(XLIFF.importFile(Array(unknown.utf8), path: "x.xlf", root: site.root).diagnostics.items.map(\.description)
            == ["x.xlf:3:1: error: <file original=\"locales/en/nie-ma.po\"> names no catalog of this site (locales/<lang>/….po)"])
        let lostTags = xliff.replacingOccurrences(of: "łaźnie&gt;</ph>.</source>\n        <target state=\"new\"></target>",
                                                  with: "łaźnie&gt;</ph>.</source>\n        <target state=\"translated\"><x id=\"1\"/>New</target>")
        #expect(lostTags != xliff)
        let result = XLIFF.importFile(Array(lostTags.utf8), path: "x.xlf", root: site.root)
        #expect(result.diagnostics.items.count == 1 && result.diagnostics.items[0].description.contains("warning: this trans-unit has a tag witaj did not write"))
        #expect(XLIFF.importFile(Array("<xliff><file".utf8), path: "x.xlf", root: site.root).diagnostics.hasErrors)
    }

    /// Every shipped language exports to a valid file, and importing it changes nothing.
    @Test func theShippedCatalogsExportValidXLIFFThatImportsBackUnchanged() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for item in ["site.yml", "content", "locales", "theme"] {
            try FileManager.default.copyItem(at: FixtureSite.packageRoot.appendingPathComponent(item), to: copy.appendingPathComponent(item))
        }
        let before = FixtureSite.tree(copy.appendingPathComponent("locales"))
        for language in ["en", "uk", "ru", "be", "ar"] {
            let export = XLIFF.export(root: copy, language: language)
            #expect(export.diagnostics.items.isEmpty)
            let xliff = try #require(export.text)
            let xmllint = try Self.validate(xliff)
            #expect(xmllint.status == 0, "\(language): \(xmllint.stderr.prefix(500))")
            let result = XLIFF.importFile(Array(xliff.utf8), path: "\(language).xlf", root: copy)
            #expect(result.diagnostics.items.isEmpty && result.imported == 0)
        }
        #expect(FixtureSite.tree(copy.appendingPathComponent("locales")) == before)
    }

    /// Cut into text and tags, every shipped message and translation gives itself back, each closing tag after its
    /// opening one.
    @Test func inlineCodesGiveEveryShippedTextBack() throws {
        var texts = 0
        for (path, url) in FileTree.files(under: FixtureSite.packageRoot.appendingPathComponent("locales")) where path.hasSuffix(".po") {
            var diagnostics = Diagnostics()
            let catalog = try #require(POReader.read(try String(contentsOf: url, encoding: .utf8), path: path, into: &diagnostics))
            for entry in catalog.entries {
                for text in [entry.msgid, entry.translation] {
                    let pieces = InlineCodes.pieces(text)
                    #expect(pieces.map(\.text).joined() == text)
                    var open: Set<Int> = []
                    for piece in pieces {
                        if case .open(_, _, let pair) = piece { open.insert(pair) }
                        if case .close(_, _, let pair) = piece { #expect(open.remove(pair) != nil, "\(text)") }
                    }
                    #expect(open.isEmpty, "\(text)")
                    texts += 1
                }
            }
        }
        #expect(texts > 10_000)
        #expect(InlineCodes.pieces("**a** [b](c.md \"t (1)\") `x` \\* <b>i</b> 2 * 3").map(\.text) ==
                ["**", "a", "**", " ", "[", "b", "](c.md \"t (1)\")", " ", "`x`", " ", "\\*", " ", "<b>", "i", "</b>", " 2 * 3"])
    }
}
