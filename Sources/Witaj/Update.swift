import Foundation
import WitajICU
import WitajCore
import WitajGettext
import WitajSources
import WitajSite

/// `witaj update`: extracts every document's segments into its template (POT) and brings each language's catalogs
/// in step with it, as msgmerge would.
package enum Update {
    package struct Result: Sendable {
        package let diagnostics: Diagnostics
        /// Catalogs whose bytes changed, relative to the site's root.
        package let written: [String]
        /// Templates (POT) whose bytes changed.
        package var templates: [String] = []
        /// Documents renamed by hand that update recognised, old source to new: their catalogs were carried over.
        package var renamed: [String: String] = [:]
    }

    /// `now` dates a template whose entries changed (its POT-Creation-Date, and a new catalog's PO-Revision-Date);
    /// a template that stays the same keeps its date, so that a second run changes nothing.
    package static func run(root: URL, language only: String? = nil, now: Date = Date()) -> Result {
        var diagnostics = Diagnostics()
        let (loaded, loadDiagnostics) = SiteLoader.load(root: root)
        diagnostics.append(contentsOf: loadDiagnostics)
        guard let site = loaded, !diagnostics.hasErrors else { return Result(diagnostics: diagnostics, written: []) }
        let languages = site.config.languages.filter { $0.code != site.config.sourceLanguage }
            .compactMap { try? LanguageProfile.shared(code: $0.code, fallbacks: $0.fallbacks, digits: $0.digits) }
        let targets = languages.filter { only == nil || $0.code == only }
        if let only, targets.isEmpty {
            diagnostics.error(SourceLocation("site.yml"), "'\(only)' is not a target language of the site")
        }
        let created = POHeader.date(now)
        var store = Store(root: root)

        // Every language's glossary terms are told in the templates, and so in every catalog (see `glossaryComments`).
        let matchers = languages.compactMap { language in
            GlossaryReader.read(root: root, language: language.code, sourceLanguage: site.config.sourceLanguage, into: &diagnostics)
                .map { TermMatcher($0, sourceLanguage: site.config.sourceLanguage) }
        }

        // A document renamed by hand (git mv) keeps its translations: its catalogs move with it.
        let renamed = Renames.recognise(site, languages: languages, root: root)
        for (old, new) in renamed.sorted(by: { $0.key < $1.key }) {
            store.carryOver(from: old, to: new, languages: languages, into: &diagnostics)
        }
        let moves = DocumentMoves(moves: renamed, existing: Set(site.documents.map(\.source)))

        // Templates first: each catalog takes its template's entries and POT-Creation-Date.
        var templates: [String: POCatalog] = [:]
        for document in site.documents {
            let entries = glossaryComments(CatalogUpdater.entries(for: document.segments), segments: document.segments, matchers: matchers)
            templates[document.source] = store.template(entries, source: document.source,
                                                        path: CatalogStore.templatePath(of: document.source), created: created,
                                                        into: &diagnostics)
        }
        let interface = store.template(CatalogStore.interfaceEntries(languages: languages), source: CatalogStore.interfaceSource,
                                       path: CatalogStore.uiTemplatePath, created: created, into: &diagnostics)
        // witaj owns the templates: one whose document is gone goes.
        // (A draft's stays: it comes back when the draft is published.)
        let expected = Set((site.documents.map(\.source) + site.drafts).map { CatalogStore.templatePath(of: $0) } + [CatalogStore.uiTemplatePath])
        for (relative, url) in FileTree.files(under: root.appendingPathComponent(CatalogStore.templatesFolder))
        where relative.hasSuffix(".pot") && !expected.contains("\(CatalogStore.templatesFolder)/\(relative)") {
            if (try? FileManager.default.removeItem(at: url)) != nil { store.templates.append("\(CatalogStore.templatesFolder)/\(relative)") }
        }

        for language in targets {
            for document in site.documents {
                guard let template = templates[document.source] else { continue }
                store.catalog(CatalogStore.path(of: document.source, language: language.code), template: template,
                              language: language, source: document.source, into: &diagnostics) {
                    moves.relinked(old: $0, new: $1, folder: document.sourceFolder)
                }
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
            // The coverage report's language gets its strings too.
            var strings = interface
            if language.code == (site.config.coverage.language ?? site.config.sourceLanguage) { strings.entries += CatalogStore.reportEntries() }
            store.catalog(CatalogStore.uiPath(language: language.code), template: strings, language: language,
                          source: CatalogStore.interfaceSource, into: &diagnostics)
        }
        return Result(diagnostics: diagnostics, written: store.written, templates: store.templates, renamed: renamed)
    }

    /// The entries with a `#.` line for each glossary term their source has, after what the segment is. The same
    /// lines in every language's catalog: a template is one for all, and msgmerge takes `#.` lines from it.
    static func glossaryComments(_ entries: [POEntry], segments: [Segment], matchers: [TermMatcher]) -> [POEntry] {
        guard !matchers.isEmpty else { return entries }
        var plain: [TextKey: String] = [:]
        for segment in segments where plain[TextKey(segment.text)] == nil {
            plain[TextKey(segment.text)] = segment.parsed.plainText(of: segment.text)
        }
        return entries.map { entry in
            var entry = entry
            entry.extracted += TerminologyChecker.comments(source: plain[TextKey(entry.msgid)] ?? entry.msgid, matchers: matchers)
            return entry
        }
    }

    /// Reads and writes the site's catalogs and templates, remembering which it changed.
    struct Store {
        let root: URL
        var written: [String] = []
        var templates: [String] = []

        init(root: URL) { self.root = root }

        /// The template of a document (or of the interface strings), written when it changed: its entries, and the
        /// POT-Creation-Date it had while they stay the same, else `created`.
        mutating func template(_ entries: [POEntry], source: String, path: String, created: String,
                               into diagnostics: inout Diagnostics) -> POCatalog {
            let old = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
            if let old, let text = String(data: old, encoding: .utf8) {
                var ignored = Diagnostics()
                if let date = POReader.read(text, path: path, comments: false, into: &ignored)?.header
                    .flatMap({ POHeader(parsing: $0.translation)["POT-Creation-Date"] }) {
                    let same = POCatalog(header: CatalogStore.templateHeader(source: source, created: date), entries: entries)
                    if Data(POWriter.write(same).utf8) == old { return same }
                }
            }
            let template = POCatalog(header: CatalogStore.templateHeader(source: source, created: created), entries: entries)
            if write(POWriter.write(template), to: path, into: &diagnostics) { templates.append(path) }
            return template
        }

        /// Merges a template into a language's catalog and writes it when its bytes changed; a catalog that does not
        /// parse is reported and left alone.
        mutating func catalog(_ path: String, template: POCatalog, language: LanguageProfile, source: String,
                              into diagnostics: inout Diagnostics, relink: ((String, String) -> [String: String]?)? = nil) {
            let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
            let before = diagnostics.errors.count
            let existing = CatalogStore.read(path, root: root, into: &diagnostics)
            if exists && (existing == nil || diagnostics.errors.count > before) { return }
            guard let templateHeader = template.header else { return }
            let header = CatalogStore.header(existing?.header, language: language, source: source, template: templateHeader)
            let merged = CatalogUpdater.merge(template.entries, into: existing, header: header, relink: relink)
            if write(POWriter.write(merged), to: path, into: &diagnostics) { written.append(path) }
        }

        /// Moves a renamed document's catalog in every language to its new path (unless one is there already).
        mutating func carryOver(from old: String, to new: String, languages: [LanguageProfile], into diagnostics: inout Diagnostics) {
            for language in languages {
                let from = CatalogStore.path(of: old, language: language.code), to = CatalogStore.path(of: new, language: language.code)
                let source = root.appendingPathComponent(from), target = root.appendingPathComponent(to)
                guard FileManager.default.fileExists(atPath: source.path), !FileManager.default.fileExists(atPath: target.path) else { continue }
                do {
                    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try FileManager.default.moveItem(at: source, to: target)
                    diagnostics.warning(SourceLocation(to), "carried over from \(from): \(old) was renamed to \(new), it seems (most of their segments are the same); check it, and use `witaj mv` to rename a document next time")
                } catch {
                    diagnostics.error(SourceLocation(from), "cannot move the catalog to \(to): \(error.localizedDescription)")
                }
            }
        }

        /// Writes a file when its bytes change; true when it did.
        func write(_ text: String, to path: String, into diagnostics: inout Diagnostics) -> Bool {
            let url = root.appendingPathComponent(path)
            let bytes = Data(text.utf8)
            if FileManager.default.contents(atPath: url.path) == bytes { return false }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: url, options: .atomic)
                return true
            } catch {
                diagnostics.error(SourceLocation(path), "cannot write the file: \(error.localizedDescription)")
                return false
            }
        }
    }
}
