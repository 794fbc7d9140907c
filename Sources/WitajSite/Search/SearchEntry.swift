import WitajCore
import WitajICU

/// What the search index holds of one document in one language: its stems with a weight each, and its texts for
/// the results' snippets. Made when the document is localized; a document not read again keeps its record's
/// (`DocumentRecord.search`), so the index of a rebuild is the index of a clean build.
package struct SearchEntry: Equatable, Sendable {
    /// A text as the page shows it, without markup; `language` when it is not the page's (a fallback).
    package struct Text: Equatable, Sendable {
        package let text: String
        package let language: String?

        package init(text: String, language: String?) {
            self.text = text
            self.language = language
        }
    }

    /// Stems and their weights (`weight`), by stem.
    package let terms: [String: Int]
    /// The texts in reading order, the title first.
    package let texts: [Text]

    package init(terms: [String: Int], texts: [Text]) {
        self.terms = terms
        self.texts = texts
    }

    package static let empty = SearchEntry(terms: [:], texts: [])

    /// A stem's weight: 100 when it is in the title, 30 in a heading or the summary, and 1 for each time in the text
    /// (up to 20): the title ranks above the headings, the headings above the text.
    static func weight(title: Bool, heading: Bool, count: Int) -> Int {
        (title ? 100 : 0) + (heading ? 30 : 0) + min(count, 20)
    }

    /// The entry of a document as `localized` shows it; `words` of the page's language.
    package init(_ localized: LocalizedDocument, words: SearchWords) {
        var title: Set<String> = [], headings: Set<String> = [], counts: [String: Int] = [:]
        var texts: [Text] = []
        var seen: Set<TextKey> = []
        for segment in localized.document.segments {
            guard seen.insert(TextKey(segment.text)).inserted else { continue }
            let resolved = localized.resolve(segment.text)
            let plain = resolved.plainText
            let language = resolved.language.code == localized.language.code ? nil : resolved.language.code
            texts.append(Text(text: plain, language: language))
            for stem in words.stems(plain) {
                switch segment.role {
                case .title: title.insert(stem)
                case .heading, .summary: headings.insert(stem)
                default: counts[stem, default: 0] += 1
                }
            }
        }
        // Keywords (front matter `keywords:`: the Polish words readers look for, "meldunek") weigh as headings, in
        // every language's index: readers meet them in offices and on forms.
        for keyword in localized.document.keywords {
            headings.formUnion(words.stems(keyword))
        }
        var terms: [String: Int] = [:]
        for stem in title.union(headings).union(counts.keys) {
            terms[stem] = Self.weight(title: title.contains(stem), heading: headings.contains(stem), count: counts[stem] ?? 0)
        }
        self.init(terms: terms, texts: texts)
    }
}
