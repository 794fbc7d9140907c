import Foundation
import WitajCore
import WitajSources
/// What a link destination written in a segment points to. Shared by validation and rendering, so that a link
/// the validator accepts is the link the page gets.
package enum LinkTarget: Equatable {
    case document(path: String, fragment: String?)
    /// A file beside the documents (an image, a form): its source, "content/first-steps/pesel-form.pdf".
    case file(source: String, fragment: String?)
    case fragment(String)
    case external(String)
    case invalid(String)
}

package struct LinkResolver: Sendable {
    package static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]
    /// Document sources ("content/first-steps/pesel.xml") to their paths ("first-steps/pesel").
    package let paths: [String: String]
    /// Draft documents left out of the build: a link to one is an error.
    package let drafts: Set<String>
    /// The files beside the documents, by source ("content/first-steps/pesel-form.pdf").
    package let files: Set<String>
    /// Where languages' own versions of those files are (`static/<lang>/…`), as published ("uk/a/b.pdf").
    package let versions: Set<String>
    package let sourceLanguage: String

    package init(documents: [Document], unreadable: Set<String> = [], drafts: [String] = [], files: Set<String> = [],
                 versions: Set<String> = [], sourceLanguage: String = "") {
        var paths: [String: String] = [:]
        for document in documents { paths[document.source] = document.path }
        self.init(paths: paths, unreadable: unreadable, drafts: drafts, files: files, versions: versions, sourceLanguage: sourceLanguage)
    }

    /// `paths`: each document's path by its source.
    private init(paths documents: [String: String], unreadable: Set<String>, drafts: [String], files: Set<String>,
                 versions: Set<String>, sourceLanguage: String) {
        self.drafts = Set(drafts)
        var paths = documents
        // A file that failed to load is still where links point: its own error is the one to read.
        for source in unreadable where paths[source] == nil {
            paths[source] = SiteLoader.path(of: String(source.dropFirst("content/".count))).0
        }
        self.paths = paths
        self.files = files
        self.versions = versions
        self.sourceLanguage = sourceLanguage
    }

    /// Every document and file of the site.
    package init(site: Site) {
        self.init(paths: site.paths, unreadable: site.unreadable, drafts: site.drafts, files: Set(site.attachments.map(\.source)),
                  versions: Set(site.staticFiles.map(\.staticPath)), sourceLanguage: site.config.sourceLanguage)
    }

    /// Where readers of `language` find the file beside the documents `source` ("content/a/b.pdf"), relative to the
    /// output: their language's own version (`static/<lang>/a/b.pdf`, published as `<lang>/a/b.pdf`) when there is
    /// one, else that of the nearest language of its fallback chain that has one, else the file itself, published
    /// once for all as `<source language>/a/b.pdf`.
    package func published(_ source: String, for language: LanguageProfile) -> String {
        let relative = String(source.dropFirst("content/".count))
        for code in [language.code] + language.fallbacks where code != sourceLanguage {
            if versions.contains(code + "/" + relative) { return code + "/" + relative }
        }
        return sourceLanguage + "/" + relative
    }

    package func resolve(_ destination: String, from document: Document) -> LinkTarget {
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"): so do we.
        let compact = String(destination.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
        if compact.isEmpty { return .invalid("empty link") }
        if compact.hasPrefix("#") { return .fragment(String(compact.dropFirst())) }
        if compact.hasPrefix("//") { return .invalid("protocol-relative link '\(destination)': write https://") }
        if let colon = compact.firstIndex(of: ":"),
           !compact[..<colon].contains(where: { "/?#".contains($0) }) {
            let scheme = compact[..<colon].lowercased()
            return Self.allowedSchemes.contains(scheme)
                ? .external(destination.trimmed(" \t\n"))
                : .invalid("links with '\(scheme):' are not allowed (only \(Self.allowedSchemes.sorted().joined(separator: ", ")))")
        }
        // A file's name may hold spaces (`[plan](<plan budynku.pdf>)`): only control characters are dropped here.
        var target = String(destination.trimmed(" \t\n").unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        let base = target.hasPrefix("/") ? "content" : document.sourceFolder
        guard let source = Self.normalize(base + "/" + target) else {
            return .invalid("link '\(destination)' leaves the content folder")
        }
        if let path = paths[source] { return .document(path: path, fragment: fragment) }
        if files.contains(source) { return .file(source: source, fragment: fragment) }
        // A name written as a web address ("mapa%20dojazdu.png") is the file's own name decoded.
        if source.contains("%"), let decoded = source.removingPercentEncoding, files.contains(decoded) {
            return .file(source: decoded, fragment: fragment)
        }
        if drafts.contains(source) {
            return .invalid("link to a draft, which is not published: '\(destination)' (\(source) says draft: true); publish it or remove the link")
        }
        if source.hasSuffix(".md") || source.hasSuffix(".xml") {
            return .invalid("link to a document that does not exist: '\(destination)' (\(source))")
        }
        let name = source.split(separator: "/").last ?? ""
        if name.contains(".") {
            return .invalid("the file '\(destination)' does not exist (\(source)); to link to a document, name its source file (…/name.md or …/name.xml)")
        }
        return .invalid("link '\(destination)' does not name a document: link to its source file (…/name.md or …/name.xml)")
    }

    /// Resolves "." and ".." in a slash path; nil when it climbs out of content/.
    package static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard parts.count > 1 else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        guard parts.first == "content" else { return nil }
        return parts.joined(separator: "/")
    }
}

/// The relative URL from one page to another: pages live at `<lang>/<path>/index.html`, and relative links keep
/// the site working from any base URL and straight from the disk.
package func relativeURL(from page: String, to target: String) -> String {
    let depth = page.isEmpty ? 0 : page.split(separator: "/").count
    let up = String(repeating: "../", count: depth)
    if target.isEmpty { return up.isEmpty ? "./" : up }
    return up + target + "/"
}

/// The relative URL from a page (`<lang>/<path>/index.html`) to a file of the output (`pl/first-steps/form.pdf`),
/// percent-encoded.
package func relativeURL(fromPage page: String, language: String, toFile file: String) -> String {
    let from = [language] + page.split(separator: "/").map(String.init)
    let to = file.split(separator: "/").map(String.init)
    var common = 0
    while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
    let up = String(repeating: "../", count: from.count - common)
    return up + to[common...].map(URLPath.encode).joined(separator: "/")
}

/// Paths of files in URLs.
package enum URLPath {
    /// Every byte but the unreserved characters of RFC 3986 (and "/") percent-encoded: "mapa dojazdu.png" ->
    /// "mapa%20dojazdu.png".
    package static func encode(_ path: String) -> String {
        guard path.utf8.contains(where: { !isUnreserved($0) }) else { return path }
        var out = ""
        for byte in path.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
            || b == UInt8(ascii: "/")
    }
}
