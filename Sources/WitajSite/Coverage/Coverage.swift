import WitajCore
import WitajSources

/// Translation coverage: which documents are translated, outdated or missing in which language, in segments
/// and in words. Computed by pure functions from the content and the catalogs; table, JSON, CSV and HTML are
/// views of this one value.
public struct Coverage: Sendable, Codable, Equatable {
    /// Segment or word counts in the three states gettext knows.
    public struct Counts: Sendable, Codable, Equatable {
        public var translated = 0
        public var fuzzy = 0
        public var untranslated = 0
        public var total: Int { translated + fuzzy + untranslated }
        /// Share translated, 0-100 (100 for nothing to translate).
        public var percent: Double { total == 0 ? 100 : (Double(translated) * 1000 / Double(total)).rounded() / 10 }

        package static func + (a: Counts, b: Counts) -> Counts {
            Counts(translated: a.translated + b.translated, fuzzy: a.fuzzy + b.fuzzy, untranslated: a.untranslated + b.untranslated)
        }

        package enum CodingKeys: String, CodingKey { case translated, fuzzy, untranslated, total }
        package init(translated: Int = 0, fuzzy: Int = 0, untranslated: Int = 0) {
            self.translated = translated
            self.fuzzy = fuzzy
            self.untranslated = untranslated
        }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            translated = try c.decode(Int.self, forKey: .translated)
            fuzzy = try c.decode(Int.self, forKey: .fuzzy)
            untranslated = try c.decode(Int.self, forKey: .untranslated)
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(translated, forKey: .translated)
            try c.encode(fuzzy, forKey: .fuzzy)
            try c.encode(untranslated, forKey: .untranslated)
            try c.encode(total, forKey: .total)
        }
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Every segment translated, none outdated.
        case complete
        /// Some translations are fuzzy: made for an older source text.
        case outdated
        /// Some segments untranslated, none outdated.
        case partial
        /// No catalog, or nothing translated.
        case missing
    }

    /// A segment whose translation is outdated, with the source text it was made for and the current one.
    public struct Change: Sendable, Codable, Equatable {
        public let previous: String
        public let current: String
        public let translation: String

        package init(previous: String, current: String, translation: String) {
            self.previous = previous
            self.current = current
            self.translation = translation
        }
    }

    public struct Entry: Sendable, Codable, Equatable {
        public let status: Status
        /// The catalog's path from the site's root, whether it exists or not.
        public let catalog: String
        public let exists: Bool
        public let segments: Counts
        public let words: Counts
        public let changes: [Change]

        // JSON: the segment counts at the top level, as translators' tools report them.
        package enum CodingKeys: String, CodingKey { case status, catalog, exists, translated, fuzzy, untranslated, total, words, changes }
        package init(status: Status, catalog: String, exists: Bool, segments: Counts, words: Counts, changes: [Change]) {
            self.status = status
            self.catalog = catalog
            self.exists = exists
            self.segments = segments
            self.words = words
            self.changes = changes
        }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            status = try c.decode(Status.self, forKey: .status)
            catalog = try c.decode(String.self, forKey: .catalog)
            exists = try c.decode(Bool.self, forKey: .exists)
            segments = Counts(translated: try c.decode(Int.self, forKey: .translated), fuzzy: try c.decode(Int.self, forKey: .fuzzy),
                              untranslated: try c.decode(Int.self, forKey: .untranslated))
            words = try c.decode(Counts.self, forKey: .words)
            changes = try c.decode([Change].self, forKey: .changes)
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(status, forKey: .status)
            try c.encode(catalog, forKey: .catalog)
            try c.encode(exists, forKey: .exists)
            try c.encode(segments.translated, forKey: .translated)
            try c.encode(segments.fuzzy, forKey: .fuzzy)
            try c.encode(segments.untranslated, forKey: .untranslated)
            try c.encode(segments.total, forKey: .total)
            try c.encode(words, forKey: .words)
            try c.encode(changes, forKey: .changes)
        }
    }

    public struct DocumentRow: Sendable, Codable, Equatable {
        public let id: String
        public let kind: String
        public let title: String
        public let source: String
        public let segments: Int
        public let words: Int
        /// By language code.
        public let languages: [String: Entry]

        package init(id: String, kind: String, title: String, source: String, segments: Int, words: Int, languages: [String: Entry]) {
            self.id = id
            self.kind = kind
            self.title = title
            self.source = source
            self.segments = segments
            self.words = words
            self.languages = languages
        }
    }

    public struct KindSummary: Sendable, Codable, Equatable {
        public var documents: [String: Int]
        public var segments: Counts
        public var words: Counts
    }

    public struct LanguageSummary: Sendable, Codable, Equatable {
        public let code: String
        public let name: String
        /// Documents by status: complete, outdated, partial, missing.
        public let documents: [String: Int]
        public let segments: Counts
        public let words: Counts
        public let kinds: [String: KindSummary]
        /// The theme's interface strings (ui.po), counted apart from the documents.
        public let interface: Counts
    }

    /// The programme's indicator: documents and procedures (services) translated into foreign languages.
    public struct Indicator: Sendable, Codable, Equatable {
        public let procedures: Int
        public let documents: Int
        public let proceduresCompleteInAtLeastOneLanguage: Int
        public let documentsCompleteInAtLeastOneLanguage: Int
        /// Per language: how many procedures and documents are complete in it.
        public let completeProcedures: [String: Int]
        public let completeDocuments: [String: Int]
        public let completePairs: Int
        public let pairs: Int
        public let definition: String

        package init(procedures: Int, documents: Int, proceduresCompleteInAtLeastOneLanguage: Int, documentsCompleteInAtLeastOneLanguage: Int, completeProcedures: [String: Int], completeDocuments: [String: Int], completePairs: Int, pairs: Int, definition: String) {
            self.procedures = procedures
            self.documents = documents
            self.proceduresCompleteInAtLeastOneLanguage = proceduresCompleteInAtLeastOneLanguage
            self.documentsCompleteInAtLeastOneLanguage = documentsCompleteInAtLeastOneLanguage
            self.completeProcedures = completeProcedures
            self.completeDocuments = completeDocuments
            self.completePairs = completePairs
            self.pairs = pairs
            self.definition = definition
        }
    }

    public let sourceLanguage: String
    public let languages: [LanguageSummary]
    public let documents: [DocumentRow]
    public let indicator: Indicator

    package init(sourceLanguage: String, languages: [LanguageSummary], documents: [DocumentRow], indicator: Indicator) {
        self.sourceLanguage = sourceLanguage
        self.languages = languages
        self.documents = documents
        self.indicator = indicator
    }
}
