import Foundation

/// The build: load -> validate -> localize -> render -> publish. Each phase is a function from model to model;
/// the build stops after a phase that reported an error, before anything is written.
public enum Build {
    public struct Result: Sendable {
        public let diagnostics: Diagnostics
        /// What `check` (no output folder) would have written; empty for a build, which streams its files out.
        public let artifacts: [Artifact]
        /// How many files and HTML pages were (or would have been) made, and how many of them the output already
        /// had, byte for byte.
        public let files: Int
        public let pages: Int
        public let unchanged: Int
        /// Nothing changed since the last build: nothing was done.
        public let upToDate: Bool
        /// Only these documents (sources) changed since the last build, and only their pages were made; nil when
        /// the build made every page.
        public let remade: [String]?
        public var succeeded: Bool { !diagnostics.hasErrors }

        init(diagnostics: Diagnostics, publisher: Publisher? = nil, upToDate: Bool = false, remade: Set<String>? = nil) {
            self.remade = remade?.sorted()
            self.diagnostics = diagnostics
            artifacts = publisher?.kept ?? []
            files = publisher?.written ?? 0
            pages = publisher?.pages ?? 0
            unchanged = publisher?.unchanged ?? 0
            self.upToDate = upToDate
        }
    }

    /// Builds the site at `root` into `output`; with `output` nil, checks everything and writes nothing.
    /// `sourceDateEpoch` (seconds, as in SOURCE_DATE_EPOCH) dates the books; without it, the newest `reviewed` date.
    /// Over an earlier output, only what changed since is made again (`BuildState.plan`); `everything` makes it all.
    public static func run(root: URL, output: URL?, sourceDateEpoch: Int? = nil, everything: Bool = false) -> Result {
        var diagnostics = Diagnostics()
        var clock = PhaseClock()
        defer { clock.report() }
        if let output, !isSafe(output, root: root, into: &diagnostics) { return Result(diagnostics: diagnostics) }
        let started = Date().timeIntervalSince1970
        let inputs = output.map { _ in clock.time("inputs", BuildState.inputs(root: root, sourceDateEpoch: sourceDateEpoch)) }
        var kept: [String: DocumentRecord] = [:], previous: [String: DocumentRecord] = [:], keptWarnings = Diagnostics()
        var remade: Set<String>?, walk: BuildState.Walk?, lastChapters: Pending<BookChapters?>?
        if let output, let inputs, !everything {
            switch clock.time("plan", BuildState.plan(output, inputs: inputs)) {
            case .upToDate(let warnings): return Result(diagnostics: warnings, upToDate: true)
            case .documents(let records, let changed, let read, let warnings, let outputs, let chapters):
                kept = records.filter { !read.contains($0.key) }
                previous = records.filter { read.contains($0.key) }
                keptWarnings = warnings
                remade = changed
                walk = outputs
                lastChapters = chapters
            case .everything: break
            }
        }
        // Only some documents: anything unexpected (an error, another face) and the whole site is made instead.
        func everythingInstead() -> Result { run(root: root, output: output, sourceDateEpoch: sourceDateEpoch, everything: true) }
        guard var input = clock.time("load", load(root, kept: kept, remade: remade, into: &diagnostics)) else {
            return remade == nil ? Result(diagnostics: diagnostics) : everythingInstead()
        }
        clock.time("validate", validate(input, into: &diagnostics))
        guard !diagnostics.hasErrors else { return remade == nil ? Result(diagnostics: diagnostics) : everythingInstead() }
        // Translations are checked apart from the sources: a broken catalog does not stop the other languages.
        diagnostics.append(contentsOf: input.catalogs.diagnostics)
        let coverage = clock.time("coverage", Coverage.compute(site: input.site, catalogs: input.catalogs.documents,
                                                               interface: input.catalogs.interface, languages: input.languages))
        let localized = clock.time("localize", localize(input, into: &diagnostics))
        input.catalogs.documents = [:]  // their texts live on in the localized sites; the rest is not needed
        if remade != nil, diagnostics.hasErrors || !sameFaces(input.site, localized, as: previous, coverage: coverage) {
            return everythingInstead()
        }
        guard let books = clock.time("books", books(input, localized, last: lastChapters, sourceDateEpoch: sourceDateEpoch,
                                                    into: &diagnostics)) else { return everythingInstead() }
        // Before anything is written: the output must be as the last build left it.
        var outputs: BuildState.Listing?
        if let walk {
            guard let listing = clock.time("walk", walk.listing) else { return everythingInstead() }
            outputs = listing
        }
        // Every diagnostic is known now. Nothing is written while an error stands (`check` still renders every
        // language, so that a broken catalog does not hide the others' problems).
        guard output == nil || !diagnostics.hasErrors,
              let publisher = publisher(to: output, prune: remade == nil, into: &diagnostics) else {
            return Result(diagnostics: diagnostics)
        }
        // The books' chapters, for the next build, are written while the pages are made (`remember` waits).
        let chapters = output.flatMap { output in books.chapters.map { $0.writing(output: output) } }
        let coverageRows = clock.time("render", render(input, localized, coverage: coverage, to: publisher))
        publisher.put(books.artifacts)
        clock.time("publish", finish(publisher, into: &diagnostics))
        for warning in keptWarnings.items where !diagnostics.items.contains(warning) {
            diagnostics.warning(warning.location, warning.message)
        }
        if let output, let inputs, !diagnostics.hasErrors {
            // Only some files were written: the listing of the output before the build, with those taken in.
            outputs?.refresh(publisher.changed, under: output.path)
            clock.time("state", BuildState.remember(output, inputs: inputs, outputs: outputs, started: started, warnings: diagnostics,
                                                    site: input.site, localized: localized, coverage: coverage,
                                                    coverageRows: coverageRows, chapters: chapters))
        } else if let output, let chapters {
            // The last state does not know these chapters: the next build makes everything.
            _ = chapters.value
            BuildState.forget(output: output)
        }
        return Result(diagnostics: diagnostics, publisher: publisher, remade: remade)
    }

    /// Whether the documents made again show other pages what they showed before (see `DocumentRecord.Face`).
    static func sameFaces(_ site: Site, _ localized: [LocalizedSite], as previous: [String: DocumentRecord],
                          coverage: Coverage) -> Bool {
        let rows = Dictionary(coverage.documents.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, document) in site.documents.enumerated() where site.kept[document.source] == nil {
            guard let before = previous[document.source], let row = rows[document.source] else { return false }
            if DocumentRecord(document, in: localized.map { $0.documents[i] }, coverage: row, coverageRow: before.coverageRow).face != before.face {
                return false
            }
        }
        return true
    }

    /// Everything the build reads: the site, its languages with their ICU services, its catalogs, its theme.
    struct Input {
        let site: Site
        let languages: [LanguageProfile]
        var catalogs: Catalogs
        let templates: Templates
    }

    /// Reads everything; problems in catalogs go to `catalogs.diagnostics`, the rest to `diagnostics`.
    /// Documents in `kept` are not read: their records stand in for them.
    static func load(_ root: URL, kept: [String: DocumentRecord] = [:], remade: Set<String>? = nil,
                     into diagnostics: inout Diagnostics) -> Input? {
        var catalogDiagnostics = Diagnostics()
        let (loaded, loadDiagnostics) = SiteLoader.load(root: root, kept: kept)
        diagnostics.append(contentsOf: loadDiagnostics)
        guard var site = loaded else { return nil }
        site.remade = remade
        let templates = Templates.compile(site.theme, into: &diagnostics)
        let languages: [LanguageProfile]
        do {
            languages = try site.config.languages.map { try LanguageProfile(code: $0.code, fallbacks: $0.fallbacks) }
        } catch {
            diagnostics.error(SourceLocation("site.yml"), "ICU cannot serve a language of the site: \(error)")
            return nil
        }
        var catalogs = CatalogStore.load(site, languages: languages, root: root, into: &catalogDiagnostics)
        catalogs.diagnostics = catalogDiagnostics
        return Input(site: site, languages: languages, catalogs: catalogs, templates: templates)
    }

    static func validate(_ input: Input, into diagnostics: inout Diagnostics) {
        diagnostics.append(contentsOf: SiteValidator.validate(input.site))
    }

    static func localize(_ input: Input, into diagnostics: inout Diagnostics) -> [LocalizedSite] {
        let (translations, interface) = input.catalogs.translations(for: input.site, languages: input.languages, into: &diagnostics)
        return parallelMap(input.languages) {
            Localizer.localize(input.site, language: $0, languages: input.languages, translations: translations, interface: interface)
        }
    }

    /// Pages of every language and the reports over them, handed to the publisher as they are made. Returns each
    /// document's row of the coverage matrix (by source), for the next build to keep.
    static func render(_ input: Input, _ localized: [LocalizedSite], coverage: Coverage,
                       to publisher: Publisher) -> [String: String] {
        let site = SiteRenderer(sites: localized, templates: input.templates)
        site.render(to: publisher)
        let report = CoverageRenderer(coverage: coverage, templates: input.templates, sourceName: input.languages[0].autonym)
        // The rows of documents not read again are the last build's.
        let kept = input.site.kept
        let rows = parallelMap(coverage.documents) { kept[$0.source]?.coverageRow ?? report.row($0) }
        // The reports, longest first, on every core.
        let reports: [@Sendable () -> Artifact] = [{ report.json() }, { report.matrix(rows: rows) }, { site.sitemap() }, { report.csv() }]
        publisher.put(parallelMap(Array(reports.indices)) { reports[$0]() })
        return Dictionary(zip(coverage.documents.map(\.source), rows), uniquingKeysWith: { a, _ in a })
    }

    /// The welcome packs, and their chapters for the next build; `chapters` nil when the books are kept.
    struct Books {
        var artifacts: [Artifact] = []
        var chapters: BookChapters?
    }

    /// The welcome pack of every language as an EPUB book. None when no chapter changed since the last build (the
    /// books are kept); when some did, the others' chapters are the last build's (`last`), and nil when those are
    /// not at hand.
    static func books(_ input: Input, _ localized: [LocalizedSite], last: Pending<BookChapters?>? = nil, sourceDateEpoch: Int?,
                      into diagnostics: inout Diagnostics) -> Books? {
        guard let pack = input.site.config.pack else { return Books(chapters: BookChapters()) }
        let site = input.site
        if let remade = site.remade, !pack.chapters.contains(where: { remade.contains($0.source) }) { return Books() }
        let keptFiles = pack.chapters.compactMap { chapter in site.kept[chapter.source].map { BookRenderer.chapterFile($0.path) } }
        let kept = keptFiles.isEmpty ? BookChapters() : last?.value ?? BookChapters()
        guard localized.allSatisfy({ language in keptFiles.allSatisfy { kept.languages[language.language.code]?[$0] != nil } }) else {
            return nil
        }
        let resolver = LinkResolver(documents: site.documents)
        let modified = bookDate(site, pack: pack, sourceDateEpoch: sourceDateEpoch)
        let books = parallelMap(localized) { language -> (Artifact?, [String: BookChapters.Chapter], Diagnostics) in
            var problems = Diagnostics()
            let book = BookRenderer(site: language, pack: pack, templates: input.templates, resolver: resolver, modified: modified)
            let made = book.render(kept: kept.languages[language.language.code] ?? [:], into: &problems)
            return (made?.book, made?.chapters ?? [:], problems)
        }
        var result = Books(chapters: BookChapters())
        for (language, (artifact, chapters, problems)) in zip(localized, books) {
            diagnostics.append(contentsOf: problems)
            if let artifact { result.artifacts.append(artifact) }
            result.chapters?.languages[language.language.code] = chapters
        }
        return result
    }

    /// The output is replaced or rewritten: it must not be the site or hold it, nor be inside its sources.
    static func isSafe(_ output: URL, root: URL, into diagnostics: inout Diagnostics) -> Bool {
        let out = output.standardizedFileURL.path, site = root.standardizedFileURL.path
        let sources = ["content", "locales", "theme"].map { site + "/" + $0 }
        if out == site || site.hasPrefix(out + "/") || sources.contains(where: { out == $0 || out.hasPrefix($0 + "/") }) || out == "/" {
            diagnostics.error(SourceLocation(output.lastPathComponent), "refusing to replace \(out) with the built site: it holds the site's sources; choose another --out")
            return false
        }
        return true
    }

    /// Where the files go: memory for `check`, else the output folder (see `Publisher`).
    static func publisher(to output: URL?, prune: Bool = true, into diagnostics: inout Diagnostics) -> Publisher? {
        guard let output else { return try? Publisher(.memory) }
        do {
            return try Publisher(.folder(output), prune: prune)
        } catch {
            diagnostics.error(SourceLocation(output.lastPathComponent), error.description)
            return nil
        }
    }

    /// Puts the staged generation in place when there is no error; otherwise drops it, and the old output stays.
    static func finish(_ publisher: Publisher, into diagnostics: inout Diagnostics) {
        guard !diagnostics.hasErrors else { return publisher.discard() }
        guard case .folder(let output) = publisher.destination else { return }
        do {
            try publisher.commit()
        } catch {
            diagnostics.error(SourceLocation(output.lastPathComponent), error.description)
        }
        for note in publisher.notes { diagnostics.warning(SourceLocation(output.lastPathComponent), note) }
    }

    /// The books' date: SOURCE_DATE_EPOCH when given, else the day the newest chapter was reviewed.
    static func bookDate(_ site: Site, pack: SiteConfig.Pack, sourceDateEpoch: Int?) -> Date {
        if let sourceDateEpoch { return Date(timeIntervalSince1970: TimeInterval(sourceDateEpoch)) }
        let days = pack.chapters.compactMap { site.document(source: $0.source)?.reviewed }
        guard let newest = days.max() else { return Date(timeIntervalSince1970: 946_684_800) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: newest.year, month: newest.month, day: newest.day)) ?? Date(timeIntervalSince1970: 0)
    }
}
