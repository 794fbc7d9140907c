import Foundation
import Testing
import Witaj
import WitajCore
@testable import WitajServe

/// The preview's rebuilds are never stale: after every kind of edit, the site in memory equals a whole build made
/// from scratch, file for file and byte for byte, with the same diagnostics; and only the documents that changed
/// are made again when nothing else did.
@Suite struct PreviewSiteTests {
    /// How much a rebuild makes: nothing, the pages of these documents, or the whole site.
    enum Made: Equatable {
        case nothing, documents([String]), everything
    }

    func fresh(_ site: ServeSite) -> PreviewSite.Snapshot {
        PreviewSite(root: site.root, sourceDateEpoch: ServeSite.sourceDateEpoch).build()
    }

    @Test func aRebuildAfterEachKindOfEditEqualsAWholeBuild() throws {
        let site = try ServeSite()
        try site.translate("locales/en/guide/lekarz.po") { "EN " + $0 }
        try site.translate("locales/en/guide/lazienki.po") { $0 == "Gdzie się wykąpać." ? "Where to [bathe](https://evil.example/)." : nil }
        let preview = PreviewSite(root: site.root, sourceDateEpoch: ServeSite.sourceDateEpoch)
        let first = preview.build()
        #expect(!first.hasErrors && first.files["en/guide/lekarz/index.html"] != nil && first.files["ar/pakiet-ar.epub"] != nil)
        #expect(first.allFiles["coverage/coverage.json"] != nil && first.allFiles["sitemap.xml"] != nil)

        let edits: [(String, Made, () throws -> Void)] = [
            ("a source paragraph", .documents(["content/guide/lekarz.md"]), {
                try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu rodzinnym.\n")
            }),
            ("a catalog entry", .documents(["content/guide/apteki.md"]), {
                try site.translate("locales/en/guide/apteki.po") { $0 == "Apteki" ? nil : "Pharmacy: " + $0 }
            }),
            // Other pages show a title: its section's page, the home page, procedures that list it, the A-Z index.
            ("a translated title", .documents(["content/guide/apteki.md", "content/guide/index.md", "content/index.md"]), {
                try site.translate("locales/en/guide/apteki.po") { "Pharmacy: " + $0 }
            }),
            // Its catalogs, read by the two rebuilds before, are not read again: as the last of them left them.
            ("the same page's source", .documents(["content/guide/apteki.md"]), {
                try site.write("content/guide/apteki.md", try site.read("content/guide/apteki.md") + "\nJeszcze jeden akapit.\n")
            }),
            ("a title", .documents(["content/guide/index.md", "content/guide/lekarz.md", "content/guide/registration.xml", "content/index.md"]), {
                try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz rodzinny\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu rodzinnym.\n")
            }),
            ("a chapter of the book", .documents(["content/guide/lazienki.md"]), {
                try site.write("content/guide/lazienki.md", "---\ntitle: Łaźnie miejskie\nsummary: Gdzie się wykąpać.\nreviewed: 2026-11-01\n---\n\nNowy tekst o łaźniach.\n")
            }),
            ("a page with a warning", .documents(["content/guide/zlobki.md"]), {
                try site.write("content/guide/zlobki.md", "---\ntitle: Żłobki\nreviewed: 2026-11-01\n---\n\n<div>surowy HTML</div>\n\nTekst.\n")
            }),
            ("another page, the warning stays", .documents(["content/guide/smieci.md"]), {
                try site.write("content/guide/smieci.md", "---\ntitle: Śmieci\nreviewed: 2026-11-01\n---\n\nSegregacja odpadów.\n")
            }),
            ("a summary and an order", .documents(["content/guide/index.md", "content/guide/smieci.md", "content/index.md"]), {
                try site.write("content/guide/smieci.md", "---\ntitle: Śmieci\nsummary: Jak segregować.\norder: 1\nreviewed: 2026-11-01\n---\n\nSegregacja odpadów.\n")
            }),
            ("a section's title, which every page shows", .everything, {
                try site.write("content/guide/index.md", "---\ntitle: Poradnik miejski\nreviewed: 2026-11-01\n---\n\nDokumenty w dziale.\n")
            }),
            ("the home page's text", .documents(["content/index.md"]), {
                try site.write("content/index.md", "---\ntitle: Witaj w mieście\nsummary: Pakiet powitalny.\nreviewed: 2026-11-01\n---\n\nWitamy! Zacznij od [poradnika](guide/index.md).\n")
            }),
            // The summary and the order go again: the section's page and the home page list it.
            ("two pages, a source and a catalog", .documents(["content/guide/index.md", "content/guide/smieci.md", "content/guide/ziemia.md", "content/index.md"]), {
                try site.write("content/guide/smieci.md", "---\ntitle: Śmieci\nreviewed: 2026-11-01\n---\n\nSegregacja.\n")
                try site.translate("locales/ar/guide/ziemia.po") { $0 == "Źródła wody" ? nil : "AR " + $0 }
            }),
            // The parts of a page that links name: a part added, and links to parts of pages not read again.
            ("a heading added", .documents(["content/guide/lazienki.md"]), {
                try site.write("content/guide/lazienki.md", "---\ntitle: Łaźnie miejskie\nsummary: Gdzie się wykąpać.\nreviewed: 2026-11-01\n---\n\n## Godziny\n\nCodziennie.\n\n## Ceny\n\nTanio.\n")
            }),
            ("a link to a part of another page", .documents(["content/guide/lekarz.md"]), {
                try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz rodzinny\nreviewed: 2026-10-05\n---\n\nZobacz [kroki](registration.xml#steps) i [godziny](lazienki.md#godziny).\n")
            }),
            ("an editor's swap file", .nothing, { try site.write("content/guide/.lekarz.md.swp", "swap") }),
            ("a catalog no document has", .nothing, { try site.write("locales/en/guide/nieznany.po", "msgid \"\"\nmsgstr \"\"\n") }),
            ("a file the build warns about", .everything, { try site.write("content/guide/notatki.txt", "notatki") }),
            ("the offices register", .everything, {
                let offices = try site.read("content/guide/offices.xml")
                try site.write("content/guide/offices.xml", offices.replacingOccurrences(of: "</offices>", with: "</offices>\n"))
            }),
            ("the interface strings", .everything, { try site.translate("locales/en/ui.po") { $0 == "Home" ? "Start" : nil } }),
            // A template of pages only: no document is read again; every page is made again (when asked for).
            ("a template of the theme", .documents([]), {
                let layout = try String(contentsOf: ServeSite.packageRoot.appendingPathComponent("Sources/WitajSources/Resources/theme/templates/layout.mustache"), encoding: .utf8)
                try site.write("theme/templates/layout.mustache", layout.replacingOccurrences(of: "<footer class=\"site\">", with: "<footer class=\"site edited\">"))
            }),
            ("a paragraph after it", .documents(["content/guide/lekarz.md"]), {
                try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz rodzinny\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu.\n")
            }),
            ("the template again, and the coverage report's", .documents([]), {
                let layout = try site.read("theme/templates/layout.mustache")
                try site.write("theme/templates/layout.mustache", layout.replacingOccurrences(of: "site edited", with: "site edited twice"))
                let coverage = try String(contentsOf: ServeSite.packageRoot.appendingPathComponent("Sources/WitajSources/Resources/theme/templates/coverage.mustache"), encoding: .utf8)
                try site.write("theme/templates/coverage.mustache", coverage + "<!-- edited -->\n")
            }),
            // The books show the header too: they are made again with everything else.
            ("a template the books use too", .everything, {
                let header = try String(contentsOf: ServeSite.packageRoot.appendingPathComponent("Sources/WitajSources/Resources/theme/templates/header.mustache"), encoding: .utf8)
                try site.write("theme/templates/header.mustache", header + "\n")
            }),
            ("site.yml", .everything, { try site.write("site.yml", ServeSite.siteYAML.replacingOccurrences(of: "https://example.org/pack/", with: "https://example.org/welcome/")) }),
            ("a removed document", .everything, { try site.remove("content/guide/zupa.md") }),
            ("an added document", .everything, { try site.write("content/guide/nowy.md", "---\ntitle: Nowy\nreviewed: 2026-11-01\n---\n\nNowy tekst.\n") }),
            // The catalogs of the documents edited since the last `witaj update`, and of the one added; a title's
            // translation made outdated shows in the section's list.
            ("catalogs brought up to date", .documents(["content/guide/apteki.md", "content/guide/index.md", "content/guide/lazienki.md",
                                                        "content/guide/lekarz.md", "content/guide/nowy.md", "content/guide/smieci.md",
                                                        "content/guide/zlobki.md", "content/index.md"]), {
                _ = Update.run(root: site.root)
            }),
            ("an outdated translation", .documents(["content/guide/lekarz.md"]), {
                try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz rodzinny\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu rodzinnym i pielęgniarce.\n")
                _ = Update.run(root: site.root, language: "en")
            }),
        ]
        var before = site.inputs()
        for (what, expected, edit) in edits {
            try edit()
            let after = site.inputs()
            let rebuilt = preview.rebuild(after: ServeSite.edited(from: before, to: after))
            before = after
            let made: Made = switch rebuilt?.remade {
            case nil where rebuilt == nil: .nothing
            case nil: .everything
            case let remade?: .documents(remade.sorted())
            }
            #expect(made == expected, "\(what)")
            let clean = fresh(site)
            #expect(!clean.hasErrors, "\(what): \(clean.diagnostics.items)")
            let current = rebuilt ?? clean
            let (files, cleanFiles) = (current.allFiles, clean.allFiles)
            #expect(Set(files.keys) == Set(cleanFiles.keys), "\(what): the same files")
            let differing = cleanFiles.keys.filter { files[$0] != cleanFiles[$0] }.sorted()
            #expect(differing.isEmpty, "\(what): \(differing.prefix(5)) differ from a whole build")
            if let rebuilt {
                #expect(rebuilt.diagnostics.sorted.map(\.description) == clean.diagnostics.sorted.map(\.description), "\(what): the same diagnostics")
            }
        }
    }

    /// News and events (issue 24): the home page and the news and events pages show other documents' dates, which
    /// the records of documents not read again do not keep: an edit that reaches one of them makes the whole site.
    @Test func editsOfNewsAndEventsEqualAWholeBuild() throws {
        let site = try ServeSite()
        try site.write("content/news/index.md", "---\ntitle: Aktualności\nreviewed: 2026-11-01\n---\n\nWiadomości.\n")
        try site.write("content/news/kurs.md", "---\ntitle: Kurs\nsummary: Zapisy.\ndate: 2026-09-01\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        try site.write("content/events/index.md", "---\ntitle: Wydarzenia\nreviewed: 2026-11-01\n---\n\nSpotkania.\n")
        try site.write("content/events/warsztaty.md", "---\ntitle: Warsztaty\nstart: 2026-10-01T10:00\nplace: urzad\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        let preview = PreviewSite(root: site.root, sourceDateEpoch: ServeSite.sourceDateEpoch)
        let first = preview.build()
        #expect(!first.hasErrors, "\(first.diagnostics.items)")
        #expect(first.allFiles["en/events/warsztaty/event.ics"] != nil && first.allFiles["en/news/atom.xml"] != nil)
        let edits: [(String, Bool, () throws -> Void)] = [
            ("an event", true, { try site.write("content/events/warsztaty.md", "---\ntitle: Warsztaty miejskie\nstart: 2026-10-02T10:00\nplace: urzad\nreviewed: 2026-11-01\n---\n\nTekst.\n") }),
            ("a page that shows no news", false, { try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-11-01\n---\n\nInna zupa.\n") }),
            // The home page shows the next events: made again alone, on the same day, it shows the same ones.
            ("the home page's text", false, { try site.write("content/index.md", try site.read("content/index.md") + "\nWitamy jeszcze raz.\n") }),
            ("a title the home page shows", false, { try site.write("content/guide/zupa.md", "---\ntitle: Zupa dnia\nreviewed: 2026-11-01\n---\n\nInna zupa.\n") }),
        ]
        var before = site.inputs()
        for (what, everything, edit) in edits {
            try edit()
            let after = site.inputs()
            let rebuilt = try #require(preview.rebuild(after: ServeSite.edited(from: before, to: after)), "\(what)")
            before = after
            #expect((rebuilt.remade == nil) == everything, "\(what): \(rebuilt.remade ?? [])")
            let clean = fresh(site)
            let differing = Set(clean.allFiles.keys).symmetricDifference(rebuilt.allFiles.keys).sorted()
                + clean.allFiles.keys.filter { rebuilt.allFiles[$0] != nil && rebuilt.allFiles[$0] != clean.allFiles[$0] }.sorted()
            #expect(differing.isEmpty, "\(what): \(differing.prefix(5)) differ from a whole build")
        }
    }

    @Test func aPartOfAPageThatAnotherLinksToGoesAndTheRebuildSaysSo() throws {
        let site = try ServeSite()
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nZobacz [godziny](lazienki.md#godziny).\n")
        let preview = PreviewSite(root: site.root, sourceDateEpoch: ServeSite.sourceDateEpoch)
        #expect(!preview.build().hasErrors)
        let lazienki = try site.read("content/guide/lazienki.md")
        try site.write("content/guide/lazienki.md", lazienki.replacingOccurrences(of: "## Godziny", with: "## Godziny otwarcia"))
        let rebuilt = try #require(preview.rebuild(after: ["content/guide/lazienki.md"]))
        let clean = fresh(site)
        #expect(clean.diagnostics.errors.contains { $0.location.path == "content/guide/lekarz.md" && $0.message.contains("#godziny") })
        #expect(rebuilt.diagnostics.sorted.map(\.description) == clean.diagnostics.sorted.map(\.description))
    }

    @Test func anErrorKeepsTheLastGoodFilesAndTheNextBuildMendsIt() throws {
        let site = try ServeSite()
        let preview = PreviewSite(root: site.root, sourceDateEpoch: ServeSite.sourceDateEpoch)
        let good = preview.build()
        try site.write("content/guide/ziemia.md", "---\ntitle: Źródła wody\nreviewed: 2026-11-01\n---\n\nZobacz [brak](nie-ma.md).\n")
        let broken = try #require(preview.rebuild(after: ["content/guide/ziemia.md"]))
        #expect(broken.hasErrors)
        #expect(broken.diagnostics.errors.map(\.description).contains { $0.hasPrefix("content/guide/ziemia.md:6:") })
        #expect(broken.allFiles == good.allFiles, "the last good pages stay")
        #expect(broken.generation > good.generation)
        // What a whole build says, errors and warnings, said without making the whole site.
        #expect(broken.diagnostics.sorted.map(\.description) == fresh(site).diagnostics.sorted.map(\.description))
        // Another error, in the front matter, in the same file and then in another: the first one still said.
        try site.write("content/guide/ziemia.md", "---\ntitle: [Źródła\nreviewed: 2026-11-01\n---\n\nZobacz.\n")
        let yaml = try #require(preview.rebuild(after: ["content/guide/ziemia.md"]))
        #expect(yaml.diagnostics.errors.contains { $0.location.path == "content/guide/ziemia.md" } && yaml.allFiles == good.allFiles)
        #expect(yaml.diagnostics.sorted.map(\.description) == fresh(site).diagnostics.sorted.map(\.description))
        try site.write("content/guide/smieci.md", "---\ntitle: Śmieci\nreviewed: 2026-11-01\n---\n\n[Zepsuty](brak.md).\n")
        let two = try #require(preview.rebuild(after: ["content/guide/smieci.md"]))
        #expect(Set(two.diagnostics.errors.map(\.location.path)) == ["content/guide/ziemia.md", "content/guide/smieci.md"])
        #expect(two.diagnostics.sorted.map(\.description) == fresh(site).diagnostics.sorted.map(\.description))
        try site.write("content/guide/smieci.md", "---\ntitle: Śmieci\nreviewed: 2026-11-01\n---\n\nSegregacja odpadów.\n")
        try site.write("content/guide/ziemia.md", "---\ntitle: Źródła wody\nreviewed: 2026-11-01\n---\n\nZiemia i woda.\n")
        let mended = try #require(preview.rebuild(after: ["content/guide/ziemia.md", "content/guide/smieci.md"]))
        #expect(!mended.hasErrors && mended.allFiles == fresh(site).allFiles)
        #expect(String(decoding: mended.allFiles["pl/guide/ziemia/index.html"] ?? [], as: UTF8.self).contains("Ziemia i woda."))
        // The edit before the error is not forgotten: the next rebuild of another page still has it.
        try site.write("content/guide/smieci.md", "---\ntitle: Śmieci\nreviewed: 2026-11-01\n---\n\nSegregacja.\n")
        let next = try #require(preview.rebuild(after: ["content/guide/smieci.md"]))
        #expect(next.remade == ["content/guide/smieci.md"] && next.allFiles == fresh(site).allFiles)
    }

    /// A translator's catalog that does not parse: the error is said as a whole build says it, over the last good
    /// pages, and the catalog mended makes the page as a whole build does.
    @Test func aBrokenCatalogIsSaidAndMended() throws {
        let site = try ServeSite()
        let preview = PreviewSite(root: site.root, sourceDateEpoch: ServeSite.sourceDateEpoch)
        let good = preview.build()
        let catalog = try site.read("locales/en/guide/lekarz.po")
        try site.write("locales/en/guide/lekarz.po", catalog + "\nmsgid \"unterminated\nmsgstr \"\"\n")
        let broken = try #require(preview.rebuild(after: ["locales/en/guide/lekarz.po"]))
        #expect(broken.diagnostics.errors.contains { $0.location.path == "locales/en/guide/lekarz.po" })
        #expect(broken.allFiles == good.allFiles, "the last good pages stay")
        #expect(broken.diagnostics.sorted.map(\.description) == fresh(site).diagnostics.sorted.map(\.description))
        try site.write("locales/en/guide/lekarz.po", catalog)
        try site.translate("locales/en/guide/lekarz.po") { "Mended: " + $0 }
        let mended = try #require(preview.rebuild(after: ["locales/en/guide/lekarz.po"]))
        #expect(!mended.hasErrors && mended.allFiles == fresh(site).allFiles)
        #expect(String(decoding: mended.allFiles["en/guide/lekarz/index.html"] ?? [], as: UTF8.self).contains("Mended: "))
    }

    @Test func aSiteThatCannotBeBuiltAtFirstHasNoFilesButItsErrors() throws {
        let site = try ServeSite()
        try site.write("site.yml", "baseURL: [\n")
        let preview = PreviewSite(root: site.root)
        let snapshot = preview.build()
        #expect(snapshot.hasErrors && snapshot.files.isEmpty)
        #expect(snapshot.diagnostics.errors.contains { $0.location.path == "site.yml" })
        try site.write("site.yml", ServeSite.siteYAML)
        let mended = try #require(preview.rebuild(after: ["site.yml"]))
        #expect(!mended.hasErrors && mended.files["pl/index.html"] != nil)
    }
}
