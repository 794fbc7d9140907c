import WitajCore
import WitajSources
/// What a link destination written in a segment points to. Shared by validation and rendering, so that a link
/// the validator accepts is the link the page gets.
package enum LinkTarget: Equatable {
    case document(path: String, fragment: String?)
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

    package init(documents: [Document], unreadable: Set<String> = [], drafts: [String] = []) {
        self.drafts = Set(drafts)
        var paths: [String: String] = [:]
        // A file that failed to load is still where links point: its own error is the one to read.
        for source in unreadable {
            paths[source] = SiteLoader.path(of: String(source.dropFirst("content/".count))).0
        }
        for document in documents { paths[document.source] = document.path }
        self.paths = paths
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
        var target = compact
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
        if drafts.contains(source) {
            return .invalid("link to a draft, which is not published: '\(destination)' (\(source) says draft: true); publish it or remove the link")
        }
        if !(source.hasSuffix(".md") || source.hasSuffix(".xml")) {
            return .invalid("link '\(destination)' does not name a document: link to its source file (…/name.md or …/name.xml)")
        }
        return .invalid("link to a document that does not exist: '\(destination)' (\(source))")
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
