import Foundation

/// What `site.yml` says: languages, where the site lives, and how content is grouped.
package struct SiteConfig: Sendable {
    package struct Language: Sendable {
        package let code: String
        package let fallbacks: [String]
        package let location: SourceLocation
        /// The digits the language's dates, hours, amounts and counts are written in (`digits: latn` in site.yml, an
        /// ICU numbering system); nil: the language's own by CLDR (Arabic-Indic for ar).
        package var digits: String?

        package init(code: String, fallbacks: [String], location: SourceLocation, digits: String? = nil) {
            self.code = code
            self.fallbacks = fallbacks
            self.location = location
            self.digits = digits
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
    /// Below this share of a page's words translated (percent; `translations: wholePageBelow` in site.yml), the
    /// page's article is shown whole in the first language of the fallback chain rather than paragraph by paragraph.
    package var wholePageBelow = SiteConfig.defaultWholePageBelow
    /// Half: below it a reader meets more of the other language than of theirs, and a page that switches language
    /// (and direction) from paragraph to paragraph reads worse than one in a language they chose as their second.
    package static let defaultWholePageBelow = 50
    /// The coverage report's language and the programme's targets (`coverage:` in site.yml).
    package var coverage = CoverageSettings()

    package init(baseURL: String, sourceLanguage: String, languages: [Language], pack: Pack?, translationLinkHosts: Set<String> = [],
                 coverage: CoverageSettings = CoverageSettings()) {
        self.baseURL = baseURL
        self.sourceLanguage = sourceLanguage
        self.languages = languages
        self.pack = pack
        self.translationLinkHosts = translationLinkHosts
        self.coverage = coverage
    }

    /// `coverage:` in site.yml: the language of site-out/coverage/ (nil: the source language), and the programme's
    /// targets, each for one group of documents.
    package struct CoverageSettings: Sendable {
        package var language: String?
        package var targets: [Target] = []
        /// News posts and events count in the programme's indicator as articles (`countNewsAndEvents: true`); by
        /// default they are apart, as navigation pages are.
        package var countNewsAndEvents = false

        package init(language: String? = nil, targets: [Target] = []) {
            self.language = language
            self.targets = targets
        }
    }

    /// By `by`, `share` percent of the group's documents completely translated into each of `languages`.
    package struct Target: Sendable, Equatable {
        package enum Group: String, Sendable, CaseIterable { case procedures, articles }
        package let by: Day
        package let group: Group
        package let share: Int
        package let languages: [String]

        package init(by: Day, group: Group, share: Int, languages: [String]) {
            self.by = by
            self.group = group
            self.share = share
            self.languages = languages
        }
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
        /// The start of the books' file names: site-out/<lang>/<file>-<lang>.epub.
        package let file: String
        package let chapters: [Chapter]
        /// Who wrote the pack and who publishes it (`creator:`, `publisher:`); the publisher certifies the books'
        /// accessibility claim. Names as they are, in the source language.
        package var creator: String?
        package var publisher: String?

        package init(file: String, chapters: [Chapter], creator: String? = nil, publisher: String? = nil) {
            self.file = file
            self.chapters = chapters
            self.creator = creator
            self.publisher = publisher
        }

        /// A language's book, "witaj-krakow-uk.epub": each language's its own name, so that two downloads do not
        /// collide.
        package func bookFile(_ language: String) -> String { "\(file)-\(language).epub" }
    }
}

/// The whole input, loaded and parsed: the model every later phase reads.
package struct Site: Sendable {
    package let config: SiteConfig
    /// Sorted by path, so that every later phase is deterministic.
    package private(set) var documents: [Document]
    package let theme: Theme
    /// Every office by id, from the offices register(s).
    package let offices: [String: Office]
    /// Source files that exist but could not be read (already reported): links to them are not errors twice.
    package let unreadable: Set<String>
    /// Draft documents left out of this build (their sources, sorted).
    package var drafts: [String] { draftDocuments.map(\.source) }
    /// Those drafts as read: not published, but their links and ids are checked (as warnings) all the same.
    package let draftDocuments: [Document]
    /// `static/`: published as it is at the same place in the output, `static/<lang>/` in that language's folder.
    package let staticFiles: [SiteFile]
    /// The files beside the documents in `content/` that are not documents (images, forms): each published once,
    /// in the source language's folder, and linked from every language (`LinkResolver.published`).
    package let attachments: [SiteFile]
    private let bySource: [String: Int]

    package init(config: SiteConfig, documents: [Document], theme: Theme, unreadable: Set<String> = [], drafts: [Document] = [],
                 staticFiles: [SiteFile] = [], attachments: [SiteFile] = []) {
        self.config = config
        self.draftDocuments = drafts.sorted { $0.source < $1.source }
        self.unreadable = unreadable
        self.staticFiles = staticFiles
        self.attachments = attachments
        self.documents = documents
        self.theme = theme
        var offices: [String: Office] = [:]
        for document in documents {
            if case .offices(let list) = document.body { for office in list where offices[office.id] == nil { offices[office.id] = office } }
        }
        self.offices = offices
        var bySource: [String: Int] = [:], paths: [String: String] = [:]
        for (i, document) in documents.enumerated() {
            if bySource[document.source] == nil { bySource[document.source] = i }
            paths[document.source] = document.path
        }
        self.bySource = bySource
        self.paths = paths
        officesIndex = documents.firstIndex { $0.kind == .offices }
    }

    /// Each document's path by its source (the last of two with one source, as a dictionary built in order keeps):
    /// made once here, for every link resolver of the build.
    package let paths: [String: String]

    /// The document that lists the offices, for links from procedure pages (found once: every procedure page asks).
    package var officesDocument: Document? { officesIndex.map { documents[$0] } }
    private let officesIndex: Int?

    package func document(source: String) -> Document? { bySource[source].map { documents[$0] } }

    /// The same site with these documents (read again) in place of those of the same source; each keeps its place,
    /// so each has the path it had.
    package func replacing(_ changed: [Document]) -> Site {
        var site = self
        for document in changed {
            guard let i = bySource[document.source], documents[i].path == document.path else { continue }
            site.documents[i] = document
        }
        // The sources and paths are the same; the offices too, unless a register changed.
        if changed.contains(where: { $0.kind == .offices }) {
            return Site(config: config, documents: site.documents, theme: theme, unreadable: unreadable, drafts: draftDocuments,
                        staticFiles: staticFiles, attachments: attachments)
        }
        return site
    }
}

/// A file of the site published as it is, copied rather than read: from `static/`, or beside the documents.
package struct SiteFile: Sendable, Hashable {
    /// Relative to the site's root: "static/robots.txt", "content/first-steps/pesel-form.pdf".
    package let source: String
    /// Where it is on disk.
    package let file: String

    package init(source: String, file: String) {
        self.source = source
        self.file = file
    }

    /// Where a static file is published: `static/robots.txt` -> `robots.txt`, `static/uk/x.pdf` -> `uk/x.pdf`.
    package var staticPath: String { String(source.dropFirst("static/".count)) }

    /// The path of a file beside the documents under content/: `content/a/b.pdf` -> `a/b.pdf`.
    package var contentPath: String { String(source.dropFirst("content/".count)) }
}

extension Site {
    /// The file on disk that is published at `path` (relative to the output) as it is, if any.
    package func file(publishedAt path: String) -> String? {
        if let file = staticFiles.first(where: { $0.staticPath == path }) { return file.file }
        let prefix = config.sourceLanguage + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return attachments.first { $0.contentPath == path.dropFirst(prefix.count) }?.file
    }
}
