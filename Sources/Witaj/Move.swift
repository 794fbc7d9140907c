import Foundation
import WitajCore
import WitajGettext
import WitajSources
import WitajSite

/// `witaj mv OLD NEW`: moves a document with everything that names it, so that no translation is lost or goes
/// fuzzy: its source file, its catalog in every language, its place in site.yml's book, and the links to it in every
/// source and every translation (its own relative links follow it); then `witaj update` brings the catalogs'
/// references and the templates in step.
package enum Move {
    package struct Result: Sendable {
        package let diagnostics: Diagnostics
        /// Files moved, old path to new, relative to the site's root.
        package var moved: [String: String] = [:]
        /// Files whose links were rewritten (at their new paths).
        package var rewritten: [String] = []
        /// What the update after the move wrote.
        package var updated: Update.Result?
    }

    package static func run(root: URL, from old: String, to new: String, now: Date = Date()) -> Result {
        var diagnostics = Diagnostics()
        // Drafts too: one can be moved, and its links are rewritten like any other's.
        let (loaded, loadDiagnostics) = SiteLoader.load(root: root, drafts: true)
        diagnostics.append(contentsOf: loadDiagnostics)
        guard let site = loaded, !diagnostics.hasErrors else { return Result(diagnostics: diagnostics) }
        let from = source(old), to = source(new)
        guard site.document(source: from) != nil else {
            diagnostics.error(SourceLocation(old), "no document is at \(from): give the path of a document's source file (content/…/name.md or .xml)")
            return Result(diagnostics: diagnostics)
        }
        let fileManager = FileManager.default
        if LinkResolver.normalize(to) != to || !to.hasPrefix("content/") {
            diagnostics.error(SourceLocation(new), "\(to) is not a path inside content/")
        } else if (from as NSString).pathExtension != (to as NSString).pathExtension {
            diagnostics.error(SourceLocation(new), "a document keeps its format: \(from) can move to another .\((from as NSString).pathExtension) file, not to \(to)")
        } else if fileManager.fileExists(atPath: root.appendingPathComponent(to).path) {
            diagnostics.error(SourceLocation(new), "\(to) exists already")
        }
        let languages = FileTree.names(in: root.appendingPathComponent("locales").path).filter {
            $0 != String(CatalogStore.templatesFolder.dropFirst("locales/".count)) && !$0.contains(".")
        }.sorted()
        var moves: [(String, String)] = [(from, to), (CatalogStore.templatePath(of: from), CatalogStore.templatePath(of: to))]
        for code in languages { moves.append((CatalogStore.path(of: from, language: code), CatalogStore.path(of: to, language: code))) }
        moves = moves.filter { fileManager.fileExists(atPath: root.appendingPathComponent($0.0).path) }
        for (_, target) in moves where !diagnostics.hasErrors && target != to && fileManager.fileExists(atPath: root.appendingPathComponent(target).path) {
            diagnostics.error(SourceLocation(target), "\(target) exists already: move or delete it first")
        }
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics) }

        // Everything is read and rewritten in memory first; then written, then moved.
        let links = DocumentMoves(moves: [from: to], existing: Set(site.documents.map(\.source)).subtracting([from]).union([to]))
        var files: [String: String] = [:]
        for document in site.documents {
            let oldFolder = document.sourceFolder, newFolder = DocumentMoves.folder(of: document.source == from ? to : document.source)
            if let text = try? String(contentsOf: root.appendingPathComponent(document.source), encoding: .utf8) {
                let rewritten = links.rewrite(text, from: oldFolder, to: newFolder)
                if rewritten != text { files[document.source] = rewritten }
            }
            for code in languages {
                let path = CatalogStore.path(of: document.source, language: code)
                guard fileManager.fileExists(atPath: root.appendingPathComponent(path).path) else { continue }
                guard var catalog = CatalogStore.read(path, root: root, into: &diagnostics) else { continue }
                let before = POWriter.write(catalog)
                if document.source == from, var header = catalog.header {
                    header.comments = header.comments.map { $0.replacingOccurrences(of: " \(from).", with: " \(to).") }
                    catalog.header = header
                }
                for i in catalog.entries.indices {
                    catalog.entries[i].msgid = links.rewrite(catalog.entries[i].msgid, from: oldFolder, to: newFolder)
                    catalog.entries[i].msgstr = catalog.entries[i].msgstr.map { links.rewrite($0, from: oldFolder, to: newFolder) }
                    catalog.entries[i].previous = catalog.entries[i].previous.map { links.rewrite($0, from: oldFolder, to: newFolder) }
                }
                let after = POWriter.write(catalog)
                if after != before { files[path] = after }
            }
        }
        // The book's chapters name documents by path.
        if let chapter = site.config.pack?.chapters.first(where: { $0.source == from }),
           let yml = try? String(contentsOf: root.appendingPathComponent("site.yml"), encoding: .utf8) {
            var lines = yml.components(separatedBy: "\n")
            let i = chapter.location.line - 1
            let (oldName, newName) = (String(from.dropFirst("content/".count)), String(to.dropFirst("content/".count)))
            if lines.indices.contains(i), let range = lines[i].range(of: oldName) {
                lines[i].replaceSubrange(range, with: newName)
                files["site.yml"] = lines.joined(separator: "\n")
            } else {
                diagnostics.warning(chapter.location, "the book's chapter \(oldName) is now \(newName): change it here")
            }
        }
        guard !diagnostics.hasErrors else { return Result(diagnostics: diagnostics) }

        var moved: [String: String] = [:]
        do {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                try Data(text.utf8).write(to: root.appendingPathComponent(path), options: .atomic)
            }
            for (source, target) in moves {
                let url = root.appendingPathComponent(target)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fileManager.moveItem(at: root.appendingPathComponent(source), to: url)
                moved[source] = target
            }
        } catch {
            diagnostics.error(SourceLocation(from), "cannot move \(from) to \(to): \(error.localizedDescription)")
            return Result(diagnostics: diagnostics, moved: moved)
        }
        let renamed = Dictionary(uniqueKeysWithValues: moves)
        let update = Update.run(root: root, now: now)
        diagnostics.append(contentsOf: update.diagnostics)
        return Result(diagnostics: diagnostics, moved: moved, rewritten: files.keys.map { renamed[$0] ?? $0 }.sorted(), updated: update)
    }

    /// "daily-life/bank.md" or "content/daily-life/bank.md" -> "content/daily-life/bank.md".
    static func source(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path.hasPrefix("content/") ? path : "content/" + path
    }
}
