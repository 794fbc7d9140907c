import Foundation

/// witaj's own files, compiled into the binary from `Resources/` at build time (the EmbedResources plugin): the
/// default theme (`theme/templates/`, `theme/assets/`) and the schema (`witaj.rng`). Nothing is read beside the
/// binary at run time.
package enum BuiltInFiles {
    /// Each file by its path under `Resources/`.
    package static let files: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: EmbeddedResources.files.map { file in
        // The plugin wrote the base64 itself: a file that does not decode is a bug in the build, not user input.
        guard let data = Data(base64Encoded: file.base64) else { preconditionFailure("built-in \(file.path) does not decode") }
        return (file.path, [UInt8](data))
    })

    /// The files under a folder ("theme/templates"), by their paths relative to it, sorted.
    package static func files(under folder: String) -> [(relative: String, bytes: [UInt8])] {
        let prefix = folder + "/"
        return files.compactMap { path, bytes in path.hasPrefix(prefix) ? (String(path.dropFirst(prefix.count)), bytes) : nil }
            .sorted { $0.relative < $1.relative }
    }
}
