import WitajCore
import WitajSources

/// Translation coverage: which documents are translated, outdated or missing in which language, in segments
/// and in words. Computed by pure functions from the content and the catalogs; table, JSON, CSV and HTML are
/// views of this one value.
public struct Coverage: Sendable, Codable, Equatable {
    /// Segment or word counts in the three states gettext knows, and those with nothing to translate (`Segment`)
    /// that have no current translation: gettext counts them as untranslated (or fuzzy), witaj as done.
    public struct Counts: Sendable, Codable, Equatable {
        public var translated = 0
        public var fuzzy = 0
        public var untranslated = 0
        public var nothingToTranslate = 0
        public var total: Int { translated + fuzzy + untranslated + nothingToTranslate }
        /// Share done (translated, or nothing to translate), 0-100 (100 for nothing at all).
        public var percent: Double {
            total == 0 ? 100 : (Double(translated + nothingToTranslate) * 1000 / Double(total)).rounded() / 10
        }

        package static func + (a: Counts, b: Counts) -> Counts {
            Counts(translated: a.translated + b.translated, fuzzy: a.fuzzy + b.fuzzy, untranslated: a.untranslated + b.untranslated,
                   nothingToTranslate: a.nothingToTranslate + b.nothingToTranslate)
        }

        package static func += (a: inout Counts, b: Counts) { a = a + b }

        package enum CodingKeys: String, CodingKey { case translated, fuzzy, untranslated, nothingToTranslate, total }
        package init(translated: Int = 0, fuzzy: Int = 0, untranslated: Int = 0, nothingToTranslate: Int = 0) {
            self.translated = translated
            self.fuzzy = fuzzy
            self.untranslated = untranslated
            self.nothingToTranslate = nothingToTranslate
        }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            translated = try c.decode(Int.self, forKey: .translated)
            fuzzy = try c.decode(Int.self, forKey: .fuzzy)
            untranslated = try c.decode(Int.self, forKey: .untranslated)
            nothingToTranslate = try c.decode(Int.self, forKey: .nothingToTranslate)
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(translated, forKey: .translated)
            try c.encode(fuzzy, forKey: .fuzzy)
            try c.encode(untranslated, forKey: .untranslated)
            try c.encode(nothingToTranslate, forKey: .nothingToTranslate)
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
        package enum CodingKeys: String, CodingKey {
            case status, catalog, exists, translated, fuzzy, untranslated, nothingToTranslate, total, words, changes
        }
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
                              untranslated: try c.decode(Int.self, forKey: .untranslated),
                              nothingToTranslate: try c.decode(Int.self, forKey: .nothingToTranslate))
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
            try c.encode(segments.nothingToTranslate, forKey: .nothingToTranslate)
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

    /// The programme's indicator: procedures (services) and documents (articles, the register of offices)
    /// completely translated, per language and into at least one foreign language; navigation pages (the home page,
    /// the sections) apart, not in the indicator.
    public struct Indicator: Sendable, Codable, Equatable {
        /// A group's documents in one language, by status, and their words.
        public struct Tally: Sendable, Codable, Equatable {
            public var complete = 0
            public var outdated = 0
            public var partial = 0
            public var missing = 0
            public var words = Counts()

            package init() {}
        }
        public struct Group: Sendable, Codable, Equatable {
            public var documents = 0
            public var completeInAtLeastOneLanguage = 0
            /// By language code.
            public var languages: [String: Tally] = [:]

            package init() {}
        }
        public var procedures = Group()
        public var articles = Group()
        public var navigation = Group()

        package init() {}

        /// The group a kind of document counts in.
        /// News posts and events are apart, with the navigation pages, unless `countNewsAndEvents` (site.yml).
        package static func group(of kind: String, countNewsAndEvents: Bool = false) -> WritableKeyPath<Indicator, Group> {
            if kind == Coverage.newsKind || kind == Coverage.eventKind { return countNewsAndEvents ? \.articles : \.navigation }
            return switch Document.Kind(rawValue: kind) {
            case .procedure: \.procedures
            case .home, .section: \.navigation
            default: \.articles
            }
        }

        package static func group(_ group: SiteConfig.Target.Group) -> KeyPath<Indicator, Group> {
            switch group {
            case .procedures: \.procedures
            case .articles: \.articles
            }
        }
    }

    /// A target of the programme (`coverage: targets` in site.yml) and how far each of its languages is.
    public struct Target: Sendable, Codable, Equatable {
        public struct Progress: Sendable, Codable, Equatable {
            public let code: String
            public let complete: Int
            public let documents: Int
            /// Complete documents the target asks for: the share of `documents`, rounded up.
            public let needed: Int
            public let met: Bool

            package init(code: String, complete: Int, documents: Int, share: Int) {
                self.code = code
                self.complete = complete
                self.documents = documents
                needed = (share * documents + 99) / 100
                met = complete >= needed
            }
        }
        /// The day it is due ("2028-12-31").
        public let by: String
        /// "procedures" or "articles".
        public let group: String
        /// Percent of the group's documents to be complete in each language.
        public let share: Int
        public let languages: [Progress]

        package init(by: String, group: String, share: Int, languages: [Progress]) {
            self.by = by
            self.group = group
            self.share = share
            self.languages = languages
        }
    }

    /// The content the report describes: a commit of the site's repository, with its date, and whether the work
    /// tree has changes not committed (counted too). Nil outside a git repository.
    public struct Revision: Sendable, Codable, Equatable {
        /// The day asked for (`--as-of`): the content as the branch had it at that day's end.
        public let asOf: String?
        public let commit: String
        /// The commit's date, ISO 8601 with its offset.
        public let date: String
        public let uncommitted: Bool

        package init(commit: String, date: String, uncommitted: Bool, asOf: String? = nil) {
            self.asOf = asOf
            self.commit = commit
            self.date = date
            self.uncommitted = uncommitted
        }

        /// The commit's calendar day ("2025-12-20").
        public var day: String { String(date.prefix(10)) }
        public var shortCommit: String { String(commit.prefix(10)) }
    }

    /// What the indicator counts, as printed with it (English; reports in other languages translate it).
    public let definition: String
    public let documents: [DocumentRow]
    /// The documents marked `draft: true` (sources), left out of the site and of every count here.
    public var drafts: [String] = []
    public let indicator: Indicator
    public let languages: [LanguageSummary]
    public var revision: Revision?
    public let sourceLanguage: String
    public let targets: [Target]

    package init(sourceLanguage: String, languages: [LanguageSummary], documents: [DocumentRow], indicator: Indicator,
                 targets: [Target] = [], revision: Revision? = nil, definition: String = "", drafts: [String] = []) {
        self.drafts = drafts
        self.sourceLanguage = sourceLanguage
        self.languages = languages
        self.documents = documents
        self.indicator = indicator
        self.targets = targets
        self.revision = revision
        self.definition = definition
    }
}
