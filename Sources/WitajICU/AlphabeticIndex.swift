import CWitajICU

/// The letter headings of a language's A-Z index (ICU AlphabeticIndex): Polish has Ć, Ł, Ś, Ź, Ż of its own.
package final class AlphabeticIndex: @unchecked Sendable {
    package struct Bucket: Sendable, Equatable {
        package enum Kind: Int32, Sendable { case letter = 0, underflow, inflow, overflow }
        package let label: String
        package let kind: Kind
        /// A letter of the language's own index characters (not one of the Latin letters added to it).
        package let own: Bool
    }

    private let handle: OpaquePointer
    package let buckets: [Bucket]

    package init(locale: String) throws {
        func open(latin: Bool) throws -> OpaquePointer {
            var status: Int32 = 0
            guard let handle = witaj_alpha_index_open(locale, latin ? 1 : 0, &status), status <= 0 else {
                throw ICUError(operation: "alphabetic index for \(locale)", status: status)
            }
            return handle
        }
        func labels(_ handle: OpaquePointer) -> [(String, Bucket.Kind)] {
            (0..<witaj_alpha_index_bucket_count(handle)).map { i in
                (icuString { witaj_alpha_index_bucket_label(handle, i, $0, $1) } ?? "",
                 Bucket.Kind(rawValue: witaj_alpha_index_bucket_kind(handle, i)) ?? .overflow)
            }
        }
        let ownHandle = try open(latin: false)
        let own = Set(labels(ownHandle).filter { $0.1 == .letter }.map(\.0))
        witaj_alpha_index_close(ownHandle)
        handle = try open(latin: true)
        buckets = labels(handle).map { Bucket(label: $0.0, kind: $0.1, own: $0.1 == .letter && own.contains($0.0)) }
    }

    deinit { witaj_alpha_index_close(handle) }

    /// The buckets found so far, by text: the preview server groups the same titles again after each edit of one.
    private let found = Memo<String, Int>()

    /// The index of the bucket that `text` sorts under.
    package func bucketIndex(of text: String) -> Int {
        found[text] { Int(withUTF8(text) { witaj_alpha_index_bucket_of(handle, $0, $1) }) }
    }

    /// Groups items under their letters: the language's own letters first, in its order, then the other scripts'
    /// (a Ukrainian reader's Cyrillic, then the Latin of titles not translated yet); empty letters are left out.
    package func group<T>(_ items: [T], by text: (T) -> String) -> [(bucket: Bucket, items: [T])] {
        var groups = [[T]](repeating: [], count: buckets.count)
        for item in items {
            let i = bucketIndex(of: text(item))
            if groups.indices.contains(i) { groups[i].append(item) }
        }
        let filled = zip(buckets, groups).filter { !$0.1.isEmpty }.map { (bucket: $0.0, items: $0.1) }
        return filled.filter(\.bucket.own) + filled.filter { !$0.bucket.own }
    }
}
