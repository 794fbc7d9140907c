import Foundation
import WitajCore

extension Theme {
    /// The default theme (built into the binary), then the site's `theme/` folder on top of it.
    package static func load(siteTheme: URL?, into diagnostics: inout Diagnostics) -> Theme {
        var theme = Theme(templates: [:], assets: [:])
        theme.overlay(templates: BuiltInFiles.files(under: "theme/templates"), assets: BuiltInFiles.files(under: "theme/assets"),
                      label: "(default theme)", into: &diagnostics)
        if let siteTheme, FileManager.default.fileExists(atPath: siteTheme.path) {
            func read(_ folder: String) -> [(relative: String, bytes: [UInt8])] {
                FileTree.files(under: siteTheme.appendingPathComponent(folder)).compactMap { relative, url in
                    FileManager.default.contents(atPath: url.path).map { (relative, [UInt8]($0)) }
                }
            }
            theme.overlay(templates: read("templates"), assets: read("assets"), label: "theme", into: &diagnostics)
        }
        return theme
    }

    private mutating func overlay(templates files: [(relative: String, bytes: [UInt8])], assets: [(relative: String, bytes: [UInt8])],
                                  label: String, into diagnostics: inout Diagnostics) {
        for (relative, bytes) in files where relative.hasSuffix(".mustache") {
            let path = "\(label)/templates/\(relative)"
            switch UTF8Text.decode(bytes) {
            case .success(let text): templates[String(relative.dropLast(".mustache".count))] = Template(text: text, path: path)
            case .failure(let bad): diagnostics.error(SourceLocation(path, line: bad.line, column: bad.column), "file is not UTF-8")
            }
        }
        for (relative, bytes) in assets { self.assets[relative] = bytes }
    }
}
