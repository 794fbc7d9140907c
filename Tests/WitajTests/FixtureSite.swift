import Foundation
@testable import Witaj

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

    /// A site with target languages: en, and ar falling back to en; optionally the EPUB pack.
    static let multilingual = """
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

    /// Every file under the output with its bytes, to compare whole trees.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        for (path, url) in FileTree.files(under: output) { files[path] = FileManager.default.contents(atPath: url.path) }
        return files
    }
}
