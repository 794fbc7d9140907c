import Foundation

/// Where the incremental layer keeps what it knows about one output folder between builds: in the site's root,
/// `.witaj/builds/<output's name>-<digest of its path>/` (`state`, the last build's state; `books`, its book
/// chapters), never beside the output. Deleting `.witaj/` only makes the next build a full one.
package struct StateFolder: Sendable {
    /// The output folder it is about.
    package let output: URL
    package let url: URL

    package init(root: URL, output: URL) {
        self.output = output
        // FNV-1a of the output's path: one folder per output, and a name that says which.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in output.standardizedFileURL.path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digest = String(hash, radix: 16)
        url = root.appendingPathComponent(".witaj/builds/\(output.lastPathComponent)-\(String(repeating: "0", count: 16 - digest.count) + digest)")
    }

    package var state: URL { url.appendingPathComponent("state") }
    package var books: URL { url.appendingPathComponent("books") }

    /// Writes `bytes` to `file` in one step (a temporary file renamed), making the folder first.
    package func write(_ bytes: [UInt8], to file: URL) -> Bool {
        (try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)) != nil
            && (try? Data(bytes).write(to: file, options: .atomic)) != nil
    }
}
