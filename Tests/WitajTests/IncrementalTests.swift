import Foundation
import Testing
@testable import Witaj

/// A rebuild over an existing output (in place, or skipped when nothing changed) is never stale: after every kind
/// of edit its output equals a clean build's, byte for byte.
@Suite struct IncrementalTests {
    /// Makes every input look edited a while ago, as edits between two builds on a build server are: a file
    /// changed in the same second as a build is never trusted to be unchanged, so this lets the state be kept.
    func age(_ site: FixtureSite, by seconds: Double = 30) throws {
        let then = Date(timeIntervalSinceNow: -seconds)
        for (_, url) in FileTree.files(under: site.root) where !url.path.contains("/site-out/") {
            try FileManager.default.setAttributes([.modificationDate: then], ofItemAtPath: url.path)
        }
    }

    func cleanBuild(_ site: FixtureSite) throws -> [String: Data] {
        let clean = site.root.appendingPathComponent("clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clean) }
        let result = Build.run(root: site.root, output: clean, sourceDateEpoch: 1_790_000_000)
        #expect(result.succeeded && !result.upToDate)
        var files: [String: Data] = [:]
        for (path, url) in FileTree.files(under: clean) { files[path] = FileManager.default.contents(atPath: url.path) }
        return files
    }

    @Test func aRebuildAfterEachKindOfEditEqualsACleanBuild() throws {
        let site = try FixtureSite()
        try site.write("site.yml", BookTests.siteYAML)
        _ = Update.run(root: site.root)
        try site.translate("locales/en/guide/lekarz.po") { "EN " + $0 }
        try age(site)
        #expect(Build.run(root: site.root, output: site.output, sourceDateEpoch: 1_790_000_000).succeeded)

        let edits: [(String, () throws -> Void)] = [
            ("nothing", {}),
            ("a source paragraph", {
                try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu rodzinnym.\n")
            }),
            ("a catalog", { try site.translate("locales/en/guide/apteki.po") { "Pharmacy: " + $0 } }),
            ("a catalog brought up to date", { _ = Update.run(root: site.root) }),
            ("a template of the theme", {
                let layout = try String(contentsOf: FixtureSite.packageRoot.appendingPathComponent("Sources/Witaj/Resources/theme/templates/layout.mustache"), encoding: .utf8)
                try site.write("theme/templates/layout.mustache", layout.replacingOccurrences(of: "<footer class=\"site\">", with: "<footer class=\"site edited\">"))
            }),
            ("site.yml", { try site.write("site.yml", BookTests.siteYAML.replacingOccurrences(of: "https://example.org/pack/", with: "https://example.org/welcome/")) }),
            ("a removed document", {
                try site.remove("content/guide/zupa.md")
                _ = Update.run(root: site.root)
            }),
            ("an added document", { try site.write("content/guide/nowy.md", "---\ntitle: Nowy\n---\n\nNowy tekst.\n") }),
        ]
        for (what, edit) in edits {
            try edit()
            if what != "nothing" { try age(site) }
            let rebuilt = Build.run(root: site.root, output: site.output, sourceDateEpoch: 1_790_000_000)
            #expect(rebuilt.succeeded, "\(what)")
            #expect(rebuilt.upToDate == (what == "nothing"), "\(what): a rebuild is skipped only when nothing changed")
            let incremental = site.snapshot(), clean = try cleanBuild(site)
            #expect(incremental.count == clean.count, "\(what)")
            #expect(Set(incremental.keys) == Set(clean.keys), "\(what): the same files")
            let differing = clean.keys.filter { incremental[$0] != clean[$0] }.sorted()
            #expect(differing.isEmpty, "\(what): \(differing.prefix(5)) differ from a clean build")
        }
    }

    @Test func anOutputEditedByHandIsRebuilt() throws {
        let site = try FixtureSite()
        try age(site)
        #expect(site.build().succeeded)
        let before = site.snapshot()
        try "tampered".write(to: site.output.appendingPathComponent("pl/guide/lekarz/index.html"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("pl/a-z/index.html"))
        try "stray".write(to: site.output.appendingPathComponent("pl/stray.html"), atomically: true, encoding: .utf8)
        let rebuilt = site.build()
        #expect(rebuilt.succeeded && !rebuilt.upToDate)
        #expect(site.snapshot() == before)
    }

    @Test func aFileEditedInTheSecondOfABuildIsNotTrusted() throws {
        let site = try FixtureSite()
        #expect(site.build().succeeded)  // inputs written just now: no state is kept
        #expect(!FileManager.default.fileExists(atPath: BuildState.file(output: site.output).path))
        #expect(!site.build().upToDate)
    }
}
