import Foundation
import WitajICU
import WitajCore
import WitajGettext
import WitajSources
import WitajSite

/// `witaj update`: extracts every document's segments and brings each language's catalogs in step.
package enum Update {
    package struct Result: Sendable {
        package let diagnostics: Diagnostics
        /// Catalogs whose bytes changed, relative to the site's root.
        package let written: [String]
    }

    package static func run(root: URL, language only: String? = nil) -> Result {
        var diagnostics = Diagnostics()
        let (loaded, loadDiagnostics) = SiteLoader.load(root: root)
        diagnostics.append(contentsOf: loadDiagnostics)
        guard let site = loaded, !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, written: []) }
        let targets = site.config.languages.filter { $0.code != site.config.sourceLanguage && (only == nil || $0.code == only) }
        if let only, targets.isEmpty {
            diagnostics.error(SourceLocation("site.yml"), "'\(only)' is not a target language of the site")
        }
        var written: [String] = []
        for target in targets {
            guard let language = try? LanguageProfile(code: target.code, fallbacks: target.fallbacks) else { continue }
            for document in site.documents {
                let path = CatalogStore.path(of: document.source, language: language.code)
                let header = CatalogStore.header(language: language, source: document.source, day: document.reviewed)
                let fresh = CatalogUpdater.entries(for: document.segments)
                if save(fresh, header: header, path: path, root: root, into: &diagnostics) { written.append(path) }
            }
            // A catalog whose document is gone is kept (its translations may serve a renamed file) but said.
            let expected = Set(site.documents.map { CatalogStore.path(of: $0.source, language: language.code) })
            for (relative, _) in FileTree.files(under: root.appendingPathComponent("locales/\(language.code)"))
            where relative.hasSuffix(".po") && relative != "ui.po" {
                let path = "locales/\(language.code)/\(relative)"
                if !expected.contains(path) {
                    diagnostics.warning(SourceLocation(path), "no document in content/ has this catalog any more; delete it or move its translations")
                }
            }
            let uiPath = CatalogStore.uiPath(language: language.code)
            let header = CatalogStore.header(language: language, source: "the theme's interface strings", day: nil)
            if save(CatalogStore.interfaceEntries(for: language), header: header, path: uiPath, root: root, into: &diagnostics) {
                written.append(uiPath)
            }
        }
        return Result(diagnostics: diagnostics, written: written)
    }

    /// Merges and writes one catalog; a catalog that does not parse is reported and left alone.
    private static func save(_ fresh: [POEntry], header: POEntry, path: String, root: URL,
                             into diagnostics: inout Diagnostics) -> Bool {
        let url = root.appendingPathComponent(path)
        let exists = FileManager.default.fileExists(atPath: url.path)
        let before = diagnostics.errors.count
        let existing = CatalogStore.read(path, root: root, into: &diagnostics)
        if exists && (existing == nil || diagnostics.errors.count > before) { return false }
        let text = POWriter.write(CatalogUpdater.merge(fresh, into: existing, header: header))
        let bytes = Data(text.utf8)
        if FileManager.default.contents(atPath: url.path) == bytes { return false }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url, options: .atomic)
            return true
        } catch {
            diagnostics.error(SourceLocation(path), "cannot write the catalog: \(error.localizedDescription)")
            return false
        }
    }
}
