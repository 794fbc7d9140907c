import WitajCore

/// The search index of one language, under `<lang>/search/`, read by the search client (`assets/search.js`):
///
/// - `meta.json`: the stemmer's rules (`SearchStemmer.json`), which the client applies to the query, and the number
///   of shards.
/// - `t/<shard>.json`: stems with their documents and weights (`{"kart":[3,130,17,2]}`: document 3 weight 130...);
///   a stem's shard is a hash of its first two letters (`shard`), so that the words a query's word begins are in
///   its shard too. A query loads the shards of its words only. Every shard is written, empty or not: the set of
///   files changes only with the number of documents (which makes every page), so that a rebuild of some pages,
///   which keeps the files it does not make, leaves no shard of the last build behind.
/// - `d/<n>.json`: document n's address (relative to the search page), title, section, kind and texts for the
///   snippet, each with its language when it is a fallback's: loaded for the results shown.
///
/// Documents are numbered procedures first, then in the site's order: at equal weight the client ranks the lower
/// number first. Made from the localized documents (`LocalizedDocument.search`), so whole at every build.
package struct SearchIndexRenderer {
    package let site: LocalizedSite

    package init(site: LocalizedSite) { self.site = site }

    /// The search page's folder, which the documents' addresses start from.
    package static let folder = "search"

    package func render() -> [Artifact] {
        let code = site.language.code, prefix = code + "/" + Self.folder + "/"
        let stemmer = SearchStemmer(language: code)
        let documents = site.documents.filter { $0.document.kind == .procedure } + site.documents.filter { $0.document.kind != .procedure }
        let count = Self.shards(documents: documents.count)
        var artifacts = [Artifact(path: prefix + "meta.json", text: "{\"shards\":\(count),\"stemmer\":" + stemmer.json + "}\n")]
        var shards = [[String: [Int]]](repeating: [:], count: count)
        for (number, localized) in documents.enumerated() {
            for (term, weight) in localized.search.terms {
                shards[Self.shard(term, of: count)][term, default: []] += [number, weight]
            }
            artifacts.append(Artifact(path: prefix + "d/\(number).json", text: document(localized)))
        }
        for (shard, terms) in shards.enumerated() {
            let body = terms.sorted { $0.key < $1.key }.map { term, postings in
                PrettyJSON.string(term) + ":[" + postings.map(String.init).joined(separator: ",") + "]"
            }.joined(separator: ",\n")
            artifacts.append(Artifact(path: prefix + "t/\(shard).json", text: "{" + body + "}\n"))
        }
        return artifacts
    }

    /// How many shards a language's index has: about one for every four documents, a power of two from 16 to 512.
    package static func shards(documents: Int) -> Int {
        var count = 16
        while count < 512 && count * 4 < documents { count *= 2 }
        return count
    }

    /// The shard of a stem: FNV-1a of its first two code points, modulo `count` (as the client computes it).
    package static func shard(_ term: String, of count: Int) -> Int {
        var hash: UInt32 = 2_166_136_261
        for scalar in term.unicodeScalars.prefix(2) {
            hash ^= scalar.value
            hash = hash &* 16_777_619
        }
        return Int(hash % UInt32(count))
    }

    /// A document's file: `{"u":address,"t":title,"s":section,"k":kind,"x":[[text],[text,language]...]}`.
    func document(_ localized: LocalizedDocument) -> String {
        let document = localized.document
        let section = [.home, .section].contains(document.kind) ? nil : site.document(path: document.section)?.plainTitle
        let texts = localized.search.texts.map { text in
            "[" + PrettyJSON.string(text.text) + (text.language.map { "," + PrettyJSON.string($0) } ?? "") + "]"
        }
        return "{\"u\":" + PrettyJSON.string(relativeURL(from: Self.folder, to: document.path))
            + ",\"t\":" + PrettyJSON.string(localized.plainTitle)
            + ",\"s\":" + PrettyJSON.string(section ?? "")
            + ",\"k\":" + PrettyJSON.string(document.kind.rawValue)
            + ",\"x\":[" + texts.joined(separator: ",\n") + "]}\n"
    }
}
