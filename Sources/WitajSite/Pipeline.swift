import Foundation
import WitajCore
import WitajSources

/// The site layer's phases, each a function of its input and the build's `Scope`: load -> validate -> coverage ->
/// localize -> books, all in memory (`Made`), then render, which hands the pages to a sink as they are made.
/// `Build.run` (the API) calls them in order; the rebuild state of an incremental build never reaches them.
package enum Pipeline {
    /// Everything the phases read: the site, its languages with their ICU services, its catalogs, its theme.
    package struct Input: Sendable {
        package let site: Site
        package let languages: [LanguageProfile]
        package var catalogs: Catalogs
        package let templates: Templates
    }

    /// The whole site in memory, before any page is made.
    package struct Made: Sendable {
        package var input: Input
        package let scope: Scope
        package let coverage: Coverage
        package let localized: [LocalizedSite]
        package let books: Books

        package init(input: Input, scope: Scope, coverage: Coverage, localized: [LocalizedSite], books: Books) {
            self.input = input
            self.scope = scope
            self.coverage = coverage
            self.localized = localized
            self.books = books
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
    /// `drafts`: documents marked `draft: true` are read too (a preview); else they are left out.
    package static func load(_ root: URL, scope: Scope = .everything, drafts: Bool = false,
                             into diagnostics: inout Diagnostics) -> Input? {
        let (loaded, loadDiagnostics) = SiteLoader.load(root: root, standIns: scope.records.compactMapValues(\.document),
                                                        drafts: drafts)
        diagnostics.append(contentsOf: loadDiagnostics)
        guard let site = loaded else { return nil }
        let templates = Templates.compile(site.theme, into: &diagnostics)
        var languages: [LanguageProfile] = []
        for language in site.config.languages {
            do {
                languages.append(try LanguageProfile(code: language.code, fallbacks: language.fallbacks))
            } catch {
                diagnostics.error(language.location, "ICU cannot serve the language '\(language.code)': \(error)")
            }
        }
        guard languages.count == site.config.languages.count else { return nil }
        var catalogDiagnostics = Diagnostics()
        var catalogs = CatalogStore.load(site, languages: languages, root: root, skipping: Set(scope.records.keys),
                                         into: &catalogDiagnostics)
        catalogs.diagnostics = catalogDiagnostics
        return Input(site: site, languages: languages, catalogs: catalogs, templates: templates)
    }

    package static func validate(_ input: Input, into diagnostics: inout Diagnostics) {
        diagnostics.append(contentsOf: SiteValidator.validate(input.site))
    }

    package static func coverage(_ input: Input, scope: Scope = .everything) -> Coverage {
        Coverage.compute(site: input.site, catalogs: input.catalogs.documents, interface: input.catalogs.interface,
                         languages: input.languages, kept: scope.records.mapValues(\.coverage))
    }

    package static func localize(_ input: Input, scope: Scope = .everything, into diagnostics: inout Diagnostics) -> [LocalizedSite] {
        let (translations, interface) = input.catalogs.translations(for: input.site, languages: input.languages, into: &diagnostics)
        return parallelMap(input.languages) {
            Localizer.localize(input.site, language: $0, languages: input.languages, translations: translations,
                               interface: interface, scope: scope)
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
    /// Returns each document's row of the coverage matrix (by source), for the next build to keep.
    package static func render(_ made: Made, to sink: some ArtifactSink) -> [String: String] {
        let site = SiteRenderer(sites: made.localized, templates: made.input.templates, scope: made.scope)
        site.render(to: sink)
        let coverage = made.coverage
        let report = CoverageRenderer(coverage: coverage, templates: made.input.templates, sourceName: made.input.languages[0].autonym)
        // The rows of documents not read again are the last build's.
        let kept = made.scope.records
        let rows = parallelMap(coverage.documents) { kept[$0.source]?.coverageRow ?? report.row($0) }
        // The reports, longest first, on every core.
        let reports: [@Sendable () -> Artifact] = [{ report.json() }, { report.matrix(rows: rows) }, { site.sitemap() }, { report.csv() }]
        sink.put(parallelMap(Array(reports.indices)) { reports[$0]() })
        sink.put(made.books.artifacts)
        return Dictionary(zip(coverage.documents.map(\.source), rows), uniquingKeysWith: { a, _ in a })
    }
}
