import Foundation
import WitajSite

/// The indicator of each state of the content the history has met, kept in the site's root
/// (`.witaj/coverage/<key>.json`), so that a history is counted once: the key names site.yml, content/ and locales/
/// by their git object ids, and the file says which witaj counted it (another witaj counts again). Deleting
/// `.witaj/` only makes the next history slower.
package struct IndicatorCache: Sendable {
    package let folder: URL
    /// witaj's executable, as a build lists it: its size and modification time.
    private let identity: String

    package init(root: URL) {
        folder = root.appendingPathComponent(".witaj/coverage")
        var info = stat()
        if let executable = Bundle.main.executablePath, stat(executable, &info) == 0 {
            identity = "witaj \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        } else {
            identity = "witaj"
        }
    }

    package func read(_ key: String) -> Coverage.Indicator? {
        guard let data = FileManager.default.contents(atPath: file(key).path), let newline = data.firstIndex(of: 0x0A),
              String(decoding: data[..<newline], as: UTF8.self) == identity else { return nil }
        return try? JSONDecoder().decode(Coverage.Indicator.self, from: data[(newline + 1)...])
    }

    /// Best effort: a site whose root cannot be written to counts again next time.
    package func write(_ key: String, _ indicator: Coverage.Indicator) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let json = try? encoder.encode(indicator) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? (Data((identity + "\n").utf8) + json).write(to: file(key), options: .atomic)
    }

    private func file(_ key: String) -> URL { folder.appendingPathComponent(key + ".json") }
}
