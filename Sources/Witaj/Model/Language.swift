import WitajICU

/// A language of the site with the ICU services that speak it: Hugo's `Language`, for witaj.
public final class LanguageProfile: Sendable {
    public let code: String
    /// The language's name in itself (polski, українська, العربية).
    public let autonym: String
    public let isRightToLeft: Bool
    /// Languages to show, in order, where a segment has no current translation; ends at the source language.
    public let fallbacks: [String]
    public let collator: Collator
    public let alphabet: AlphabeticIndex
    public let plurals: PluralRules
    public let formatters: Formatters

    public init(code: String, fallbacks: [String] = []) throws {
        self.code = code
        self.fallbacks = fallbacks
        autonym = LocaleInfo.autonym(code)
        isRightToLeft = LocaleInfo.isRightToLeft(code)
        collator = try Collator(locale: code)
        alphabet = try AlphabeticIndex(locale: code)
        plurals = try PluralRules(locale: code)
        formatters = Formatters(locale: code)
    }

    public var direction: String { isRightToLeft ? "rtl" : "ltr" }
}

/// A calendar day (front matter `reviewed`, XML `reviewed`), formatted per language by ICU.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        year = y
        month = m
        day = d
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
