/// What a later build needs of a document it does not read again: what other pages show of it in every language
/// (its face: id, path, kind, order, title and summary as resolved), whether each language's translation is
/// complete, and its coverage row. Kept in the build state; a rebuild after some documents changed reads only
/// those and stands the others in with these records.
struct DocumentRecord: Equatable, Sendable {
    struct Text: Equatable, Sendable {
        let text: String
        let language: String
        let state: String
    }
    struct Localized: Equatable, Sendable {
        let title: Text
        let summary: Text?
        let hasFallback: Bool
        let hasOutdated: Bool
    }
    struct Place: Equatable, Sendable {
        let line: Int
        let column: Int
    }

    let source: String
    let id: String
    let idAt: Place
    let path: String
    let kind: String
    let title: String
    let titleAt: Place
    let summary: String?
    let summaryAt: Place?
    let reviewed: String?
    let order: Int?
    let review: String?
    /// By language code, the source language included.
    let languages: [String: Localized]
    let coverage: Coverage.DocumentRow
    /// The document's row of the coverage matrix, as the last build made it.
    let coverageRow: String

    /// What pages other than the document's own show of it. When a changed document's face is the same as before,
    /// only its own pages (and the sitemap, the coverage report and the books) need making again.
    struct Face: Equatable {
        let id: String, path: String, kind: String, title: String, summary: String?, order: Int?
        let texts: [String: [Text?]]
    }

    var face: Face {
        Face(id: id, path: path, kind: kind, title: title, summary: summary, order: order,
             texts: languages.mapValues { [$0.title, $0.summary] })
    }

    init(_ document: Document, in localized: [LocalizedDocument], coverage: Coverage.DocumentRow, coverageRow: String) {
        func text(_ resolved: ResolvedText) -> Text {
            Text(text: resolved.text, language: resolved.language.code, state: resolved.state.rawValue)
        }
        source = document.source
        id = document.id
        idAt = Place(line: document.idLocation.line, column: document.idLocation.column)
        path = document.path
        kind = document.kind.rawValue
        title = document.title.text
        titleAt = Place(line: document.title.location.line, column: document.title.location.column)
        summary = document.summary?.text
        summaryAt = document.summary.map { Place(line: $0.location.line, column: $0.location.column) }
        reviewed = document.reviewed?.description
        order = document.order
        review = document.review
        languages = Dictionary(localized.map { localized in
            (localized.language.code, Localized(title: text(localized.title), summary: localized.summary.map(text),
                                                hasFallback: localized.hasFallback, hasOutdated: localized.hasOutdated))
        }, uniquingKeysWith: { a, _ in a })
        self.coverage = coverage
        self.coverageRow = coverageRow
    }

    /// The document as far as other pages need it: title and summary, no body.
    var document: Document? {
        guard let kind = Document.Kind(rawValue: kind) else { return nil }
        return Document(id: id, idLocation: SourceLocation(source, line: idAt.line, column: idAt.column), path: path,
                        source: source, kind: kind,
                        title: Segment(title, role: .title, location: SourceLocation(source, line: titleAt.line, column: titleAt.column)),
                        summary: summary.map { Segment($0, role: .summary, location: SourceLocation(source, line: summaryAt?.line ?? 1, column: summaryAt?.column ?? 1)) },
                        reviewed: reviewed.flatMap(Day.init), order: order, review: review, body: .markdown([]))
    }

    /// The document in one language as other pages show it; nil when the record does not know the language.
    /// A translation shows only the links and images its source has (`links`).
    func localized(_ document: Document, in language: LanguageProfile, profiles: [String: LanguageProfile],
                   links: TranslationLinks) -> LocalizedDocument? {
        guard let record = languages[language.code] else { return nil }
        var texts: [TextKey: ResolvedText] = [:]
        for (segment, text) in [(document.title, record.title), (document.summary, record.summary)] {
            guard let segment, let text else { continue }
            guard let profile = profiles[text.language], let state = ResolvedText.State(rawValue: text.state) else { return nil }
            // The text stored is the source's own, or a translation parsed here, once for this build.
            let parsed = TextKey(text.text) == TextKey(segment.text) ? segment.parsed
                : links.restricted(ParsedText(text.text), of: text.text, translating: segment, in: document)
            texts[TextKey(segment.text)] = ResolvedText(text: text.text, parsed: parsed, language: profile, state: state)
        }
        return LocalizedDocument(document: document, language: language, texts: texts,
                                 hasFallback: record.hasFallback, hasOutdated: record.hasOutdated)
    }
}

/// One line of the state file per document.
extension DocumentRecord {
    func write(to out: inout StateFile.Writer) {
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
                out.field(counts.translated); out.field(counts.fuzzy); out.field(counts.untranslated)
            }
            out.field(e.changes.count)
            for c in e.changes { out.field(c.previous); out.field(c.current); out.field(c.translation) }
        }
        out.field(coverageRow)
        out.endLine()
    }

    init(reading r: inout StateFile.Reader) throws(StateFile.Malformed) {
        try r.nextLine()
        func place() throws(StateFile.Malformed) -> Place { Place(line: try r.int(), column: try r.int()) }
        func text() throws(StateFile.Malformed) -> Text? {
            let present = try r.bool()
            let t = Text(text: try r.string(), language: try r.string(), state: try r.string())
            return present ? t : nil
        }
        source = try r.string(); id = try r.string(); idAt = try place(); path = try r.string(); kind = try r.string()
        title = try r.string(); titleAt = try place(); summary = try r.optional()
        let summaryPlace = try place()
        summaryAt = summary == nil ? nil : summaryPlace
        reviewed = try r.optional(); order = try r.optionalInt(); review = try r.optional()
        var languages: [String: Localized] = [:]
        for _ in 0..<(try r.int()) {
            let code = try r.string()
            guard let title = try text() else { throw StateFile.Malformed() }
            languages[code] = Localized(title: title, summary: try text(), hasFallback: try r.bool(), hasOutdated: try r.bool())
        }
        self.languages = languages
        let rowID = try r.string(), rowKind = try r.string(), rowTitle = try r.string(), rowSource = try r.string()
        let segments = try r.int(), words = try r.int()
        var entries: [String: Coverage.Entry] = [:]
        for _ in 0..<(try r.int()) {
            let code = try r.string()
            guard let status = Coverage.Status(rawValue: try r.string()) else { throw StateFile.Malformed() }
            let catalog = try r.string(), exists = try r.bool()
            let counts = [try Coverage.Counts(translated: r.int(), fuzzy: r.int(), untranslated: r.int()),
                          try Coverage.Counts(translated: r.int(), fuzzy: r.int(), untranslated: r.int())]
            var changes: [Coverage.Change] = []
            for _ in 0..<(try r.int()) {
                changes.append(Coverage.Change(previous: try r.string(), current: try r.string(), translation: try r.string()))
            }
            entries[code] = Coverage.Entry(status: status, catalog: catalog, exists: exists, segments: counts[0],
                                           words: counts[1], changes: changes)
        }
        coverage = Coverage.DocumentRow(id: rowID, kind: rowKind, title: rowTitle, source: rowSource, segments: segments,
                                        words: words, languages: entries)
        coverageRow = try r.string()
    }
}
