import Foundation
import WitajCore
import WitajICU
import WitajSources

/// The site layer's phases, each a function of its input and the build's `Scope`: load -> validate -> coverage ->
/// localize -> books, all in memory (`Made`), then render, which hands the pages to a sink as they are made.
/// `Build.run` (the API) calls them in order; the rebuild state of an incremental build never reaches them.
package enum Pipeline {
    /// Everything the phases read: the site, its languages with their ICU services, its catalogs, its theme.
    package struct Input: Sendable {
        package var site: Site
        package let languages: [LanguageProfile]
        package var catalogs: Catalogs
        package var templates: Templates
        /// The commit the content is at (and whether the work tree differs from it); nil outside git.
        package var revision: Coverage.Revision?
        /// The build's day (`buildDay`): which news are current and which events are past.
        package var today = Day(year: 1970, month: 1, day: 1)
    }

    /// The whole site in memory, before any page is made.
    package struct Made: Sendable {
        package var input: Input
        package let scope: Scope
        package let coverage: Coverage
        package let localized: [LocalizedSite]
        package let books: Books
        /// The indicator by quarter, from the site's repository (nil outside git, and for `check`).
        package let history: CoverageHistory?

        package init(input: Input, scope: Scope, coverage: Coverage, localized: [LocalizedSite], books: Books,
                     history: CoverageHistory? = nil) {
            self.input = input
            self.scope = scope
            self.coverage = coverage
            self.localized = localized
            self.books = books
            self.history = history
        }
    }

    /// The welcome packs, and their chapters for the next build; no artifact and `chapters` nil when the books are
    /// kept (no chapter changed).
    package struct Books: Sendable {
        package var artifacts: [Artifact] = []
        package var chapters: BookChapters?
    }

    /// Reads everything; problems in catalogs go to `catalogs.diagnostics`, the rest to `diagnostics`. Documents
    /// not read again (`scope.records`) stand in for their files, and their catalogs are not read.
    /// `drafts`: documents marked `draft: true` are read too (a preview); else they are left out. `dated`: the commit
    /// of the site's repository the content is at is asked of git meanwhile.
    /// `sourceDateEpoch`: the build's day (`buildDay`).
    package static func load(_ root: URL, scope: Scope = .everything, drafts: Bool = false, dated: Bool = true,
                             sourceDateEpoch: Int? = nil, into diagnostics: inout Diagnostics) -> Input? {
        var clock = PhaseClock()
        defer { clock.report() }
        let revision = dated ? Pending { revisionOfWorkTree(root) } : nil
        let (loaded, loadDiagnostics) = clock.time("load: site", SiteLoader.load(root: root, standIns: scope.records.compactMapValues(\.document),
                                                                                 drafts: drafts))
        diagnostics.append(contentsOf: loadDiagnostics)
        guard let site = loaded else { return nil }
        let templates = clock.time("load: templates", Templates.compile(site.theme, into: &diagnostics))
        var languages: [LanguageProfile] = []
        let profiles = clock.time("load: languages", site.config.languages.map { language in
            Result { try LanguageProfile.shared(code: language.code, fallbacks: language.fallbacks, digits: language.digits) }
        })
        for (language, profile) in zip(site.config.languages, profiles) {
            switch profile {
            case .success(let profile): languages.append(profile)
            case .failure(let error): diagnostics.error(language.location, "ICU cannot serve the language '\(language.code)': \(error)")
            }
        }
        guard languages.count == site.config.languages.count else { return nil }
        // ICU serves any code, "ua" (Ukraine's) or "xx" too, with no data: a language it cannot name is a typo.
        let names = Formatters(locale: "en")
        for language in site.config.languages where names.displayName(of: language.code) == language.code {
            diagnostics.error(language.location, "unknown language '\(language.code)': ICU knows no such language; use an ISO 639 code such as 'uk' (Ukrainian), 'be' (Belarusian) or 'pt-BR'")
        }
        var catalogDiagnostics = Diagnostics()
        var catalogs = clock.time("load: catalogs", CatalogStore.load(site, languages: languages, root: root, skipping: Set(scope.records.keys),
                                                                     into: &catalogDiagnostics))
        catalogs.diagnostics = catalogDiagnostics
        var input = Input(site: site, languages: languages, catalogs: catalogs, templates: templates,
                          revision: clock.time("load: revision", revision?.value))
        input.today = buildDay(sourceDateEpoch: sourceDateEpoch)
        return input
    }

    /// The commit checked out in the site's repository, and whether site.yml, content/ or locales/ differ from it.
    package static func revisionOfWorkTree(_ root: URL) -> Coverage.Revision? {
        guard case .success(let repository) = GitRepository.open(root), let head = repository.head() else { return nil }
        return Coverage.Revision(commit: head.hash, date: head.date, uncommitted: repository.hasUncommittedChanges())
    }

    /// The documents not read again (`scope.records`) are not checked again; links to a part of one are checked
    /// against the parts its record lists.
    package static func validate(_ input: Input, scope: Scope = .everything, into diagnostics: inout Diagnostics) {
        let anchors = Dictionary(scope.records.values.map { ($0.path, Set($0.anchors)) }, uniquingKeysWith: { a, _ in a })
        diagnostics.append(contentsOf: SiteValidator.validate(input.site, anchorsOfStandIns: anchors))
        diagnostics.append(contentsOf: DatedValidator.validate(input.site, today: input.today, languages: input.languages,
                                                               skipping: Set(scope.records.keys)))
    }

    package static func coverage(_ input: Input, scope: Scope = .everything) -> Coverage {
        Coverage.compute(site: input.site, catalogs: input.catalogs.documents, interface: input.catalogs.interface,
                         languages: input.languages, kept: scope.records.mapValues(\.coverage), revision: input.revision)
    }

    package static func localize(_ input: Input, scope: Scope = .everything, into diagnostics: inout Diagnostics) -> [LocalizedSite] {
        let (translations, interface) = input.catalogs.translations(for: input.site, languages: input.languages, into: &diagnostics)
        return parallelMap(input.languages) {
            var site = Localizer.localize(input.site, language: $0, languages: input.languages, translations: translations,
                                          interface: interface, scope: scope)
            site.today = input.today
            return site
        }
    }

    /// The welcome pack of every language as an EPUB book. None when no chapter is remade (the books are kept);
    /// when some are, the others' are the last build's (`scope.chapters`), and nil when those are not at hand.
    package static func books(_ input: Input, _ localized: [LocalizedSite], scope: Scope = .everything, sourceDateEpoch: Int?,
                               into diagnostics: inout Diagnostics) -> Books? {
        guard let pack = input.site.config.pack else { return Books(chapters: BookChapters()) }
        let site = input.site
        if !scope.isEverything, !pack.chapters.contains(where: { scope.makes($0.source) }) { return Books() }
        let keptFiles = Set(pack.chapters.compactMap { chapter in scope.records[chapter.source].map { BookRenderer.chapterFile($0.path) } })
        let last = keptFiles.isEmpty ? BookChapters() : scope.chapters?.value ?? BookChapters()
        let kept = last.languages.mapValues { $0.filter { keptFiles.contains($0.key) } }
        guard localized.allSatisfy({ language in keptFiles.allSatisfy { kept[language.language.code]?[$0] != nil } }) else {
            return nil
        }
        let resolver = LinkResolver(site: site)
        let modified = bookDate(site, pack: pack, sourceDateEpoch: sourceDateEpoch)
        let books = parallelMap(localized) { language -> (Artifact?, [String: BookChapters.Chapter], Diagnostics) in
            var problems = Diagnostics()
            let book = BookRenderer(site: language, pack: pack, templates: input.templates, resolver: resolver, modified: modified)
            let made = book.render(kept: kept[language.language.code] ?? [:], into: &problems)
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

    /// The day of the build in the site's time zone (Europe/Warsaw): SOURCE_DATE_EPOCH's when given, else today's. News
    /// and event pages depend on it (and only on the day), so builds of the same day give the same bytes.
    package static func buildDay(sourceDateEpoch: Int?, now: Date = Date()) -> Day {
        let moment = sourceDateEpoch.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? now
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: Event.defaultTimeZone) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
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

    /// Every page of every language, the reports over them and the books, handed to `sink` as they are made.
    /// Returns each document's row of the coverage matrix (by source), for the next build to keep. `preview`: the
    /// pages carry marks for translators (`TranslatorMarks`), as the preview server shows them; never in a build.
    package static func render(_ made: Made, to sink: some ArtifactSink, preview: Bool = false) -> [String: String] {
        renderPages(made.localized, templates: made.input.templates, scope: made.scope, books: made.books,
                    marks: preview ? Later { TranslatorMarks(coverage: made.coverage, sourceLanguage: made.input.site.config.sourceLanguage) } : nil,
                    to: sink)
        let rows = coverageRows(made)
        sink.put(reports(made, rows: rows))
        return rows
    }

    /// The pages of every language (those of the documents the scope makes) and the books, handed to `sink` as they
    /// are made. `marks`: for translators, in the preview server's pages only; made when a page first needs them.
    package static func renderPages(_ localized: [LocalizedSite], templates: Templates, scope: Scope, books: Books,
                                    marks: Later<TranslatorMarks>? = nil, to sink: some ArtifactSink) {
        SiteRenderer(sites: localized, templates: templates, scope: scope, marks: marks).render(to: sink)
        sink.put(books.artifacts)
    }

    /// Each document's row of the coverage matrix (by source), the last build's for the documents not read again.
    package static func coverageRows(_ made: Made) -> [String: String] {
        let coverage = made.coverage
        let report = CoverageRenderer(coverage: coverage, history: made.history, templates: made.input.templates,
                                      strings: reportStrings(made), sourceName: made.input.languages[0].autonym)
        // The rows of documents not read again are the last build's.
        let kept = made.scope.records
        let rows = parallelMap(coverage.documents) { kept[$0.source]?.coverageRow ?? report.row($0) }
        return Dictionary(zip(coverage.documents.map(\.source), rows), uniquingKeysWith: { a, _ in a })
    }

    /// The reports over the whole site, longest first, on every core: the coverage report (its JSON, its matrix
    /// from `rows`, its CSV, its history), the sitemap and each language's search index. The preview server makes
    /// them after the pages, while browsers reload.
    package static func reports(_ made: Made, rows: [String: String]) -> [Artifact] {
        let site = SiteRenderer(sites: made.localized, templates: made.input.templates, scope: made.scope)
        let coverage = made.coverage
        let report = CoverageRenderer(coverage: coverage, history: made.history, templates: made.input.templates,
                                      strings: reportStrings(made), sourceName: made.input.languages[0].autonym)
        let ordered = coverage.documents.map { rows[$0.source] ?? "" }
        let reports: [@Sendable () -> [Artifact]] = [{ [report.json()] }, { [report.matrix(rows: ordered)] }, { [site.sitemap()] },
                                                     { [report.csv()] }]
            + made.localized.map { language in { SearchIndexRenderer(site: language).render() } }
        return parallelMap(Array(reports.indices)) { reports[$0]() }.flatMap { $0 } + report.historyFiles()
    }

    /// The interface strings of the coverage report's language (site.yml's `coverage: language`, else the source's).
    static func reportStrings(_ made: Made) -> UIStrings {
        let code = made.input.site.config.coverage.language ?? made.input.site.config.sourceLanguage
        return (made.localized.first { $0.language.code == code } ?? made.localized[0]).strings
    }
}
