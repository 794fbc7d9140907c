import WitajICU

/// A segment's text as a reader of one language gets it, and which language it really is.
public struct ResolvedText: Sendable {
    public enum State: String, Sendable, Equatable {
        /// The page's language is the source language.
        case source
        case translated
        /// The translation is outdated (fuzzy): the text comes from the fallback chain.
        case outdated
        /// No translation: the text comes from the fallback chain.
        case untranslated
    }
    public let text: String
    /// The text's inline Markdown, parsed once; a translation's has only the links and images its source has.
    public let parsed: ParsedText
    public let language: LanguageProfile
    public let state: State

    /// What a reader sees, without markup (the page's `<title>`, its description, sorting).
    public var plainText: String { parsed.plainText(of: text) }
}

/// A translation of one segment as a catalog holds it.
public struct TranslationEntry: Sendable, Equatable {
    public let text: String
    public let fuzzy: Bool
    /// What readers get of the text, parsed when it was checked, with only the links and images its source has
    /// (`TranslationChecker.check`); nil when it was not checked (a fuzzy or empty one is never shown).
    public let parsed: ParsedText?
    public init(text: String, fuzzy: Bool, parsed: ParsedText? = nil) {
        self.text = text
        self.fuzzy = fuzzy
        self.parsed = parsed
    }
}

/// Translations per language, then per document source, then per source text (msgid).
public typealias Translations = [String: [String: [TextKey: TranslationEntry]]]

/// One document seen in one language.
public struct LocalizedDocument: Sendable {
    public let document: Document
    public let language: LanguageProfile
    let texts: [TextKey: ResolvedText]
    /// Some segment shows another language's text.
    public let hasFallback: Bool
    public let hasOutdated: Bool
    /// The title as a reader sees it, without Markdown (for sorting, `<title>` and lists).
    public let plainTitle: String

    init(document: Document, language: LanguageProfile, texts: [TextKey: ResolvedText]) {
        self.init(document: document, language: language, texts: texts,
                  hasFallback: texts.values.contains { $0.state == .untranslated || $0.state == .outdated },
                  hasOutdated: texts.values.contains { $0.state == .outdated })
    }

    /// With the flags given: a document kept from the last build has only its title and summary (`DocumentRecord`).
    init(document: Document, language: LanguageProfile, texts: [TextKey: ResolvedText], hasFallback: Bool, hasOutdated: Bool) {
        self.document = document
        self.language = language
        self.texts = texts
        self.hasFallback = hasFallback
        self.hasOutdated = hasOutdated
        plainTitle = texts[TextKey(document.title.text)]?.plainText ?? document.title.parsed.plainText(of: document.title.text)
    }

    /// A text of the document as this language shows it; a text that is no segment (an empty table cell) as it is.
    public func resolve(_ text: String) -> ResolvedText {
        texts[TextKey(text)] ?? ResolvedText(text: text, parsed: ParsedText(text), language: language, state: .source)
    }

    public var title: ResolvedText { resolve(document.title.text) }
    public var summary: ResolvedText? { document.summary.map { resolve($0.text) } }

    /// Every segment is current in this language (always true in the source language).
    public var isComplete: Bool { !hasFallback }
}

/// The whole site in one language: resolved segments, and lists sorted and grouped the language's way.
public struct LocalizedSite: Sendable {
    public struct Section: Sendable {
        public let index: LocalizedDocument
        public let members: [LocalizedDocument]
    }
    public struct IndexGroup: Sendable {
        public let letter: String
        public let documents: [LocalizedDocument]
    }

    public let site: Site
    public let language: LanguageProfile
    /// All languages of the site, source first, for the language switcher.
    public let languages: [LanguageProfile]
    public let documents: [LocalizedDocument]
    public let home: LocalizedDocument?
    public let sections: [Section]
    /// The A-Z index: every article, procedure and register, grouped under the letters of the language.
    public let index: [IndexGroup]
    public let strings: UIStrings

    let byPath: [String: Int]

    public func document(path: String) -> LocalizedDocument? { byPath[path].map { documents[$0] } }
}
