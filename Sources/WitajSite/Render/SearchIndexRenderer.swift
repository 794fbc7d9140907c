import WitajCore

/// The search index of one language, under `<lang>/search/`, read by the search client (`assets/search.js`):
///
/// - `meta.json`: the stemmer's rules (`SearchStemmer.json`), which the client applies to the query.
/// - `t/<shard>.json`: the stems that begin with the same two letters (the shard is their code points in hex,
///   "kart" -> `6b-61`), each with its documents and weights: `{"kart":[3,130,17,2]}` (document 3 weight 130...).
///   A query loads the shards of its words only.
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
        var artifacts = [Artifact(path: prefix + "meta.json", text: stemmer.json + "\n")]
        var shards: [String: [String: [Int]]] = [:]
        for (number, localized) in documents.enumerated() {
            for (term, weight) in localized.search.terms {
                shards[Self.shard(term), default: [:]][term, default: []] += [number, weight]
            }
            artifacts.append(Artifact(path: prefix + "d/\(number).json", text: document(localized)))
        }
        for (shard, terms) in shards.sorted(by: { $0.key < $1.key }) {
            let body = terms.sorted { $0.key < $1.key }.map { term, postings in
                PrettyJSON.string(term) + ":[" + postings.map(String.init).joined(separator: ",") + "]"
            }.joined(separator: ",\n")
            artifacts.append(Artifact(path: prefix + "t/\(shard).json", text: "{" + body + "}\n"))
        }
        return artifacts
    }

    /// The shard of a stem: its first two code points in hex ("kart" -> "6b-61").
    package static func shard(_ term: String) -> String {
        term.unicodeScalars.prefix(2).map { String($0.value, radix: 16) }.joined(separator: "-")
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
