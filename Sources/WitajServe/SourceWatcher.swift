import Foundation
import WitajCore

/// Watches a site's sources with inotify (Linux; Glibc declares it, no C shim is needed): site.yml and every folder
/// of content/, locales/, theme/ and static/. Editors save in many ways (in place, in several writes, to a temporary file
/// renamed over the old one, by deleting and creating), so edits are reported in bursts: after the first, the
/// watcher waits until the files have been quiet for a moment, or at most `longest`. The moment is short (`settle`)
/// when every file of the burst was last closed after writing or renamed into place, as a save ends; otherwise
/// (a file written and not yet closed, removed, a folder come or gone) it is `quiet`.
package final class SourceWatcher: @unchecked Sendable {
    /// One burst of edits.
    package struct Edits: Sendable {
        /// The paths edited, created or removed, relative to the site's root.
        package var paths: Set<String> = []
        /// Some edits may have been missed (the kernel's queue overflowed): make everything again.
        package var lostTrack = false
        /// When the first edit of the burst was seen.
        package var since = ContinuousClock.now
        /// Each path's last event (its inotify mask).
        var lastEvents: [String: UInt32] = [:]

        /// Whether every file of the burst was last closed after writing, renamed into place or given other
        /// attributes: each save looks finished.
        var looksFinished: Bool {
            !lostTrack && lastEvents.values.allSatisfy { $0 & UInt32(IN_ISDIR) == 0 && $0 & Edits.finishing != 0 }
        }
        static let finishing = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_ATTRIB)
    }

    /// The folders watched, besides the root (for site.yml, and these folders coming and going).
    package static let folders = ["content", "locales", "theme", "static"]
    /// How long the sources must be quiet before a burst is reported (`settle` when every save in it looks finished),
    /// and how long a burst may last at most.
    package var quiet: Duration = .milliseconds(15)
    package var settle: Duration = .milliseconds(1)
    package var longest: Duration = .milliseconds(250)

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    private let root: String
    private let inotify: Int32
    /// Written to by `stop`, to wake the watching thread.
    private let wake: (read: Int32, write: Int32)
    /// Each watched folder by its watch descriptor: its path relative to the root ("" for the root).
    private var watched: [Int32: String] = [:]
    private static let events = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB)

    package init(root: URL) throws(Failure) {
        self.root = root.standardizedFileURL.path
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw Failure(description: "cannot watch the sources: \(String(cString: strerror(errno)))") }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            close(inotify)
            throw Failure(description: "cannot watch the sources: \(String(cString: strerror(errno)))")
        }
        wake = (fds[0], fds[1])
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        }
        let fd = inotify_add_watch(inotify, self.root, Self.events | UInt32(IN_ONLYDIR))
        guard fd >= 0 else {
            close(inotify)
            throw Failure(description: "cannot watch \(self.root): \(String(cString: strerror(errno)))")
        }
        watched[fd] = ""
        rescan()
    }

    deinit {
        close(inotify)
        close(wake.read)
        close(wake.write)
    }

    /// Reports every burst of edits to `handle`, on the calling thread, until `stop`. Edits made while `handle`
    /// runs are reported in the next burst.
    package func run(_ handle: (Edits) -> Void) {
        while true {
            guard wait(forever: true) else { return }
            var edits = Edits()
            let start = edits.since
            read(into: &edits)
            while ContinuousClock.now - start < longest {
                let left = min(edits.looksFinished ? settle : quiet, longest - (ContinuousClock.now - start))
                guard wait(for: left) else { break }
                read(into: &edits)
            }
            if isStopped { return }
            if !edits.paths.isEmpty || edits.lostTrack { handle(edits) }
        }
    }

    /// Makes `run` return (from any thread).
    package func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    private var isStopped: Bool {
        var fds = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        return poll(&fds, 1, 0) > 0
    }

    /// Waits for events; false when stopped or, with a time limit, when none came in it.
    private func wait(forever: Bool = false, for limit: Duration = .zero) -> Bool {
        let ms = forever ? -1 : Int32(limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000)
        var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        while true {
            let n = poll(&fds, 2, ms)
            if n < 0 && errno == EINTR { continue }
            return n > 0 && fds[1].revents == 0 && fds[0].revents != 0
        }
    }

    /// Takes in every event queued.
    private func read(into edits: inout Edits) {
        let size = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: size)
        var folderChanged = false
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(inotify, $0.baseAddress, size) }
            guard n > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<(nameStart + length)].prefix { $0 != 0 }
                offset = nameStart + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    edits.lostTrack = true
                    folderChanged = true
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    watched[wd] = nil
                    continue
                }
                guard let folder = watched[wd], !nameBytes.isEmpty else { continue }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if folder.isEmpty && name != "site.yml" && !Self.folders.contains(name) { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                edits.paths.insert(path)
                edits.lastEvents[path] = mask
                if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) != 0 {
                    folderChanged = true
                }
            }
        }
        // A folder came, went or moved: watch the folders as they are now, before anything in them is read.
        if folderChanged { rescan() }
    }

    /// Watches every folder under content/, locales/ and theme/ (not following symbolic links, as the build does
    /// not), and no folder that is no longer there.
    private func rescan() {
        var now: [Int32: String] = [:]
        for (fd, path) in watched where path.isEmpty { now[fd] = path }
        for folder in Self.folders { watch(folder, into: &now) }
        for (fd, path) in watched where now[fd] == nil && !path.isEmpty { inotify_rm_watch(inotify, fd) }
        watched = now
    }

    private func watch(_ relative: String, into now: inout [Int32: String]) {
        let fd = inotify_add_watch(inotify, root + "/" + relative, Self.events | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW))
        guard fd >= 0 else { return }
        now[fd] = relative
        guard let dir = opendir(root + "/" + relative) else { return }
        defer { closedir(dir) }
        for (name, kind) in FileTree.entries(dir) where !name.hasPrefix(".") {
            let kind = kind ?? FileTree.kind(of: name, in: dirfd(dir))
            if kind == .folder { watch(relative + "/" + name, into: &now) }
        }
    }
}
