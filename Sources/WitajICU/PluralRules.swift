import CWitajICU

/// CLDR plural rules of a language through ICU.
package final class PluralRules: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Categories the language needs, in CLDR order (zero one two few many other).
    package let categories: [String]

    package init(locale: String) throws {
        var status: Int32 = 0
        guard let handle = witaj_plural_rules_open(locale, &status), status <= 0 else {
            throw ICUError(operation: "plural rules for \(locale)", status: status)
        }
        self.handle = handle
        categories = (icuString { witaj_plural_rules_keywords(handle, $0, $1) } ?? "other")
            .split(separator: " ").map(String.init)
    }

    deinit { witaj_plural_rules_close(handle) }

    package func category(for number: Double) -> String {
        icuString { witaj_plural_rules_select(handle, number, $0, $1) } ?? "other"
    }
}
