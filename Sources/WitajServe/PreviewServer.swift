import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import WitajCore

/// `witaj serve`: the whole site made in memory (`PreviewSite`), served over HTTP by Hummingbird, made again after
/// every edit of the sources (`SourceWatcher`), with every open page told to reload (server-sent events). Nothing
/// is written to disk; only what the last build made can be served, so no file outside the site can be reached.
/// Runs until SIGINT or SIGTERM (or `stop`).
public final class PreviewServer: @unchecked Sendable {
    /// What the server tells whoever runs it.
    public enum Event: Sendable {
        /// Serving at this address.
        case listening(URL)
        /// A build finished: its diagnostics, the documents it made again (nil: the whole site), its time.
        case built(Diagnostics, remade: [String]?, seconds: Double)
    }

    /// Why the server could not run, as diagnostics.
    public struct Failure: Error, CustomStringConvertible {
        public let diagnostics: Diagnostics
        public var description: String { diagnostics.items.map(\.description).joined(separator: "\n") }
    }

    let root: URL
    let host: String
    let port: Int
    let sourceDateEpoch: Int?
    let drafts: Bool
    let report: @Sendable (Event) -> Void
    let state = ServedState()
    private let lock = NSLock()
    private var group: ServiceGroup?
    private var stopped = false

    /// `port` 0: any free port (`Event.listening` says which). `drafts`: draft documents are shown, with a banner.
    public init(root: URL, host: String = "127.0.0.1", port: Int = 8080, sourceDateEpoch: Int? = nil, drafts: Bool = false,
                report: @escaping @Sendable (Event) -> Void) {
        self.root = root.standardizedFileURL
        self.host = host
        self.port = port
        self.sourceDateEpoch = sourceDateEpoch
        self.drafts = drafts
        self.report = report
    }

    /// Where a failure to serve is reported: the command line, as compilers call it (`<command line>:1:1: error:`).
    static let commandLine = SourceLocation("<command line>")

    /// Serves until SIGINT, SIGTERM or `stop`.
    public func run() async throws(Failure) {
        let watcher: SourceWatcher
        do {
            watcher = try SourceWatcher(root: root)
        } catch {
            throw failure(SourceLocation(root.path), error.description)
        }
        startBuilding(watching: watcher)
        let app = Application(
            responder: PreviewResponder(state: state),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { [host, report] channel in
                let bound = channel.localAddress?.port ?? 0
                let name = host.contains(":") ? "[\(host)]" : host
                report(.listening(URL(string: "http://\(name):\(bound)/")!))
            },
            logger: Self.quiet)
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: app),
                       // Shut down first: open event streams end, so that the server can close every connection.
                       .init(service: Closer(state: state, watcher: watcher), successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: Self.quiet)
        configuration.maximumGracefulShutdownDuration = .seconds(3)
        let group = ServiceGroup(configuration: configuration)
        let stopNow = lock.withLock {
            self.group = group
            return stopped
        }
        if stopNow { await group.triggerGracefulShutdown() }
        do {
            try await group.run()
        } catch {
            watcher.stop()
            state.close()
            throw failure(Self.commandLine, Self.explain(error, host: host, port: port))
        }
    }

    /// Ends `run` as SIGTERM would.
    public func stop() async {
        let group = lock.withLock {
            stopped = true
            return self.group
        }
        await group?.triggerGracefulShutdown()
    }

    /// Builds the site, then again after every burst of edits, on a thread of its own: a build keeps both cores
    /// busy for a while, and the server's threads must stay free to answer.
    private func startBuilding(watching watcher: SourceWatcher) {
        let (state, report, root, sourceDateEpoch, drafts) = (state, report, root, sourceDateEpoch, drafts)
        let thread = Thread {
            let site = PreviewSite(root: root, sourceDateEpoch: sourceDateEpoch, drafts: drafts)
            func publish(_ snapshot: PreviewSite.Snapshot, since start: ContinuousClock.Instant) {
                state.publish(snapshot, root: root)
                let time = ContinuousClock.now - start
                let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
                report(.built(snapshot.diagnostics, remade: snapshot.remade?.sorted(), seconds: seconds))
            }
            let start = ContinuousClock.now
            publish(site.build(), since: start)
            // A build's time counts from the first edit seen, the wait for the burst to end included.
            watcher.run { edits in
                if let snapshot = site.rebuild(after: edits.paths, everything: edits.lostTrack) {
                    publish(snapshot, since: edits.since)
                    // What only the search index and the next rebuild need, while browsers reload.
                    site.settle()
                }
            }
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    private func failure(_ location: SourceLocation, _ message: String) -> Failure {
        var diagnostics = Diagnostics()
        diagnostics.error(location, message)
        return Failure(diagnostics: diagnostics)
    }

    /// A failure to serve in words a user can act on.
    static func explain(_ error: any Error, host: String, port: Int) -> String {
        let text = String(describing: error)
        if let io = error as? IOError, io.errnoCode == EADDRINUSE || text.contains("Address already in use") {
            return "port \(port) on \(host) is in use by another program; choose another with --port"
        }
        if text.contains("Address already in use") {
            return "port \(port) on \(host) is in use by another program; choose another with --port"
        }
        if text.contains("Permission denied") || text.contains("EACCES") {
            return "not allowed to listen on port \(port) of \(host) (ports under 1024 need root); choose another with --port"
        }
        if text.contains("Cannot assign requested address") || text.contains("resolve") || text.contains("getaddrinfo") {
            return "cannot listen on \(host): it is not an address of this machine; use --host 127.0.0.1"
        }
        return "cannot serve on \(host):\(port): \(text)"
    }

    static let quiet = Logger(label: "witaj-serve", factory: { _ in SwiftLogNoOpLogHandler() })
}

/// The site the server shows now, and the browsers listening for the next one.
final class ServedState: @unchecked Sendable {
    struct Site {
        let files: FileTable
        /// The reports over the site, made when asked for (`PreviewSite.Snapshot.reports`).
        var reports: Later<[String: [UInt8]]>? = nil
        /// The pages of draft documents, which get a banner.
        var draftPages: Set<String> = []
        let page: PreviewPage
        /// Some build has finished.
        let built: Bool
    }

    private let lock = NSLock()
    private var site: Site
    private var streams: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextStream = 0
    private var closed = false
    /// Tells this server's pages from another's (started again on the same port).
    private let instance = String(UInt64.random(in: 0...UInt64.max), radix: 36)

    init() {
        site = Site(files: FileTable(), page: PreviewPage(version: instance + "-0", diagnostics: Diagnostics(), root: URL(fileURLWithPath: "/"), hasPages: false),
                    built: false)
    }

    var current: Site { lock.withLock { site } }

    /// How many event streams are open (pages listening).
    var listeners: Int { lock.withLock { streams.count } }

    func publish(_ snapshot: PreviewSite.Snapshot, root: URL) {
        let page = PreviewPage(version: "\(instance)-\(snapshot.generation)", diagnostics: snapshot.diagnostics, root: root,
                               hasPages: !snapshot.files.isEmpty, draftsLeftOut: snapshot.draftsLeftOut.count)
        let last = lock.withLock {
            let last = site
            site = Site(files: snapshot.files, reports: snapshot.reports, draftPages: snapshot.draftPages, page: page, built: true)
            for stream in streams.values { stream.yield(page.version) }
            return last
        }
        // The last site's files, which only it may hold (pages made before the theme changed), let go once the browsers
        // are told, and on another thread.
        DispatchQueue.global().async { withExtendedLifetime(last) {} }
    }

    /// The site's versions from now on, the current one first; ends when the server shuts down.
    func versions() -> AsyncStream<String> {
        AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let id: Int? = lock.withLock {
                guard !closed else { return nil }
                nextStream += 1
                streams[nextStream] = continuation
                continuation.yield(site.page.version)
                return nextStream
            }
            guard let id else { return continuation.finish() }
            continuation.onTermination = { [weak self] _ in
                guard let self else { return }
                _ = self.lock.withLock { self.streams.removeValue(forKey: id) }
            }
        }
    }

    /// Ends every stream of versions, now and to come.
    func close() {
        let ending = lock.withLock {
            closed = true
            defer { streams = [:] }
            return Array(streams.values)
        }
        for listener in ending { listener.finish() }
    }
}

/// Stops the watcher and ends the event streams when the server is asked to shut down.
struct Closer: Service {
    let state: ServedState
    let watcher: SourceWatcher

    func run() async throws {
        defer {
            watcher.stop()
            state.close()
        }
        try? await gracefulShutdown()
    }
}
