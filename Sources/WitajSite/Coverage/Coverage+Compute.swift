import WitajICU
import WitajCore
import WitajGettext

extension Coverage {
    /// What gettext's `msgfmt --statistics` counts for a catalog: entries (not the header, not obsolete) that are
    /// translated, fuzzy with a translation, or without a translation.
    package static func statistics(of catalog: POCatalog) -> Counts {
        var counts = Counts()
        for entry in catalog.entries where !entry.obsolete {
            if !entry.hasTranslation { counts.untranslated += 1 } else if entry.isFuzzy { counts.fuzzy += 1 } else { counts.translated += 1 }
        }
        return counts
    }

    /// The catalog's current entries when they are `fresh`'s, in order: `witaj update` would leave them as they are.
    package static func inStep(_ catalog: POCatalog, with fresh: [POEntry]) -> [POEntry]? {
        var current: [POEntry] = []
        current.reserveCapacity(fresh.count)
        for entry in catalog.entries where !entry.obsolete {
            guard entry.context == nil, current.count < fresh.count,
                  TextKey(entry.msgid) == TextKey(fresh[current.count].msgid) else { return nil }
            current.append(entry)
        }
        return current.count == fresh.count ? current : nil
    }

    /// One document's row: its catalog in each of the `targets` languages (`catalogs[lang][path]`, those that exist)
    /// counted as `witaj update` would leave it.
    package static func row(of document: Document, catalogs: [String: [String: POCatalog]], targets: [LanguageProfile],
                            sourceLanguage source: String) -> DocumentRow {
        let fresh = CatalogUpdater.entries(for: document.segments)
        // The catalog's msgids are the segments' texts: their words, and whether they have anything to translate.
        var segmentsOf: [TextKey: (words: Int, nothingToTranslate: Bool)] = [:]
        let words = WordCounter(locale: source)
        for segment in document.segments where segmentsOf[TextKey(segment.text)] == nil {
            segmentsOf[TextKey(segment.text)] = (words.count(segment.parsed.plainText(of: segment.text)), segment.nothingToTranslate)
        }
        var entries: [String: Entry] = [:]
        for language in targets {
            let path = CatalogStore.path(of: document.source, language: language.code)
            let existing = catalogs[language.code]?[path]
            // A catalog in step with its source (the usual case) counts as it is.
            let current = existing.flatMap { inStep($0, with: fresh) }
                ?? CatalogUpdater.merge(fresh, into: existing, header: POEntry(msgid: "")).entries.filter { !$0.obsolete }
            var segments = Counts(), wordCounts = Counts()
            var changes: [Change] = []
            for entry in current {
                let (n, nothing) = segmentsOf[TextKey(entry.msgid)] ?? (0, false)
                let state: WritableKeyPath<Counts, Int>
                if entry.hasTranslation && !entry.isFuzzy {
                    state = \.translated
                } else if nothing {
                    // Shown as it is, in every language: nothing is missing, nothing outdated.
                    state = \.nothingToTranslate
                } else if entry.hasTranslation {
                    state = \.fuzzy
                    changes.append(Change(previous: entry.previous ?? "", current: entry.msgid, translation: entry.translation))
                } else {
                    state = \.untranslated
                }
                segments[keyPath: state] += 1
                wordCounts[keyPath: state] += n
            }
            entries[language.code] = Entry(status: status(segments, exists: existing != nil), catalog: path,
                                           exists: existing != nil, segments: segments, words: wordCounts, changes: changes)
        }
        let title = document.title.parsed.plainText(of: document.title.text)
        return DocumentRow(id: document.id, kind: coverageKind(document), title: title, source: document.source,
                           segments: fresh.count, words: fresh.reduce(0) { $0 + (segmentsOf[TextKey($1.msgid)]?.words ?? 0) },
                           languages: entries)
    }

    package static func status(_ counts: Counts, exists: Bool) -> Status {
        guard exists else { return .missing }
        if counts.fuzzy > 0 { return .outdated }
        if counts.untranslated == 0 { return .complete }
        return counts.translated == 0 ? .missing : .partial
    }

    /// Coverage of every document in every target language. `catalogs[lang][path]` are the catalogs that exist,
    /// as read; each is seen as `witaj update` would leave it, so a source edited since is counted as it stands.
    /// `kept`: the rows of documents not read again (`Scope`), as the last build counted them.
    package static func compute(site: Site, catalogs: [String: [String: POCatalog]], interface: [String: POCatalog],
                                languages: [LanguageProfile], kept: [String: DocumentRow] = [:], revision: Revision? = nil) -> Coverage {
        let source = site.config.sourceLanguage
        let targets = languages.filter { $0.code != source }
        let reportLanguage = site.config.coverage.language ?? source
        // Documents are independent: one per core.
        let rows = parallelMap(site.documents) { document -> DocumentRow in
            kept[document.source] ?? row(of: document, catalogs: catalogs, targets: targets, sourceLanguage: source)
        }

        // Each kind's rows, once for every language; each sum made in a local, put in its dictionary once.
        let kindsOf = Dictionary(grouping: rows.indices, by: { rows[$0].kind })
        let summaries = targets.map { language -> LanguageSummary in
            var byStatus = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, 0) })
            var segments = Counts(), wordCounts = Counts()
            var kinds: [String: KindSummary] = [:]
            for (kind, indices) in kindsOf {
                var documents: [Status: Int] = [:]
                var kindSegments = Counts(), kindWords = Counts()
                for i in indices {
                    guard let entry = rows[i].languages[language.code] else { continue }
                    documents[entry.status, default: 0] += 1
                    kindSegments += entry.segments
                    kindWords += entry.words
                }
                guard !documents.isEmpty else { continue }
                for (status, n) in documents { byStatus[status.rawValue, default: 0] += n }
                segments += kindSegments
                wordCounts += kindWords
                kinds[kind] = KindSummary(documents: Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, documents[$0] ?? 0) }),
                                          segments: kindSegments, words: kindWords)
            }
            let report = language.code == reportLanguage
            let ui = interface[language.code].map { catalog in
                statistics(of: CatalogUpdater.merge(CatalogStore.interfaceEntries(languages: [language]) + (report ? CatalogStore.reportEntries() : []),
                                                    into: catalog, header: POEntry(msgid: "")))
            } ?? Counts(untranslated: UIStrings.english.count + (report ? UIStrings.report.count : 0))
            return LanguageSummary(code: language.code, name: language.autonym, documents: byStatus, segments: segments,
                                   words: wordCounts, kinds: kinds, interface: ui)
        }

        let indicator = Self.indicator(rows, languages: targets.map(\.code), countNewsAndEvents: site.config.coverage.countNewsAndEvents)
        let goals = site.config.coverage.targets.map { target in
            let group = indicator[keyPath: Indicator.group(target.group)]
            return Target(by: target.by.description, group: target.group.rawValue, share: target.share, languages: target.languages.map {
                Target.Progress(code: $0, complete: group.languages[$0]?.complete ?? 0, documents: group.documents, share: target.share)
            })
        }
        return Coverage(sourceLanguage: source, languages: summaries, documents: translatorsOrder(rows), indicator: indicator, targets: goals,
                        revision: revision, definition: UIStrings.definition(source: source), drafts: site.drafts.sorted())
    }

    /// The indicator of these rows: each document counted in its group (`Indicator.group(of:)`).
    package static func indicator(_ rows: [DocumentRow], languages: [String], countNewsAndEvents: Bool = false) -> Indicator {
        var indicator = Indicator()
        let groups = rows.map { Indicator.group(of: $0.kind, countNewsAndEvents: countNewsAndEvents) }
        for path in [\Indicator.procedures, \.articles, \.navigation] {
            let members = rows.indices.filter { groups[$0] == path }
            var group = Indicator.Group()
            group.documents = members.count
            group.completeInAtLeastOneLanguage = members.filter { i in languages.contains { rows[i].languages[$0]?.status == .complete } }.count
            for code in languages {
                var tally = Indicator.Tally()
                for i in members {
                    guard let entry = rows[i].languages[code] else { continue }
                    switch entry.status {
                    case .complete: tally.complete += 1
                    case .outdated: tally.outdated += 1
                    case .partial: tally.partial += 1
                    case .missing: tally.missing += 1
                    }
                    tally.words = tally.words + entry.words
                }
                group.languages[code] = tally
            }
            indicator[keyPath: path] = group
        }
        return indicator
    }
}

extension Coverage {
    /// A document's kind in the report: posts ("news") and events ("event") are kinds of their own.
    package static func coverageKind(_ document: Document) -> String {
        document.post != nil ? newsKind : document.event != nil ? eventKind : document.kind.rawValue
    }

    package static let newsKind = "news"
    package static let eventKind = "event"

    /// The rows in the order translators work in: news first (the newest is the most urgent), then events, then
    /// the rest as they were.
    package static func translatorsOrder(_ rows: [DocumentRow]) -> [DocumentRow] {
        func rank(_ row: DocumentRow) -> Int { row.kind == newsKind ? 0 : row.kind == eventKind ? 1 : 2 }
        return rows.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}
