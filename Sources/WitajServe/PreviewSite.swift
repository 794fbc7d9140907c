import Foundation
import WitajCore
import WitajSite

/// The site as the preview server shows it, made in memory (every language's pages, the books, the coverage
/// report) and made again after each edit. When only documents and their catalogs changed, only their pages are
/// made, the other documents stood in for by their records from the last build held here (as `witaj build` does
/// over an output folder). Anything else makes the whole site, as Zola's `serve` does: another face (a title
/// other pages show), an error, site.yml, the theme, the interface strings, a document added or removed.
///
/// Not thread-safe: one thread builds (`SourceWatcher`'s); the server reads the `Snapshot`s it hands out.
package final class PreviewSite {
    /// What the server shows after a build.
    package struct Snapshot: Sendable {
        /// The files of the last build without errors, by path, but the reports; empty until there is one.
        /// A page is made when it is first asked for (`MemorySink`).
        package let files: [String: Later<[UInt8]>]
        /// Its reports over the whole site (the coverage report, the sitemap), by path: made when one of them is
        /// asked for (`Pipeline.reports`).
        package let reports: Later<[String: [UInt8]]>?
        /// The latest build's diagnostics: while they hold an error, `files` are an earlier build's.
        package let diagnostics: Diagnostics
        /// Counts the builds: a page a browser holds is stale when the generation it was served in is not this one.
        package let generation: Int
        /// The documents (by source) the latest build made again; nil: it made the whole site.
        package let remade: Set<String>?
        /// The pages of draft documents (`draft: true`), by file ("en/guide/new/index.html"), when drafts are shown.
        package let draftPages: Set<String>
        /// The drafts left out (sources), when they are not shown.
        package let draftsLeftOut: [String]

        package var hasErrors: Bool { diagnostics.hasErrors }

        /// Every file, the reports too, all made.
        package var allFiles: [String: [UInt8]] { files.mapValues(\.value).merging(reports?.value ?? [:]) { a, _ in a } }
    }

    /// What a rebuild of some documents needs of the last build without errors.
    private struct Last {
        var files: [String: Later<[UInt8]>]
        var reports: Later<[String: [UInt8]]>
        var records: [String: DocumentRecord]
        var chapters: BookChapters
        /// All its diagnostics (warnings only): those about files a rebuild does not read again still stand.
        var diagnostics: Diagnostics
        var chapterSources: Set<String>
        var offices: Set<String>
        /// "locales/uk/guide/apteki.po" -> "content/guide/apteki.md", for every target language.
        var catalogs: [String: String]
        var interfaceCatalogs: Set<String>
        var targetLanguages: Set<String>
        /// The documents each procedure names as related, by source: their pages show those documents' titles.
        var related: [String: Set<String>]
        /// Draft documents shown (`drafts`), by source and path; and those left out.
        var drafts: [String: String]
        var draftsLeftOut: [String]
        var languages: [String]
    }

    package let root: URL
    package let sourceDateEpoch: Int?
    /// Draft documents are shown (with a banner), not left out.
    package let drafts: Bool
    private var last: Last?
    /// The templates every page made so far renders with, whichever build made it (`Templates.adopt`).
    private var templates: Templates?
    /// The latest build had an error: the next one makes the whole site.
    private var failed = false
    /// Inputs edited since `last` was made.
    private var pending: Set<String> = []
    private var generation = 0

    package init(root: URL, sourceDateEpoch: Int? = nil, drafts: Bool = false) {
        self.root = root
        self.sourceDateEpoch = sourceDateEpoch
        self.drafts = drafts
    }

    /// Makes the whole site.
    package func build() -> Snapshot {
        var diagnostics = Diagnostics()
        guard let made = make(.everything, into: &diagnostics) else { return failure(diagnostics) }
        let site = made.made.input.site
        var catalogs: [String: String] = [:]
        let targets = made.made.input.languages.map(\.code).filter { $0 != site.config.sourceLanguage }
        for document in site.documents {
            for code in targets { catalogs[CatalogStore.path(of: document.source, language: code)] = document.source }
        }
        let records = made.made.records(coverageRows: made.rows)
        last = Last(files: made.files, reports: made.reports, records: Dictionary(records.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a }),
                    chapters: made.made.books.chapters ?? BookChapters(), diagnostics: diagnostics,
                    chapterSources: Set(site.config.pack?.chapters.map(\.source) ?? []),
                    offices: Set(site.documents.filter { $0.kind == .offices }.map(\.source)), catalogs: catalogs,
                    interfaceCatalogs: Set(targets.map(CatalogStore.uiPath)), targetLanguages: Set(targets),
                    related: Self.related(in: site), drafts: Self.drafts(in: site, of: nil), draftsLeftOut: site.drafts,
                    languages: made.made.input.languages.map(\.code))
        return success(diagnostics, remade: nil)
    }

    /// Makes again what edits of these inputs (paths relative to the root) change; `everything`: the whole site
    /// (the watcher lost track of some edits). Nil when nothing a build reads was edited.
    package func rebuild(after edited: Set<String>, everything: Bool = false) -> Snapshot? {
        pending.formUnion(edited)
        guard let last, !failed, !everything else { return build() }
        // Only templates of pages changed: the same pages, made again with them as they are asked for.
        if !pending.isEmpty, pending.allSatisfy(isPageTemplate) { return retemplate(last) }
        guard let changed = documents(touchedBy: pending, last) else { return build() }
        if changed.isEmpty {
            pending = []
            return nil
        }
        // The pages of the documents that changed; when what other pages show of one (its title, summary or order)
        // changed too, then also the pages that show it (`dependents`) and the A-Z index, in a second try.
        var remade = changed, index = false
        for _ in 0..<2 {
            switch remake(remade, index: index, last) {
            case .made(let snapshot): return snapshot
            case .faces(let sources):
                guard let dependents = dependents(of: sources, last) else { return build() }
                remade.formUnion(dependents)
                index = true
            case .everything: return build()
            }
        }
        return build()
    }

    private enum Attempt {
        case made(Snapshot)
        /// These documents show other pages something new: make them and the pages that show them.
        case faces(Set<String>)
        case everything
    }

    /// Makes the pages of the documents `remade` (and the A-Z index when `index`), the others stood in for by
    /// their records.
    private func remake(_ remade: Set<String>, index: Bool, _ last: Last) -> Attempt {
        // The offices register is always read: procedure pages show its offices.
        let read = remade.union(last.offices)
        // News and events are on the home page and their sections' pages, which depend on the build's day too.
        if Dated.remakesEverything(remade, sources: last.records.keys) { return .everything }
        let booksKept = remade.isDisjoint(with: last.chapterSources)
        let chapters = last.chapters
        let scope = Scope(remade: remade, records: last.records.filter { !read.contains($0.key) },
                          chapters: booksKept ? nil : Pending { chapters }, index: index)
        var diagnostics = Diagnostics()
        // A title, summary, order or keywords edited in a source: what other pages show of it changed, known once it
        // is read, so the rest of this try is not made.
        var moved: Set<String> = []
        let facesMoved: ((Site) -> Set<String>)? = index ? nil : { site in
            Set(remade.filter { source in
                guard let record = last.records[source], let document = site.document(source: source) else { return false }
                return record.title != document.title.text || record.summary != document.summary?.text
                    || record.order != document.order || record.keywords != document.keywords
            })
        }
        let made = make(scope, into: &diagnostics, faces: facesMoved, moved: &moved)
        if !moved.isEmpty { return .faces(moved) }
        guard let made, remade.isSubset(of: made.made.input.site.documents.map(\.source)) else { return .everything }
        var clock = PhaseClock()
        defer { clock.report() }
        var records = last.records
        var faces: Set<String> = []
        for record in clock.time("records", made.made.records(coverageRows: made.rows)) where remade.contains(record.source) {
            guard let before = last.records[record.source] else { return .everything }
            // A part of its page that another document's link names went: that link is checked again.
            let gone = before.partsGone(in: record)
            if !gone.isEmpty, scope.records.values.contains(where: { !gone.isDisjoint(with: $0.linkedParts) }) { return .everything }
            if before.face != record.face {
                // Which document it is, and where, stays: other pages link to it and its section by those.
                guard before.id == record.id, before.path == record.path, before.kind == record.kind else { return .everything }
                if !index || !(dependents(of: [record.source], last)?.isSubset(of: remade) ?? false) { faces.insert(record.source) }
            }
            records[record.source] = record
        }
        if !faces.isEmpty { return .faces(faces) }
        // The last build's warnings about files not read again stand.
        for warning in last.diagnostics.items where !diagnostics.items.contains(warning) {
            let path = warning.location.path
            let source = last.records[path] != nil ? path : last.catalogs[path]
            if let source, !read.contains(source) {
                diagnostics.warning(warning.location, warning.message)
            } else if source == nil, booksKept, path.contains(".epub/") {
                diagnostics.warning(warning.location, warning.message)
            }
        }
        var next = last
        clock.time("merge", { for (path, bytes) in made.files { next.files[path] = bytes } }())
        next.reports = made.reports
        next.records = records
        next.diagnostics = diagnostics
        next.related.merge(Self.related(in: made.made.input.site, of: read)) { _, new in new }
        for source in read { next.drafts[source] = nil }
        next.drafts.merge(Self.drafts(in: made.made.input.site, of: read)) { _, new in new }
        next.draftsLeftOut = made.made.input.site.drafts
        if let newChapters = made.made.books.chapters { next.chapters = newChapters }
        self.last = next
        return .made(success(diagnostics, remade: remade))
    }

    /// The templates of pages only (not of the books, nor of the coverage matrix's rows, which records keep).
    static let pageTemplates: Set<String> = ["layout", "document", "procedure", "offices", "a-z", "search", "languages", "not-found", "coverage"]

    /// Whether an edited path is a template of pages only, and a file.
    private func isPageTemplate(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == "theme", parts[1] == "templates", parts[2].hasSuffix(".mustache"),
              Self.pageTemplates.contains(String(parts[2].dropLast(".mustache".count))) else { return false }
        var info = stat()
        return lstat(root.appendingPathComponent(path).path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Every page and report made again, when asked for, with the theme's templates as they are now.
    private func retemplate(_ last: Last) -> Snapshot {
        var diagnostics = Diagnostics()
        let fresh = Templates.compile(Theme.load(siteTheme: root.appendingPathComponent("theme"), into: &diagnostics), into: &diagnostics)
        guard !diagnostics.hasErrors, let templates else { return failure(diagnostics) }
        templates.adopt(fresh)
        var next = last
        next.files = last.files.mapValues { $0.renewed() }
        next.reports = last.reports.renewed()
        self.last = next
        return success(last.diagnostics, remade: [])
    }

    /// The documents whose pages show what these documents show other pages: the section page that lists each,
    /// the home page (which lists every section's documents), and the procedures that name each as related; nil
    /// when every page shows it (a section's title is in every page's navigation, the home page's in its header).
    private func dependents(of sources: Set<String>, _ last: Last) -> Set<String>? {
        var dependents: Set<String> = []
        for source in sources {
            guard let record = last.records[source], record.kind == Document.Kind.article.rawValue || record.kind == Document.Kind.procedure.rawValue
            else { return nil }
            let section = String(record.path.split(separator: "/").first ?? "")
            for other in last.records.values where other.kind == Document.Kind.home.rawValue
                || (other.kind == Document.Kind.section.rawValue && other.path == section) {
                dependents.insert(other.source)
            }
            for (procedure, targets) in last.related where targets.contains(source) { dependents.insert(procedure) }
        }
        return dependents
    }

    /// The draft documents among `sources` (all when nil), by source, with their paths.
    private static func drafts(in site: Site, of sources: Set<String>?) -> [String: String] {
        Dictionary(site.documents.filter { $0.draft && (sources?.contains($0.source) ?? true) }.map { ($0.source, $0.path) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// The documents each procedure of `sources` names as related (a site's documents read in full), by source.
    private static func related(in site: Site, of sources: Set<String>? = nil) -> [String: Set<String>] {
        let resolver = LinkResolver(documents: site.documents)
        let byPath = Dictionary(site.documents.map { ($0.path, $0.source) }, uniquingKeysWith: { a, _ in a })
        var related: [String: Set<String>] = [:]
        for document in site.documents where sources?.contains(document.source) ?? true {
            guard case .procedure(let procedure) = document.body else { continue }
            related[document.source] = Set(procedure.related.compactMap { reference in
                guard case .document(let path, _) = resolver.resolve(reference.target, from: document) else { return nil }
                return byPath[path]
            })
        }
        return related
    }

    /// The documents (by source) whose pages edits of these inputs change; nil when the whole site has to be made.
    private func documents(touchedBy edited: Set<String>, _ last: Last) -> Set<String>? {
        var changed: Set<String> = []
        for path in edited {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            // No build reads a hidden file (an editor's swap file, say).
            if parts.contains(where: { $0.hasPrefix(".") }) { continue }
            switch parts[0] {
            case "content":
                var info = stat()
                let exists = lstat(root.appendingPathComponent(path).path, &info) == 0
                if path.hasSuffix(".md") || path.hasSuffix(".xml") {
                    // Changed, not added or removed (nor made a link, which the build does not follow).
                    guard last.records[path] != nil, exists, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
                    changed.insert(path)
                } else if exists || last.diagnostics.items.contains(where: { $0.location.path == path }) {
                    // A file the build warns about: the warning comes or goes.
                    return nil
                }
            case "locales":
                if let source = last.catalogs[path] {
                    changed.insert(source)
                } else if last.interfaceCatalogs.contains(path) || parts.count < 3 {
                    // The interface strings, or a whole language's folder.
                    return nil
                }
                // Any other file there is no catalog a build reads.
            case "site.yml", "theme", "static":
                return nil
            default:
                continue
            }
        }
        return changed.isDisjoint(with: last.offices) ? changed : nil
    }

    /// The phases of `Build.run`, into memory; nil after an error, or when `faces` finds documents (`moved`) whose
    /// faces changed in the site as read.
    private func make(_ scope: Scope, into diagnostics: inout Diagnostics, faces: ((Site) -> Set<String>)? = nil)
        -> (made: Pipeline.Made, files: [String: Later<[UInt8]>], rows: [String: String], reports: Later<[String: [UInt8]]>)? {
        var moved: Set<String> = []
        return make(scope, into: &diagnostics, faces: faces, moved: &moved)
    }

    private func make(_ scope: Scope, into diagnostics: inout Diagnostics, faces: ((Site) -> Set<String>)?, moved: inout Set<String>)
        -> (made: Pipeline.Made, files: [String: Later<[UInt8]>], rows: [String: String], reports: Later<[String: [UInt8]]>)? {
        var clock = PhaseClock()
        defer { clock.report() }
        guard var input = clock.time("load", Pipeline.load(root, scope: scope, drafts: drafts, sourceDateEpoch: sourceDateEpoch, into: &diagnostics)) else { return nil }
        if let faces {
            moved = faces(input.site)
            if !moved.isEmpty { return nil }
        }
        // Validation and coverage read the same input and write nothing it holds: one on each core.
        let counted = input
        let coverage = Later { Pipeline.coverage(counted, scope: scope) }
        DispatchQueue.global().async { _ = coverage.value }
        clock.time("validate", Pipeline.validate(input, scope: scope, into: &diagnostics))
        guard !diagnostics.hasErrors else { return nil }
        diagnostics.append(contentsOf: input.catalogs.diagnostics)
        clock.time("coverage", _ = coverage.value)
        let localized = clock.time("localize", Pipeline.localize(input, scope: scope, into: &diagnostics))
        input.catalogs.documents = [:]
        guard let books = clock.time("books", Pipeline.books(input, localized, scope: scope, sourceDateEpoch: sourceDateEpoch,
                                                             into: &diagnostics)),
              !diagnostics.hasErrors else { return nil }
        // Pages made later render with the templates as the latest build has them, whichever build made them.
        if let templates {
            templates.adopt(input.templates)
            input.templates = templates
        } else {
            templates = input.templates
        }
        let made = Pipeline.Made(input: input, scope: scope, coverage: coverage.value, localized: localized, books: books)
        let sink = MemorySink()
        let rows = clock.time("render", Pipeline.renderPages(made, to: sink, preview: true))
        // The reports over the whole site, like the pages, are made when they are asked for.
        let reports = Later { Dictionary(Pipeline.reports(made, rows: rows).map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a }) }
        return (made, sink.artifacts, rows, reports)
    }

    private func success(_ diagnostics: Diagnostics, remade: Set<String>?) -> Snapshot {
        failed = false
        pending = []
        generation += 1
        return snapshot(diagnostics, remade: remade)
    }

    private func snapshot(_ diagnostics: Diagnostics, remade: Set<String>?) -> Snapshot {
        var pages: Set<String> = []
        for path in (last?.drafts ?? [:]).values {
            for code in last?.languages ?? [] { pages.insert(code + "/" + (path.isEmpty ? "" : path + "/") + "index.html") }
        }
        return Snapshot(files: last?.files ?? [:], reports: last?.reports, diagnostics: diagnostics, generation: generation, remade: remade,
                        draftPages: pages, draftsLeftOut: last?.draftsLeftOut ?? [])
    }

    /// The last good files stay; the next build makes the whole site.
    private func failure(_ diagnostics: Diagnostics) -> Snapshot {
        failed = true
        generation += 1
        return snapshot(diagnostics, remade: nil)
    }
}
