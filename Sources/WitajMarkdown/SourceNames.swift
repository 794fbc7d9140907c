import Foundation

/// The names a translation keeps in the source language (Polish): "Urząd Stanu Cywilnego", "ul. Wielicka", "Kraków"
/// inside an English, Ukrainian or Arabic sentence, found so that they can be marked with the source's `lang` and a
/// screen reader pronounces them as Polish.
///
/// A name is a run of words of the translation that also stands, word for word and with the same spaces or hyphens
/// between, in the source segment, and that holds at least one word only Polish would write: one with a Polish letter
/// (ą ć ę ł ń ó ś ź ż), or, in text mostly of another script than Latin (Cyrillic, Arabic), a capitalised Latin word;
/// or that has two words or more, one capitalised ("ul. Wielicka", "Urząd Miasta"). A name starts and ends with a
/// capitalised word (or starts with an abbreviation, "ul."): lower-case words at either end are left out ("na" of
/// "na ul. Wielickiej" stays the translation's, and so does a Polish term such as "meldunek").
/// A single English word that Polish also writes ("To", "PESEL") is not taken for a name in English text, nor a name
/// the translation writes in another form than the source ("Krakowie" in the source, "Kraków" in the translation).
/// Nothing here writes markup: `InlineHTMLRenderer` wraps the ranges found, and escapes every character.
package struct SourceNames: Sendable {
    /// The source segment's words, and each pair of neighbours with what stands between them.
    let words: Set<Substring>
    let pairs: Set<String>

    package init(source: String) {
        let found = Self.words(in: source)
        words = Set(found.map { source[$0] })
        var pairs: Set<String> = []
        for (a, b) in zip(found, found.dropFirst()) where Self.joins(source[a.upperBound..<b.lowerBound]) {
            pairs.insert(String(source[a.lowerBound..<b.upperBound]))
        }
        self.pairs = pairs
    }

    /// The names of `source`, made once for every language, page and book that shows a translation of it (making
    /// them for each took a twelfth of a cold build). Forgotten all at once when many sources were seen (the preview
    /// server runs for days).
    package static func of(_ source: String) -> SourceNames {
        if let known = made.lock.withLock({ made.names[source] }) { return known }
        let names = SourceNames(source: source)
        made.lock.withLock {
            if made.names.count >= 200_000 { made.names.removeAll() }
            made.names[source] = names
        }
        return names
    }

    private final class Made: @unchecked Sendable {
        let lock = NSLock()
        var names: [String: SourceNames] = [:]
    }
    private static let made = Made()

    /// The ranges of `text` that are names of the source, in order and apart.
    package func ranges(in text: String) -> [Range<String.Index>] {
        let found = Self.words(in: text)
        guard !found.isEmpty, !words.isEmpty else { return [] }
        var mostlyLatin: Bool?  // asked only of a capitalised Latin word without a Polish letter
        func anchors(_ r: Range<String.Index>) -> Bool {
            let word = text[r]
            if word.unicodeScalars.contains(where: Self.polishLetters.contains) { return true }
            guard Self.isLatin(word), word.first?.isUppercase == true else { return false }
            if mostlyLatin == nil { mostlyLatin = Self.isMostlyLatin(text) }
            return mostlyLatin == false
        }
        func capitalised(_ k: Int) -> Bool { text[found[k]].first?.isUppercase == true }
        // A name starts and ends with a capitalised word, or starts with an abbreviation ("ul." of "ul. Wielicka").
        func kept(_ k: Int, last: Int) -> Bool {
            capitalised(k) || (k < last && text[found[k].upperBound...].hasPrefix("."))
        }
        var result: [Range<String.Index>] = []
        var i = 0
        while i < found.count {
            guard words.contains(text[found[i]]) else { i += 1; continue }
            var j = i
            while j + 1 < found.count, words.contains(text[found[j + 1]]),
                  Self.joins(text[found[j].upperBound..<found[j + 1].lowerBound]),
                  pairs.contains(String(text[found[j].lowerBound..<found[j + 1].upperBound])) {
                j += 1
            }
            var (first, last) = (i, j)
            while last >= first, !kept(last, last: last) { last -= 1 }
            while first <= last, !kept(first, last: last) { first += 1 }
            // Two words or more of the source as they stand there, one a name ("ul. Wielicka"), are Polish too.
            // A letter alone ("B" of a category) is no name.
            if first <= last, text[found[first].lowerBound..<found[last].upperBound].count > 1,
               (first...last).contains(where: { anchors(found[$0]) })
                || (first < last && (first...last).contains(where: capitalised)) {
                result.append(found[first].lowerBound..<found[last].upperBound)
            }
            i = j + 1
        }
        return result
    }

    /// Letters only Polish writes among the languages of Latin script it meets here.
    static let polishLetters: Set<Unicode.Scalar> = Set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".unicodeScalars)

    /// Words: runs of letters and the marks on them (a dot, a digit or a space ends one). On code points, with the
    /// letters of ASCII, Cyrillic and Arabic known without asking Unicode's tables: this runs over every text of
    /// every translated page, and walking Characters with `isAlphabetic` cost a third of a build.
    static func words(in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start: String.Index?
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            let isLetter = isLetter(scalar) || (start != nil && isMark(scalar))
            if isLetter, start == nil { start = i }
            if !isLetter, let s = start { result.append(s..<i); start = nil }
            i = scalars.index(after: i)
        }
        if let s = start { result.append(s..<text.endIndex) }
        return result
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0...0x7F: false
        case 0x400...0x481, 0x48A...0x52F, 0x621...0x64A: true
        default: scalar.properties.isAlphabetic
        }
    }

    /// A mark on the letter before it (an accent written apart, Arabic's vowel signs): part of the word.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// What may stand between two words of one name: a space (a no-break one too), a hyphen, or ". " after an
    /// abbreviation ("ul. Wielicka").
    static func joins(_ between: Substring) -> Bool { [" ", "\u{00A0}", "-", ". ", ".\u{00A0}"].contains(between) }

    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) || (0xC0...0x24F).contains(scalar.value)
            || (0x1E00...0x1EFF).contains(scalar.value)
    }

    static func isLatin(_ word: Substring) -> Bool {
        word.unicodeScalars.allSatisfy { isLatin($0) || $0.properties.generalCategory == .nonspacingMark }
    }

    /// Whether at least half of the text's letters are Latin.
    static func isMostlyLatin(_ text: String) -> Bool {
        var latin = 0, other = 0
        for scalar in text.unicodeScalars where isLetter(scalar) {
            if isLatin(scalar) { latin += 1 } else { other += 1 }
        }
        return latin >= other
    }
}
