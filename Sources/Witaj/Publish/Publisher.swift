import CWitajSystem
import Foundation

/// The only code that writes the output folder, in generations: whoever reads it (a web server, a sync job) and a
/// build killed at any moment see the whole old site or the whole new one, never a mixture.
///
/// A build stages its generation beside the output (`.site-out.witaj-next`): files it makes are written there, or
/// hard-linked from the output when the output already has them byte for byte; when it is done, the files it did
/// not make are linked over too (those it made before and no longer makes are left behind, unless it made only
/// some pages: `prune` false). Then the two folders are exchanged in one step (`renameat2` with
/// `RENAME_EXCHANGE`), and the old generation is taken apart. witaj owns only the files it made (listed beside
/// the output, `.site-out.witaj-files`): any other file in the output is carried into every generation, and one
/// in the way of a file witaj makes is an error, not overwritten. Nothing is written while the build can still
/// fail, so a failing build leaves the output exactly as it was.
final class Publisher: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Where the artifacts go: kept in memory (`check`, tests), or a new generation of the folder.
    enum Destination {
        case memory
        case folder(URL)
    }

    let destination: Destination
    private let generation: Generation?
    private let lock = NSLock()
    private var made: Set<String> = []
    private var folders: Set<String> = []
    private var conflicts: [String] = []
    private var failure: String?
    private(set) var kept: [Artifact] = []
    private(set) var written = 0
    private(set) var pages = 0
    private(set) var unchanged = 0
    /// The files written anew (relative paths), not those the output already had byte for byte.
    private(set) var changed: [String] = []
    /// What the publisher had to leave aside (a file added to the output while the build ran, in the way of one
    /// it made): said as warnings.
    private(set) var notes: [String] = []

    init(_ destination: Destination, prune: Bool = true) throws(Failure) {
        self.destination = destination
        guard case .folder(let output) = destination else {
            generation = nil
            return
        }
        generation = try Generation(output: output.standardizedFileURL.path, prune: prune)
        if let leftover = generation?.recover() { notes.append(leftover) }
        folders.insert(generation!.staging)
    }

    deinit { generation?.unlock() }

    /// Takes one file of the output; safe to call from every core at once.
    func put(_ artifact: Artifact) {
        guard let generation else {
            lock.withLock {
                kept.append(artifact)
                count(artifact)
            }
            return
        }
        let path = generation.staging + "/" + artifact.path
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        var same = false, conflict = false, ok = makeFolder(folder)
        if ok, let previous = generation.previous {
            let old = previous + "/" + artifact.path
            var info = stat()
            if lstat(old, &info) == 0 {
                same = (info.st_mode & S_IFMT) == S_IFREG && Self.contents(of: old, size: info.st_size, equal: artifact.bytes)
                    && link(old, path) == 0
                conflict = !same && !generation.owns(artifact.path)
            }
        }
        if ok && !same { ok = Self.write(artifact.bytes, to: path) }
        lock.withLock {
            made.insert(artifact.path)
            if conflict { conflicts.append(artifact.path) }
            if same { unchanged += 1 } else if ok { changed.append(artifact.path) }
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

    /// Whether the file at `path` (of `size` bytes) holds exactly `bytes`.
    private static func contents(of path: String, size: Int, equal bytes: [UInt8]) -> Bool {
        guard size == bytes.count else { return false }
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

    /// mkdir -p inside the staged generation, by system calls, remembering what exists.
    private func makeFolder(_ folder: String) -> Bool {
        if lock.withLock({ folders.contains(folder) }) { return true }
        guard Generation.makeFolders(folder) else { return false }
        lock.withLock { _ = folders.insert(folder) }
        return true
    }

    /// One write(2) of the whole file into the staged generation, which no one reads before it is complete.
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
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

    /// Puts the staged generation in place of the output in one step and takes the old one apart.
    func commit() throws(Failure) {
        guard let generation else { return }
        defer { generation.unlock() }
        if let failure {
            generation.discard()
            throw Failure(description: "cannot write \(failure)")
        }
        if !conflicts.isEmpty {
            generation.discard()
            let shown = conflicts.sorted().prefix(3).map { generation.output + "/" + $0 }.joined(separator: ", ")
            throw Failure(description: "\(shown)\(conflicts.count > 3 ? " and \(conflicts.count - 3) more" : "") "
                + "\(conflicts.count == 1 ? "was" : "were") not made by witaj and would be replaced: move \(conflicts.count == 1 ? "it" : "them") away and build again")
        }
        do throws(Failure) {
            try generation.commit(made: made)
        } catch {
            generation.discard()
            throw error
        }
        notes += generation.notes
    }

    /// Drops what was staged: the old output stays as it was.
    func discard() {
        generation?.discard()
        generation?.unlock()
    }
}

/// One generation of an output folder being made beside it (see `Publisher`).
final class Generation: @unchecked Sendable {
    /// The output folder, and the staged generation beside it.
    let output: String
    let staging: String
    /// The output as it is, when there is one.
    let previous: String?
    /// Whether files witaj made before and no longer makes are left behind.
    let prune: Bool
    /// The files of the output that witaj made (the list beside it); nil when there is none, and then, if an
    /// older witaj built the output (its state is there), every file the build makes is taken as its own.
    private let owned: Set<String>?
    private let adopts: Bool
    private var lockFD: Int32 = -1
    private(set) var notes: [String] = []

    /// A file inside a staged generation only: found in a leftover generation, it says the generation was never
    /// put in place.
    static let marker = ".witaj-staging"

    static func ownedList(output: String) -> String { sibling(of: output, "witaj-files") }

    /// `.NAME.SUFFIX` beside the output `…/NAME`.
    static func sibling(of output: String, _ suffix: String) -> String {
        let slash = output.lastIndex(of: "/") ?? output.startIndex
        let parent = String(output[..<slash]), name = output[output.index(after: slash)...]
        return (parent.isEmpty ? "" : parent) + "/.\(name).\(suffix)"
    }

    init(output: String, prune: Bool) throws(Publisher.Failure) {
        self.output = output
        self.prune = prune
        staging = Self.sibling(of: output, "witaj-next")
        let parent = String(output[..<(output.lastIndex(of: "/") ?? output.startIndex)])
        guard Self.makeFolders(parent.isEmpty ? "/" : parent) else {
            throw Publisher.Failure(description: "cannot make the folder \(parent): \(String(cString: strerror(errno)))")
        }
        // One build at a time publishes into the folder's parent; a second waits for the first.
        lockFD = open(parent.isEmpty ? "/" : parent, O_RDONLY | O_DIRECTORY)
        if lockFD >= 0 { flock(lockFD, LOCK_EX) }
        var info = stat()
        if lstat(output, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                if lockFD >= 0 { close(lockFD) }
                throw Publisher.Failure(description: "\(output) exists and is not a folder")
            }
            previous = output
        } else {
            previous = nil
        }
        if let list = FileManager.default.contents(atPath: Self.ownedList(output: output)) {
            owned = Set(String(decoding: list, as: UTF8.self).split(separator: "\n").map(String.init))
            adopts = false
        } else {
            owned = nil
            adopts = previous == nil || FileManager.default.fileExists(atPath: Self.sibling(of: output, "witaj-state"))
                || Listing.names(in: output).isEmpty
        }
    }

    func unlock() {
        if lockFD >= 0 { close(lockFD) }
        lockFD = -1
    }

    /// Whether witaj made the output's file at `path` (relative): then a build may replace it.
    func owns(_ path: String) -> Bool {
        owned?.contains(path) ?? adopts
    }

    /// Clears what a build killed before left beside the output and makes the new staging folder. Returns what
    /// could not be cleared.
    func recover() -> String? {
        var info = stat()
        // Killed between the exchange and removing the marker: the output is complete, only the marker is extra.
        unlink(output + "/" + Self.marker)
        var note: String?
        if lstat(staging, &info) == 0 {
            if access(staging + "/" + Self.marker, F_OK) == 0 {
                // Never put in place: all of it is witaj's (files it wrote, links to files still in the output).
                Self.remove(staging)
            } else {
                // The old generation, put aside by a build killed before it took it apart.
                takeApart(staging)
                if lstat(staging, &info) == 0 {
                    let aside = Self.sibling(of: output, "witaj-kept-\(Int(Date().timeIntervalSince1970))")
                    rename(staging, aside)
                    note = "files left by an interrupted build were kept in \(aside)"
                }
            }
        }
        _ = Self.makeFolders(staging)
        _ = Publisher.write([], to: staging + "/" + Self.marker)
        return note
    }

    /// Links what the output has and the build did not make into the staged generation, exchanges the two, and
    /// takes the old one apart.
    func commit(made: Set<String>) throws(Publisher.Failure) {
        var keptOwned: [String] = []
        if let previous {
            try carry(from: previous, "", made: made, keptOwned: &keptOwned)
        }
        let nowOwned = made.union(keptOwned)
        // Until the exchange is done, either generation's files may be in the output: the list names both.
        try writeOwned(nowOwned.union(owned ?? []).union([Self.marker]))
        if previous != nil {
            if witaj_exchange(staging, output) != 0 {
                // A file system without the exchange: two renames, between which the output is briefly absent.
                let aside = Self.sibling(of: output, "witaj-old")
                guard rename(output, aside) == 0 else { throw failure("cannot put the new site in place of \(output)") }
                guard rename(staging, output) == 0 else {
                    rename(aside, output)
                    throw failure("cannot put the new site in place of \(output)")
                }
                rename(aside, staging)
            }
        } else if rename(staging, output) != 0 {
            throw failure("cannot put the new site at \(output)")
        }
        unlink(output + "/" + Self.marker)
        try writeOwned(nowOwned)
        if previous != nil { takeApart(staging) }
    }

    private func failure(_ message: String) -> Publisher.Failure {
        Publisher.Failure(description: "\(message): \(String(cString: strerror(errno)))")
    }

    /// Links the files of `base/relative` that the build did not make into the staged generation: files others
    /// put there always, witaj's own only when it made some pages (`prune` false). Returns whether the folder
    /// has anything carried (or was empty: an empty folder someone made stays).
    @discardableResult
    private func carry(from base: String, _ relative: String, made: Set<String>, keptOwned: inout [String]) throws(Publisher.Failure) -> Bool {
        let names = Listing.names(in: relative.isEmpty ? base : base + "/" + relative)
        var carried = names.isEmpty && !relative.isEmpty
        for name in names where !(relative.isEmpty && name == Self.marker) {
            let path = relative.isEmpty ? name : relative + "/" + name
            let source = base + "/" + path, target = staging + "/" + path
            var info = stat()
            guard lstat(source, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if try carry(from: base, path, made: made, keptOwned: &keptOwned) { carried = true }
                continue
            }
            if made.contains(path) { continue }
            let ours = owned?.contains(path) ?? false
            if prune && ours { continue }
            let folder = String(target[..<target.lastIndex(of: "/")!])
            guard Self.makeFolders(folder), link(source, target) == 0 || Self.copy(source, to: target) else {
                throw failure("cannot keep \(source) in the new site")
            }
            if ours { keptOwned.append(path) }
            carried = true
        }
        if carried, !relative.isEmpty { _ = Self.makeFolders(staging + "/" + relative) }
        return carried
    }

    /// A regular file's bytes copied (where a hard link cannot be made: another file system, too many links).
    private static func copy(_ source: String, to target: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: source) else { return false }
        return Publisher.write([UInt8](data), to: target)
    }

    /// Removes an old generation: links to files the new one has, and files witaj made. Any other file (put in
    /// the output while the build ran) is moved into the output, or kept aside when something is in its way.
    private func takeApart(_ old: String) {
        let everOwned = owned ?? []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? old : old + "/" + relative
            for name in Listing.names(in: folder) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(old + "/" + path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    walk(path)
                    continue
                }
                if info.st_nlink > 1 || everOwned.contains(path) || (relative.isEmpty && name == Self.marker) {
                    unlink(old + "/" + path)
                    continue
                }
                var there = stat()
                let target = output + "/" + path
                if lstat(target, &there) != 0, Self.makeFolders(String(target[..<target.lastIndex(of: "/")!])),
                   rename(old + "/" + path, target) == 0 {
                    notes.append("\(target) was added while the build ran; it is kept")
                }
            }
            rmdir(folder)
        }
        walk("")
    }

    /// Writes the list of witaj's files beside the output, atomically.
    private func writeOwned(_ paths: Set<String>) throws(Publisher.Failure) {
        let list = Self.ownedList(output: output)
        let bytes = Array(paths.sorted().joined(separator: "\n").utf8) + [0x0A]
        guard Publisher.write(bytes, to: list + ".new"), rename(list + ".new", list) == 0 else {
            throw failure("cannot write \(list)")
        }
    }

    /// Drops the staged generation.
    func discard() {
        Self.remove(staging)
    }

    /// mkdir -p by system calls.
    static func makeFolders(_ folder: String) -> Bool {
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT, let slash = folder.lastIndex(of: "/"), slash > folder.startIndex,
              makeFolders(String(folder[..<slash])) else { return false }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST
    }

    /// rm -r of a folder witaj made.
    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in Listing.names(in: path) { remove(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    private typealias Listing = BuildState.Listing
}
