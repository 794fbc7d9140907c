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

    package static func status(_ counts: Counts, exists: Bool) -> Status {
        if !exists || (counts.translated == 0 && counts.fuzzy == 0) { return counts.total == 0 && exists ? .complete : .missing }
        if counts.fuzzy > 0 { return .outdated }
        return counts.untranslated > 0 ? .partial : .complete
    }

    /// Coverage of every document in every target language. `catalogs[lang][path]` are the catalogs that exist,
    /// as read; each is seen as `witaj update` would leave it, so a source edited since is counted as it stands.
    /// `kept`: the rows of documents not read again (`Scope`), as the last build counted them.
    package static func compute(site: Site, catalogs: [String: [String: POCatalog]], interface: [String: POCatalog],
                                languages: [LanguageProfile], kept: [String: DocumentRow] = [:]) -> Coverage {
        let source = site.config.sourceLanguage
        let targets = languages.filter { $0.code != source }
        // Documents are independent: one per core.
        let rows = parallelMap(site.documents) { document -> DocumentRow in
            if let row = kept[document.source] { return row }
            let fresh = CatalogUpdater.entries(for: document.segments)
            var wordsOf: [TextKey: Int] = [:]
            let words = WordCounter(locale: source)
            // The catalog's msgids are the segments' texts.
            for segment in document.segments where wordsOf[TextKey(segment.text)] == nil {
                wordsOf[TextKey(segment.text)] = words.count(segment.parsed.plainText(of: segment.text))
            }
            var entries: [String: Entry] = [:]
            for language in targets {
                let path = CatalogStore.path(of: document.source, language: language.code)
                let existing = catalogs[language.code]?[path]
                // A catalog in step with its source (the usual case) counts as it is.
                let current = existing.flatMap { inStep($0, with: fresh) }
                    ?? CatalogUpdater.merge(fresh, into: existing, header: POEntry(msgid: "")).entries.filter { !$0.obsolete }
                let segments = statistics(of: POCatalog(header: nil, entries: current))
                var wordCounts = Counts()
                for entry in current {
                    let n = wordsOf[TextKey(entry.msgid)] ?? 0
                    if !entry.hasTranslation { wordCounts.untranslated += n } else if entry.isFuzzy { wordCounts.fuzzy += n } else { wordCounts.translated += n }
                }
                let changes = current.filter { $0.isFuzzy && $0.hasTranslation }.map {
                    Change(previous: $0.previous ?? "", current: $0.msgid, translation: $0.translation)
                }
                entries[language.code] = Entry(status: status(segments, exists: existing != nil), catalog: path,
                                               exists: existing != nil, segments: segments, words: wordCounts, changes: changes)
            }
            let title = document.title.parsed.plainText(of: document.title.text)
            return DocumentRow(id: document.id, kind: document.kind.rawValue, title: title, source: document.source,
                               segments: fresh.count, words: fresh.reduce(0) { $0 + (wordsOf[TextKey($1.msgid)] ?? 0) },
                               languages: entries)
        }

        let summaries = targets.map { language -> LanguageSummary in
            var byStatus = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, 0) })
            var segments = Counts(), wordCounts = Counts()
            var kinds: [String: KindSummary] = [:]
            for row in rows {
                guard let entry = row.languages[language.code] else { continue }
                byStatus[entry.status.rawValue, default: 0] += 1
                segments = segments + entry.segments
                wordCounts = wordCounts + entry.words
                var kind = kinds[row.kind] ?? KindSummary(documents: Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, 0) }),
                                                          segments: Counts(), words: Counts())
                kind.documents[entry.status.rawValue, default: 0] += 1
                kind.segments = kind.segments + entry.segments
                kind.words = kind.words + entry.words
                kinds[row.kind] = kind
            }
            let ui = interface[language.code].map { catalog in
                statistics(of: CatalogUpdater.merge(CatalogStore.interfaceEntries(languages: [language]), into: catalog, header: POEntry(msgid: "")))
            } ?? Counts(untranslated: UIStrings.english.count)
            return LanguageSummary(code: language.code, name: language.autonym, documents: byStatus, segments: segments,
                                   words: wordCounts, kinds: kinds, interface: ui)
        }

        func complete(_ row: DocumentRow, _ code: String) -> Bool { row.languages[code]?.status == .complete }
        let procedures = rows.filter { $0.kind == Document.Kind.procedure.rawValue }
        let indicator = Indicator(
            procedures: procedures.count, documents: rows.count,
            proceduresCompleteInAtLeastOneLanguage: procedures.filter { row in targets.contains { complete(row, $0.code) } }.count,
            documentsCompleteInAtLeastOneLanguage: rows.filter { row in targets.contains { complete(row, $0.code) } }.count,
            completeProcedures: Dictionary(uniqueKeysWithValues: targets.map { l in (l.code, procedures.filter { complete($0, l.code) }.count) }),
            completeDocuments: Dictionary(uniqueKeysWithValues: targets.map { l in (l.code, rows.filter { complete($0, l.code) }.count) }),
            completePairs: rows.reduce(0) { n, row in n + targets.filter { complete(row, $0.code) }.count },
            pairs: rows.count * targets.count,
            definition: "A document counts as translated into a language when every one of its segments (title, summary, "
                + "paragraphs, list items, table cells, procedure steps and other prose) has a current translation in that "
                + "language's catalog: none missing, none outdated (fuzzy). Documents are all source files of content/: "
                + "procedures (administrative services, XML), articles, section pages, the home page and the register of "
                + "offices. Interface strings of the theme are counted separately and do not count towards the indicator. "
                + "The source language (\(source)) is not counted.")
        return Coverage(sourceLanguage: source, languages: summaries, documents: rows, indicator: indicator)
    }
}
