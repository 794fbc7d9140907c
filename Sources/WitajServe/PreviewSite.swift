import Foundation
import WitajCore
import WitajGettext
import WitajSite
import WitajSources

/// The site as the preview server shows it, made in memory (every language's pages, the books, the coverage
/// report) and made again after each edit. When only documents and their catalogs changed, only those documents
/// are read, checked and localized again, in place of their last versions in the whole site held here (`Last.made`),
/// and only their pages are made, with those that show what changed of them (a title: the section's page, the
/// home page, the A-Z index). Anything else makes the whole site, as Zola's `serve` does: an error, site.yml, the
/// theme, the interface strings, a document added, removed or moved, or given another id.
///
/// A rebuild does only what the pages need before browsers are told to reload; what only the search index, the
/// coverage report and the next rebuild need (the whole site's coverage, the search entries, the records) is left
/// for `settle`, which the server calls once it has told them, on the same thread.
///
/// Not thread-safe: one thread builds (`SourceWatcher`'s); the server reads the `Snapshot`s it hands out.
package final class PreviewSite {
    /// What the server shows after a build.
    package struct Snapshot: Sendable {
        /// The files of the last build without errors, by path, but the reports; empty until there is one.
        /// A page is made when it is first asked for (`MemorySink`).
        package let files: FileTable
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
        package var allFiles: [String: [UInt8]] { files.all.mapValues(\.value).merging(reports?.value ?? [:]) { a, _ in a } }
    }

    /// What a rebuild of some documents needs of the last build without errors.
    private struct Last {
        var files: FileTable
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
        /// The whole site as it stands, every document read in full: a rebuild puts the documents it reads in place.
        var made: Pipeline.Made
        /// The parts of each page (by path) a link may name (`Anchors.of`).
        var anchors: [String: Set<String>]
        /// The marks for translators on its pages (`TranslatorMarks`).
        var marks: Later<TranslatorMarks>
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
    /// Each language's search words, which remember the stems of the words seen (`SearchWords`): the documents read
    /// again after an edit use mostly the same words.
    private var searchWords: [String: SearchWords] = [:]
    /// What the last rebuild left to do once browsers are told (`settle`): what only the search index and the next
    /// rebuild need.
    private var unsettled: (() -> Void)?
    /// The documents' catalogs read by rebuilds, by path, with what was wrong with them: read again only once edited.
    private var catalogsRead: [String: (catalog: POCatalog?, problems: Diagnostics)] = [:]

    package init(root: URL, sourceDateEpoch: Int? = nil, drafts: Bool = false) {
        self.root = root
        self.sourceDateEpoch = sourceDateEpoch
        self.drafts = drafts
    }

    /// Makes the whole site.
    package func build() -> Snapshot {
        unsettled = nil
        catalogsRead = [:]
        var diagnostics = Diagnostics()
        guard let made = make(into: &diagnostics) else { return failure(diagnostics) }
        let site = made.made.input.site
        var catalogs: [String: String] = [:]
        let targets = made.made.input.languages.map(\.code).filter { $0 != site.config.sourceLanguage }
        for document in site.documents {
            for code in targets { catalogs[CatalogStore.path(of: document.source, language: code)] = document.source }
        }
        let records = made.made.records(coverageRows: made.rows)
        last = Last(files: FileTable(made.files), reports: made.reports, records: Dictionary(records.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a }),
                    chapters: made.made.books.chapters ?? BookChapters(), diagnostics: diagnostics,
                    chapterSources: Set(site.config.pack?.chapters.map(\.source) ?? []),
                    offices: Set(site.documents.filter { $0.kind == .offices }.map(\.source)), catalogs: catalogs,
                    interfaceCatalogs: Set(targets.map(CatalogStore.uiPath)), targetLanguages: Set(targets),
                    related: Self.related(in: site), drafts: Self.drafts(in: site, of: nil), draftsLeftOut: site.drafts,
                    languages: made.made.input.languages.map(\.code), made: made.made,
                    anchors: Dictionary(records.map { ($0.path, Set($0.anchors)) }, uniquingKeysWith: { a, _ in a }), marks: made.marks)
        return success(diagnostics, remade: nil)
    }

    /// Makes again what edits of these inputs (paths relative to the root) change; `everything`: the whole site
    /// (the watcher lost track of some edits). Nil when nothing a build reads was edited.
    package func rebuild(after edited: Set<String>, everything: Bool = false) -> Snapshot? {
        settle()
        pending.formUnion(edited)
        for path in edited { catalogsRead[path] = nil }
        guard let last, !failed, !everything else { return build() }
        // Only templates of pages changed: the same pages, made again with them as they are asked for.
        if !pending.isEmpty, pending.allSatisfy(isPageTemplate) { return retemplate(last) }
        guard let changed = documents(touchedBy: pending, last) else { return build() }
        if changed.isEmpty {
            pending = []
            return nil
        }
        return remake(changed, last) ?? build()
    }

    /// Does what the last rebuild left for after browsers are told (the search entries of the documents it read
    /// again, their records); the next rebuild does it first when nothing has.
    package func settle() {
        let work = unsettled
        unsettled = nil
        work?()
    }

    /// Reads the documents `changed` (by source) and their catalogs again, checks and localizes them, and puts them
    /// in place of their last versions; makes their pages, and when what other pages show of one changed (its title,
    /// summary, order or keywords in some language), those pages (`dependents`) and the A-Z index too. An error in them
    /// is said at once (`flawed`). Nil when the whole site has to be made: a document moved or made another, a part of
    /// a page gone that another links to, news or events (the build's day decides their pages).
    private func remake(_ changed: Set<String>, _ last: Last) -> Snapshot? {
        var clock = PhaseClock()
        defer { clock.report() }
        let before = last.made
        let today = Pipeline.buildDay(sourceDateEpoch: sourceDateEpoch)
        // A post or an event: the pages that list them, the feeds and calendars are made with the whole site. The
        // home page, which shows the next events, is made again as any page: every document is here, read in full.
        guard today == before.input.today, !changed.contains(where: Dated.isDated) else { return nil }
        // The commit the content is at, which only the coverage report shows: asked of git once browsers are told, as
        // git would take a core from this rebuild.
        let revision = Later { [root] in Pipeline.revisionOfWorkTree(root) }
        var diagnostics = Diagnostics()
        guard let read = clock.time("read", readAgain(changed, of: before.input.site, into: &diagnostics)) else { return nil }
        // A document that does not read is said; the others are checked all the same, as a whole build does.
        let checked = Set(read.map(\.source))
        var input = before.input
        input.site = before.input.site.replacing(read)
        input.today = today
        input.catalogs = clock.time("catalogs", catalogs(of: changed, last))
        let site = input.site
        let others = last.records.filter { !changed.contains($0.key) }
        var anchors = last.anchors
        for document in read {
            let now = Anchors.of(document)
            // A part of its page that another document's link names went: that link is checked again.
            let gone = Anchors.gone(from: document.path, had: last.anchors[document.path, default: []], has: now)
            if !gone.isEmpty, others.values.contains(where: { !gone.isDisjoint(with: $0.linkedParts) }) { return nil }
            anchors[document.path] = now
        }
        clock.time("validate", {
            diagnostics.append(contentsOf: SiteValidator.validate(site, anchorsOfStandIns: anchors, checking: checked))
            diagnostics.append(contentsOf: DatedValidator.validate(site, today: today, languages: input.languages,
                                                                   skipping: Set(last.records.keys).subtracting(checked)))
        }())
        if diagnostics.hasErrors { return flawed(diagnostics, changed, last) }
        diagnostics.append(contentsOf: input.catalogs.diagnostics)
        var scope = Scope(remade: changed, records: others)
        // The coverage of the documents read again, which their pages' marks for translators need, and then of the
        // whole site with the others' rows kept: counted when first needed.
        let counted = input
        let rowsOfChanged = Later {
            let source = counted.site.config.sourceLanguage
            let targets = counted.languages.filter { $0.code != source }
            return read.map { Coverage.row(of: $0, catalogs: counted.catalogs.documents, targets: targets, sourceLanguage: source) }
        }
        let coverage = Later {
            var kept = others.mapValues(\.coverage)
            for row in rowsOfChanged.value { kept[row.source] = row }
            return Coverage.compute(site: counted.site, catalogs: counted.catalogs.documents, interface: counted.catalogs.interface,
                                    languages: counted.languages, kept: kept, revision: counted.revision)
        }
        let marks = Later { [previous = last.marks] in previous.value.replacing(rowsOfChanged.value) }
        // Localized in every language; what other pages show of each compared with what they showed.
        let fresh = clock.time("localize", localize(read, input, as: before.localized, into: &diagnostics))
        guard let moved = Self.facesChanged(fresh, since: before.localized) else { return nil }
        if !moved.isEmpty {
            guard let dependents = dependents(of: moved, last) else { return nil }
            scope.remade = changed.union(dependents)
            scope.index = true
            // Their pages and chapters are made again, not kept.
            scope.records = others.filter { !dependents.contains($0.key) }
        }
        // The books are made again when one of their chapters is, with the other chapters as they were.
        let booksKept = scope.remade?.isDisjoint(with: last.chapterSources) ?? false
        let chapters = last.chapters
        if !booksKept { scope.chapters = Pending { chapters } }
        let relist = !moved.isEmpty
        let localized = clock.time("lists", parallelMap(Array(zip(before.localized, fresh))) { language, documents in
            language.replacing(documents, site: site, relist: relist)
        })
        input.catalogs.documents = [:]
        guard let books = clock.time("books", Pipeline.books(input, localized, scope: scope, sourceDateEpoch: sourceDateEpoch, into: &diagnostics))
        else { return nil }
        if diagnostics.hasErrors { return flawed(diagnostics, changed, last) }
        // The pages, made as browsers ask for them.
        let sink = MemorySink()
        clock.time("render", Pipeline.renderPages(localized, templates: input.templates, scope: scope, books: books, marks: marks, to: sink))
        carry(last, besides: changed, books: !booksKept, into: &diagnostics)
        var next = last
        clock.time("merge", next.files.put(sink.artifacts))
        // What the pages do not need waits: the whole site's coverage, its report's rows, and the search entries of the
        // documents read again, which the search index and their records need.
        let made = Later { [input, scope] in
            Pipeline.Made(input: input, scope: scope, coverage: coverage.value, localized: localized, books: books)
        }
        let rows = Later { Pipeline.coverageRows(made.value) }
        let words = localized.map { self.words($0.language.code) }
        let searched = Later {
            for (documents, words) in zip(fresh, words) {
                for document in documents { document.search = SearchEntry(document, words: words) }
            }
        }
        next.reports = Later {
            _ = searched.value
            let made = made.value
            var coverage = made.coverage
            coverage.revision = revision.value
            let counted = Pipeline.Made(input: made.input, scope: made.scope, coverage: coverage, localized: made.localized, books: made.books)
            return Dictionary(Pipeline.reports(counted, rows: rows.value).map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        }
        next.diagnostics = diagnostics
        for source in changed { next.drafts[source] = nil }
        next.drafts.merge(Self.drafts(in: site, of: changed)) { _, new in new }
        if let newChapters = books.chapters { next.chapters = newChapters }
        next.anchors = anchors
        next.marks = marks
        self.last = next
        // On one core: the other serves the browsers that reload.
        unsettled = { [unowned self] in
            _ = marks.value
            _ = searched.value
            _ = revision.value
            let made = made.value
            for record in made.records(coverageRows: rows.value) where made.scope.makes(record.source) {
                self.last?.records[record.source] = record
            }
            self.last?.made = made
            self.last?.related.merge(Self.related(in: site, of: changed)) { _, new in new }
            self.last?.files.compact()
        }
        return success(diagnostics, remade: scope.remade)
    }

    /// The documents `changed` read again, in the order of their sources; nil when one is no longer what or where it
    /// was (its id, path, kind or draft), which other pages link to. One that does not read is left out, said.
    private func readAgain(_ changed: Set<String>, of site: Site, into diagnostics: inout Diagnostics) -> [Document]? {
        var read: [Document] = []
        for source in changed.sorted() {
            guard let bytes = SiteLoader.read(root.appendingPathComponent(source), path: source, into: &diagnostics),
                  let document = SiteLoader.document(bytes, source: source, into: &diagnostics) else { continue }
            guard let old = site.document(source: source), document.id == old.id, document.path == old.path,
                  document.kind == old.kind, document.draft == old.draft else { return nil }
            read.append(document)
        }
        return diagnostics.hasErrors || read.count == changed.count ? read : nil
    }

    /// The catalogs of the documents `changed` in every target language, with what was wrong with them: those not
    /// edited since a rebuild read them as they were, the others read again, one language per core. The interface
    /// strings and glossaries are the last build's (an edit of one makes everything).
    private func catalogs(of changed: Set<String>, _ last: Last) -> Catalogs {
        var catalogs = last.made.input.catalogs
        catalogs.documents = [:]
        catalogs.diagnostics = Diagnostics()
        let (targets, sources, root, known) = (last.languages.filter(last.targetLanguages.contains), changed.sorted(), root, catalogsRead)
        for (code, found) in zip(targets, parallelMap(targets) { code in
            sources.map { source in
                let path = CatalogStore.path(of: source, language: code)
                if let read = known[path] { return (path, read) }
                var problems = Diagnostics()
                return (path, (CatalogStore.read(path, root: root, comments: false, into: &problems), problems))
            }
        }) {
            for (path, read) in found {
                catalogsRead[path] = read
                if let catalog = read.catalog { catalogs.documents[code, default: [:]][path] = catalog }
                catalogs.diagnostics.append(contentsOf: read.problems)
            }
        }
        return catalogs
    }

    /// The documents read again in every language of `sites` (in their order), their translations checked.
    private func localize(_ documents: [Document], _ input: Pipeline.Input, as sites: [LocalizedSite],
                          into diagnostics: inout Diagnostics) -> [[LocalizedDocument]] {
        var catalogs = input.catalogs
        catalogs.interface = [:]
        let (site, languages) = (input.site, input.languages)
        let (translations, _) = catalogs.translations(for: site, languages: languages, only: Set(documents.map(\.source)), into: &diagnostics)
        let links = TranslationLinks(site: site)
        return parallelMap(sites) { language in
            documents.map(DocumentLocalizer(site: site, language: language.language, languages: languages, translations: translations,
                                            links: links, search: false).localized)
        }
    }

    /// A language's search words, kept from one rebuild to the next.
    private func words(_ code: String) -> SearchWords {
        if let words = searchWords[code] { return words }
        let words = SearchWords(language: code)
        searchWords[code] = words
        return words
    }

    /// The documents (by source) whose faces (`sameFace`) changed in some language; nil when one was not there.
    private static func facesChanged(_ fresh: [[LocalizedDocument]], since localized: [LocalizedSite]) -> Set<String>? {
        var moved: Set<String> = []
        for (language, documents) in zip(localized, fresh) {
            for document in documents {
                guard let old = language.document(path: document.document.path) else { return nil }
                if !sameFace(old, document) { moved.insert(document.document.source) }
            }
        }
        return moved
    }

    /// The last build's warnings about files not read again, which stand: all but those about the documents
    /// `changed` and their catalogs, and the books' when they are made again.
    private func carry(_ last: Last, besides changed: Set<String>, books: Bool, into diagnostics: inout Diagnostics) {
        for warning in last.diagnostics.items where !diagnostics.items.contains(warning) {
            let path = warning.location.path
            if let source = last.records[path] != nil ? path : last.catalogs[path] {
                if !changed.contains(source) { diagnostics.warning(warning.location, warning.message) }
            } else if !books || !path.contains(".epub/") {
                diagnostics.warning(warning.location, warning.message)
            }
        }
    }

    /// An error in the documents read again: said at once, with the warnings that stand, over the last good pages.
    /// Those documents are read again with the next edit (they stay `pending`), as the whole site is not made.
    private func flawed(_ diagnostics: Diagnostics, _ changed: Set<String>, _ last: Last) -> Snapshot {
        var diagnostics = diagnostics
        carry(last, besides: changed, books: false, into: &diagnostics)
        generation += 1
        return snapshot(diagnostics, remade: nil)
    }

    /// Whether other pages show the same of a document in one language: title and summary (their text, language
    /// and state), order and keywords (`DocumentRecord.Face`).
    private static func sameFace(_ a: LocalizedDocument, _ b: LocalizedDocument) -> Bool {
        func same(_ x: ResolvedText?, _ y: ResolvedText?) -> Bool {
            x?.text == y?.text && x?.language.code == y?.language.code && x?.state == y?.state
        }
        return same(a.title, b.title) && same(a.summary, b.summary) && a.document.order == b.document.order
            && a.document.keywords == b.document.keywords
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
        next.files = FileTable(last.files.all.mapValues { $0.renewed() })
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
                } else if last.interfaceCatalogs.contains(path) || parts.count < 3
                            || last.targetLanguages.contains(where: { GlossaryReader.path(language: $0) == path }) {
                    // The interface strings, a glossary, or a whole language's folder.
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

    /// The phases of `Build.run` over the whole site, into memory; nil after an error.
    private func make(into diagnostics: inout Diagnostics)
        -> (made: Pipeline.Made, files: [String: Later<[UInt8]>], rows: [String: String], reports: Later<[String: [UInt8]]>,
            marks: Later<TranslatorMarks>)? {
        var clock = PhaseClock()
        defer { clock.report() }
        guard var input = clock.time("load", Pipeline.load(root, drafts: drafts, sourceDateEpoch: sourceDateEpoch, into: &diagnostics)) else { return nil }
        // Validation and coverage read the same input and write nothing it holds: one on each core.
        let counted = input
        let coverage = Later { Pipeline.coverage(counted) }
        DispatchQueue.global().async { _ = coverage.value }
        clock.time("validate", Pipeline.validate(input, into: &diagnostics))
        guard !diagnostics.hasErrors else { return nil }
        diagnostics.append(contentsOf: input.catalogs.diagnostics)
        clock.time("coverage", _ = coverage.value)
        let localized = clock.time("localize", Pipeline.localize(input, into: &diagnostics))
        input.catalogs.documents = [:]
        guard let books = clock.time("books", Pipeline.books(input, localized, sourceDateEpoch: sourceDateEpoch, into: &diagnostics)),
              !diagnostics.hasErrors else { return nil }
        // Pages made later render with the templates as the latest build has them, whichever build made them.
        if let templates {
            templates.adopt(input.templates)
            input.templates = templates
        } else {
            templates = input.templates
        }
        let made = Pipeline.Made(input: input, scope: .everything, coverage: coverage.value, localized: localized, books: books)
        let sink = MemorySink()
        let marks = Later { TranslatorMarks(coverage: made.coverage, sourceLanguage: made.input.site.config.sourceLanguage) }
        clock.time("render", Pipeline.renderPages(localized, templates: input.templates, scope: .everything, books: books, marks: marks, to: sink))
        let rows = Pipeline.coverageRows(made)
        // The reports over the whole site, like the pages, are made when they are asked for.
        let reports = Later { Dictionary(Pipeline.reports(made, rows: rows).map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a }) }
        return (made, sink.artifacts, rows, reports, marks)
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
        return Snapshot(files: last?.files ?? FileTable(), reports: last?.reports, diagnostics: diagnostics, generation: generation, remade: remade,
                        draftPages: pages, draftsLeftOut: last?.draftsLeftOut ?? [])
    }

    /// The last good files stay; the next build makes the whole site.
    private func failure(_ diagnostics: Diagnostics) -> Snapshot {
        failed = true
        generation += 1
        return snapshot(diagnostics, remade: nil)
    }
}
