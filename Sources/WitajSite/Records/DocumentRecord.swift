import Foundation
import WitajCore
/// What a later build needs of a document it does not read again: what other pages show of it in every language
/// (its face: id, path, kind, order, title and summary as resolved), whether each language's translation is
/// complete, and its coverage row. Kept in the build state; a rebuild after some documents changed reads only
/// those and stands the others in with these records. A class: a build stands every record in for every language,
/// and a copy of its twenty fields cost twenty reference counts.
package final class DocumentRecord: Equatable, Sendable {
    package struct Text: Equatable, Sendable {
        package let text: String
        package let language: String
        package let state: String

        package init(text: String, language: String, state: String) {
            self.text = text
            self.language = language
            self.state = state
        }
    }
    package struct Localized: Equatable, Sendable {
        package let title: Text
        package let summary: Text?
        package let hasFallback: Bool
        package let hasOutdated: Bool

        package init(title: Text, summary: Text?, hasFallback: Bool, hasOutdated: Bool) {
            self.title = title
            self.summary = summary
            self.hasFallback = hasFallback
            self.hasOutdated = hasOutdated
        }
    }
    package struct Place: Equatable, Sendable {
        package let line: Int
        package let column: Int

        package init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    package let source: String
    package let id: String
    package let idAt: Place
    package let path: String
    package let kind: String
    package let title: String
    package let titleAt: Place
    package let summary: String?
    package let summaryAt: Place?
    package let reviewed: String?
    package let order: Int?
    package let review: String?
    /// By language code, the source language included.
    package let languages: [String: Localized]
    package let coverage: Coverage.DocumentRow
    /// The document's row of the coverage matrix, as the last build made it.
    package let coverageRow: String
    /// The parts of its page that a link may name (`Anchors.of`), sorted: other documents' links are checked
    /// against them.
    package let anchors: [String]
    /// The parts of other pages its links name ("guide/lazienki#godziny"), sorted: when one of them goes, this
    /// document's links are checked again.
    package let linkedParts: [String]
    /// What the search index holds of it, by language code.
    package let search: [String: SearchEntry]
    /// The document's keywords (`Document.keywords`): entries of the A-Z index.
    package let keywords: [String]

    package init(source: String, id: String, idAt: Place, path: String, kind: String, title: String, titleAt: Place, summary: String?, summaryAt: Place?, reviewed: String?, order: Int?, review: String?, languages: [String: Localized], coverage: Coverage.DocumentRow, coverageRow: String, anchors: [String] = [],
                 linkedParts: [String] = [], search: [String: SearchEntry] = [:], keywords: [String] = []) {
        self.source = source
        self.keywords = keywords
        self.id = id
        self.idAt = idAt
        self.path = path
        self.kind = kind
        self.title = title
        self.titleAt = titleAt
        self.summary = summary
        self.summaryAt = summaryAt
        self.reviewed = reviewed
        self.order = order
        self.review = review
        self.languages = languages
        self.coverage = coverage
        self.coverageRow = coverageRow
        self.anchors = anchors
        self.linkedParts = linkedParts
        self.search = search
    }

    /// What the record says.
    package static func == (a: DocumentRecord, b: DocumentRecord) -> Bool {
        a.source == b.source && a.id == b.id && a.idAt == b.idAt && a.path == b.path && a.kind == b.kind
            && a.title == b.title && a.titleAt == b.titleAt && a.summary == b.summary && a.summaryAt == b.summaryAt
            && a.reviewed == b.reviewed && a.order == b.order && a.review == b.review && a.languages == b.languages
            && a.coverage == b.coverage && a.coverageRow == b.coverageRow && a.anchors == b.anchors
            && a.linkedParts == b.linkedParts && a.search == b.search && a.keywords == b.keywords
    }

    /// What pages other than the document's own show of it. When a changed document's face is the same as before,
    /// only its own pages (and the sitemap, the coverage report and the books) need making again.
    package struct Face: Equatable {
        package let id: String, path: String, kind: String, title: String, summary: String?, order: Int?
        package let texts: [String: [Text?]]
        package let keywords: [String]
    }

    package var face: Face {
        Face(id: id, path: path, kind: kind, title: title, summary: summary, order: order,
             texts: languages.mapValues { [$0.title, $0.summary] }, keywords: keywords)
    }

    /// `resolver`: where the document's links go (the site's documents).
    package init(_ document: Document, in localized: [LocalizedDocument], coverage: Coverage.DocumentRow, coverageRow: String,
                 resolver: LinkResolver) {
        func text(_ resolved: ResolvedText) -> Text {
            Text(text: resolved.text, language: resolved.language.code, state: resolved.state.rawValue)
        }
        source = document.source
        keywords = document.keywords
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
        anchors = Anchors.of(document).sorted()
        linkedParts = SiteValidator.partsLinked(from: document, resolver: resolver).sorted()
        search = Dictionary(localized.map { ($0.language.code, $0.search) }, uniquingKeysWith: { a, _ in a })
    }

    /// The parts of its page ("path#id") that `newer`, the document made again, no longer has. A rebuild that made
    /// only some documents checked no other document's links: one that names a part gone has to be checked again.
    package func partsGone(in newer: DocumentRecord) -> Set<String> {
        Anchors.gone(from: path, had: anchors, has: newer.anchors)
    }

    /// The document as far as other pages need it: title and summary, no body.
    package var document: Document? {
        guard let kind = Document.Kind(rawValue: kind) else { return nil }
        var document = Document(id: id, idLocation: SourceLocation(source, line: idAt.line, column: idAt.column), path: path,
                        source: source, kind: kind,
                        title: Segment(title, role: .title, location: SourceLocation(source, line: titleAt.line, column: titleAt.column)),
                        summary: summary.map { Segment($0, role: .summary, location: SourceLocation(source, line: summaryAt?.line ?? 1, column: summaryAt?.column ?? 1)) },
                        reviewed: reviewed.flatMap(Day.init), order: order, review: review, body: .markdown([]))
        document.keywords = keywords
        return document
    }

    /// The document in one language as other pages show it; nil when the record does not know the language.
    /// A translation shows only the links and images its source has (`links`).
    package func localized(_ document: Document, in language: LanguageProfile, profiles: [String: LanguageProfile],
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
        let face = LocalizedDocument(document: document, language: language, texts: texts,
                                     hasFallback: record.hasFallback, hasOutdated: record.hasOutdated)
        face.search = search[language.code] ?? .empty
        return face
    }
}

extension Pipeline.Made {
    /// Every document's record after this build, in the site's order: the records of documents not read again as
    /// they stood, the others made from what was read. `coverageRows`: the rows of the coverage matrix, as `render`
    /// returns them.
    package func records(coverageRows: [String: String]) -> [DocumentRecord] {
        let rows = Dictionary(coverage.documents.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        let resolver = LinkResolver(documents: input.site.documents, unreadable: input.site.unreadable, drafts: input.site.drafts)
        return input.site.documents.enumerated().compactMap { i, document -> DocumentRecord? in
            if let kept = scope.records[document.source] { return kept }
            guard let row = rows[document.source], let html = coverageRows[document.source] else { return nil }
            return DocumentRecord(document, in: localized.map { $0.documents[i] }, coverage: row, coverageRow: html, resolver: resolver)
        }
    }
}
