import Foundation
import Testing
import WitajSources

/// What the build compiles into witaj (the EmbedResources and EmbedVersion plugins, through witaj-embed): the
/// repository's Resources/ byte for byte, and the commit of the checkout it is built from, however git keeps it.
@Suite struct EmbedTests {
    static let resources = FixtureSite.packageRoot.appendingPathComponent("Sources/WitajSources/Resources")
    /// witaj-embed, built beside the tests.
    static let tool = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("witaj-embed")

    @Test func theBuiltInFilesAreTheRepositorysResources() throws {
        let prefix = Self.resources.path + "/"
        var files: [String: [UInt8]] = [:]
        let walker = try #require(FileManager.default.enumerator(at: Self.resources, includingPropertiesForKeys: nil))
        for case let url as URL in walker where !url.hasDirectoryPath && !url.lastPathComponent.hasPrefix(".") {
            files[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = [UInt8](try Data(contentsOf: url))
        }
        #expect(files.keys.contains("witaj.rng") && files.keys.contains("theme/templates/layout.mustache"))
        #expect(BuiltInFiles.files == files)
    }

    /// Runs witaj-embed's version mode on a folder and returns the commit it wrote.
    static func commit(of folder: URL) throws -> String {
        let output = folder.appendingPathComponent("BuildInfo.swift")
        let result = try ExternalTool.run(tool.path, ["version", folder.path, output.path])
        #expect(result.status == 0, "\(result.stderr)")
        defer { try? FileManager.default.removeItem(at: output) }
        let text = try String(contentsOf: output, encoding: .utf8)
        return try #require(text.firstMatch(of: /static let commit = "([^"]*)"/)).1.description
    }

    static func git(_ folder: URL, _ arguments: String...) throws -> String {
        let result = try ExternalTool.run("git", ["-C", folder.path, "-c", "user.name=t", "-c", "user.email=t@example.org"] + arguments)
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theCommitIsReadFromGitsFilesHoweverTheyAreKept() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-embed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let repo = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        // Outside a git checkout.
        #expect(try Self.commit(of: repo) == "unknown")

        _ = try Self.git(repo, "init", "-q", "-b", "main")
        // A new repository: HEAD names a branch with no commit yet.
        #expect(try Self.commit(of: repo) == "unknown")
        _ = try Self.git(repo, "commit", "-q", "--allow-empty", "-m", "one")
        // The branch as a file of its own.
        #expect(try Self.commit(of: repo) == Self.git(repo, "rev-parse", "HEAD"))
        _ = try Self.git(repo, "commit", "-q", "--allow-empty", "-m", "two")
        _ = try Self.git(repo, "pack-refs", "--all")
        // The branch as a line of packed-refs.
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/refs/heads/main"))
        #expect(try Self.commit(of: repo) == Self.git(repo, "rev-parse", "HEAD"))
        // A worktree: .git is a file naming its folder, and its branch is in the main repository's.
        let tree = root.appendingPathComponent("tree")
        _ = try Self.git(repo, "worktree", "add", "-q", "-b", "side", tree.path, "HEAD~1")
        #expect(try Self.commit(of: tree) == Self.git(repo, "rev-parse", "main~1"))
        _ = try Self.git(tree, "commit", "-q", "--allow-empty", "-m", "three")
        #expect(try Self.commit(of: tree) == Self.git(tree, "rev-parse", "HEAD"))
        #expect(try Self.commit(of: repo) == Self.git(repo, "rev-parse", "main"))
        // A detached HEAD holds the commit itself.
        _ = try Self.git(repo, "checkout", "-q", "--detach", "HEAD~1")
        #expect(try Self.commit(of: repo) == Self.git(repo, "rev-parse", "HEAD"))
    }
}
