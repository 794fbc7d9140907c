import Foundation
import WitajCore
import WitajSources

/// The coverage of the states of a site one after another, each written over the last in one folder (the history of
/// its repository): a document whose source and catalogs did not change since the last state is not read again, and
/// keeps its row; the languages' ICU services are made once.
package final class CoverageSeries {
    private var last: (site: Site, coverage: Coverage)?

    package init() {}

    /// The coverage of the site now in `root`; `changed`: the files (paths in the site) that differ from the last
    /// state's, nil when unknown. Nil when the site cannot be read (no site.yml, no content).
    package func next(_ root: URL, changed: Set<String>?) -> Coverage? {
        var unchanged: Set<String> = []
        if let last, let changed, !changed.contains("site.yml") {
            let targets = last.site.config.languages.map(\.code).filter { $0 != last.site.config.sourceLanguage }
            unchanged = Set(last.site.documents.map(\.source).filter { source in
                !changed.contains(source) && !targets.contains { changed.contains(CatalogStore.path(of: source, language: $0)) }
            })
        }
        let kept = last.map { last in Dictionary(last.site.documents.filter { unchanged.contains($0.source) }.map { ($0.source, $0) },
                                                 uniquingKeysWith: { a, _ in a }) } ?? [:]
        let (loaded, _) = SiteLoader.load(root: root, standIns: kept)
        guard let site = loaded, let languages = try? site.config.languages.map(profile) else {
            last = nil
            return nil
        }
        var ignored = Diagnostics()
        let catalogs = CatalogStore.load(site, languages: languages, root: root, skipping: unchanged, into: &ignored)
        let rows = Dictionary((last?.coverage.documents ?? []).filter { unchanged.contains($0.source) }.map { ($0.source, $0) },
                              uniquingKeysWith: { a, _ in a })
        let coverage = Coverage.compute(site: site, catalogs: catalogs.documents, interface: catalogs.interface, languages: languages,
                                        kept: rows)
        last = (site, coverage)
        return coverage
    }

    private func profile(_ language: SiteConfig.Language) throws -> LanguageProfile {
        try LanguageProfile.shared(code: language.code, fallbacks: language.fallbacks, digits: language.digits)
    }
}
