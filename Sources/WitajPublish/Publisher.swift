import CWitajSystem
import Foundation
import WitajCore

/// The only code that writes the output folder, in generations: whoever reads it (a web server, a sync job) and a
/// build killed at any moment see the whole old site or the whole new one, never a mixture.
///
/// Two folders take turns: the output, and beside it the generation before it (`.site-out.witaj-next`), which
/// shares every unchanged file with the output (hard links). A build brings that second folder up to date: a file
/// it makes is written there anew (to a temporary name, then renamed: a shared file is never written in place),
/// or linked to the output's when the output has it byte for byte; then the files it did not make are linked
/// over (those it made before and no longer makes are left out, unless it made only some pages: `prune` false),
/// and whatever else is there goes. Then the two folders are exchanged in one step (`renameat2` with
/// `RENAME_EXCHANGE`), and the old output waits beside the new one for the next build. witaj owns only the files
/// it made (listed beside the output, `.site-out.witaj-files`): any other file in the output is carried into
/// every generation, and one in the way of a file witaj makes is an error, not overwritten. Nothing is written
/// while the build can still fail, so a failing build leaves the output exactly as it was.
package final class Publisher: ArtifactSink, @unchecked Sendable {
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// Where the artifacts go: kept in memory (`check`, tests), or a new generation of the folder.
    package enum Destination {
        case memory
        case folder(URL)
    }

    package let destination: Destination
    private let generation: Generation?
    private let lock = NSLock()
    private var made: Set<String> = []
    private var folders: Set<String> = []
    private var conflicts: [String] = []
    private var failure: String?
    package private(set) var kept: [Artifact] = []
    package private(set) var written = 0
    package private(set) var pages = 0
    package private(set) var unchanged = 0
    /// The files written anew (relative paths), not those the output already had byte for byte.
    package private(set) var changed: [String] = []
    /// What the publisher had to leave aside (a file added to the output while the build ran, in the way of one
    /// it made): said as warnings.
    package private(set) var notes: [String] = []

    /// `clean`: an output folder witaj did not make, with files in it, is set aside (renamed, never deleted) and a
    /// new one made; without it, such a folder is an error and nothing is touched.
    package init(_ destination: Destination, prune: Bool = true, clean: Bool = false) throws(Failure) {
        self.destination = destination
        guard case .folder(let output) = destination else {
            generation = nil
            return
        }
        generation = try Generation(output: output.standardizedFileURL.path, prune: prune, clean: clean)
        notes += generation!.prepare()
        folders.insert(generation!.staging)
    }

    deinit { generation?.unlock() }

    /// Takes one file of the output; safe to call from every core at once.
    package func put(_ artifact: Artifact) {
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
                same = (info.st_mode & S_IFMT) == S_IFREG && Self.contents(of: old, size: info.st_size, equal: artifact.contents)
                    && Generation.share(old, info, as: path)
                conflict = !same && !generation.owns(artifact.path)
            }
        }
        if ok && !same {
            let written = switch artifact.contents {
            case .bytes(let bytes): Self.write(bytes, to: path + ".witaj-new")
            case .file(let file): Self.copy(file, to: path + ".witaj-new")
            }
            ok = written && rename(path + ".witaj-new", path) == 0
        }
        lock.withLock {
            made.insert(artifact.path)
            if conflict { conflicts.append(artifact.path) }
            if same { unchanged += 1 } else if ok { changed.append(artifact.path) }
            if ok { count(artifact) } else if failure == nil { failure = path }
        }
    }

    private func count(_ artifact: Artifact) {
        written += 1
        if artifact.isMade && artifact.path.hasSuffix(".html") { pages += 1 }
    }

    /// Whether the file at `path` (of `size` bytes) holds exactly `contents`.
    private static func contents(of path: String, size: Int, equal contents: Artifact.Contents) -> Bool {
        switch contents {
        case .bytes(let bytes):
            guard size == bytes.count else { return false }
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: bytes.count)
            return fill(&buffer, from: fd) && buffer == bytes
        case .file(let file):
            var info = stat()
            guard stat(file, &info) == 0, Int(info.st_size) == size else { return false }
            let a = open(path, O_RDONLY), b = open(file, O_RDONLY)
            defer {
                if a >= 0 { close(a) }
                if b >= 0 { close(b) }
            }
            guard a >= 0, b >= 0 else { return false }
            // In slices: a static file can be large.
            var x = [UInt8](repeating: 0, count: min(size, 1 << 20)), y = x
            var left = size
            while left > 0 {
                let n = min(left, x.count)
                if x.count != n {
                    x = [UInt8](repeating: 0, count: n)
                    y = x
                }
                guard fill(&x, from: a), fill(&y, from: b), x == y else { return false }
                left -= n
            }
            return true
        }
    }

    /// Reads exactly `buffer.count` bytes.
    private static func fill(_ buffer: inout [UInt8], from fd: Int32) -> Bool {
        var offset = 0
        let count = buffer.count
        while offset < count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, count - offset) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// A regular file's bytes copied into a new file at `path`, in slices (a static file can be large). Whatever
    /// was there is unlinked first, as in `write`.
    package static func copy(_ source: String, to path: String) -> Bool {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { return false }
        defer { close(input) }
        unlink(path)
        let output = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard output >= 0 else { return false }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if n == 0 { return true }
            if n < 0 { return false }
            let ok = buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset < n {
                    let w = Foundation.write(output, bytes.baseAddress! + offset, n - offset)
                    if w <= 0 { return false }
                    offset += w
                }
                return true
            }
            if !ok { return false }
        }
    }

    /// mkdir -p inside the staged generation, by system calls, remembering what exists.
    private func makeFolder(_ folder: String) -> Bool {
        if lock.withLock({ folders.contains(folder) }) { return true }
        guard Generation.makeFolders(folder) else { return false }
        lock.withLock { _ = folders.insert(folder) }
        return true
    }

    /// One write(2) of the whole file into a new file at `path`. Whatever was there is unlinked first, never
    /// written through: it may be a hard link that the output shares (a file someone named like witaj's
    /// temporary files, say).
    package static func write(_ bytes: [UInt8], to path: String) -> Bool {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
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
    package func commit() throws(Failure) {
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
    }

    /// Drops what was staged: the old output stays as it was.
    package func discard() {
        generation?.discard()
        generation?.unlock()
    }
}

/// The output folder's next generation, made beside it (see `Publisher`).
package final class Generation: @unchecked Sendable {
    /// The output folder, and the next generation beside it.
    package let output: String
    package let staging: String
    /// The output as it is, when there is one.
    package let previous: String?
    /// Whether files witaj made before and no longer makes are left out.
    package let prune: Bool
    /// The files of the output that witaj made (the list beside it); nil when there is none, and then, if an
    /// older witaj built the output (its state is there), every file the build makes is taken as its own.
    private let owned: Set<String>?
    private let adopts: Bool
    private var lockFD: Int32 = -1
    package private(set) var notes: [String] = []

    /// A file in the next generation while it is being made: found there, it says the folder may hold files a
    /// killed build wrote; without it, the folder is an old output as the exchange left it.
    package static let marker = ".witaj-staging"

    /// The lists of the files witaj made: in the output, and in the old output beside it.
    package static func ownedList(output: String) -> String { sibling(of: output, "witaj-files") }
    package static func previousList(output: String) -> String { sibling(of: output, "witaj-files-before") }

    /// `.NAME.SUFFIX` beside the output `…/NAME`.
    package static func sibling(of output: String, _ suffix: String) -> String {
        let slash = output.lastIndex(of: "/") ?? output.startIndex
        let parent = String(output[..<slash]), name = output[output.index(after: slash)...]
        return parent + "/.\(name).\(suffix)"
    }

    package init(output: String, prune: Bool, clean: Bool = false) throws(Publisher.Failure) {
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
        var info = stat(), hasOutput = false
        if lstat(output, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                if lockFD >= 0 { close(lockFD) }
                throw Publisher.Failure(description: "\(output) exists and is not a folder")
            }
            hasOutput = true
        }
        var owned = Self.readList(Self.ownedList(output: output))
        var adopts = owned == nil && (!hasOutput || FileManager.default.fileExists(atPath: Self.sibling(of: output, "witaj-state"))
            || FileTree.names(in: output).isEmpty)
        if owned == nil && !adopts {
            // A folder witaj did not make, with files in it: not witaj's to fill.
            guard clean else {
                if lockFD >= 0 { close(lockFD) }
                let names = FileTree.names(in: output).sorted()
                let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
                throw Publisher.Failure(description: "\(output) holds files witaj did not make (\(shown)); witaj builds only into "
                    + "an empty folder or one it made: choose another --out, or add --clean to set the folder aside and build anew")
            }
            let aside = Self.sibling(of: output, "witaj-set-aside-\(Self.timestamp())")
            guard rename(output, aside) == 0 else {
                if lockFD >= 0 { close(lockFD) }
                throw Publisher.Failure(description: "cannot set \(output) aside as \(aside): \(String(cString: strerror(errno)))")
            }
            notes.append("--clean: the files witaj did not make are kept in \(aside)")
            hasOutput = false
            owned = nil
            adopts = true
        }
        previous = hasOutput ? output : nil
        self.owned = owned
        self.adopts = adopts
    }

    /// Now, in UTC, for names: 20261203-125500.
    private static func timestamp() -> String {
        var now = time(nil), parts = tm()
        gmtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
    }

    private static func readList(_ path: String) -> Set<String>? {
        FileManager.default.contents(atPath: path).map { Set(String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init)) }
    }

    package func unlock() {
        if lockFD >= 0 { close(lockFD) }
        lockFD = -1
    }

    /// Whether witaj made the output's file at `path` (relative): then a build may replace it.
    package func owns(_ path: String) -> Bool {
        owned?.contains(path) ?? adopts
    }

    /// Readies the folder beside the output for the next generation. An old output there may hold files someone
    /// put in the output while the last build ran: they are moved into the output (or aside, when something is in
    /// their way). Returns what to tell.
    package func prepare() -> [String] {
        // Killed between the exchange and removing the marker: the output is complete, only the marker is extra.
        unlink(output + "/" + Self.marker)
        var info = stat()
        if previous == nil {
            Self.remove(staging)
        } else if lstat(staging, &info) == 0, access(staging + "/" + Self.marker, F_OK) != 0 {
            let before = Self.readList(Self.previousList(output: output)) ?? owned ?? []
            let rescued = parallelMap(FileTree.names(in: staging)) { self.rescue($0, ownedBefore: before) }
            notes += rescued.flatMap { $0 }
        }
        _ = Self.makeFolders(staging)
        _ = Publisher.write([], to: staging + "/" + Self.marker)
        return notes
    }

    /// Moves the files under `path` of the old output that witaj did not make and the output does not share into
    /// the output.
    @Sendable private func rescue(_ path: String, ownedBefore: Set<String>) -> [String] {
        var info = stat()
        guard lstat(staging + "/" + path, &info) == 0 else { return [] }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return FileTree.names(in: staging + "/" + path).flatMap { rescue(path + "/" + $0, ownedBefore: ownedBefore) }
        }
        guard info.st_nlink == 1, !ownedBefore.contains(path) else { return [] }
        var there = stat()
        let into = lstat(output + "/" + path, &there) != 0 ? output : Self.sibling(of: output, "witaj-kept")
        let target = into + "/" + path
        guard Self.makeFolders(String(target[..<target.lastIndex(of: "/")!])), rename(staging + "/" + path, target) == 0 else {
            return []
        }
        return ["\(output)/\(path) was added while the last build ran; " + (into == output ? "it is kept" : "it is kept as \(target)")]
    }

    /// Makes `path` the same file as `source` (described by `info`), unless it is already: a link made under a
    /// temporary name and renamed over what was there.
    package static func share(_ source: String, _ info: stat, as path: String) -> Bool {
        var there = stat()
        if lstat(path, &there) == 0, there.st_ino == info.st_ino, there.st_dev == info.st_dev { return true }
        let temporary = path + ".witaj-new"
        unlink(temporary)
        // A copy where a hard link cannot be made (another file system, too many links).
        return (link(source, temporary) == 0 || Publisher.copy(source, to: temporary)) && rename(temporary, path) == 0
    }

    /// Links what the output has and the build did not make into the next generation, removes what it should
    /// not have, exchanges the two folders, and keeps the lists of witaj's files.
    package func commit(made: Set<String>) throws(Publisher.Failure) {
        var keptOwned: [String] = [], failed: String?
        var wanted = made
        if let previous {
            // Each top-level folder (a language, mostly) on every core.
            let names = FileTree.names(in: previous).filter { $0 != Self.marker }
            for part in parallelMap(names, { self.carry(from: previous, $0, made: made) }) {
                failed = failed ?? part.failed
                keptOwned += part.keptOwned
                wanted.formUnion(part.carried)
            }
        }
        if let failed { throw Publisher.Failure(description: "cannot keep \(failed) in the new site") }
        // What the old output had and the new one does not.
        let keep = wanted
        let stale = parallelMap(FileTree.names(in: staging).filter { $0 != Self.marker }) { self.clear($0, keeping: keep) }
        if let failed = stale.compactMap(\.failed).first { throw Publisher.Failure(description: "cannot remove \(failed) from the new site") }
        let nowOwned = made.union(keptOwned)
        // Until the exchange is done, either generation's files may be in the output: the list names both.
        let both = nowOwned.union(owned ?? []).union([Self.marker])
        try writeList(both, to: Self.ownedList(output: output))
        try writeList(both.union(wanted), to: Self.previousList(output: output))
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
        try writeList(nowOwned, to: Self.ownedList(output: output))
        // The old output, beside the new one now: what witaj made in it (an older witaj: what it makes now) and
        // what this build saw there. Any other file of it was put in the output while this build ran (`prepare`).
        try writeList((owned ?? made).union(wanted), to: Self.previousList(output: output))
    }

    private func failure(_ message: String) -> Publisher.Failure {
        Publisher.Failure(description: "\(message): \(String(cString: strerror(errno)))")
    }

    /// What `carry` did in one part of the output.
    package struct Carried: Sendable {
        /// The files (and folders, ending in "/") carried: empty folders someone made stay.
        package var carried: Set<String> = []
        package var keptOwned: [String] = []
        package var failed: String?
    }

    /// Links the files of `base/path` that the build did not make into the next generation: files others put
    /// there always, witaj's own only when it made some pages (`prune` false).
    private func carry(from base: String, _ path: String, made: Set<String>) -> Carried {
        let source = base + "/" + path, target = staging + "/" + path
        var info = stat(), result = Carried()
        guard lstat(source, &info) == 0 else { return result }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            if made.contains(path) { return result }
            let ours = owned?.contains(path) ?? false
            if prune && ours { return result }
            if !Self.share(source, info, as: target)
                && !(Self.makeFolders(String(target[..<target.lastIndex(of: "/")!])) && Self.share(source, info, as: target)) {
                result.failed = source
            }
            result.carried.insert(path)
            if ours { result.keptOwned.append(path) }
            return result
        }
        let names = FileTree.names(in: source)
        if names.isEmpty {
            _ = Self.makeFolders(target)
            result.carried.insert(path + "/")
        }
        for name in names {
            let part = carry(from: base, path + "/" + name, made: made)
            result.carried.formUnion(part.carried)
            result.keptOwned += part.keptOwned
            result.failed = result.failed ?? part.failed
        }
        return result
    }

    /// Removes from the next generation, under `path`, every file not `wanted` and the folders left empty (but
    /// those wanted empty). Everything there is witaj's: what else the old output held was moved out (`prepare`).
    /// Returns whether anything stays under `path`, and a path that could not be removed.
    @Sendable private func clear(_ path: String, keeping wanted: Set<String>) -> (stays: Bool, failed: String?) {
        let full = staging + "/" + path
        var info = stat()
        guard lstat(full, &info) == 0 else { return (false, nil) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            if wanted.contains(path) { return (true, nil) }
            return unlink(full) == 0 ? (false, nil) : (true, full)
        }
        var stays = wanted.contains(path + "/"), failed: String?
        for name in FileTree.names(in: full) {
            let inner = clear(path + "/" + name, keeping: wanted)
            stays = stays || inner.stays
            failed = failed ?? inner.failed
        }
        if !stays { rmdir(full) }
        return (stays, failed)
    }

    /// Writes a list of files, atomically.
    private func writeList(_ paths: Set<String>, to list: String) throws(Publisher.Failure) {
        let bytes = Array(paths.sorted().joined(separator: "\n").utf8) + [0x0A]
        guard Publisher.write(bytes, to: list + ".new"), rename(list + ".new", list) == 0 else {
            throw failure("cannot write \(list)")
        }
    }

    /// Drops the next generation when there is no output yet; else leaves it for the next build, which brings
    /// it up to date.
    package func discard() {
        if previous == nil { Self.remove(staging) }
    }

    /// mkdir -p by system calls.
    package static func makeFolders(_ folder: String) -> Bool {
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT, let slash = folder.lastIndex(of: "/"), slash > folder.startIndex,
              makeFolders(String(folder[..<slash])) else { return false }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST
    }

    /// rm -r of a folder witaj made.
    package static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in FileTree.names(in: path) { remove(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

}
