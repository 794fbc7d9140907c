import Foundation

/// A text as a dictionary key, compared as gettext compares msgids: byte for byte. Swift's `String` hashes and
/// compares by canonical equivalence, which normalizes every non-ASCII text on each lookup; with whole paragraphs
/// of Polish as keys that was the largest single cost of a build.
public struct TextKey: Hashable, Sendable, ExpressibleByStringLiteral {
    public let string: String

    public init(_ string: String) {
        var string = string
        string.makeContiguousUTF8()
        self.string = string
    }

    public init(stringLiteral value: String) { self.init(value) }

    public static func == (a: TextKey, b: TextKey) -> Bool {
        let x = a.string.utf8, y = b.string.utf8
        guard x.count == y.count else { return false }
        let fast: Bool?? = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
        if let fast, let fast { return fast }
        return x.elementsEqual(y)
    }

    public func hash(into hasher: inout Hasher) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { for byte in string.utf8 { hasher.combine(byte) } }
    }
}
