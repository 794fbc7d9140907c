import WitajICU

/// A language of the site with the ICU services that speak it: Hugo's `Language`, for witaj.
package final class LanguageProfile: Sendable {
    package let code: String
    /// The language's name in itself (polski, українська, العربية).
    package let autonym: String
    package let isRightToLeft: Bool
    /// Languages to show, in order, where a segment has no current translation; ends at the source language.
    package let fallbacks: [String]
    package let collator: Collator
    package let alphabet: AlphabeticIndex
    package let plurals: PluralRules
    package let formatters: Formatters

    /// `digits`: the numbering system of dates, hours, amounts and counts (`latn`), nil for CLDR's default.
    package init(code: String, fallbacks: [String] = [], digits: String? = nil) throws {
        self.code = code
        self.fallbacks = fallbacks
        autonym = LocaleInfo.autonym(code)
        isRightToLeft = LocaleInfo.isRightToLeft(code)
        collator = try Collator(locale: code)
        alphabet = try AlphabeticIndex(locale: code)
        plurals = try PluralRules(locale: code)
        formatters = Formatters(locale: digits.map { "\(code)@numbers=\($0)" } ?? code)
    }

    package var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// The profile of these settings, opened once in a process: the preview server loads the site again after
    /// every edit, and opening ICU's collators, alphabetic indexes and formatters for eight languages each time took
    /// a tenth of a paragraph's rebuild. A profile is immutable and shared (`Sendable`), as within one build.
    package static func shared(code: String, fallbacks: [String] = [], digits: String? = nil) throws -> LanguageProfile {
        try opened[[code, digits ?? ""] + fallbacks] { Result { try LanguageProfile(code: code, fallbacks: fallbacks, digits: digits) } }.get()
    }

    private static let opened = Memo<[String], Result<LanguageProfile, any Error>>()
}

/// A calendar day (front matter `reviewed`, XML `reviewed`), formatted per language by ICU.
package struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let year: Int, month: Int, day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    package init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...Self.days(inMonth: m, of: y)).contains(d) else { return nil }
        year = y
        month = m
        day = d
    }

    /// 28 to 31, in the Gregorian calendar.
    package static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    package var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    package static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
