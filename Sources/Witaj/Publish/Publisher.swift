import Foundation

/// The only code that writes `site-out/`. Artifacts are written as they are made (nothing is held in memory).
/// A new output goes to a staging folder beside it, renamed into place when the build succeeds. An existing
/// output is updated in place: only files whose bytes changed are written (each to a temporary name, then
/// renamed), and files the build no longer makes are removed, unless it makes only some of them (`prune` false:
/// a rebuild of the documents that changed). The build opens the publisher only once every
/// diagnostic is known, so a build that fails leaves the old output exactly as it was.
final class Publisher: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Where the artifacts go: kept in memory (`check`, tests), or a staging folder for `output`.
    enum Destination {
        case memory
        case folder(URL)
    }

    let destination: Destination
    /// Where files are written: the staging folder, or the output itself when updating in place.
    private let staging: URL?
    /// Updating in place: the files the output had (relative paths; unknown, nil, when nothing is pruned), and
    /// those this build made.
    private let inPlace: Bool
    private let existing: Set<String>?
    private var made: Set<String> = []
    private(set) var unchanged = 0
    /// Updating in place: the files written (relative paths), not those the output already had byte for byte.
    private(set) var changed: [String] = []
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var failure: String?
    private(set) var kept: [Artifact] = []
    private(set) var written = 0
    private(set) var pages = 0

    init(_ destination: Destination, prune: Bool = true) throws(Failure) {
        self.destination = destination
        guard case .folder(let output) = destination else {
            staging = nil
            existing = nil
            inPlace = false
            return
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure(description: "\(output.path) exists and is not a folder") }
            staging = output
            inPlace = true
            guard prune else {
                existing = nil
                return
            }
            var files: Set<String> = [], folders: Set<String> = [output.path]
            Self.walk(output.path, "", files: &files, folders: &folders)
            existing = files
            self.folders = folders
            return
        }
        existing = nil
        inPlace = false
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        self.staging = staging
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot write the output: \(error.localizedDescription)")
        }
        folders.insert(staging.path)
    }

    /// Takes one file of the output; safe to call from every core at once.
    func put(_ artifact: Artifact) {
        guard let staging else {
            lock.withLock {
                kept.append(artifact)
                count(artifact)
            }
            return
        }
        let path = staging.path + "/" + artifact.path
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        var ok = true, same = false
        if inPlace {
            same = existing?.contains(artifact.path) != false && Self.contents(of: path, equal: artifact.bytes)
            // In place: a reader of the output sees the old file or the new one, never half of one.
            if !same {
                ok = makeFolder(folder) && Self.write(artifact.bytes, to: path + ".witaj-new")
                    && rename(path + ".witaj-new", path) == 0
            }
        } else {
            ok = makeFolder(folder) && Self.write(artifact.bytes, to: path)
        }
        lock.withLock {
            made.insert(artifact.path)
            if same { unchanged += 1 } else if ok && inPlace { changed.append(artifact.path) }
            if ok { count(artifact) } else if failure == nil { failure = path }
        }
    }

    /// Whether the file at `path` holds exactly `bytes`.
    private static func contents(of path: String, equal bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 { return false }
            offset += n
        }
        return buffer == bytes
    }

    /// Every file and folder under `path`, by system calls.
    private static func walk(_ path: String, _ relative: String, files: inout Set<String>, folders: inout Set<String>) {
        for name in BuildState.Listing.names(in: path) {
            let child = path + "/" + name, childRelative = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(child, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                folders.insert(child)
                walk(child, childRelative, files: &files, folders: &folders)
            } else {
                files.insert(childRelative)
            }
        }
    }

    func put(_ artifacts: [Artifact]) {
        for artifact in artifacts { put(artifact) }
    }

    private func count(_ artifact: Artifact) {
        written += 1
        if artifact.path.hasSuffix(".html") { pages += 1 }
    }

    /// mkdir -p, by system calls (FileManager's is slow for thousands of folders), remembering what exists.
    private func makeFolder(_ folder: String) -> Bool {
        if lock.withLock({ folders.contains(folder) }) { return true }
        if mkdir(folder, 0o755) != 0 {
            guard errno == ENOENT || errno == EEXIST else { return false }
            if errno == ENOENT {
                guard let slash = folder.lastIndex(of: "/"), makeFolder(String(folder[..<slash])) else { return false }
                guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { return false }
            }
        }
        lock.withLock { _ = folders.insert(folder) }
        return true
    }

    /// One write(2) of the whole file: Foundation's atomic writes (a temporary file and a rename per file) are
    /// not needed inside a staging folder that is itself swapped in whole.
    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    /// Puts the staged output in place: two renames on one file system. Between them the output is briefly
    /// absent, never half-written.
    func commit() throws(Failure) {
        guard case .folder(let output) = destination, let staging else { return }
        if let failure {
            discard()
            throw Failure(description: "cannot write \(failure)")
        }
        if inPlace {
            // What the build no longer makes goes, then the folders left empty (deepest first).
            if let existing {
                for stale in existing.subtracting(made) { unlink(staging.path + "/" + stale) }
                for folder in folders.sorted(by: { $0.count > $1.count }) where folder != staging.path { rmdir(folder) }
            }
            return
        }
        let fm = FileManager.default
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            if fm.fileExists(atPath: output.path) { try fm.moveItem(at: output, to: old) }
            try fm.moveItem(at: staging, to: output)
            try? fm.removeItem(at: old)
        } catch {
            if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: old.path) { try? fm.moveItem(at: old, to: output) }
            try? fm.removeItem(at: staging)
            throw Failure(description: "cannot replace \(output.path): \(error.localizedDescription)")
        }
    }

    /// Drops what was staged: the old output stays as it was. (In place, nothing is written before the build
    /// knows it succeeds, so there is nothing to drop.)
    func discard() {
        if let staging, !inPlace { try? FileManager.default.removeItem(at: staging) }
    }
}
