import Foundation

/// A text as a dictionary key, compared as gettext compares msgids: byte for byte. Swift's `String` hashes and
/// compares by canonical equivalence, which normalizes every non-ASCII text on each lookup; with whole paragraphs
/// of Polish as keys that was the largest single cost of a build.
package struct TextKey: Hashable, Sendable, ExpressibleByStringLiteral {
    package let string: String

    package init(_ string: String) {
        var string = string
        string.makeContiguousUTF8()
        self.string = string
    }

    package init(stringLiteral value: String) { self.init(value) }

    package static func == (a: TextKey, b: TextKey) -> Bool {
        let x = a.string.utf8, y = b.string.utf8
        guard x.count == y.count else { return false }
        let fast: Bool?? = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
        if let fast, let fast { return fast }
        return x.elementsEqual(y)
    }

    /// The length and at most 32 bytes at each end: texts differ there, and a paragraph is looked up many times
    /// over (catalogs, coverage, every page of every language). Equality still compares every byte.
    package func hash(into hasher: inout Hasher) {
        let utf8 = string.utf8
        hasher.combine(utf8.count)
        func ends(_ all: UnsafeRawBufferPointer) {
            if all.count <= 64 { return hasher.combine(bytes: all) }
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: all.prefix(32)))
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: all.suffix(32)))
        }
        let done: Void? = utf8.withContiguousStorageIfAvailable { ends(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(utf8).withUnsafeBytes(ends) }
    }
}
