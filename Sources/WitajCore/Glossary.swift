import WitajICU

/// A language's approved terms (`locales/<lang>/glossary.tbx`): for each concept, its source-language terms and the
/// renderings translators agreed on.
package struct Glossary: Sendable {
    package struct Entry: Sendable {
        /// The source-language terms (synonyms, "zameldowanie", "meldunek"), as written.
        package let terms: [String]
        /// The approved renderings: the preferred one first, then those also admitted.
        package let approved: [String]
        /// Renderings the glossary says not to use.
        package let deprecated: [String]
        package let note: String?
        /// Where the entry is, for messages.
        package let location: SourceLocation

        package init(terms: [String], approved: [String], deprecated: [String] = [], note: String? = nil, location: SourceLocation) {
            self.terms = terms
            self.approved = approved
            self.deprecated = deprecated
            self.note = note
            self.location = location
        }
    }

    package let language: String
    package let path: String
    package let entries: [Entry]

    package init(language: String, path: String, entries: [Entry]) {
        self.language = language
        self.path = path
        self.entries = entries
    }
}

/// Finds glossary terms in texts, tolerant of inflection: texts are split into words and case-folded by ICU, and a
/// word is a form of a term's word when they begin alike and the word's own ending is at most four letters. In a
/// source text the term's word may lose only its last letter (its last two from eight letters), so that a generic
/// word does not pass for a term ("ustala" is not "ustawa"); in a translation a rendering's word may lose its last
/// two letters (three from ten; at least three kept), a Ukrainian "і" may be "о" or "е" ("дозволу", "дозвіл"), and
/// up to two other words may stand between its words ("міжнародним або гуманітарним захистом").
/// Words of three letters or fewer must be equal (in a translation, one of three may take a short ending). Where two
/// terms match at one place, the longer wins, and of two as long, the closer. "karty pobytu" and "kartą pobytu" match
/// "karta pobytu", "urzędu pracy" does not match "urząd pracy": a form whose stem changes is given in the glossary as
/// another term of its entry. Built once per glossary; its word splitters serve one thread at a time.
package final class TermMatcher {
    package let glossary: Glossary
    private let sourceWords: WordCounter
    private let targetWords: WordCounter
    /// Each entry's source terms and renderings, as stems of their folded words.
    private let terms: [[[Stem]]]
    private let approved: [[[Stem]]]
    private let deprecated: [[[Stem]]]

    /// A term's word, and which words are its forms.
    struct Stem {
        let letters: [Character]
        /// An acronym ("POZ", "ZUS") is matched as written, capitals and all: "poz." in "Dz.U. poz. 12" is not POZ.
        let acronym: String?
        /// Source terms are found strictly (a generic word must not pass for a term); renderings in translations
        /// are accepted more loosely (a vowel change before the ending, "дозвіл", "дозволу").
        let strict: Bool

        init(_ word: Word, strict: Bool) {
            letters = Array(word.folded)
            let letters = word.raw.filter(\.isLetter)
            acronym = letters.count >= 2 && letters.allSatisfy(\.isUppercase) ? word.raw : nil
            self.strict = strict
        }

        func matches(_ word: Word) -> Bool {
            if let acronym { return word.raw == acronym }
            let other = Array(word.folded)
            var common = 0
            while common < min(other.count, letters.count), same(other[common], letters[common]) { common += 1 }
            let n = letters.count
            switch n {
            case ...2: return other == letters
            case 3: return strict ? other == letters : common == 3 && other.count <= 6
            default:
                let kept = strict ? n - (n >= 8 ? 2 : 1) : max(3, n - (n >= 10 ? 3 : 2))
                return common >= kept && other.count - common <= 4
            }
        }

        /// In a translation, a Ukrainian "і" of a closed syllable is "о" or "е" when the word takes an ending
        /// ("дозвіл", "дозволу"; "довіреність", "довіреності").
        private func same(_ a: Character, _ b: Character) -> Bool {
            a == b || (!strict && b == "і" && (a == "о" || a == "е"))
        }
    }

    package init(_ glossary: Glossary, sourceLanguage: String) {
        self.glossary = glossary
        sourceWords = WordCounter(locale: sourceLanguage)
        targetWords = WordCounter(locale: glossary.language)
        let (s, t) = (sourceWords, targetWords)
        terms = glossary.entries.map { $0.terms.map { Self.words($0, s).map { Stem($0, strict: true) } } }
        approved = glossary.entries.map { $0.approved.map { Self.words($0, t).map { Stem($0, strict: false) } } }
        deprecated = glossary.entries.map { $0.deprecated.map { Self.words($0, t).map { Stem($0, strict: false) } } }
    }

    /// A word of a text as written, and case-folded.
    package struct Word: Sendable {
        let raw: String
        let folded: String
    }

    private static func words(_ text: String, _ splitter: WordCounter) -> [Word] {
        let raw = splitter.words(text, folded: false), folded = splitter.words(text)
        guard raw.count == folded.count else { return folded.map { Word(raw: $0, folded: $0) } }
        return zip(raw, folded).map { Word(raw: $0, folded: $1) }
    }

    private static func matches(_ words: ArraySlice<Word>, _ stems: [Stem]) -> Bool {
        guard !stems.isEmpty, words.count >= stems.count else { return false }
        return zip(words, stems).allSatisfy { $1.matches($0) }
    }

    /// How many letters of the words a phrase has, from their starts: of two terms that match, the closer one
    /// ("pełnomocnictwo" is "pełnomocnictwo" rather than "pełnomocnik").
    private static func closeness(_ words: ArraySlice<Word>, _ stems: [Stem]) -> Int {
        zip(words, stems).reduce(0) { total, pair in
            total + zip(pair.0.folded, pair.1.letters).prefix { $0 == $1 }.count
        }
    }

    /// Whether the words have one of the phrases, each word of it followed by the next within `gap` other words
    /// ("міжнародним або гуманітарним захистом" has "міжнародний захист").
    private static func contains(_ words: [Word], _ phrases: [[Stem]], gap: Int) -> Bool {
        func rest(_ phrase: ArraySlice<Stem>, from start: Int) -> Bool {
            guard let stem = phrase.first else { return true }
            for i in start..<min(words.count, start + gap + 1) where stem.matches(words[i]) {
                if rest(phrase.dropFirst(), from: i + 1) { return true }
            }
            return false
        }
        return phrases.contains { phrase in
            !phrase.isEmpty && words.indices.contains { phrase[0].matches(words[$0]) && rest(phrase.dropFirst(), from: $0 + 1) }
        }
    }

    /// The entries whose terms a source text (plain text, not Markdown) has, in order of appearance, each once.
    /// Where terms overlap, the longest wins: "zezwolenie na pobyt czasowy" is not also "zezwolenie na pobyt".
    package func entries(in sourceText: String) -> [Int] {
        let words = Self.words(sourceText, sourceWords)
        var found: [Int] = []
        var i = 0
        while i < words.count {
            var best: (entry: Int, length: Int, closeness: Int)?
            for (entry, phrases) in terms.enumerated() {
                for phrase in phrases where phrase.count >= (best?.length ?? 0) && Self.matches(words[i...], phrase) {
                    let closeness = Self.closeness(words[i...], phrase)
                    if let best, phrase.count == best.length, closeness <= best.closeness { continue }
                    best = (entry, phrase.count, closeness)
                }
            }
            if let best {
                if !found.contains(best.entry) { found.append(best.entry) }
                i += best.length
            } else {
                i += 1
            }
        }
        return found
    }

    /// Whether a translation (plain text) uses one of the entry's approved renderings.
    package func usesApproved(_ entry: Int, in translationWords: [Word]) -> Bool {
        Self.contains(translationWords, approved[entry], gap: 2)
    }

    /// The renderings the glossary says not to use that a translation has.
    package func deprecatedUsed(_ entry: Int, in translationWords: [Word]) -> [String] {
        zip(glossary.entries[entry].deprecated, deprecated[entry]).filter { Self.contains(translationWords, [$0.1], gap: 0) }.map(\.0)
    }

    /// A translation's words, as `usesApproved` compares them.
    package func translationWords(_ text: String) -> [Word] { Self.words(text, targetWords) }
}
