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
            let folders = Set(artifacts.map { staging.appendingPathComponent($0.path).deletingLastPathComponent().path })
            for folder in folders.sorted() { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            // Files are independent: write them on every core, in two halves.
            let halves = [Array(artifacts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)),
                          Array(artifacts.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))]
            let failures = parallelMap(halves) { half -> String? in
                for artifact in half {
                    let path = staging.appendingPathComponent(artifact.path).path
                    if !FileManager.default.createFile(atPath: path, contents: Data(artifact.bytes)) { return path }
                }
                return nil
            }
            if let failed = failures.compactMap({ $0 }).first { throw Failure(description: "cannot write \(failed)") }
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
