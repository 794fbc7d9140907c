import Foundation

/// `witaj coverage`: the coverage value of a site, without building it.
public enum CoverageReport {
    public static func run(root: URL) -> (Coverage?, Diagnostics) {
        var diagnostics = Diagnostics()
        let (loaded, loadDiagnostics) = SiteLoader.load(root: root)
        diagnostics.append(contentsOf: loadDiagnostics)
        guard let site = loaded, !diagnostics.hasErrors else { return (nil, diagnostics) }
        guard let languages = try? site.config.languages.map({ try LanguageProfile(code: $0.code, fallbacks: $0.fallbacks) }) else {
            diagnostics.error(SourceLocation("site.yml"), "ICU cannot serve a language of the site")
            return (nil, diagnostics)
        }
        let catalogs = CatalogStore.load(site, languages: languages, root: root, into: &diagnostics)
        return (Coverage.compute(site: site, catalogs: catalogs.documents, interface: catalogs.interface, languages: languages),
                diagnostics)
    }
}
