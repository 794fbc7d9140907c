import WitajCore

/// What a build makes, given to the phases: the model itself carries no rebuild state.
///
/// A full build (`everything`) reads every source and makes every page. A rebuild after some documents changed
/// (planned by `WitajIncremental`) reads those documents again and makes their pages; the last build's records
/// stand in for the documents it does not read (what other pages show of them, their coverage), and its book
/// chapters for their chapters.
package struct Scope: Sendable {
    /// The documents (by source) whose pages are made; nil: all of them, with the pages every document is on (the
    /// A-Z index, the language chooser, the theme's assets).
    package var remade: Set<String>?
    /// Documents not read again, by source.
    package var records: [String: DocumentRecord] = [:]
    /// The last build's chapters of the books, when a chapter is remade from them; nil when they are not needed.
    package var chapters: Pending<BookChapters?>?
    /// The A-Z index of every language is made too when only some documents' pages are: it shows every document's
    /// title, so the preview server asks for it after a title changed.
    package var index = false

    package static let everything = Scope()

    package init(remade: Set<String>? = nil, records: [String: DocumentRecord] = [:], chapters: Pending<BookChapters?>? = nil,
                 index: Bool = false) {
        self.remade = remade
        self.records = records
        self.chapters = chapters
        self.index = index
    }

    /// Whether the pages of this document are made.
    package func makes(_ source: String) -> Bool { remade?.contains(source) ?? true }

    /// Whether the A-Z index is made.
    package var makesIndex: Bool { remade == nil || index }

    package var isEverything: Bool { remade == nil }
}
