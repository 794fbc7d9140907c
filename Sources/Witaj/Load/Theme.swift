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
    /// Walked by system calls (FileManager's enumerator took 30 ms for the 1,000 files of a large site).
    static func files(under folder: URL) -> [(String, URL)] {
        var relatives: [String] = []
        walk(open(folder.path, O_RDONLY | O_DIRECTORY), "", into: &relatives)
        return relatives.sorted().map { ($0, folder.appendingPathComponent($0)) }
    }

    private static func walk(_ fd: Int32, _ prefix: String, into result: inout [String]) {
        guard fd >= 0, let dir = fdopendir(fd) else {
            if fd >= 0 { close(fd) }
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard !name.hasPrefix(".") else { continue }
            var type = Int(entry.pointee.d_type)
            if type == DT_UNKNOWN {
                var info = stat()
                guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? DT_DIR : (info.st_mode & S_IFMT) == S_IFREG ? DT_REG : DT_LNK
            }
            if type == DT_DIR {
                walk(openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW), prefix + name + "/", into: &result)
            } else if type == DT_REG {
                result.append(prefix + name)
            }
        }
    }
}
