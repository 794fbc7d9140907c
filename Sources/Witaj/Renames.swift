import Foundation
import WitajICU
import WitajCore
import WitajGettext
import WitajSite

/// Renames made by hand (`git mv`, a file saved under a new name, a changed path and id): `witaj update` finds a
/// document that has no catalog and no template yet, and a template or catalogs whose document is gone, with mostly
/// the same segments (links aside: they may have moved with it), and carries the catalogs over.
enum Renames {
    /// Old source to new source.
    static func recognise(_ site: Site, languages: [LanguageProfile], root: URL) -> [String: String] {
        // A draft's catalogs are not a gone document's.
        let stems = Set((site.documents.map(\.source) + site.drafts).map { CatalogStore.stem(of: $0) })
        // What each gone document had: its msgids (link destinations aside), from its template or else a catalog.
        var gone: [String: (source: String, segments: Set<String>)] = [:]
        let folders = [CatalogStore.templatesFolder] + languages.map { "locales/\($0.code)" }
        for folder in folders {
            let suffix = folder == CatalogStore.templatesFolder ? ".pot" : ".po"
            for (relative, _) in FileTree.files(under: root.appendingPathComponent(folder)) where relative.hasSuffix(suffix) {
                let stem = String(relative.dropLast(suffix.count))
                guard stem != "ui", !stems.contains(stem), gone[stem] == nil else { continue }
                var ignored = Diagnostics()
                guard let catalog = CatalogStore.read("\(folder)/\(relative)", root: root, into: &ignored),
                      let source = source(of: catalog) else { continue }
                let segments = Set(catalog.entries.filter { !$0.obsolete }.map { LinkDestinations.skeleton(of: $0.msgid).0 })
                gone[stem] = (source, segments)
            }
        }
        guard !gone.isEmpty else { return [:] }
        // Documents never given a catalog or a template.
        let new = site.documents.filter { document in
            !FileManager.default.fileExists(atPath: root.appendingPathComponent(CatalogStore.templatePath(of: document.source)).path)
                && !languages.contains { FileManager.default.fileExists(atPath: root.appendingPathComponent(CatalogStore.path(of: document.source, language: $0.code)).path) }
        }
        // Best pairs first; at least half of the new document's segments must be the old one's.
        var pairs: [(score: Double, old: String, new: String)] = []
        for document in new {
            let segments = Set(document.segments.map { LinkDestinations.skeleton(of: $0.text).0 })
            guard !segments.isEmpty else { continue }
            for (_, old) in gone {
                let score = Double(segments.intersection(old.segments).count) / Double(segments.count)
                if score >= 0.5 { pairs.append((score, old.source, document.source)) }
            }
        }
        var renames: [String: String] = [:]
        for pair in pairs.sorted(by: { ($0.score, $1.old) > ($1.score, $0.old) })
        where renames[pair.old] == nil && !renames.values.contains(pair.new) {
            renames[pair.old] = pair.new
        }
        return renames
    }

    /// The source a catalog was made from: its header's Project-Id-Version ("witaj content/x.md"), or its references.
    private static func source(of catalog: POCatalog) -> String? {
        if let project = catalog.header.flatMap({ POHeader(parsing: $0.translation)["Project-Id-Version"] }),
           project.hasPrefix("witaj content/") {
            return String(project.dropFirst("witaj ".count))
        }
        let reference = catalog.entries.lazy.compactMap(\.references.first).first
        return reference.map { String($0.split(separator: ":").first ?? "") }.flatMap { $0.hasPrefix("content/") ? $0 : nil }
    }
}
