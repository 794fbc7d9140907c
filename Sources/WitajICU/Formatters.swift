import CWitajICU
import Foundation

/// ICU's number, currency, date and name formatting for one locale.
package struct Formatters: Sendable {
    package let locale: String
    /// Dates and times as formatted before: ICU makes a formatter for each (50 µs), and every page shows a date.
    private let formatted = Memo<[Int32], String>()
    package init(locale: String) { self.locale = locale }

    package enum DateStyle: Int32, Sendable { case full = 0, long, medium, short }

    /// `amount` is a decimal string ("340", "17.50"): money never passes through a typed literal.
    package func currency(_ amount: String, code: String) -> String {
        let value = Double(amount) ?? 0
        var status: Int32 = 0
        return icuString { witaj_format_currency(locale, value, code, $0, $1, &status) } ?? "\(amount) \(code)"
    }

    package func number(_ value: Double) -> String {
        var status: Int32 = 0
        return icuString { witaj_format_number(locale, value, $0, $1, &status) } ?? String(value)
    }

    package func date(year: Int, month: Int, day: Int, style: DateStyle = .long) -> String {
        formatted[[0, Int32(year), Int32(month), Int32(day), style.rawValue]] {
            var status: Int32 = 0
            return icuString {
                witaj_format_date(locale, Int32(year), Int32(month), Int32(day), style.rawValue, $0, $1, &status)
            } ?? "\(year)-\(month)-\(day)"
        }
    }

    package func time(hour: Int, minute: Int) -> String {
        formatted[[1, Int32(hour), Int32(minute)]] {
            var status: Int32 = 0
            return icuString { witaj_format_time(locale, Int32(hour), Int32(minute), $0, $1, &status) }
                ?? "\(hour):\(minute)"
        }
    }

    /// From one date (and time, when `withTime`) to another, as the language writes such a span: "wtorek, 14 kwietnia
    /// 2026, 10:00–13:30" (ICU's date interval format). Fields: year, month, day, hour, minute; the same twice for one date.
    package func interval(from: [Int], to: [Int], withTime: Bool) -> String {
        let a = from.map { Int32(clamping: $0) }, b = to.map { Int32(clamping: $0) }
        guard a.count == 5, b.count == 5 else { return "" }
        return formatted[[3, withTime ? 1 : 0] + a + b] {
            var status: Int32 = 0
            return icuString { out, capacity in
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        witaj_format_interval(locale, pa.baseAddress, pb.baseAddress, withTime ? 1 : 0, out, capacity, &status)
                    }
                }
            } ?? ""
        }
    }

    /// A distance in days said the language's way: "today", "tomorrow", "in 3 days", "2 days ago" (ICU's relative
    /// date-time formatter).
    package func relative(days: Int) -> String {
        formatted[[2, Int32(clamping: days)]] {
            var status: Int32 = 0
            return icuString { witaj_format_relative_days(locale, Int32(clamping: days), $0, $1, &status) } ?? "\(days)"
        }
    }

    /// 1 Sunday ... 7 Saturday, stand-alone wide form ("poniedziałek").
    package func weekday(_ weekday: Int) -> String {
        var status: Int32 = 0
        return icuString { witaj_weekday_name(locale, Int32(weekday), $0, $1, &status) } ?? ""
    }

    /// The name of a language or locale in this locale's language.
    package func displayName(of code: String) -> String {
        var status: Int32 = 0
        return icuString { witaj_display_name(code, locale, $0, $1, &status) } ?? code
    }
}

/// Counts the words of many texts with one ICU word iterator; for one thread at a time.
package final class WordCounter {
    private let words: OpaquePointer?

    package init(locale: String) {
        var status: Int32 = 0
        words = witaj_words_open(locale, &status)
    }

    deinit { if let words { witaj_words_close(words) } }

    /// -1 when ICU has no word rules for the locale.
    package func count(_ text: String) -> Int {
        guard let words else { return -1 }
        return Int(withUTF8(text) { witaj_words_count(words, $0, $1) })
    }

    /// The text's words, case-folded by ICU ("Karty" -> "karty") unless `folded` is false; empty when ICU has no
    /// word rules.
    /// `withoutMarks`: folded and without nonspacing marks too ("Zaświadczenie" -> "zaswiadczenie"), as search compares.
    package func words(_ text: String, folded: Bool = true, withoutMarks: Bool = false) -> [String] {
        guard let words else { return [] }
        let fold: Int32 = withoutMarks ? 2 : folded ? 1 : 0
        // Room for the words as they come (folding rarely lengthens a text): one pass of the iterator, not two.
        let room = Int32(clamping: text.utf8.count + text.utf8.count / 4 + 16)
        let joined = icuString(capacity: room) { out, capacity in
            withUTF8(text) { witaj_words_list(words, $0, $1, fold, out, capacity) }
        } ?? ""
        // Split as bytes: the separator is one byte, and splitting by Characters cost more than ICU's iterator.
        return joined.utf8.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Values made once per key, for every thread.
package final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    package init() {}

    package subscript(key: Key, make: () -> Value) -> Value {
        if let value = lock.withLock({ values[key] }) { return value }
        let value = make()
        lock.withLock { values[key] = value }
        return value
    }
}

package enum TimeZoneRules {
    /// The iCalendar VTIMEZONE of an IANA zone with its rules of that day, CRLF line ends; nil for an unknown zone.
    package static func vtimezone(_ zone: String, year: Int, month: Int, day: Int) -> String? {
        var status: Int32 = 0
        return icuString { witaj_vtimezone(zone, Int32(year), Int32(month), Int32(day), $0, $1, &status) }
    }
}

package enum LocaleInfo {
    /// A language's name in itself: polski, English, українська, العربية.
    package static func autonym(_ code: String) -> String { Formatters(locale: code).displayName(of: code) }
    package static func isRightToLeft(_ code: String) -> Bool { witaj_is_right_to_left(code) != 0 }
}

