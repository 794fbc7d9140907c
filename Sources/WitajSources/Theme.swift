import Foundation
import WitajCore

extension Theme {
    package static var defaultThemeURL: URL {
        Bundle.module.url(forResource: "theme", withExtension: nil, subdirectory: "Resources")!
    }

    /// The default theme, then the site's `theme/` folder on top of it.
    package static func load(siteTheme: URL?, into diagnostics: inout Diagnostics) -> Theme {
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

