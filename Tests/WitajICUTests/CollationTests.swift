import Testing
@testable import WitajICU

@Suite struct CollationTests {
    @Test func polishOrderPutsDiacriticLettersAfterTheirBase() throws {
        let collator = try Collator(locale: "pl")
        let words = ["żaba", "zebra", "łódź", "lampa", "ćma", "cebula", "środa", "szkoła", "sok", "źródło", "ala", "ąkla"]
        #expect(collator.sorted(words, by: { $0 }) ==
                ["ala", "ąkla", "cebula", "ćma", "lampa", "łódź", "sok", "szkoła", "środa", "zebra", "źródło", "żaba"])
    }

    @Test(arguments: [
        ("uk", ["яблуко", "ґанок", "їжак", "гора", "іній", "єнот", "ешелон", "ирій", "абетка"],
               ["абетка", "гора", "ґанок", "ешелон", "єнот", "ирій", "іній", "їжак", "яблуко"]),
        ("ru", ["яблоко", "ёлка", "ель", "жук", "эхо", "арбуз"],
               ["арбуз", "ёлка", "ель", "жук", "эхо", "яблоко"]),
    ])
    func cyrillicOrder(locale: String, words: [String], expected: [String]) throws {
        #expect(try Collator(locale: locale).sorted(words, by: { $0 }) == expected)
    }

    @Test func polishAlphabeticIndexHasOwnHeadingsForDiacriticLetters() throws {
        let index = try AlphabeticIndex(locale: "pl")
        let letters = index.buckets.filter { $0.kind == .letter }.map(\.label)
        for letter in ["A", "C", "Ć", "L", "Ł", "S", "Ś", "Z", "Ź", "Ż"] { #expect(letters.contains(letter)) }
        #expect(letters.firstIndex(of: "Ł")! == letters.firstIndex(of: "L")! + 1)
        let groups = index.group(["Łódź", "lampa", "Żabka", "źródło", "zebra", "Ćma", "cebula"], by: { $0 })
        #expect(groups.map(\.bucket.label) == ["C", "Ć", "L", "Ł", "Z", "Ź", "Ż"])
        #expect(groups.map(\.items) == [["cebula"], ["Ćma"], ["lampa"], ["Łódź"], ["zebra"], ["źródło"], ["Żabka"]])
    }

    @Test func otherScriptsLettersComeAfterTheLanguagesOwn() throws {
        let uk = try AlphabeticIndex(locale: "uk").group(["Zupa", "Аптека", "meldunek", "Яблуко"], by: { $0 })
        #expect(uk.map(\.bucket.label) == ["А", "Я", "M", "Z"])
        #expect(uk.map(\.bucket.own) == [true, true, false, false])
        let ar = try AlphabeticIndex(locale: "ar").group(["Bank", "مصرف"], by: { $0 })
        #expect(ar.map(\.bucket.own) == [true, false] && ar.last?.bucket.label == "B")
        // Polish letters are Latin: all its own.
        #expect(try AlphabeticIndex(locale: "pl").group(["Żabka", "apteka"], by: { $0 }).allSatisfy(\.bucket.own))
    }

    @Test func ukrainianAlphabeticIndexHasЄІЇҐ() throws {
        let letters = try AlphabeticIndex(locale: "uk").buckets.filter { $0.kind == .letter }.map(\.label)
        for letter in ["Ґ", "Є", "І", "Ї"] { #expect(letters.contains(letter)) }
        #expect(letters.firstIndex(of: "Ґ")! == letters.firstIndex(of: "Г")! + 1)
    }
}
