import Foundation
@testable import Witaj
import WitajCore
import WitajGettext
import WitajSite
import WitajIncremental

/// A copy of a fixture site in a temporary folder, to change and build without touching the repository.
final class FixtureSite {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    var output: URL { root.appendingPathComponent("site-out") }

    init(_ name: String = "minimal") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: root)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// A site with target languages: en, and ar falling back to en; optionally the EPUB pack. Untranslated
    /// segments fall back one by one however few are translated (`multilingualWholePages` has site.yml's default).
    static let multilingual = multilingualWholePages + """

        translations:
          wholePageBelow: 0%
        """

    /// `multilingual` with the default share below which a page is shown whole in its fallback language.
    static let multilingualWholePages = """
        baseURL: https://example.org/pack/
        sourceLanguage: pl
        languages:
          - code: pl
          - code: en
          - code: ar
            fallback: [en]
        """

    /// Reads a catalog the way the build does.
    func catalog(_ path: String) throws -> POCatalog {
        var diagnostics = Diagnostics()
        guard let catalog = CatalogStore.read(path, root: root, into: &diagnostics), !diagnostics.hasErrors else {
            throw FixtureError(description: "\(path): \(diagnostics.items)")
        }
        return catalog
    }

    /// Sets msgstr of every entry with a function of its msgid, as a translator's tool would save the catalog.
    func translate(_ path: String, _ translation: (String) -> String?) throws {
        var edited = try catalog(path)
        for i in edited.entries.indices {
            if let text = translation(edited.entries[i].msgid) { edited.entries[i].msgstr = [text] }
        }
        try write(path, POWriter.write(edited))
    }

    struct FixtureError: Error, CustomStringConvertible { let description: String }

    func check() -> Build.Result { Build.run(root: root, output: nil) }
    func build() -> Build.Result { Build.run(root: root, output: output) }

    /// Diagnostics as the command line prints them.
    func messages(_ result: Build.Result) -> [String] { result.diagnostics.sorted.map(\.description) }

    /// Every file under the output with its bytes, to compare whole trees (see `tree`).
    func snapshot() -> [String: Data] { Self.tree(output) }

    /// Every path under a folder, hidden ones too: a file with its bytes, a folder ("pl/guide/") with none, so
    /// that two trees are equal only when they hold the same files and the same folders.
    static func tree(_ folder: URL) -> [String: Data] {
        var tree: [String: Data] = [:]
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? [] {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            if isFolder.boolValue { tree[path + "/"] = Data() } else { tree[path] = FileManager.default.contents(atPath: url.path) ?? Data() }
        }
        return tree
    }

    /// The date the tests give the books (SOURCE_DATE_EPOCH), so that they are the same from one build to the next.
    static let sourceDateEpoch = 1_790_000_000

    /// Makes every input look edited a while ago, as edits between two builds on a build server are: a file
    /// changed in the same second as a build is never trusted to be unchanged, so this lets the state be kept.
    /// Only files changed in the last seconds are touched: the others keep their times, as unedited files do.
    func age(by seconds: Double = 30) throws {
        let then = Date(timeIntervalSinceNow: -seconds)
        for (_, url) in FileTree.files(under: root) where !url.path.contains("/site-out/") {
            let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
            guard (modified ?? .distantFuture) > Date(timeIntervalSinceNow: -10) else { continue }
            try FileManager.default.setAttributes([.modificationDate: then], ofItemAtPath: url.path)
        }
    }

    /// A build that dies once it has written the book cache (`BookChapters`), before the output and the state:
    /// builds, then puts the output (with its files' times) and the state back as they were.
    func buildDyingAfterTheBookCache() throws {
        let backup = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: backup) }
        let copy = try ExternalTool.run("cp", ["-a", output.path, backup.path])
        guard copy.status == 0 else { throw FixtureError(description: copy.stderr) }
        let stateFile = StateFolder(root: root, output: output).state, state = FileManager.default.contents(atPath: stateFile.path)
        _ = Build.run(root: root, output: output, sourceDateEpoch: Self.sourceDateEpoch)
        try FileManager.default.removeItem(at: output)
        try FileManager.default.moveItem(at: backup, to: output)
        if let state { try state.write(to: stateFile) } else { try? FileManager.default.removeItem(at: stateFile) }
    }

    /// A clean build into a new folder outside the site: its output (as `snapshot`) and diagnostics (as printed).
    func cleanBuild() -> (files: [String: Data], messages: [String], succeeded: Bool) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = folder.appendingPathComponent("site-out")
        let result = Build.run(root: root, output: clean, sourceDateEpoch: Self.sourceDateEpoch)
        return (Self.tree(clean), messages(result), result.succeeded && !result.upToDate)
    }
}
