import Foundation
import WitajCore

/// The site's git repository, through git's own command line: the commit the content is at, the history of the
/// branch (first parents: what the branch itself held at each moment), and the site's files as a commit has them.
package struct GitRepository: Sendable {
    package struct Commit: Sendable, Equatable {
        package let hash: String
        /// The committer date, ISO 8601 with the committer's offset ("2025-12-20T10:00:00+01:00").
        package let date: String

        package init(hash: String, date: String) {
            self.hash = hash
            self.date = date
        }

        /// The calendar day of `date`, where it was committed.
        package var day: Day? { Day(String(date.prefix(10))) }
    }

    package enum Problem: Error, Equatable, CustomStringConvertible {
        case gitMissing
        /// git's own message.
        case notARepository(String)
        case noCommits

        package var description: String {
            switch self {
            case .gitMissing: "git is not installed (the history of the site is read with git)"
            case .notARepository(let message): "the site is not in a git repository (git says: \(message))"
            case .noCommits: "the site's git repository has no commit yet"
            }
        }
    }

    /// The repository's top folder, and the site's folder in it ("" or "sites/krakow/").
    package let top: URL
    package let prefix: String
    /// What the coverage of a site is computed from: its history is theirs.
    package static let paths = ["site.yml", "content", "locales"]

    package static func open(_ root: URL) -> Result<GitRepository, Problem> {
        guard let found = run(["rev-parse", "--show-toplevel", "--show-prefix"], in: root) else { return .failure(.gitMissing) }
        guard found.status == 0 else {
            return .failure(.notARepository(found.errors.split(separator: "\n").first.map(String.init) ?? "not a git repository"))
        }
        let lines = String(decoding: found.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let top = lines.first, !top.isEmpty else { return .failure(.notARepository("no top folder")) }
        let prefix = lines.count > 1 ? String(lines[1]) : ""
        return .success(GitRepository(top: URL(fileURLWithPath: String(top)), prefix: prefix))
    }

    /// The commit checked out in the repository holding `root`, in one call of git; nil outside git (or without
    /// git, or before the first commit).
    package static func headCommit(_ root: URL) -> String? {
        guard let result = run(["rev-parse", "--verify", "-q", "HEAD"], in: root), result.status == 0 else { return nil }
        return String(decoding: result.output, as: UTF8.self).trimmed("\n")
    }

    /// The commit checked out; nil when there is none yet.
    package func head() -> Commit? {
        guard let result = git(["log", "-1", "--format=%H%x09%cI", "HEAD"]), result.status == 0 else { return nil }
        return Self.commits(result.output).first
    }

    /// Whether site.yml, content/ or locales/ differ from the commit checked out (staged or not, or untracked).
    package func hasUncommittedChanges() -> Bool {
        guard let result = git(["status", "--porcelain", "-z", "--untracked-files=all", "--"] + sitePaths), result.status == 0 else {
            return false
        }
        return !result.output.isEmpty
    }

    /// The commits the branch was at, newest first: HEAD and its first parents (a merge brings its branch's work
    /// in on the day it is merged).
    package func history() -> [Commit] {
        guard let result = git(["log", "--first-parent", "--format=%H%x09%cI", "HEAD"]), result.status == 0 else { return [] }
        return Self.commits(result.output)
    }

    /// For each commit, what its site.yml, content/ and locales/ are (their object ids): two commits with the same
    /// key have the same coverage. Nil for a commit without site.yml or content/.
    package func contentKeys(_ commits: [String]) -> [String?] {
        guard !commits.isEmpty else { return [] }
        let specs = commits.flatMap { commit in sitePaths.map { "\(commit):\($0)" } }
        guard let result = git(["cat-file", "--batch-check=%(objectname)"], input: Data((specs.joined(separator: "\n") + "\n").utf8)),
              result.status == 0 else { return commits.map { _ in nil } }
        let ids = String(decoding: result.output, as: UTF8.self).split(separator: "\n").map {
            $0.hasSuffix(" missing") ? "-" : String($0)
        }
        guard ids.count == specs.count else { return commits.map { _ in nil } }
        return commits.indices.map { i in
            let (site, content, locales) = (ids[3 * i], ids[3 * i + 1], ids[3 * i + 2])
            return site == "-" || content == "-" ? nil : "\(site)-\(content)-\(locales)"
        }
    }

    /// The site's files (site.yml, content/, locales/) in a commit: path in the site -> blob id.
    package func files(at commit: String) -> [String: String]? {
        guard let result = git(["ls-tree", "-r", "-z", "--full-name", commit, "--"] + sitePaths), result.status == 0 else { return nil }
        var files: [String: String] = [:]
        for entry in result.output.split(separator: 0) {
            // "<mode> <type> <id>\t<path>"; only files (no links, no submodules).
            guard let tab = entry.firstIndex(of: 0x09) else { continue }
            let fields = String(decoding: entry[..<tab], as: UTF8.self).split(separator: " ")
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard fields.count == 3, fields[1] == "blob", fields[0] == "100644" || fields[0] == "100755", path.hasPrefix(prefix) else { continue }
            files[String(path.dropFirst(prefix.count))] = String(fields[2])
        }
        return files
    }

    /// The bytes of blobs, by id, read by one git process.
    package func blobs(_ ids: [String]) -> [String: Data]? {
        guard !ids.isEmpty else { return [:] }
        guard let result = git(["cat-file", "--batch"], input: Data((ids.joined(separator: "\n") + "\n").utf8)), result.status == 0 else {
            return nil
        }
        // "<id> blob <size>\n<bytes>\n" for each.
        var blobs: [String: Data] = [:]
        let out = result.output
        var i = out.startIndex
        while i < out.endIndex, let newline = out[i...].firstIndex(of: 0x0A) {
            let header = String(decoding: out[i..<newline], as: UTF8.self).split(separator: " ")
            i = newline + 1
            guard header.count == 3, let size = Int(header[2]), i + size <= out.endIndex else { return nil }
            blobs[String(header[0])] = out[i..<(i + size)]
            i += size + 1
        }
        return blobs
    }

    private var sitePaths: [String] { Self.paths.map { prefix + $0 } }

    /// Lines "<hash>\t<date>".
    private static func commits(_ output: Data) -> [Commit] {
        String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t")
            return parts.count == 2 ? Commit(hash: String(parts[0]), date: String(parts[1])) : nil
        }
    }

    private func git(_ arguments: [String], input: Data? = nil) -> (status: Int32, output: Data, errors: String)? {
        Self.run(arguments, in: top, input: input)
    }

    /// Runs git in `folder`; nil when git cannot be started.
    private static func run(_ arguments: [String], in folder: URL, input: Data? = nil) -> (status: Int32, output: Data, errors: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        // Reading never takes the index's lock (a `git status` beside an editor's commit), nor asks for anything.
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        do { try process.run() } catch { return nil }
        // Input, output and errors each on their own thread: none of them can fill its pipe and stop git.
        let group = DispatchGroup()
        if let input {
            DispatchQueue.global().async(group: group) {
                try? inPipe.fileHandleForWriting.write(contentsOf: input)
                try? inPipe.fileHandleForWriting.close()
            }
        }
        nonisolated(unsafe) var errors = Data()
        DispatchQueue.global().async(group: group) { errors = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        // env says 127 when it finds no git.
        if process.terminationStatus == 127 && output.isEmpty { return nil }
        return (process.terminationStatus, output, String(decoding: errors, as: UTF8.self))
    }
}

/// A commit's site.yml, content/ and locales/ written into a folder, to load as a site. Checking out the next commit
/// writes only the files that differ from the last one's.
package final class GitExport {
    package let repository: GitRepository
    package let folder: URL
    private var written: [String: String] = [:]

    /// In a new temporary folder, removed with this value.
    package init(_ repository: GitRepository) throws {
        self.repository = repository
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Makes the folder hold the site's files as `commit` has them. Returns the files (paths in the site) that
    /// changed, were added or went since the last commit checked out; nil when git could not give them.
    package func checkout(_ commit: String) -> Set<String>? {
        guard let files = repository.files(at: commit) else { return nil }
        var differ: Set<String> = []
        for (path, _) in written where files[path] == nil {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(path))
            written[path] = nil
            differ.insert(path)
        }
        let changed = files.filter { written[$0.key] != $0.value }
        guard let blobs = repository.blobs(Array(Set(changed.values)).sorted()) else { return nil }
        for (path, id) in changed {
            guard let bytes = blobs[id] else { return nil }
            let url = folder.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: url)
            } catch {
                written = [:]
                return nil
            }
            written[path] = id
            differ.insert(path)
        }
        return differ
    }
}
