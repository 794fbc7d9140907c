import WitajICU
import WitajCore

/// A segment's text as a reader of one language gets it, and which language it really is.
package struct ResolvedText: Sendable {
    package enum State: String, Sendable, Equatable {
        /// The page's language is the source language.
        case source
        case translated
        /// The translation is outdated (fuzzy): the text comes from the fallback chain.
        case outdated
        /// No translation: the text comes from the fallback chain.
        case untranslated
        /// No current translation, and nothing to translate (`Segment.nothingToTranslate`): the text as it is,
        /// as the page's own (no fallback).
        case nothingToTranslate
    }
    package let text: String
    /// The text's inline Markdown, parsed once; a translation's has only the links and images its source has.
    package let parsed: ParsedText
    package let language: LanguageProfile
    package let state: State

    /// What a reader sees, without markup (the page's `<title>`, its description, sorting).
    package var plainText: String { parsed.plainText(of: text) }
}

/// A translation of one segment as a catalog holds it.
package struct TranslationEntry: Sendable, Equatable {
    package let text: String
    package let fuzzy: Bool
    /// What readers get of the text, parsed when it was checked, with only the links and images its source has
    /// (`TranslationChecker.check`); nil when it was not checked (a fuzzy or empty one is never shown).
    package let parsed: ParsedText?
    package init(text: String, fuzzy: Bool, parsed: ParsedText? = nil) {
        self.text = text
        self.fuzzy = fuzzy
        self.parsed = parsed
    }
}

/// Translations per language, then per document source, then per source text (msgid).
package typealias Translations = [String: [String: [TextKey: TranslationEntry]]]

/// One document seen in one language.
/// A class, not a struct: every list and page of a language holds the same documents, which a copy of a struct
/// (its document, texts and search entry) would retain field by field. Set up (`search`, `whole`) before it is shared;
/// the preview server sets `search` of the documents it read again after sharing them, in a `Later` that the search
/// index waits for, and pages never read it.
package final class LocalizedDocument: @unchecked Sendable {
    package let document: Document
    package let language: LanguageProfile
    package let texts: [TextKey: ResolvedText]
    /// Some segment shows another language's text.
    package let hasFallback: Bool
    package let hasOutdated: Bool
    /// The title as a reader sees it, without Markdown (for sorting, `<title>` and lists).
    package let plainTitle: String
    /// What the search index holds of it (`SearchEntry`): made by the localizer, or kept in its record.
    package var search: SearchEntry = .empty
    /// When too little of the document is translated (`SiteConfig.wholePageBelow`): its texts in the first language
    /// of the fallback chain, which its page's article shows whole; `texts` still give its title in lists.
    package private(set) var whole: (language: LanguageProfile, texts: [TextKey: ResolvedText])?

    package convenience init(document: Document, language: LanguageProfile, texts: [TextKey: ResolvedText]) {
        self.init(document: document, language: language, texts: texts,
                  hasFallback: texts.values.contains { $0.state == .untranslated || $0.state == .outdated },
                  hasOutdated: texts.values.contains { $0.state == .outdated })
    }

    /// With the flags given: a document kept from the last build has only its title and summary (`DocumentRecord`).
    package init(document: Document, language: LanguageProfile, texts: [TextKey: ResolvedText], hasFallback: Bool, hasOutdated: Bool) {
        self.document = document
        self.language = language
        self.texts = texts
        self.hasFallback = hasFallback
        self.hasOutdated = hasOutdated
        plainTitle = texts[TextKey(document.title.text)]?.plainText ?? document.title.parsed.plainText(of: document.title.text)
    }

    /// A text of the document as this language shows it; a text that is no segment (an empty table cell) as it is.
    package func resolve(_ text: String) -> ResolvedText {
        texts[TextKey(text)] ?? ResolvedText(text: text, parsed: ParsedText(text), language: language, state: .source)
    }

    package var title: ResolvedText { resolve(document.title.text) }
    package var summary: ResolvedText? { document.summary.map { resolve($0.text) } }

    /// Every segment is current in this language (always true in the source language).
    package var isComplete: Bool { !hasFallback }

    /// The language the page's article is shown in: the reader's, or the fallback it is shown whole in.
    package var shownIn: LanguageProfile { whole?.language ?? language }

    /// This document shown whole in `language` (texts resolved in it), where it has fallen back.
    package func shownWhole(in language: LanguageProfile, texts: [TextKey: ResolvedText]) -> LocalizedDocument {
        let copy = LocalizedDocument(document: document, language: self.language, texts: self.texts, hasFallback: true, hasOutdated: hasOutdated)
        copy.whole = (language, texts)
        return copy
    }

    /// The document as its article shows it: the texts of the language it is shown in.
    package var article: LocalizedDocument {
        guard let whole else { return self }
        return LocalizedDocument(document: document, language: language, texts: whole.texts, hasFallback: true, hasOutdated: hasOutdated)
    }

    /// The share (0...1) of the document's words that are translated into its language (words of segments with
    /// something to translate, counted in the source text); 1 when there is nothing to translate.
    package func translatedShare(counting words: (String) -> Int) -> Double {
        var translated = 0, total = 0
        for segment in document.segments where !segment.nothingToTranslate {
            let n = words(segment.parsed.plainText(of: segment.text))
            total += n
            if let state = texts[TextKey(segment.text)]?.state, state == .translated || state == .source { translated += n }
        }
        return total == 0 ? 1 : Double(translated) / Double(total)
    }
}

/// The whole site in one language: resolved segments, and lists sorted and grouped the language's way.
package struct LocalizedSite: Sendable {
    package struct Section: Sendable {
        package let index: LocalizedDocument
        package let members: [LocalizedDocument]
    }
    package struct IndexGroup: Sendable {
        package let letter: String
        package let entries: [IndexEntry]
        /// A letter of the language's own alphabet; else one of another script's, after them.
        package var own = true
    }
    /// A document under its title, or under one of its keywords (in the source language).
    package struct IndexEntry: Sendable {
        package let document: LocalizedDocument
        package let keyword: String?
        /// What the entry is sorted and grouped by.
        package var text: String { keyword ?? document.plainTitle }
    }

    package let site: Site
    package let language: LanguageProfile
    /// All languages of the site, source first, for the language switcher.
    package let languages: [LanguageProfile]
    package let documents: [LocalizedDocument]
    package let home: LocalizedDocument?
    package let sections: [Section]
    /// The A-Z index: every article, procedure and register, grouped under the letters of the language.
    package let index: [IndexGroup]
    package let strings: UIStrings
    /// The build's day: which news are current, which events past (`Pipeline.buildDay`).
    package var today = Day(year: 1970, month: 1, day: 1)

    package let byPath: [String: Int]

    package func document(path: String) -> LocalizedDocument? { byPath[path].map { documents[$0] } }

    /// This language's site of `site`, the same but for some documents read again (`Site.replacing`), `fresh` in
    /// place of those at the same paths. `relist`: the lists are sorted again (what they show of one changed: its
    /// title, order or keywords); else each keeps its order, with the fresh documents in it.
    package func replacing(_ fresh: [LocalizedDocument], site: Site, relist: Bool) -> LocalizedSite {
        var documents = self.documents
        var swapped: [ObjectIdentifier: LocalizedDocument] = [:]
        for document in fresh {
            guard let i = byPath[document.document.path] else { continue }
            swapped[ObjectIdentifier(documents[i])] = document
            documents[i] = document
        }
        var made: LocalizedSite
        if relist {
            made = Localizer.listed(site, language: language, languages: languages, documents: documents, strings: strings)
        } else {
            func swap(_ document: LocalizedDocument) -> LocalizedDocument { swapped[ObjectIdentifier(document)] ?? document }
            func has(_ document: LocalizedDocument) -> Bool { swapped[ObjectIdentifier(document)] != nil }
            // Only the lists that hold a fresh document are made anew.
            made = LocalizedSite(site: site, language: language, languages: languages, documents: documents, home: home.map(swap),
                                 sections: sections.map { section in
                                     !has(section.index) && !section.members.contains(where: has) ? section
                                         : Section(index: swap(section.index), members: section.members.map(swap))
                                 },
                                 index: index.map { group in
                                     !group.entries.contains(where: { has($0.document) }) ? group
                                         : IndexGroup(letter: group.letter, entries: group.entries.map { IndexEntry(document: swap($0.document), keyword: $0.keyword) },
                                                      own: group.own)
                                 },
                                 strings: strings, byPath: byPath)
        }
        made.today = today
        return made
    }
}
