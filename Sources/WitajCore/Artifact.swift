import Foundation

/// A file of the output: made in memory, or a file of the site copied as it is (static/, files beside documents).
/// Only the publisher writes to disk.
package struct Artifact: Sendable {
    package enum Contents: Sendable {
        case bytes([UInt8])
        /// A file on disk (absolute path), copied when it is published and never held in memory: static files
        /// and forms can be large.
        case file(String)
    }

    /// Relative to the output folder ("pl/first-steps/pesel/index.html").
    package let path: String
    package let contents: Contents

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        contents = .bytes(bytes)
    }

    package init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    package init(path: String, file: String) {
        self.path = path
        contents = .file(file)
    }

    /// The bytes: those made, or the copied file's as it is now (read here: for `check` and tests).
    package var bytes: [UInt8] {
        switch contents {
        case .bytes(let bytes): bytes
        case .file(let file): FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? []
        }
    }

    /// Whether witaj made it (a page, a book, a report), rather than copied it.
    package var isMade: Bool {
        if case .bytes = contents { return true }
        return false
    }
}

/// Where a phase hands the files it makes, as it makes them: the publisher (an output folder, or memory for
/// `check`), or a preview server. Called from every core at once.
package protocol ArtifactSink: Sendable {
    func put(_ artifact: Artifact)
    /// A page `make` writes: made now (the default), or when it is first asked for (the preview's `MemorySink`).
    func put(_ path: String, later make: @escaping @Sendable () -> String)
}

extension ArtifactSink {
    package func put(_ path: String, later make: @escaping @Sendable () -> String) {
        put(Artifact(path: path, text: make()))
    }

    package func put(_ artifacts: [Artifact]) {
        for artifact in artifacts { put(artifact) }
    }
}

/// Artifacts kept in memory by path, for a build that writes no folder (the preview server, which serves them);
/// a later artifact of a path replaces the earlier one. A page put `later` is made when it is first asked for: a
/// rebuild makes no page no browser asks for. Safe to fill from every core at once.
package final class MemorySink: ArtifactSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Later<[UInt8]>] = [:]

    package init() {}

    package func put(_ artifact: Artifact) {
        let bytes = Later(done: artifact.bytes)
        lock.withLock { files[artifact.path] = bytes }
    }

    package func put(_ path: String, later make: @escaping @Sendable () -> String) {
        let bytes = Later { Array(make().utf8) }
        lock.withLock { files[path] = bytes }
    }

    /// Every artifact put so far, by path.
    package var artifacts: [String: Later<[UInt8]>] { lock.withLock { files } }
}
