import CWitajICU
import Glibc

/// An ICU collator for one language; owns its handle. Immutable after creation, so safe to share.
package final class Collator: @unchecked Sendable {
    private let handle: OpaquePointer

    package init(locale: String) throws {
        var status: Int32 = 0
        guard let handle = witaj_collator_open(locale, &status), status <= 0 else {
            throw ICUError(operation: "collator for \(locale)", status: status)
        }
        self.handle = handle
    }

    deinit { witaj_collator_close(handle) }

    /// The sort keys made so far, by text: the preview server sorts the same titles again after each edit of one.
    private let made = Memo<String, [UInt8]>()

    /// A key whose byte order is the language's order of the strings.
    package func sortKey(_ text: String) -> [UInt8] {
        withUTF8(text) { bytes, length in
            var capacity: Int32 = 64
            while true {
                var key = [UInt8](repeating: 0, count: Int(capacity))
                let needed = key.withUnsafeMutableBufferPointer {
                    witaj_collator_sort_key(handle, bytes, length, $0.baseAddress, capacity)
                }
                if needed <= capacity { return Array(key.prefix(Int(max(needed, 0)))) }
                capacity = needed
            }
        }
    }

    /// Stable: items whose keys are equal keep their order. Indices are sorted, not the items, which may be large.
    package func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        let keys = items.map { item in
            let text = text(item)
            return made[text] { sortKey(text) }
        }
        // Compared as bytes (memcmp): the generic comparison of arrays was most of the time of sorting them.
        return keys.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            let order = x.withUnsafeBytes { x in
                y.withUnsafeBytes { y in min(x.count, y.count) == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, min(x.count, y.count)) }
            }
            return order != 0 ? order < 0 : x.count != y.count ? x.count < y.count : a < b
        }.map { items[$0] }
    }
}
