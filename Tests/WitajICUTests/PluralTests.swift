import Testing
@testable import WitajICU

/// CLDR's published sample numbers for each plural category (CLDR 42, the data ICU 72 carries).
@Suite struct PluralTests {
    static let samples: [(String, [String: [Double]])] = [
        ("pl", ["one": [1], "few": [2, 3, 4, 22, 23, 24, 32, 102, 1002], "many": [0, 5, 12, 19, 100, 111, 1000],
                "other": [0.0001, 1.5, 2.5, 10.1]]),
        ("uk", ["one": [1, 21, 31, 41, 101, 1001], "few": [2, 3, 4, 22, 23, 24, 102], "many": [0, 5, 11, 12, 19, 100, 111],
                "other": [0.1, 1.5, 10.5]]),
        ("ru", ["one": [1, 21, 31, 101, 1001], "few": [2, 3, 4, 22, 34, 1002], "many": [0, 5, 11, 14, 20, 111, 1000],
                "other": [0.5, 1.5, 100.5]]),
        ("be", ["one": [1, 21, 31, 71, 101], "few": [2, 3, 4, 22, 24, 102], "many": [0, 5, 11, 14, 19, 100, 111],
                "other": [0.1, 1.5, 10.1]]),
        ("ar", ["zero": [0], "one": [1], "two": [2], "few": [3, 4, 10, 103, 110, 1003], "many": [11, 26, 99, 111, 1011],
                "other": [100, 101, 102, 200, 1000, 0.1, 1.5]]),
        ("en", ["one": [1], "other": [0, 2, 3, 16, 100, 1000, 0.5, 1.5]]),
    ]

    @Test(arguments: samples.map(\.0))
    func everySampleFallsInItsCategory(locale: String) throws {
        let rules = try PluralRules(locale: locale)
        let table = Self.samples.first { $0.0 == locale }!.1
        #expect(Set(rules.categories) == Set(table.keys))
        for (category, numbers) in table {
            for n in numbers { #expect(rules.category(for: n) == category, "\(locale) \(n)") }
        }
    }

    @Test func pluralMessagesInEveryLanguage() throws {
        let cases: [(String, String, Double, String)] = [
            ("uk", "{count, plural, one {# день} few {# дні} many {# днів} other {# дня}}", 21, "21 день"),
            ("uk", "{count, plural, one {# день} few {# дні} many {# днів} other {# дня}}", 14, "14 днів"),
            ("ru", "{count, plural, one {# день} few {# дня} many {# дней} other {# дня}}", 3, "3 дня"),
            ("ar", "{count, plural, zero {لا أيام} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}", 2, "يومان"),
            ("ar", "{count, plural, zero {لا أيام} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}", 11, "١١ يومًا"),
        ]
        for (locale, pattern, n, expected) in cases {
            #expect(try MessageFormat(pattern, locale: locale).format(["count": .number(n)]) == expected)
        }
    }
}
