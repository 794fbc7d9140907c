import Foundation

/// What `site.yml` says: languages, where the site lives, and how content is grouped.
package struct SiteConfig: Sendable {
    package struct Language: Sendable {
        package let code: String
        package let fallbacks: [String]
        package let location: SourceLocation

        package init(code: String, fallbacks: [String], location: SourceLocation) {
            self.code = code
            self.fallbacks = fallbacks
            self.location = location
        }
    }
    package let baseURL: String
    package let sourceLanguage: String
    /// Every language the site is published in, the source language first.
    package let languages: [Language]
    /// The welcome pack as an EPUB book, when the site has one.
    package let pack: Pack?
    /// Hosts of web sites that translations may link to where their source links elsewhere or nowhere
    /// (`translations: linkHosts` in site.yml: a localized version of an external site), lowercased.
    package var translationLinkHosts: Set<String> = []

    package init(baseURL: String, sourceLanguage: String, languages: [Language], pack: Pack?, translationLinkHosts: Set<String> = []) {
        self.baseURL = baseURL
        self.sourceLanguage = sourceLanguage
        self.languages = languages
        self.pack = pack
        self.translationLinkHosts = translationLinkHosts
    }

    package struct Pack: Sendable {
        package struct Chapter: Sendable {
            /// "content/first-steps/pesel.xml".
            package let source: String
            /// Where site.yml names it.
            package let location: SourceLocation

            package init(source: String, location: SourceLocation) {
                self.source = source
                self.location = location
            }
        }
        /// The book's file name without extension: site-out/<lang>/<file>.epub.
        package let file: String
        package let chapters: [Chapter]

        package init(file: String, chapters: [Chapter]) {
            self.file = file
            self.chapters = chapters
        }
    }
}

/// The whole input, loaded and parsed: the model every later phase reads.
package struct Site: Sendable {
    package let config: SiteConfig
    /// Sorted by path, so that every later phase is deterministic.
    package let documents: [Document]
    package let theme: Theme
    /// Every office by id, from the offices register(s).
    package let offices: [String: Office]
    /// Source files that exist but could not be read (already reported): links to them are not errors twice.
    package let unreadable: Set<String>
    /// Draft documents left out of this build (their sources, sorted).
    package let drafts: [String]
    private let bySource: [String: Int]

    package init(config: SiteConfig, documents: [Document], theme: Theme, unreadable: Set<String> = [], drafts: [String] = []) {
        self.config = config
        self.drafts = drafts
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
    package var officesDocument: Document? { officesIndex.map { documents[$0] } }
    private let officesIndex: Int?

    package func document(source: String) -> Document? { bySource[source].map { documents[$0] } }
}
