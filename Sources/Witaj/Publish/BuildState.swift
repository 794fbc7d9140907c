import Foundation

/// What the last successful build read and wrote, as digests of (path, size, modification time) listings, with
/// its warnings. When neither the inputs nor the output changed since, the output is up to date: a rebuild does
/// nothing but repeat the warnings. Kept beside the output: `.site-out.witaj-state` for `site-out`.
struct BuildState: Equatable {
    let output: String
    let inputs: UInt64
    let outputs: UInt64
    let warnings: [Diagnostic]

    static func file(output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).witaj-state")
    }

    /// Everything a build reads: site.yml, content/, locales/, theme/, witaj itself and its built-in theme and
    /// schema, and SOURCE_DATE_EPOCH.
    static func inputs(root: URL, sourceDateEpoch: Int?) -> Listing {
        var listing = Listing()
        for name in ["site.yml", "content", "locales", "theme"] { listing.add(root.path + "/" + name, as: name) }
        // witaj itself counts as an input, but not as an edit that could race with the build.
        listing.tracksNewest = false
        if let executable = Bundle.main.executablePath { listing.add(executable, as: "witaj") }
        if let resources = Bundle.module.resourcePath { listing.add(resources, as: "resources") }
        listing.add(text: "SOURCE_DATE_EPOCH=\(sourceDateEpoch.map(String.init) ?? "")")
        return listing
    }

    /// The last build's warnings when nothing changed since it, else nil.
    static func warningsIfUpToDate(_ output: URL, inputs: Listing) -> Diagnostics? {
        guard let state = read(output: output), state.output == output.path, state.inputs == inputs.digest,
              state.outputs == outputs(output) else { return nil }
        var warnings = Diagnostics()
        for warning in state.warnings { warnings.warning(warning.location, warning.message) }
        return warnings
    }

    /// Records a successful build. A file changed in the second the build started could change again unseen:
    /// then no state is kept, and the next build is a full one.
    static func remember(_ output: URL, inputs: Listing, started: Double, warnings: Diagnostics) {
        guard inputs.newest < started - 1 else { return forget(output: output) }
        BuildState(output: output.path, inputs: inputs.digest, outputs: outputs(output), warnings: warnings.items).write()
    }

    static func outputs(_ output: URL) -> UInt64 {
        var listing = Listing()
        listing.add(output.path, as: "")
        return listing.digest
    }

    static func read(output: URL) -> BuildState? {
        guard let text = try? String(contentsOf: file(output: output), encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, let inputs = UInt64(lines[1]), let outputs = UInt64(lines[2]) else { return nil }
        let output = lines[0]
        lines.removeFirst(3)
        let warnings = lines.compactMap { line -> Diagnostic? in
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let l = Int(fields[1]), let c = Int(fields[2]) else { return nil }
            return Diagnostic(severity: .warning, location: SourceLocation(String(fields[0]), line: l, column: c),
                              message: String(fields[3]))
        }
        return BuildState(output: output, inputs: inputs, outputs: outputs, warnings: warnings)
    }

    func write() {
        var text = "\(output)\n\(inputs)\n\(outputs)\n"
        for w in warnings where !w.message.contains("\n") && !w.location.path.contains("\t") {
            text += "\(w.location.path)\t\(w.location.line)\t\(w.location.column)\t\(w.message)\n"
        }
        try? text.write(to: Self.file(output: URL(fileURLWithPath: output)), atomically: true, encoding: .utf8)
    }

    static func forget(output: URL) {
        try? FileManager.default.removeItem(at: file(output: output))
    }

    /// A stable digest (FNV-1a, 64 bits) of every file's relative path, size and modification time (ns) under
    /// some paths, walked by system calls in name order.
    struct Listing {
        private(set) var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        /// The newest modification time seen (seconds): a file changed in the same clock tick as a build could
        /// change again unseen, so such a listing is not trusted (git's "racily clean" rule).
        private(set) var newest: Double = 0
        var tracksNewest = true

        mutating func add(text: String) {
            for byte in text.utf8 { mix(byte) }
            mix(0)
        }

        mutating func add(_ path: String, as name: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                add(text: name + " absent")
                return
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                add(text: name + "/")
                for child in Self.names(in: path).sorted() { add(path + "/" + child, as: name + "/" + child) }
            } else {
                add(text: "\(name) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
                if tracksNewest { newest = max(newest, Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9) }
            }
        }

        /// The names in a folder (not "." and ".."), by system calls; none when it cannot be read.
        static func names(in path: String) -> [String] {
            guard let dir = opendir(path) else { return [] }
            defer { closedir(dir) }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." { names.append(name) }
            }
            return names
        }

        private mutating func mix(_ byte: UInt8) {
            digest ^= UInt64(byte)
            digest = digest &* 0x100_0000_01b3
        }
    }
}
