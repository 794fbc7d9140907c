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
    public static func run(root: URL, output: URL?) -> Result {
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

        let artifacts = SiteRenderer(sites: localized, templates: templates).render()
            + CoverageRenderer(coverage: coverage, templates: templates, sourceName: languages[0].autonym).render()

        if let output {
            do {
                try Publisher.publish(artifacts, to: output)
            } catch {
                diagnostics.error(SourceLocation(output.lastPathComponent), error.description)
            }
        }
        return Result(diagnostics: diagnostics, artifacts: artifacts)
    }
}
