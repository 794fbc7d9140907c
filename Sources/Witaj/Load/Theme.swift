import Foundation

/// Mustache templates and static assets: the default theme inside witaj, overridden file by file by `theme/`.
public struct Theme: Sendable {
    public struct Template: Sendable {
        public let text: String
        /// Where it came from, for diagnostics ("theme/templates/page.mustache" or "(default theme)/page.mustache").
        public let path: String
    }
    public var templates: [String: Template]
    /// Published under `assets/`, keyed by their path there ("style.css").
    public var assets: [String: [UInt8]]

    static var defaultThemeURL: URL {
        Bundle.module.url(forResource: "theme", withExtension: nil, subdirectory: "Resources")!
    }

    /// The default theme, then the site's `theme/` folder on top of it.
    static func load(siteTheme: URL?, into diagnostics: inout Diagnostics) -> Theme {
        var theme = Theme(templates: [:], assets: [:])
        theme.overlay(folder: defaultThemeURL, label: "(default theme)", into: &diagnostics)
        if let siteTheme, FileManager.default.fileExists(atPath: siteTheme.path) {
            theme.overlay(folder: siteTheme, label: "theme", into: &diagnostics)
        }
        return theme
    }

    private mutating func overlay(folder: URL, label: String, into diagnostics: inout Diagnostics) {
        for (relative, url) in FileTree.files(under: folder.appendingPathComponent("templates")) where relative.hasSuffix(".mustache") {
            let path = "\(label)/templates/\(relative)"
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            switch UTF8Text.decode([UInt8](data)) {
            case .success(let text): templates[String(relative.dropLast(".mustache".count))] = Template(text: text, path: path)
            case .failure(let bad): diagnostics.error(SourceLocation(path, line: bad.line, column: bad.column), "file is not UTF-8")
            }
        }
        for (relative, url) in FileTree.files(under: folder.appendingPathComponent("assets")) {
            if let data = FileManager.default.contents(atPath: url.path) { assets[relative] = [UInt8](data) }
        }
    }
}

enum FileTree {
    /// Regular files under a folder, as (path relative to it with "/", URL), sorted; hidden files are skipped.
    static func files(under folder: URL) -> [(String, URL)] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path
        var result: [(String, URL)] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            var relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            if relative.hasPrefix("/") { relative.removeFirst() }
            result.append((relative, url))
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
