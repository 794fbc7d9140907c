import Foundation

/// The only code that writes `site-out/`. Artifacts are written as they are made (nothing is held in memory)
/// into a staging folder beside the output, which replaces the old output in one rename when the build succeeds.
/// A build that fails leaves the old output exactly as it was.
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
    private let staging: URL?
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var failure: String?
    private(set) var kept: [Artifact] = []
    private(set) var written = 0
    private(set) var pages = 0

    init(_ destination: Destination) throws(Failure) {
        self.destination = destination
        guard case .folder(let output) = destination else {
            staging = nil
            return
        }
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
        let ok = makeFolder(folder) && Self.write(artifact.bytes, to: path)
        lock.withLock {
            if ok { count(artifact) } else if failure == nil { failure = path }
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

    /// Drops what was staged: the old output stays as it was.
    func discard() {
        if let staging { try? FileManager.default.removeItem(at: staging) }
    }
}
