import CWitajICU

/// The letter headings of a language's A-Z index (ICU AlphabeticIndex): Polish has Ć, Ł, Ś, Ź, Ż of its own.
package final class AlphabeticIndex: @unchecked Sendable {
    package struct Bucket: Sendable, Equatable {
        package enum Kind: Int32, Sendable { case letter = 0, underflow, inflow, overflow }
        package let label: String
        package let kind: Kind
    }

    private let handle: OpaquePointer
    package let buckets: [Bucket]

    package init(locale: String) throws {
        var status: Int32 = 0
        guard let handle = witaj_alpha_index_open(locale, &status), status <= 0 else {
            throw ICUError(operation: "alphabetic index for \(locale)", status: status)
        }
        self.handle = handle
        buckets = (0..<witaj_alpha_index_bucket_count(handle)).map { i in
            Bucket(label: icuString { witaj_alpha_index_bucket_label(handle, i, $0, $1) } ?? "",
                   kind: Bucket.Kind(rawValue: witaj_alpha_index_bucket_kind(handle, i)) ?? .overflow)
        }
    }

    deinit { witaj_alpha_index_close(handle) }

    /// The index of the bucket that `text` sorts under.
    package func bucketIndex(of text: String) -> Int {
        Int(withUTF8(text) { witaj_alpha_index_bucket_of(handle, $0, $1) })
    }

    /// Groups items under their letters in the language's order; empty letters are left out.
    package func group<T>(_ items: [T], by text: (T) -> String) -> [(bucket: Bucket, items: [T])] {
        var groups = [[T]](repeating: [], count: buckets.count)
        for item in items {
            let i = bucketIndex(of: text(item))
            if groups.indices.contains(i) { groups[i].append(item) }
        }
        return zip(buckets, groups).filter { !$0.1.isEmpty }.map { ($0.0, $0.1) }
    }
}
