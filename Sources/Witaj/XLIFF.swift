import Foundation
import WitajCore
import WitajGettext
import WitajSources
import WitajSite

/// `witaj xliff export|import`: a language's catalogs to XLIFF 1.2 for a translation agency, and its work back.
/// Export then import with no change leaves every catalog as it was, byte for byte.
package enum XLIFF {
    package struct Export: Sendable {
        package let diagnostics: Diagnostics
        package let text: String?
    }

    /// Every document catalog of `language` (in the site's order) as one XLIFF file; `only` keeps the messages
    /// still to translate or to review. The interface strings (ui.po, ICU MessageFormat) stay in their PO file.
    package static func export(root: URL, language: String, only: XLIFFWriter.Selection? = nil) -> Export {
        var diagnostics = Diagnostics()
        let (loaded, loadDiagnostics) = SiteLoader.load(root: root)
        diagnostics.append(contentsOf: loadDiagnostics)
        guard let site = loaded, !diagnostics.hasErrors else { return Export(diagnostics: diagnostics, text: nil) }
        guard language != site.config.sourceLanguage, site.config.languages.contains(where: { $0.code == language }) else {
            diagnostics.error(SourceLocation("site.yml"), "'\(language)' is not a target language of the site")
            return Export(diagnostics: diagnostics, text: nil)
        }
        var files: [XLIFFWriter.File] = []
        for document in site.documents {
            let path = CatalogStore.path(of: document.source, language: language)
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
                diagnostics.warning(SourceLocation(path), "\(document.source) has no catalog in this language yet: run witaj update, then export again")
                continue
            }
            guard let catalog = CatalogStore.read(path, root: root, into: &diagnostics) else { continue }
            if Coverage.inStep(catalog, with: CatalogUpdater.entries(for: document.segments)) == nil {
                diagnostics.warning(SourceLocation(path), "the catalog is not in step with \(document.source): run witaj update before exporting, or the agency translates an old text")
            }
            files.append(XLIFFWriter.File(catalog: catalog, path: path, sourceLanguage: site.config.sourceLanguage, targetLanguage: language))
        }
        guard !diagnostics.hasErrors else { return Export(diagnostics: diagnostics, text: nil) }
        return Export(diagnostics: diagnostics, text: XLIFFWriter.write(files, only: only, into: &diagnostics))
    }

    package struct Import: Sendable {
        package let diagnostics: Diagnostics
        /// Catalogs whose bytes changed.
        package var written: [String] = []
        /// Messages whose translation, state or translator's note changed.
        package var imported = 0
    }

    /// Brings an XLIFF file's translations into the catalogs it names. A message takes the target when the agency
    /// changed it or its state (done: translated, else: needs review, fuzzy); an empty target never erases a
    /// translation; a unit whose source is no longer a message of its catalog (the source changed since the export)
    /// is said, unit by unit, and left out. A catalog that changed gets PO-Revision-Date `now` (and Last-Translator
    /// `translator` when given), as a translator's tool would.
    package static func importFile(_ bytes: [UInt8], path: String, root: URL, now: Date = Date(), translator: String? = nil) -> Import {
        var diagnostics = Diagnostics()
        guard let files = XLIFFReader.read(bytes, path: path, into: &diagnostics) else { return Import(diagnostics: diagnostics) }
        var result = Import(diagnostics: Diagnostics())
        for file in files {
            let parts = file.original.split(separator: "/")
            let location = SourceLocation(path, line: file.line)
            guard parts.count >= 3, parts[0] == "locales", file.original.hasSuffix(".po"),
                  FileManager.default.fileExists(atPath: root.appendingPathComponent(file.original).path) else {
                diagnostics.error(location, "<file original=\"\(file.original)\"> names no catalog of this site (locales/<lang>/….po)")
                continue
            }
            if let target = file.targetLanguage, target.lowercased() != parts[1].lowercased() {
                diagnostics.error(location, "<file> is in \(target), but \(file.original) is a catalog of \(parts[1])")
                continue
            }
            guard var catalog = CatalogStore.read(file.original, root: root, into: &diagnostics) else { continue }
            var index: [String: Int] = [:]
            for (i, entry) in catalog.entries.enumerated() where !entry.obsolete && entry.context == nil && entry.plural == nil {
                index[entry.msgid] = i
            }
            var changed = 0
            for unit in file.units {
                guard let i = index[unit.source] else {
                    diagnostics.warning(SourceLocation(path, line: unit.line),
                                        "this segment's source text is not a message of \(file.original) as it is now (its source changed since the export, or it was removed): its translation was not imported")
                    continue
                }
                var entry = catalog.entries[i]
                if let target = unit.target, !target.isEmpty, target != entry.translation || unit.done == entry.isFuzzy {
                    entry.msgstr = [target]
                    if unit.done {
                        entry.setFuzzy(false)
                        entry.previous = nil
                    } else {
                        entry.setFuzzy(true)
                    }
                }
                if let note = unit.translatorNote, note != XLIFFWriter.translatorNote(entry.comments) {
                    entry.comments = note.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : " " + $0 }
                }
                if entry != catalog.entries[i] {
                    catalog.entries[i] = entry
                    changed += 1
                }
            }
            guard changed > 0 else { continue }
            if var header = catalog.header {
                var fields = POHeader(parsing: header.translation)
                fields["PO-Revision-Date"] = POHeader.date(now)
                if let translator { fields["Last-Translator"] = translator }
                header.msgstr = [fields.msgstr]
                catalog.header = header
            }
            do {
                try Data(POWriter.write(catalog).utf8).write(to: root.appendingPathComponent(file.original), options: .atomic)
                result.written.append(file.original)
                result.imported += changed
            } catch {
                diagnostics.error(SourceLocation(file.original), "cannot write the catalog: \(error.localizedDescription)")
            }
        }
        return Import(diagnostics: diagnostics, written: result.written, imported: result.imported)
    }
}
