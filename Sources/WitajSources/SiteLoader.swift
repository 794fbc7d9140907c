import Foundation
import WitajCore

/// Walks a site's folder (site.yml, content/, theme/, static/) into the `Site` model.
package enum SiteLoader {
    /// `standIns`: documents not read again (by source), which stand in for their files. Drafts are left out (and
    /// named in `Site.drafts`) unless `drafts`.
    package static func load(root: URL, standIns: [String: Document] = [:], drafts: Bool = false) -> (Site?, Diagnostics) {
        var diagnostics = Diagnostics()
        let configURL = root.appendingPathComponent("site.yml")
        var config: SiteConfig?
        if FileManager.default.fileExists(atPath: configURL.path) {
            if let bytes = Self.read(configURL, path: "site.yml", into: &diagnostics),
               let text = decode(bytes, path: "site.yml", into: &diagnostics) {
                config = SiteConfigReader.read(text, path: "site.yml", into: &diagnostics)
            }
        } else {
            diagnostics.error(SourceLocation("site.yml"), "no site.yml in \(root.path): is this a witaj site?")
        }

        var documents: [Document] = []
        var unreadable: Set<String> = []
        let content = root.appendingPathComponent("content")
        // Documents are read; every other file beside them is published as it is (not read: it may be large).
        var files: [String] = [], attachments: [SiteFile] = []
        for relative in FileTree.paths(under: content) {
            let ext = FileTree.pathExtension(relative)
            if ext == "md" || ext == "xml" {
                files.append(relative)
                continue
            }
            attachments.append(SiteFile(source: "content/" + relative, file: content.appendingPathComponent(relative).path))
            if ["md", "xml"].contains(ext.lowercased()) {
                diagnostics.warning(SourceLocation("content/" + relative), "published as a file, not read as a document: a document's name ends in .md or .xml, in lower case")
            }
        }
        if files.isEmpty { diagnostics.error(SourceLocation("content"), "content/ has no documents") }
        // Each file on every core; their diagnostics in the files' order.
        let read = parallelMap(files) { relative -> (document: Document?, source: String, Diagnostics) in
            let source = "content/" + relative
            var diagnostics = Diagnostics()
            if let standIn = standIns[source] { return (standIn, source, diagnostics) }
            guard let bytes = Self.read(content.appendingPathComponent(relative), path: source, into: &diagnostics) else {
                return (nil, "", diagnostics)
            }
            return (document(bytes, source: source, into: &diagnostics), source, diagnostics)
        }
        var leftOut: [Document] = []
        for (document, source, found) in read {
            diagnostics.append(contentsOf: found)
            if let document, document.draft, !drafts {
                leftOut.append(document)
            } else if let document {
                documents.append(document)
            } else if !source.isEmpty {
                unreadable.insert(source)
            }
        }
        let theme = Theme.load(siteTheme: root.appendingPathComponent("theme"), into: &diagnostics)
        guard let config else { return (nil, diagnostics) }
        return (Site(config: config, documents: documents.sorted { $0.path < $1.path }, theme: theme, unreadable: unreadable,
                     drafts: leftOut, staticFiles: staticFiles(root: root), attachments: attachments),
                diagnostics)
    }

    /// The document in one source file's bytes ("content/first-steps/pesel.xml"); nil after an error.
    package static func document(_ bytes: [UInt8], source: String, into diagnostics: inout Diagnostics) -> Document? {
        let (path, kind) = Self.path(of: String(source.dropFirst("content/".count)))
        if source.hasSuffix(".xml") { return XMLDocumentReader.read(bytes, source: source, path: path, into: &diagnostics) }
        guard let text = decode(bytes, path: source, loneCR: true, into: &diagnostics) else { return nil }
        return MarkdownDocumentReader.read(text, source: source, path: path, kind: kind, into: &diagnostics)
    }

    /// Everything under `static/`, but hidden files and folders (an editor's or a system's: `.DS_Store`, `.git`),
    /// except `static/.well-known/` (RFC 8615: `security.txt` and the like); symbolic links are not followed.
    package static func staticFiles(root: URL) -> [SiteFile] {
        let folder = root.appendingPathComponent("static")
        let wellKnown = FileTree.files(under: folder.appendingPathComponent(".well-known")).map { (".well-known/" + $0, $1) }
        return (wellKnown + FileTree.files(under: folder)).sorted { $0.0 < $1.0 }.map {
            SiteFile(source: "static/" + $0.0, file: $0.1.path)
        }
    }

    /// "first-steps/pesel.xml" -> "first-steps/pesel"; "first-steps/index.md" -> "first-steps" (a section); "index.md" -> "".
    package static func path(of relative: String) -> (String, Document.Kind) {
        var components = relative.split(separator: "/").map(String.init)
        let name = components.removeLast()
        let stem = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
        if stem == "index" {
            return (components.joined(separator: "/"), components.isEmpty ? .home : .section)
        }
        return ((components + [stem]).joined(separator: "/"), .article)
    }

    /// The largest source, catalog or site.yml read: 8 MiB (the pack's largest file has 40 KB).
    package static let maxFileBytes = 8 << 20

    /// A file's bytes; a file that cannot be read or is over `maxFileBytes` is reported (and not read whole).
    package static func read(_ url: URL, path: String, into diagnostics: inout Diagnostics) -> [UInt8]? {
        var info = stat()
        if stat(url.path, &info) == 0, Int(info.st_size) > maxFileBytes {
            diagnostics.error(SourceLocation(path), "the file has \(info.st_size) bytes; witaj reads files of at most \(maxFileBytes) (8 MiB): split it")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(SourceLocation(path), "cannot read the file")
            return nil
        }
        return [UInt8](data)
    }

    /// `loneCR`: a lone "\r" ends a line too (Markdown documents, as cmark and YAML read them).
    package static func decode(_ bytes: [UInt8], path: String, loneCR: Bool = false,
                               into diagnostics: inout Diagnostics) -> String? {
        switch UTF8Text.decode(bytes, loneCR: loneCR) {
        case .success(let text): return text
        case .failure(let bad):
            diagnostics.error(SourceLocation(path, line: bad.line, column: bad.column),
                              "file is not UTF-8 (invalid byte here); save it as UTF-8")
            return nil
        }
    }
}
