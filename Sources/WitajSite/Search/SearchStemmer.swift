import Foundation
import WitajCore
import WitajICU

/// The words of a text as search compares them, and a small suffix-stripping stemmer per language.
///
/// Words come from ICU's word break rules; each is case-folded, stripped of nonspacing marks ("Zaświadczenie" ->
/// "zaswiadczenie", "إقامة" -> "اقامة") and mapped by `letters` (ł -> l, taa marbuta -> haa...). The stemmer takes off
/// the longest ending of the language's list that leaves `minimum` letters (and, in Arabic, the article and
/// the prepositions joined to it): "karty", "karta", "kartą" -> "kart"; "посвідку", "посвідка" -> "посвідк". It is
/// no dictionary: alternations ("urząd" / "urzędu") are not joined, and the client adds prefix matching. The search
/// client gets the same rules as data (`meta.json`) and applies them to the reader's query: one stemmer.
package struct SearchStemmer: Sendable {
    /// Endings, folded, longest first.
    package let suffixes: [String]
    /// Arabic: the article and the particles joined to it, folded, longest first.
    package let prefixes: [String]
    /// The fewest letters a stem keeps.
    package let minimum: Int
    /// Words are indexed without "and" joined to them too (Arabic; `stems`).
    private let joined: Bool
    /// The lists as code points, made once: a folded word has one code point per letter (NFC, no marks), and
    /// comparing Characters cost 5 ms a document in every language (localize took 10 times longer with search).
    private let suffixScalars: [[Unicode.Scalar]], prefixScalars: [[Unicode.Scalar]]

    /// Letters that folding (case, marks) leaves apart but a reader types alike.
    package static let letters: [Character: String] = [
        "ł": "l", "đ": "d", "ø": "o", "ı": "i",
        "ة": "ه", "ى": "ي", "ٱ": "ا", "ـ": "",
    ]

    package init(language: String) {
        let base = language.split(separator: "-").first.map(String.init) ?? language
        let (suffixes, prefixes, minimum) = Self.rules[base] ?? ([], [], 3)
        func folded(_ list: [String]) -> [String] {
            Array(Set(list.map(Self.map))).sorted { ($0.count, $0) > ($1.count, $1) }
        }
        // Endings are written as the language spells them and folded as words are.
        self.suffixes = folded(suffixes.map { $0.lowercased().decomposedWithoutMarks })
        self.prefixes = folded(prefixes.map { $0.decomposedWithoutMarks })
        self.minimum = minimum
        joined = base == "ar"
        suffixScalars = self.suffixes.map { Array($0.unicodeScalars) }
        prefixScalars = self.prefixes.map { Array($0.unicodeScalars) }
    }

    /// A folded word's letters mapped (`letters`).
    package static func map(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { mapped.contains($0) }) else { return word }
        return word.map { letters[$0] ?? String($0) }.joined()
    }

    /// The code points of `letters`' keys: a word without any is left as it is.
    private static let mapped = Set(letters.keys.flatMap(\.unicodeScalars))

    /// The stems a folded word is indexed under: its stem, and in Arabic, for a word that begins with "and" (و)
    /// joined to it, the stem of the rest too ("وبطاقة" is found by "بطاقة"). Only the index does this: a query's
    /// word is stemmed as it is (`stem`), so a word whose first letter is و ("وثيقة") still finds itself.
    package func stems(_ word: String) -> [String] {
        let own = stem(word)
        guard joined, word.hasPrefix("و"), word.count - 1 > minimum else { return [own] }
        let rest = stem(String(word.dropFirst()))
        return rest == own ? [own] : [own, rest]
    }

    /// The stem of a folded word: the first prefix of the list it begins with that leaves more than `minimum`
    /// letters taken off, then the first (longest) suffix that leaves `minimum`.
    package func stem(_ word: String) -> String {
        let letters = Array(word.unicodeScalars)
        var start = 0
        for prefix in prefixScalars where letters.count - prefix.count >= minimum + 1 && letters.starts(with: prefix) {
            start = prefix.count
            break
        }
        let count = letters.count - start
        for suffix in suffixScalars where count - suffix.count >= minimum
            && letters[(letters.count - suffix.count)...].elementsEqual(suffix) {
            return String(String.UnicodeScalarView(letters[start..<(letters.count - suffix.count)]))
        }
        return start == 0 ? word : String(String.UnicodeScalarView(letters[start...]))
    }


    /// Endings of each language (nominal and adjectival cases, common verb endings), as written.
    static let rules: [String: (suffixes: [String], prefixes: [String], minimum: Int)] = [
        "pl": (["a", "ą", "ę", "e", "i", "o", "u", "y", "ie", "iu", "ia", "ii", "ią", "ię", "ami", "iami", "ach", "iach", "ów",
                "om", "iom", "owi", "owie", "em", "iem", "ej", "ego", "emu", "ymi", "imi", "ich", "ych", "ym", "im", "ość",
                "ości", "ością", "ościach", "ościami", "ać", "ić", "yć", "eć", "anie", "ania", "aniu", "aniem", "ań",
                "enie", "enia", "eniu", "eniem", "eń", "owy", "owa", "owe", "owej", "owych", "owym", "owego"], [], 3),
        "uk": (["а", "я", "о", "е", "є", "и", "і", "ї", "у", "ю", "ь", "ами", "ями", "ові", "еві", "єві", "ого", "ому",
                "ими", "іми", "их", "іх", "ою", "ею", "єю", "ом", "ем", "ам", "ям", "ах", "ях", "ів", "їв", "ий", "ій",
                "ої", "ої", "ую", "юю", "ння", "нню", "нням", "нні", "ннях", "ти", "ться", "ся"], [], 3),
        "ru": (["а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ых",
                "их", "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ую", "юю", "ом", "ем", "ам", "ям", "ах", "ях", "ов",
                "ев", "ью", "ия", "ие", "ии", "ию", "ием", "иях", "иями", "ть", "ться", "ся"], [], 3),
        "be": (["а", "я", "о", "е", "ы", "і", "у", "ю", "ь", "ў", "амі", "ямі", "ага", "яга", "аму", "яму", "ымі", "імі",
                "ых", "іх", "ой", "ай", "ей", "ый", "ій", "ая", "яя", "ае", "яе", "ую", "юю", "ом", "ем", "ам", "ям", "ах",
                "ях", "оў", "аў", "еў", "нне", "нню", "ннем", "ння", "ць", "цца", "ся"], [], 3),
        "en": (["s", "es", "ies", "ing", "ed", "'s"], [], 3),
        "ar": (["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"], ["وال", "بال", "كال", "فال", "لل", "ال"], 2),
    ]

    /// The rules as the search client reads them (meta.json).
    package var json: String {
        func list(_ items: [String]) -> String { "[" + items.map(PrettyJSON.string).joined(separator: ",") + "]" }
        return "{\"suffixes\":\(list(suffixes)),\"prefixes\":\(list(prefixes)),\"minimum\":\(minimum),\"letters\":{"
            + Self.letters.sorted { $0.key < $1.key }.map { PrettyJSON.string(String($0.key)) + ":" + PrettyJSON.string($0.value) }
                .joined(separator: ",") + "}}"
    }
}

/// A text's stems as the index holds them: ICU's words of the language, folded, mapped and stemmed (`SearchStemmer`).
/// Each word's stems are remembered: a language's documents use a few thousand words many times over. For one
/// thread at a time (one per language being localized).
package final class SearchWords: @unchecked Sendable {
    private let words: WordCounter
    package let stemmer: SearchStemmer
    private var known: [String: [String]] = [:]

    package init(language: String) {
        words = WordCounter(locale: language)
        stemmer = SearchStemmer(language: language)
    }

    /// The stems of the text's words in reading order, a word's stems together; stems shorter than two letters
    /// left out.
    package func stems(_ text: String) -> [String] {
        var result: [String] = []
        for word in words.words(text, withoutMarks: true) {
            if let stems = known[word] {
                result += stems
                continue
            }
            let stems = stemmer.stems(SearchStemmer.map(word)).filter { $0.count >= 2 }
            known[word] = stems
            result += stems
        }
        return result
    }
}

extension String {
    /// Without nonspacing marks, as ICU's search folding leaves a word (for the stemmer's own endings).
    var decomposedWithoutMarks: String {
        String(String.UnicodeScalarView(decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        })).precomposedStringWithCanonicalMapping
    }
}
