import WitajCore
import WitajSite

/// One line of the state file per document.
extension DocumentRecord {
    package func write(to out: inout StateFile.Writer) {
        func place(_ p: Place?) { out.field(p?.line ?? 1); out.field(p?.column ?? 1) }
        func text(_ t: Text?) {
            out.field(t != nil)
            out.field(t?.text ?? ""); out.field(t?.language ?? ""); out.field(t?.state ?? "")
        }
        out.field(source); out.field(id); place(idAt); out.field(path); out.field(kind)
        out.field(title); place(titleAt); out.field(summary); place(summaryAt)
        out.field(reviewed); out.field(order); out.field(review)
        out.field(languages.count)
        for (code, l) in languages.sorted(by: { $0.key < $1.key }) {
            out.field(code); text(l.title); text(l.summary); out.field(l.hasFallback); out.field(l.hasOutdated)
        }
        let row = coverage
        out.field(row.id); out.field(row.kind); out.field(row.title); out.field(row.source)
        out.field(row.segments); out.field(row.words); out.field(row.languages.count)
        for (code, e) in row.languages.sorted(by: { $0.key < $1.key }) {
            out.field(code); out.field(e.status.rawValue); out.field(e.catalog); out.field(e.exists)
            for counts in [e.segments, e.words] {
                out.field(counts.translated); out.field(counts.fuzzy); out.field(counts.untranslated); out.field(counts.nothingToTranslate)
            }
            out.field(e.changes.count)
            for c in e.changes { out.field(c.previous); out.field(c.current); out.field(c.translation) }
        }
        out.field(coverageRow)
        for list in [anchors, linkedParts, keywords] {
            out.field(list.count)
            for item in list { out.field(item) }
        }
        out.field(search.count)
        for (code, entry) in search.sorted(by: { $0.key < $1.key }) {
            out.field(code); out.field(entry.terms.count)
            for (term, weight) in entry.terms.sorted(by: { $0.key < $1.key }) { out.field(term); out.field(weight) }
            out.field(entry.texts.count)
            for text in entry.texts { out.field(text.text); out.field(text.language) }
        }
        out.endLine()
    }

    package convenience init(reading r: inout StateFile.Reader) throws(StateFile.Malformed) {
        try r.nextLine()
        func place() throws(StateFile.Malformed) -> Place { Place(line: try r.int(), column: try r.int()) }
        func text() throws(StateFile.Malformed) -> Text? {
            let present = try r.bool()
            let t = Text(text: try r.string(), language: try r.string(), state: try r.string())
            return present ? t : nil
        }
        let source = try r.string(), id = try r.string(), idAt = try place(), path = try r.string(), kind = try r.string()
        let title = try r.string(), titleAt = try place(), summary = try r.optional()
        let summaryPlace = try place()
        let summaryAt = summary == nil ? nil : summaryPlace
        let reviewed = try r.optional(), order = try r.optionalInt(), review = try r.optional()
        var languages: [String: Localized] = [:]
        for _ in 0..<(try r.int()) {
            let code = try r.string()
            guard let title = try text() else { throw StateFile.Malformed() }
            languages[code] = Localized(title: title, summary: try text(), hasFallback: try r.bool(), hasOutdated: try r.bool())
        }
        let rowID = try r.string(), rowKind = try r.string(), rowTitle = try r.string(), rowSource = try r.string()
        let segments = try r.int(), words = try r.int()
        var entries: [String: Coverage.Entry] = [:]
        for _ in 0..<(try r.int()) {
            let code = try r.string()
            guard let status = Coverage.Status(rawValue: try r.string()) else { throw StateFile.Malformed() }
            let catalog = try r.string(), exists = try r.bool()
            let counts = [try Coverage.Counts(translated: r.int(), fuzzy: r.int(), untranslated: r.int(), nothingToTranslate: r.int()),
                          try Coverage.Counts(translated: r.int(), fuzzy: r.int(), untranslated: r.int(), nothingToTranslate: r.int())]
            var changes: [Coverage.Change] = []
            for _ in 0..<(try r.int()) {
                changes.append(Coverage.Change(previous: try r.string(), current: try r.string(), translation: try r.string()))
            }
            entries[code] = Coverage.Entry(status: status, catalog: catalog, exists: exists, segments: counts[0],
                                           words: counts[1], changes: changes)
        }
        let coverage = Coverage.DocumentRow(id: rowID, kind: rowKind, title: rowTitle, source: rowSource, segments: segments,
                                        words: words, languages: entries)
        let coverageRow = try r.string()
        var lists: [[String]] = [[], [], []]
        for i in lists.indices {
            for _ in 0..<(try r.int()) { lists[i].append(try r.string()) }
        }
        var search: [String: SearchEntry] = [:]
        for _ in 0..<(try r.int()) {
            let code = try r.string()
            var terms: [String: Int] = [:]
            for _ in 0..<(try r.int()) { terms[try r.string()] = try r.int() }
            var texts: [SearchEntry.Text] = []
            for _ in 0..<(try r.int()) { texts.append(SearchEntry.Text(text: try r.string(), language: try r.optional())) }
            search[code] = SearchEntry(terms: terms, texts: texts)
        }
        self.init(source: source, id: id, idAt: idAt, path: path, kind: kind, title: title, titleAt: titleAt,
                  summary: summary, summaryAt: summaryAt, reviewed: reviewed, order: order, review: review,
                  languages: languages, coverage: coverage, coverageRow: coverageRow, anchors: lists[0], linkedParts: lists[1],
                  search: search, keywords: lists[2])
    }
}
