import Foundation
import PackagePlugin

/// Compiles the commit the package's git checkout is at into a target, as `BuildInfo.commit` in the Swift source
/// `BuildInfo.swift` that witaj-embed writes by reading `.git` (git itself is not needed; "unknown" without it).
/// The command runs again when HEAD or the branch it names moves: those files are its inputs.
@main
struct EmbedVersion: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildInfo.swift")
        return [.buildCommand(displayName: "Embedding the commit into \(target.name)",
                              executable: try context.tool(named: "witaj-embed").url,
                              arguments: ["version", package.path, output.path],
                              inputFiles: Self.gitFiles(package), outputFiles: [output])]
    }

    /// The files the commit is read from: HEAD, the branch's own file and packed-refs (those that exist). A `.git`
    /// file names the real folder (a worktree, whose branches are in the common folder `commondir` names).
    static func gitFiles(_ package: URL) -> [URL] {
        func read(_ url: URL) -> String? {
            (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func resolve(_ path: String, against base: URL) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        }
        let dotGit = package.appendingPathComponent(".git")
        var gitDir = dotGit
        if let text = read(dotGit), text.hasPrefix("gitdir:") {
            gitDir = resolve(text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces), against: package)
        }
        let common = read(gitDir.appendingPathComponent("commondir")).map { resolve($0, against: gitDir) } ?? gitDir
        let head = gitDir.appendingPathComponent("HEAD")
        var files = [head, common.appendingPathComponent("packed-refs")]
        if let text = read(head), text.hasPrefix("ref:") {
            let ref = text.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
            files += [gitDir.appendingPathComponent(ref), common.appendingPathComponent(ref)]
        }
        var seen: Set<String> = []
        return files.filter { FileManager.default.fileExists(atPath: $0.path) && seen.insert($0.standardizedFileURL.path).inserted }
    }
}
