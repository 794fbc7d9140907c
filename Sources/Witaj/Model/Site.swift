import Foundation

/// What `site.yml` says: languages, where the site lives, and how content is grouped.
public struct SiteConfig: Sendable {
    public struct Language: Sendable {
        public let code: String
        public let fallbacks: [String]
        public let location: SourceLocation
    }
    public let baseURL: String
    public let sourceLanguage: String
    /// Every language the site is published in, the source language first.
    public let languages: [Language]
    /// The welcome pack as an EPUB book, when the site has one.
    public let pack: Pack?
    /// Hosts of web sites that translations may link to where their source links elsewhere or nowhere
    /// (`translations: linkHosts` in site.yml: a localized version of an external site), lowercased.
    public var translationLinkHosts: Set<String> = []

    public struct Pack: Sendable {
        public struct Chapter: Sendable {
            /// "content/first-steps/pesel.xml".
            public let source: String
            /// Where site.yml names it.
            public let location: SourceLocation
        }
        /// The book's file name without extension: site-out/<lang>/<file>.epub.
        public let file: String
        public let chapters: [Chapter]
    }
}

/// The whole input, loaded and parsed: the model every later phase reads.
public struct Site: Sendable {
    public let config: SiteConfig
    /// Sorted by path, so that every later phase is deterministic.
    public let documents: [Document]
    public let theme: Theme
    /// Every office by id, from the offices register(s).
    public let offices: [String: Office]
    /// Source files that exist but could not be read (already reported): links to them are not errors twice.
    public let unreadable: Set<String>
    /// Documents unchanged since the last build, by source: their records stand in for them (title and summary,
    /// no body), and their pages, catalogs and coverage rows are the last build's. Empty in a full build.
    var kept: [String: DocumentRecord] = [:]
    /// The documents whose pages this build makes (by source), when it makes only some; nil: all of them.
    var remade: Set<String>?
    private let bySource: [String: Int]

    public init(config: SiteConfig, documents: [Document], theme: Theme, unreadable: Set<String> = []) {
        self.config = config
        self.unreadable = unreadable
        self.documents = documents
        self.theme = theme
        var offices: [String: Office] = [:]
        for document in documents {
            if case .offices(let list) = document.body { for office in list where offices[office.id] == nil { offices[office.id] = office } }
        }
        self.offices = offices
        bySource = Dictionary(documents.enumerated().map { ($1.source, $0) }, uniquingKeysWith: { a, _ in a })
        officesIndex = documents.firstIndex { $0.kind == .offices }
    }

    /// The document that lists the offices, for links from procedure pages (found once: every procedure page asks).
    public var officesDocument: Document? { officesIndex.map { documents[$0] } }
    private let officesIndex: Int?

    public func document(source: String) -> Document? { bySource[source].map { documents[$0] } }
}
