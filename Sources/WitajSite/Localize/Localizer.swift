import WitajICU
import WitajCore

/// Site x language -> LocalizedSite: resolves every segment through the language's fallback chain and sorts
/// the lists with the language's collation.
package enum Localizer {
    /// Documents not read again (`scope.records`) are localized from their records; only the lists the pages of
    /// `scope` show are made.
    package static func localize(_ site: Site, language: LanguageProfile, languages: [LanguageProfile],
                                 translations: Translations, interface: [String: [String: String]] = [:],
                                 scope: Scope = .everything) -> LocalizedSite {
        let localizer = DocumentLocalizer(site: site, language: language, languages: languages, translations: translations)
        let documents = site.documents.map { document in
            scope.records[document.source]?.localized(document, in: language, profiles: localizer.profiles, links: localizer.links)
                ?? localizer.localized(document)
        }
        return listed(site, language: language, languages: languages, documents: documents,
                      strings: UIStrings(language: language, interface: interface), scope: scope)
    }

    /// The site in one language from its documents localized (in the site's order): the lists the pages of `scope`
    /// show, sorted and grouped the language's way.
    package static func listed(_ site: Site, language: LanguageProfile, languages: [LanguageProfile], documents: [LocalizedDocument],
                               strings: UIStrings, scope: Scope = .everything) -> LocalizedSite {
        func sortKey(_ d: LocalizedDocument) -> String { d.plainTitle }
        func ordered(_ list: [LocalizedDocument]) -> [LocalizedDocument] {
            let byTitle = language.collator.sorted(list, by: sortKey)
            // Stable: documents with an order come first by it, the rest keep the collation order.
            return byTitle.enumerated().sorted { a, b in
                (a.element.document.order ?? Int.max, a.offset) < (b.element.document.order ?? Int.max, b.offset)
            }.map(\.element)
        }
        // Only the home and section pages list members: a build of some other documents' pages needs no lists.
        let listed = scope.remade.map { remade in
            documents.contains { [.section, .home].contains($0.document.kind) && remade.contains($0.document.source) }
        } ?? true
        let members = !listed ? [:] : Dictionary(
            grouping: documents.filter { $0.document.kind != .section && $0.document.kind != .home }, by: { $0.document.section })
        let sections = ordered(documents.filter { $0.document.kind == .section }).map { index in
            LocalizedSite.Section(index: index, members: ordered(members[index.document.path] ?? []))
        }
        // A build of some documents' pages keeps the A-Z page (`PageRenderer.render`) unless asked: it needs no index.
        // Each document under its title as the reader sees it, and under each of its keywords; a title or keyword
        // in another script goes under that script's letters, after the language's own (`AlphabeticIndex.group`).
        let indexed = !scope.makesIndex ? [] : documents.filter { [.article, .procedure, .offices].contains($0.document.kind) }
        let entries = indexed.map { LocalizedSite.IndexEntry(document: $0, keyword: nil) }
            + indexed.flatMap { document in document.document.keywords.map { LocalizedSite.IndexEntry(document: document, keyword: $0) } }
        let index = language.alphabet.group(language.collator.sorted(entries, by: { $0.text }), by: { $0.text }).map {
            LocalizedSite.IndexGroup(letter: $0.bucket.label, entries: $0.items, own: $0.bucket.own)
        }
        return LocalizedSite(site: site, language: language, languages: languages, documents: documents,
                             home: documents.first { $0.document.kind == .home }, sections: sections, index: index,
                             strings: strings,
                             byPath: Dictionary(documents.enumerated().map { ($1.document.path, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Each segment's text in `language`: its current translation, else the first in the fallback chain. A
    /// translation shows only the links and images its source has (`TranslationLinks`); the checker has already
    /// made it so in the translations it parsed.
    package static func resolve(_ document: Document, in language: LanguageProfile, source: LanguageProfile,
                        profiles: [String: LanguageProfile], translations: Translations,
                        links: TranslationLinks) -> [TextKey: ResolvedText] {
        func parsed(_ entry: TranslationEntry, of segment: Segment) -> ParsedText {
            entry.parsed ?? links.restricted(ParsedText(entry.text), of: entry.text, translating: segment, in: document)
        }
        var texts: [TextKey: ResolvedText] = [:]
        let own = translations[language.code]?[document.source]
        let fallbacks = language.fallbacks.filter { $0 != source.code }.compactMap { code in
            profiles[code].map { ($0, translations[code]?[document.source]) }
        }
        for segment in document.segments {
            let key = TextKey(segment.text)
            if texts[key] != nil { continue }
            if language.code == source.code {
                texts[key] = ResolvedText(text: segment.text, parsed: segment.parsed, language: source, state: .source)
                continue
            }
            let own = own?[key]
            if let own, !own.fuzzy, !own.text.isEmpty {
                texts[key] = ResolvedText(text: own.text, parsed: parsed(own, of: segment), language: language, state: .translated)
                continue
            }
            // "112", "BLIK": the same in every language, whatever a catalog says of it.
            if segment.nothingToTranslate {
                texts[key] = ResolvedText(text: segment.text, parsed: segment.parsed, language: language, state: .nothingToTranslate)
                continue
            }
            let state: ResolvedText.State = own?.fuzzy == true && !(own?.text.isEmpty ?? true) ? .outdated : .untranslated
            var resolved = ResolvedText(text: segment.text, parsed: segment.parsed, language: source, state: state)
            for (profile, catalog) in fallbacks {
                if let entry = catalog?[key], !entry.fuzzy, !entry.text.isEmpty {
                    resolved = ResolvedText(text: entry.text, parsed: parsed(entry, of: segment), language: profile, state: state)
                    break
                }
            }
            texts[key] = resolved
        }
        return texts
    }
}

/// Localizes documents read in full into one language: each segment resolved, the whole article in the first
/// fallback language where too little is translated, and its search entry.
package struct DocumentLocalizer {
    package let language: LanguageProfile
    package let profiles: [String: LanguageProfile]
    package let links: TranslationLinks
    private let source: LanguageProfile
    private let translations: Translations
    /// Nil: no search entry is made (the preview server makes them after browsers are told to reload).
    private let words: SearchWords?
    private let wholeIn: LanguageProfile?
    private let wholePageBelow: Int

    /// `links`: the site's (`TranslationLinks(site:)`); `search`: false when the search entries are made later.
    package init(site: Site, language: LanguageProfile, languages: [LanguageProfile], translations: Translations,
                 links: TranslationLinks? = nil, search: Bool = true) {
        self.language = language
        let profiles = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, $0) })
        self.profiles = profiles
        source = profiles[site.config.sourceLanguage] ?? language
        self.links = links ?? TranslationLinks(site: site)
        self.translations = translations
        words = search ? SearchWords(language: language.code) : nil
        wholeIn = language.fallbacks.first.flatMap { profiles[$0] }
        wholePageBelow = site.config.wholePageBelow
    }

    package func localized(_ document: Document) -> LocalizedDocument {
        var localized = LocalizedDocument(document: document, language: language,
                                          texts: Localizer.resolve(document, in: language, source: source, profiles: profiles,
                                                                   translations: translations, links: links))
        // Mostly untranslated: the article in one language, the fallback's, rather than paragraph by paragraph.
        if let wholeIn, localized.hasFallback,
           localized.translatedShare(counting: WordCounter(locale: source.formatters.locale).count) * 100 < Double(wholePageBelow) {
            localized = localized.shownWhole(in: wholeIn, texts: Localizer.resolve(document, in: wholeIn, source: source, profiles: profiles,
                                                                                   translations: translations, links: links))
        }
        if let words { localized.search = SearchEntry(localized, words: words) }
        return localized
    }
}
