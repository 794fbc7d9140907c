import Foundation

/// A file of the output, in memory: only the publisher writes to disk.
package struct Artifact: Sendable {
    /// Relative to the output folder ("pl/first-steps/pesel/index.html").
    package let path: String
    package let bytes: [UInt8]

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    package init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Where a phase hands the files it makes, as it makes them: the publisher (an output folder, or memory for
/// `check`), or a preview server. Called from every core at once.
package protocol ArtifactSink: Sendable {
    func put(_ artifact: Artifact)
}

extension ArtifactSink {
    package func put(_ artifacts: [Artifact]) {
        for artifact in artifacts { put(artifact) }
    }
}

/// Artifacts kept in memory by path, for a build that writes no folder (the preview server, which serves them);
/// a later artifact of a path replaces the earlier one. Safe to fill from every core at once.
package final class MemorySink: ArtifactSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]

    package init() {}

    package func put(_ artifact: Artifact) {
        lock.withLock { files[artifact.path] = artifact.bytes }
    }

    /// Every artifact put so far, by path.
    package var artifacts: [String: [UInt8]] { lock.withLock { files } }
}
