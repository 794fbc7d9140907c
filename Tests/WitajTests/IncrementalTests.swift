import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajSite
import WitajIncremental

/// A rebuild over an existing output (in place, or skipped when nothing changed) is never stale: after every kind
/// of edit its output equals a clean build's, byte for byte.
@Suite struct IncrementalTests {
    /// How much a rebuild remakes: nothing, the pages of some documents (in each of the 3 languages, with the
    /// coverage report), or all.
    enum Scope: Equatable {
        case nothing, documents(Int), everything
    }

    @Test func aRebuildAfterEachKindOfEditEqualsACleanBuild() throws {
        let site = try FixtureSite()
        try site.write("site.yml", BookTests.siteYAML)
        _ = Update.run(root: site.root)
        try site.translate("locales/en/guide/lekarz.po") { "EN " + $0 }
        // A summary that links where its source does not: lists show it without the link, also from its record.
        try site.translate("locales/en/guide/lazienki.po") { $0 == "Gdzie się wykąpać." ? "Where to [bathe](https://evil.example/)." : nil }
        try site.age()
        #expect(Build.run(root: site.root, output: site.output, sourceDateEpoch: 1_790_000_000).succeeded)

        let edits: [(String, Scope?, () throws -> Void)] = [
            ("nothing", .nothing, {}),
            ("a source paragraph", .documents(1), {
                try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu rodzinnym.\n")
            }),
            // witaj update rewrites the document's template (POT) too, which the build does not read.
            ("a source paragraph, then witaj update", .documents(1), {
                try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu rodzinnym i aptece.\n")
                #expect(Update.run(root: site.root).templates == ["locales/templates/guide/lekarz.pot"])
            }),
            ("a catalog", .documents(1), { try site.translate("locales/en/guide/apteki.po") { $0 == "Apteki" ? nil : "Pharmacy: " + $0 } }),
            ("a translated title", .everything, { try site.translate("locales/en/guide/apteki.po") { "Pharmacy: " + $0 } }),
            ("a title, which other pages show", .everything, {
                try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz rodzinny\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu rodzinnym.\n")
            }),
            ("a chapter of the book", .documents(1), {
                try site.write("content/guide/lazienki.md", "---\ntitle: Łaźnie miejskie\nsummary: Gdzie się wykąpać.\nreviewed: 2026-11-01\n---\n\nNowy tekst o łaźniach.\n")
            }),
            ("a page with a warning", .documents(1), {
                try site.write("content/guide/zlobki.md", "---\ntitle: Żłobki\nreviewed: 2026-11-01\n---\n\n<div>surowy HTML</div>\n\nTekst.\n")
            }),
            ("another page, the warning stays", .documents(1), {
                try site.write("content/guide/smieci.md", "---\ntitle: Śmieci\nreviewed: 2026-11-01\n---\n\nSegregacja odpadów.\n")
            }),
            // Their pages list others, which were not read again.
            ("a section page's text", .documents(1), {
                try site.write("content/guide/index.md", "---\ntitle: Poradnik\nsummary: Wszystko na początek.\norder: 1\nreviewed: 2026-11-01\n---\n\nDokumenty w dziale.\n")
            }),
            ("the home page's text", .documents(1), {
                try site.write("content/index.md", "---\ntitle: Witaj w mieście\nsummary: Pakiet powitalny.\nreviewed: 2026-11-01\n---\n\nWitamy! Zacznij od [poradnika](guide/index.md).\n")
            }),
            ("two pages", .documents(2), {
                try site.write("content/guide/smieci.md", "---\ntitle: Śmieci\nreviewed: 2026-11-01\n---\n\nSegregacja.\n")
                try site.translate("locales/ar/guide/ziemia.po") { $0 == "Źródła wody" ? nil : "AR " + $0 }
            }),
            // The state a rebuild of some pages leaves knows the files it wrote.
            ("nothing, after two pages", .nothing, {}),
            ("the offices register", .everything, {
                let offices = try String(contentsOf: site.root.appendingPathComponent("content/guide/offices.xml"), encoding: .utf8)
                try site.write("content/guide/offices.xml", offices.replacingOccurrences(of: "</offices>", with: "</offices>\n"))
            }),
            ("a catalog brought up to date", nil, { _ = Update.run(root: site.root) }),
            ("a template of the theme", .everything, {
                let layout = try String(contentsOf: FixtureSite.packageRoot.appendingPathComponent("Sources/WitajSources/Resources/theme/templates/layout.mustache"), encoding: .utf8)
                try site.write("theme/templates/layout.mustache", layout.replacingOccurrences(of: "<footer class=\"site\">", with: "<footer class=\"site edited\">"))
            }),
            // The build reads it (its warnings are about every catalog of the language): an input like site.yml.
            ("a language's glossary", .everything, { try site.write("locales/en/glossary.tbx", TerminologyTests.glossary) }),
            ("site.yml", .everything, { try site.write("site.yml", BookTests.siteYAML.replacingOccurrences(of: "https://example.org/pack/", with: "https://example.org/welcome/")) }),
            ("a removed document", .everything, {
                try site.remove("content/guide/zupa.md")
                _ = Update.run(root: site.root)
            }),
            ("an added document", .everything, { try site.write("content/guide/nowy.md", "---\ntitle: Nowy\nreviewed: 2026-11-01\n---\n\nNowy tekst.\n") }),
        ]
        for (what, scope, edit) in edits {
            try edit()
            if !what.hasPrefix("nothing") { try site.age() }
            let rebuilt = Build.run(root: site.root, output: site.output, sourceDateEpoch: 1_790_000_000)
            #expect(rebuilt.succeeded, "\(what)")
            let incremental = site.snapshot(), clean = site.cleanBuild()
            #expect(clean.succeeded, "\(what): \(clean.messages)")
            let pages = clean.files.keys.filter { $0.hasSuffix(".html") }.count
            switch scope {
            case .nothing: #expect(rebuilt.upToDate, "\(what)")
            case .documents(let n): #expect(!rebuilt.upToDate && rebuilt.pages == 3 * n + 1, "\(what): \(rebuilt.pages) pages made")
            case .everything: #expect(rebuilt.pages == pages, "\(what): \(rebuilt.pages) of \(pages) pages made")
            case nil: #expect(!rebuilt.upToDate, "\(what)")
            }
            #expect(Set(incremental.keys) == Set(clean.files.keys), "\(what): the same files")
            let differing = clean.files.keys.filter { incremental[$0] != clean.files[$0] }.sorted()
            #expect(differing.isEmpty, "\(what): \(differing.prefix(5)) differ from a clean build")
            #expect(site.messages(rebuilt) == clean.messages, "\(what): the same diagnostics as a clean build")
        }
    }

    @Test func aRebuildThatFailsLeavesTheOutputAndTheNextRebuildMendsIt() throws {
        let site = try FixtureSite()
        try site.age()
        #expect(Build.run(root: site.root, output: site.output, sourceDateEpoch: 1_790_000_000).succeeded)
        let before = site.snapshot()
        try site.write("content/guide/ziemia.md", "---\ntitle: Źródła wody\nreviewed: 2026-11-01\n---\n\nZobacz [brak](nie-ma.md).\n")
        try site.age()
        let failed = Build.run(root: site.root, output: site.output, sourceDateEpoch: 1_790_000_000)
        #expect(!failed.succeeded && site.messages(failed).contains { $0.contains("content/guide/ziemia.md") })
        #expect(site.snapshot() == before)
        try site.write("content/guide/ziemia.md", "---\ntitle: Źródła wody\nreviewed: 2026-11-01\n---\n\nZiemia i gleba.\n")
        try site.age()
        let mended = Build.run(root: site.root, output: site.output, sourceDateEpoch: 1_790_000_000)
        #expect(mended.succeeded && mended.pages == 2, "only the page of the document that changed, and the coverage report")
        #expect(site.snapshot() == site.cleanBuild().files)
    }

    /// Links to a part of another page are checked against that page's parts: those of a document not read again
    /// come from its record, and a document whose parts went makes every page checked again.
    @Test func linksToAPartOfAPageAreCheckedInARebuildAsInACleanBuild() throws {
        let site = try FixtureSite()
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nZobacz [godziny](lazienki.md#godziny).\n")
        try site.age()
        #expect(Build.run(root: site.root, output: site.output, sourceDateEpoch: 1_790_000_000).succeeded)

        // A link to a part of a page not read again: only the page that changed is made.
        try site.write("content/guide/ziemia.md", "---\ntitle: Źródła wody\nreviewed: 2026-11-01\n---\n\nZobacz [kroki](registration.xml#steps) i [tabelę](lazienki.md#godziny).\n")
        try site.age()
        let linked = Build.run(root: site.root, output: site.output, sourceDateEpoch: 1_790_000_000)
        #expect(linked.succeeded && linked.remade == ["content/guide/ziemia.md"], "\(site.messages(linked))")

        // The part another page links to goes: the link is broken, as a clean build says.
        let lazienki = try String(contentsOf: site.root.appendingPathComponent("content/guide/lazienki.md"), encoding: .utf8)
        try site.write("content/guide/lazienki.md", lazienki.replacingOccurrences(of: "## Godziny", with: "## Godziny otwarcia"))
        try site.age()
        let broken = Build.run(root: site.root, output: site.output, sourceDateEpoch: 1_790_000_000)
        let clean = site.cleanBuild()
        #expect(!broken.succeeded && !clean.succeeded)
        #expect(site.messages(broken) == clean.messages)
        #expect(site.messages(broken).contains { $0.hasPrefix("content/guide/lekarz.md:") && $0.contains("#godziny") })
    }

    @Test func anOutputEditedByHandIsRebuilt() throws {
        let site = try FixtureSite()
        try site.age()
        #expect(site.build().succeeded)
        let before = site.snapshot()
        try "tampered".write(to: site.output.appendingPathComponent("pl/guide/lekarz/index.html"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("pl/a-z/index.html"))
        try "stray".write(to: site.output.appendingPathComponent("pl/stray.html"), atomically: true, encoding: .utf8)
        let rebuilt = site.build()
        #expect(rebuilt.succeeded && !rebuilt.upToDate)
        // witaj's files are as a clean build makes them; the file someone else put there stays.
        #expect(site.snapshot() == before.merging(["pl/stray.html": Data("stray".utf8)]) { a, _ in a })
        try site.remove("site-out/pl/stray.html")
        _ = site.build()

        // A document changed too: its pages alone would leave the edited output as it is, so all is made.
        try site.age()
        #expect(site.build().upToDate)
        try "tampered".write(to: site.output.appendingPathComponent("pl/a-z/index.html"), atomically: true, encoding: .utf8)
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu rodzinnym.\n")
        try site.age()
        let remade = site.build()
        #expect(remade.succeeded && remade.remade == nil)
        #expect(site.snapshot() == site.cleanBuild().files)
    }

    /// Found by `RebuildPropertyTests`: a build died after writing the book cache, before its state; the
    /// edit was undone, and the next rebuild zipped the books from that cache, which showed the undone title.
    @Test func aBookCacheNewerThanTheStateIsNotTrusted() throws {
        let site = try FixtureSite()
        try site.write("site.yml", BookTests.siteYAML)
        _ = Update.run(root: site.root)
        try site.age()
        #expect(Build.run(root: site.root, output: site.output, sourceDateEpoch: FixtureSite.sourceDateEpoch).succeeded)
        let path = "content/guide/registration.xml"
        let procedure = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, procedure.replacingOccurrences(of: "<title>Zameldowanie</title>", with: "<title>Meldunek</title>"))
        try site.age()
        try site.buildDyingAfterTheBookCache()
        try site.write(path, procedure)
        try site.age()
        #expect(Build.run(root: site.root, output: site.output, sourceDateEpoch: FixtureSite.sourceDateEpoch).succeeded)
        let clean = site.cleanBuild()
        let differing = clean.files.keys.filter { site.snapshot()[$0] != clean.files[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing) differ from a clean build")
    }

    /// Found by `RebuildPropertyTests`: a state file cut short inside its last field still read, and a
    /// rebuild showed the last document's row of the coverage matrix as cut.
    @Test func aStateFileCutShortIsNotTrusted() throws {
        let site = try FixtureSite()
        try site.age()
        #expect(site.build().succeeded)
        let state = StateFolder(root: site.root, output: site.output).state
        try Data(contentsOf: state).dropLast(10).write(to: state)
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu rodzinnym.\n")
        try site.age()
        #expect(site.build().succeeded)
        #expect(site.snapshot() == site.cleanBuild().files)
    }

    @Test func aFileEditedInTheSecondOfABuildIsNotTrusted() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)  // inputs written just now: no state is kept
        #expect(!FileManager.default.fileExists(atPath: StateFolder(root: site.root, output: site.output).state.path))
        #expect(!site.build().upToDate)
    }
}
