import Foundation
import Testing
import WitajCore
import WitajIncremental
import WitajSite

/// The incremental layer on its own: the state file's fields, the records that stand in for documents, the
/// planner's decisions, the kept book chapters. (That a rebuild equals a clean build is held end to end by
/// WitajTests' IncrementalTests and RebuildPropertyTests.)
@Suite struct IncrementalLayerTests {
    /// A small site in a new folder: a home page, two articles, the offices register, English catalogs.
    struct TinySite {
        let root: URL
        var output: URL { root.appendingPathComponent("site-out") }
        var folder: StateFolder { StateFolder(root: root, output: output) }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-incremental-\(UUID().uuidString)")
            try write("site.yml", "baseURL: https://example.org/\nsourceLanguage: pl\nlanguages:\n  - code: pl\n  - code: en\n")
            try write("content/index.md", "---\ntitle: Witaj\nreviewed: 2026-11-01\n---\n\nStrona główna.\n")
            try write("content/a.md", "---\ntitle: Apteki\nsummary: Gdzie kupić leki.\nreviewed: 2026-11-01\n---\n\nTekst o aptekach.\n")
            try write("content/b.md", "---\ntitle: Banki\nreviewed: 2026-11-01\n---\n\nTekst o bankach.\n")
            try write("content/offices.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <offices reviewed="2026-11-21">
                  <title>Urzędy</title>
                  <summary>Adresy.</summary>
                  <office id="urzad">
                    <name>Urząd Miasta</name>
                    <address street="ul. Długa 1" postcode="30-001" city="Kraków"/>
                  </office>
                </offices>

                """)
            try write("locales/en/a.po", "msgid \"Apteki\"\nmsgstr \"Pharmacies\"\n")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            // Older than any build: a file changed in the second a build starts is not trusted (`remember`).
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: url.path)
        }

        /// The site through every phase before rendering, as a full build makes it.
        func made() throws -> Pipeline.Made {
            var diagnostics = Diagnostics()
            let input = try #require(Pipeline.load(root, into: &diagnostics))
            Pipeline.validate(input, into: &diagnostics)
            let coverage = Pipeline.coverage(input)
            let localized = Pipeline.localize(input, into: &diagnostics)
            let books = try #require(Pipeline.books(input, localized, sourceDateEpoch: 0, into: &diagnostics))
            #expect(!diagnostics.hasErrors, "\(diagnostics.items)")
            return Pipeline.Made(input: input, scope: .everything, coverage: coverage, localized: localized, books: books)
        }

        /// Records a build of the site as it is now, as `Rebuild.remember` does after publishing.
        func remember() throws {
            let made = try made()
            let rows = Dictionary(uniqueKeysWithValues: made.coverage.documents.map { ($0.source, "<tr>\($0.source)</tr>") })
            BuildState.remember(folder, inputs: inputs(), started: Date().timeIntervalSince1970, warnings: Diagnostics(),
                                made: made, coverageRows: rows)
        }

        func inputs() -> BuildState.Listing { BuildState.inputs(root: root, sourceDateEpoch: 0) }

        func plan() -> BuildState.Plan { BuildState.plan(folder, inputs: inputs()) }
    }

    /// What the planner decided, in a form a test can compare.
    static func decision(_ plan: BuildState.Plan) -> String {
        switch plan {
        case .upToDate: "up to date"
        case .everything: "everything"
        case .documents(_, let changed, let read, _, _, _): "documents \(changed.sorted()) read \(read.sorted())"
        }
    }

    @Test func theStateFileGivesBackEveryFieldItWasGiven() throws {
        let texts = ["", "plain", "back\\slash", "line\nfeed", "unit\u{1F}separator", "\\n", "+", "-", "żółć العربية 😀"]
        var out = StateFile.Writer()
        for text in texts { out.field(text) }
        out.field(Int.max); out.field(true); out.field(nil as String?); out.field("" as String?); out.field(nil as Int?)
        out.endLine()
        var r = StateFile.Reader(out.bytes)
        try r.nextLine()
        for text in texts { #expect(try r.string() == text) }
        #expect(try r.int() == Int.max)
        #expect(try r.bool())
        #expect(try r.optional() == nil)
        #expect(try r.optional() == "")
        #expect(try r.optionalInt() == nil)
        #expect(r.isComplete)
        // A file cut short is seen as such.
        var cut = StateFile.Reader(Array(out.bytes.dropLast()))
        try cut.nextLine()
        #expect(!cut.isComplete)
    }

    @Test func aRecordReadBackFromTheStateFileIsTheRecordWritten() throws {
        let site = try TinySite()
        let made = try site.made()
        #expect(made.input.site.documents.count == 4)
        for (i, document) in made.input.site.documents.enumerated() {
            let row = try #require(made.coverage.documents.first { $0.source == document.source })
            let record = DocumentRecord(document, in: made.localized.map { $0.documents[i] }, coverage: row, coverageRow: "<tr>x\ny</tr>",
                                        resolver: LinkResolver(documents: made.input.site.documents))
            var out = StateFile.Writer()
            record.write(to: &out)
            var r = StateFile.Reader(out.bytes)
            #expect(try DocumentRecord(reading: &r) == record)
            #expect(r.isComplete)
        }
    }

    @Test func aRecordStandsInForItsDocumentOnOtherPages() throws {
        let site = try TinySite()
        let made = try site.made()
        let i = try #require(made.input.site.documents.firstIndex { $0.source == "content/a.md" })
        let document = made.input.site.documents[i]
        let row = try #require(made.coverage.documents.first { $0.source == document.source })
        let record = DocumentRecord(document, in: made.localized.map { $0.documents[i] }, coverage: row, coverageRow: "", resolver: LinkResolver(documents: made.input.site.documents))
        let standIn = try #require(record.document)
        #expect(standIn.id == document.id && standIn.path == document.path && standIn.kind == document.kind)
        #expect(standIn.title.text == "Apteki" && standIn.summary?.text == "Gdzie kupić leki.")
        #expect(standIn.segments.count == 2, "only the title and summary stand in: the body is not read")
        // In English: the translated title, and the summary from the fallback (Polish), as the real page shows them.
        let profiles = Dictionary(uniqueKeysWithValues: made.input.languages.map { ($0.code, $0) })
        let en = try #require(profiles["en"])
        let localized = try #require(record.localized(standIn, in: en, profiles: profiles, links: TranslationLinks(site: made.input.site)))
        #expect(localized.title.text == "Pharmacies" && localized.title.state == .translated)
        #expect(localized.summary?.language.code == "pl" && localized.summary?.state == .untranslated)
        #expect(localized.hasFallback && !localized.isComplete)
        #expect(record.face == DocumentRecord(document, in: made.localized.map { $0.documents[i] }, coverage: row, coverageRow: "other", resolver: LinkResolver(documents: made.input.site.documents)).face,
                "the coverage row is not part of what other pages show")
    }

    @Test func thePlannerMakesOnlyWhatChanged() throws {
        var site = try TinySite()
        #expect(Self.decision(site.plan()) == "everything", "no state yet")
        try site.remember()
        #expect(Self.decision(site.plan()) == "up to date")

        try site.write("content/b.md", "---\ntitle: Banki\nreviewed: 2026-11-01\n---\n\nTekst o bankach, zmieniony.\n")
        #expect(Self.decision(site.plan()) == "documents [\"content/b.md\"] read [\"content/b.md\", \"content/offices.xml\"]")

        site = try TinySite()
        try site.remember()
        try site.write("locales/en/a.po", "msgid \"Apteki\"\nmsgstr \"Chemists\"\n")
        #expect(Self.decision(site.plan()) == "documents [\"content/a.md\"] read [\"content/a.md\", \"content/offices.xml\"]",
                "a catalog changes its document")

        // Anything else makes the whole site.
        for edit in [("site.yml", "baseURL: https://example.org/x/\nsourceLanguage: pl\nlanguages:\n  - code: pl\n  - code: en\n"),
                     ("content/c.md", "---\ntitle: Nowy\nreviewed: 2026-11-01\n---\n\nNowy.\n"),
                     ("content/offices.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<offices reviewed=\"2026-11-21\"><title>U</title><summary>A.</summary></offices>\n"),
                     ("locales/en/ui.po", "msgid \"\"\nmsgstr \"\"\n"),
                     ("theme/templates/layout.mustache", "{{{body}}}")] {
            site = try TinySite()
            try site.remember()
            try site.write(edit.0, edit.1)
            #expect(Self.decision(site.plan()) == "everything", "after an edit of \(edit.0)")
        }

        // An output edited by hand since the last build: the walk says so, and the build makes everything.
        site = try TinySite()
        try site.remember()
        try site.write("content/b.md", "---\ntitle: Banki\nreviewed: 2026-11-01\n---\n\nInny tekst.\n")
        try Data("hand-made".utf8).write(to: site.output.appendingPathComponent("notes.txt"))
        guard case .documents(_, _, _, _, let walk, _) = site.plan() else { Issue.record("expected a plan of documents"); return }
        #expect(walk.listing == nil)
    }

    @Test func keptChaptersAreReadBackAsWrittenAndAnUnknownFileIsRefused() throws {
        let site = try TinySite()
        var chapters = BookChapters()
        chapters.languages["en"] = ["a.xhtml": .init(xhtml: "<html>\n\u{1F}x</html>", failures: ["the page has no title"])]
        chapters.languages["pl"] = ["a.xhtml": .init(xhtml: "<html/>", failures: [])]
        #expect(chapters.write(site.folder))
        let read = try #require(BookChapters.read(site.folder))
        #expect(read.languages == chapters.languages)
        try Data("witaj-books 0\n".utf8).write(to: site.folder.books)
        #expect(BookChapters.read(site.folder) == nil)
    }
}
