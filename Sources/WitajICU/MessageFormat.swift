#if canImport(Glibc)
import Glibc
#endif
import CWitajICU

/// An ICU MessageFormat pattern (`{count, plural, one {# dzień} few {# dni} ...}`), parsed once.
package final class MessageFormat: @unchecked Sendable {
    package struct SyntaxError: Error, Sendable {
        /// Offset in UTF-16 units into the pattern where ICU gave up.
        package let offset: Int
    }
    package enum Argument: Sendable {
        case number(Double)
        case string(String)
    }

    private let handle: OpaquePointer
    package let pattern: String

    package init(_ pattern: String, locale: String) throws(SyntaxError) {
        var status: Int32 = 0
        var offset: Int32 = 0
        let handle = withUTF8(pattern) { witaj_message_open(locale, $0, $1, &status, &offset) }
        guard let handle, status <= 0 else { throw SyntaxError(offset: Int(max(offset, 0))) }
        self.handle = handle
        self.pattern = pattern
    }

    deinit { witaj_message_close(handle) }

    /// Argument names in order of first use (`count`, `name`).
    package var argumentNames: [String] {
        (icuString { witaj_message_argument_names(handle, $0, $1) } ?? "").split(separator: " ").map(String.init)
    }

    /// Plural keywords used by the pattern's plural arguments (`one`, `few`, `=0`).
    package var pluralKeywords: [String] {
        (icuString { witaj_message_plural_keywords(handle, $0, $1) } ?? "").split(separator: " ").map(String.init)
    }

    package func format(_ arguments: [String: Argument]) -> String {
        let entries = arguments.sorted { $0.key < $1.key }
        var names = entries.map { strdup($0.key) }
        var strings = entries.map { entry -> UnsafeMutablePointer<CChar>? in
            if case .string(let s) = entry.value { return strdup(s) }
            return strdup("")
        }
        defer { (names + strings).forEach { free($0) } }
        let numbers = entries.map { entry -> Double in
            if case .number(let n) = entry.value { return n }
            return 0
        }
        let isNumber = entries.map { entry -> Int32 in
            if case .number = entry.value { return 1 }
            return 0
        }
        var status: Int32 = 0
        return names.withUnsafeMutableBufferPointer { namePointers in
            strings.withUnsafeMutableBufferPointer { stringPointers in
                namePointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { n in
                    stringPointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { s in
                        icuString {
                            witaj_message_format(handle, n.baseAddress, s.baseAddress, numbers, isNumber,
                                                 Int32(entries.count), $0, $1, &status)
                        }
                    }
                }
            }
        } ?? pattern
    }
}
