import Foundation

/// The only code that writes `site-out/`: artifacts go to a staging folder beside it, which then replaces the
/// old output in one rename. A build that fails before that leaves the old output exactly as it was.
enum Publisher {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func publish(_ artifacts: [Artifact], to output: URL) throws(Failure) {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        let old = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders: Set<String> = []
            for artifact in artifacts {
                let url = staging.appendingPathComponent(artifact.path)
                let folder = url.deletingLastPathComponent().path
                if folders.insert(folder).inserted {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                guard fm.createFile(atPath: url.path, contents: Data(artifact.bytes)) else {
                    throw Failure(description: "cannot write \(url.path)")
                }
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error as? Failure ?? Failure(description: "cannot write the output: \(error.localizedDescription)")
        }
        // The swap: two renames on one file system. Between them the output is briefly absent, never half-written.
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
}
