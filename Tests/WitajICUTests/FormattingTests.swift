import Testing
@testable import WitajICU

@Suite struct FormattingTests {
    @Test func currencyInPolishAndEnglish() {
        // ICU separates the amount and "zł" with a no-break space.
        #expect(Formatters(locale: "pl").currency("340", code: "PLN") == "340,00\u{a0}zł")
        #expect(Formatters(locale: "en").currency("1234.5", code: "PLN") == "PLN\u{a0}1,234.50")
    }

    @Test func longDates() {
        #expect(Formatters(locale: "pl").date(year: 2026, month: 11, day: 21) == "21 listopada 2026")
        #expect(Formatters(locale: "en").date(year: 2026, month: 3, day: 1) == "March 1, 2026")
        #expect(Formatters(locale: "uk").date(year: 2026, month: 11, day: 21) == "21 листопада 2026\u{202f}р.")
    }

    /// ICU's relative dates (RelativeDateTimeFormatter): a day's own word where the language has one.
    @Test func relativeDays() {
        let pl = Formatters(locale: "pl"), en = Formatters(locale: "en"), uk = Formatters(locale: "uk")
        #expect(pl.relative(days: 3) == "za 3 dni")
        #expect(pl.relative(days: 1) == "jutro")
        #expect(en.relative(days: 0) == "today")
        #expect(en.relative(days: 5) == "in 5 days")
        #expect(en.relative(days: -2) == "2 days ago")
        #expect(uk.relative(days: 3) == "через 3 дні")
    }

    /// ICU's date intervals: one date, and a span of times on one day.
    @Test func eventSpans() {
        let pl = Formatters(locale: "pl")
        #expect(pl.interval(from: [2026, 4, 14, 10, 0], to: [2026, 4, 14, 13, 30], withTime: true) == "wtorek, 14 kwietnia 2026, 10:00–13:30")
        #expect(pl.interval(from: [2026, 5, 20, 0, 0], to: [2026, 5, 20, 0, 0], withTime: false) == "środa, 20 maja 2026")
        let ar = Formatters(locale: "ar").interval(from: [2026, 4, 14, 10, 0], to: [2026, 4, 14, 13, 30], withTime: true)
        #expect(ar.contains("١٤") && ar.contains("،"), "Arabic digits and comma: \(ar)")
    }

    @Test func weekdaysTimesAndNames() {
        let pl = Formatters(locale: "pl")
        #expect(pl.weekday(2) == "poniedziałek")
        #expect(pl.time(hour: 9, minute: 5) == "09:05")
        #expect(pl.displayName(of: "uk") == "ukraiński")
        #expect(LocaleInfo.autonym("uk") == "українська")
        #expect(LocaleInfo.autonym("pl") == "polski")
        #expect(LocaleInfo.isRightToLeft("ar"))
        #expect(!LocaleInfo.isRightToLeft("pl"))
    }

    @Test(arguments: [
        ("pl", ["one", "few", "many", "other"]),
        ("uk", ["one", "few", "many", "other"]),
        ("ar", ["zero", "one", "two", "few", "many", "other"]),
        ("en", ["one", "other"]),
    ])
    func pluralCategories(locale: String, expected: [String]) throws {
        #expect(try PluralRules(locale: locale).categories == expected)
    }

    @Test func messageFormatPlurals() throws {
        let m = try MessageFormat("{count, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}", locale: "pl")
        #expect(m.format(["count": .number(1)]) == "1 dzień")
        #expect(m.format(["count": .number(3)]) == "3 dni")
        #expect(m.format(["count": .number(30)]) == "30 dni")
        #expect(m.format(["count": .number(1.5)]) == "1,5 dnia")
        #expect(m.argumentNames == ["count"])
        #expect(m.pluralKeywords == ["one", "few", "many", "other"])
        #expect(throws: MessageFormat.SyntaxError.self) { try MessageFormat("{count, plural, one {x}", locale: "pl") }
    }

    @Test func wordsAreCountedWithoutPunctuation() {
        let words = WordCounter(locale: "pl")
        #expect(words.count("Złóż wniosek — w urzędzie, do 30 dni.") == 7)
        #expect(words.count("Karta pobytu") == 2)
    }
}
