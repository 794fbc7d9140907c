import Foundation

/// The build: load -> validate -> localize -> render -> publish. Each phase is a function from model to model;
/// the build stops after a phase that reported an error, before anything is written.
public enum Build {
    public struct Result: Sendable {
        public let diagnostics: Diagnostics
        /// What was (or, for `check`, would have been) written.
        public let artifacts: [Artifact]
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Builds the site at `root` into `output`; with `output` nil, checks everything and writes nothing.
    /// `sourceDateEpoch` (seconds, as in SOURCE_DATE_EPOCH) dates the books; without it, the newest `reviewed` date.
    public static func run(root: URL, output: URL?, sourceDateEpoch: Int? = nil) -> Result {
        var diagnostics = Diagnostics()
        func failed() -> Result { Result(diagnostics: diagnostics, artifacts: []) }

        let (loaded, loadDiagnostics) = SiteLoader.load(root: root)
        diagnostics.append(contentsOf: loadDiagnostics)
        guard let site = loaded else { return failed() }

        diagnostics.append(contentsOf: SiteValidator.validate(site))
        let templates = Templates.compile(site.theme, into: &diagnostics)
        guard !diagnostics.hasErrors else { return failed() }

        let languages: [LanguageProfile]
        do {
            languages = try site.config.languages.map { try LanguageProfile(code: $0.code, fallbacks: $0.fallbacks) }
        } catch {
            diagnostics.error(SourceLocation("site.yml"), "ICU cannot serve a language of the site: \(error)")
            return failed()
        }
        let catalogs = CatalogStore.load(site, languages: languages, root: root, into: &diagnostics)
        let (translations, interface) = catalogs.translations(for: site, languages: languages, into: &diagnostics)
        let localized = languages.map {
            Localizer.localize(site, language: $0, languages: languages, translations: translations, interface: interface)
        }
        let coverage = Coverage.compute(site: site, catalogs: catalogs.documents, interface: catalogs.interface,
                                        languages: languages)

        var artifacts = SiteRenderer(sites: localized, templates: templates).render()
            + CoverageRenderer(coverage: coverage, templates: templates, sourceName: languages[0].autonym).render()
        if let pack = site.config.pack {
            let resolver = LinkResolver(documents: site.documents)
            let modified = bookDate(site, pack: pack, sourceDateEpoch: sourceDateEpoch)
            for language in localized {
                let book = BookRenderer(site: language, pack: pack, templates: templates, resolver: resolver, modified: modified)
                if let artifact = book.render(into: &diagnostics) { artifacts.append(artifact) }
            }
        }
        guard !diagnostics.hasErrors else { return failed() }

        if let output {
            do {
                try Publisher.publish(artifacts, to: output)
            } catch {
                diagnostics.error(SourceLocation(output.lastPathComponent), error.description)
            }
        }
        return Result(diagnostics: diagnostics, artifacts: artifacts)
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
