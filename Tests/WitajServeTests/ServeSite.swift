import Foundation
import Witaj
import WitajCore
import WitajGettext
import WitajSite
@testable import WitajServe

/// A copy of a fixture site (WitajTests' fixtures) in a temporary folder, with catalogs for its languages.
final class ServeSite {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("WitajTests/Fixtures")
    static let packageRoot = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Polish, English, and Arabic falling back to English; the welcome pack as a book.
    static let siteYAML = """
        baseURL: https://example.org/pack/
        sourceLanguage: pl
        languages:
          - code: pl
          - code: en
          - code: ar
            fallback: [en]
        pack:
          file: pakiet
          chapters:
            - index.md
            - guide/registration.xml
            - guide/lazienki.md
            - guide/offices.xml
        translations:
          # The preview's marks are on segments shown from a fallback: pages are never shown whole in one.
          wholePageBelow: 0%
        """
    static let languages = ["pl", "en", "ar"]
    /// The books' date, so that two builds give the same bytes.
    static let sourceDateEpoch = 1_790_000_000

    let root: URL

    init(_ name: String = "minimal", siteYAML: String = ServeSite.siteYAML) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-serve-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: root)
        try write("site.yml", siteYAML)
        _ = Update.run(root: root)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws { try write(path, bytes: Array(text.utf8)) }

    func write(_ path: String, bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url(path))
    }

    func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    /// Sets msgstr of the entries whose msgid `translation` answers, as a translator's tool saves a catalog.
    func translate(_ path: String, _ translation: (String) -> String?) throws {
        var diagnostics = Diagnostics()
        guard var catalog = CatalogStore.read(path, root: root, into: &diagnostics) else { throw Failure(description: "\(path): \(diagnostics.items)") }
        for i in catalog.entries.indices {
            guard let text = translation(catalog.entries[i].msgid) else { continue }
            catalog.entries[i].msgstr = [text]
        }
        try write(path, POWriter.write(catalog))
    }

    /// Every input file (site.yml, content/, locales/, theme/) with its bytes: two of these tell which paths an edit
    /// touched, as the watcher does.
    func inputs() -> [String: Data] {
        var files: [String: Data] = [:]
        if let data = FileManager.default.contents(atPath: url("site.yml").path) { files["site.yml"] = data }
        for folder in ["content", "locales", "theme"] {
            for (relative, file) in FileTree.files(under: url(folder)) {
                files[folder + "/" + relative] = FileManager.default.contents(atPath: file.path) ?? Data()
            }
        }
        return files
    }

    static func edited(from before: [String: Data], to after: [String: Data]) -> Set<String> {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }
}

/// A running `PreviewServer` on a free port, and what it reported.
final class RunningServer: @unchecked Sendable {
    let server: PreviewServer
    private let lock = NSLock()
    private var events: [PreviewServer.Event] = []
    private var task: Task<PreviewServer.Failure?, Never>?
    private(set) var port = 0

    init(root: URL, drafts: Bool = false) {
        let box = Box()
        server = PreviewServer(root: root, host: "127.0.0.1", port: 0, sourceDateEpoch: ServeSite.sourceDateEpoch, drafts: drafts) { box.add($0) }
        box.owner = self
    }

    /// Starts serving and waits for the first build.
    func start() async throws {
        let server = server
        task = Task {
            do throws(PreviewServer.Failure) {
                try await server.run()
                return nil
            } catch {
                return error
            }
        }
        // The first build of the shipped pack takes seconds alone, and minutes on a machine busy with other builds.
        try await until("the server listens and has built the site", seconds: 300) { port != 0 && builds > 0 }
    }

    func stop() async {
        await server.stop()
        _ = await task?.value
    }

    fileprivate func add(_ event: PreviewServer.Event) {
        lock.withLock {
            events.append(event)
            if case .listening(let url) = event { port = url.port ?? 0 }
        }
    }

    var builds: Int { lock.withLock { events.filter { if case .built = $0 { true } else { false } }.count } }

    var lastDiagnostics: Diagnostics? {
        lock.withLock {
            events.reversed().lazy.compactMap { if case .built(let d, _, _) = $0 { d } else { nil } }.first
        }
    }

    /// The documents the last build made again (nil: all of them).
    var lastRemade: [String]?? {
        lock.withLock { events.reversed().lazy.compactMap { if case .built(_, let r, _) = $0 { r } else { nil } }.first }
    }

    func get(_ target: String, method: String = "GET") async throws -> HTTPClient.Response {
        let port = port
        return try await blocking { try HTTPClient.request(port: port, method: method, target: target) }
    }

    final class Box: @unchecked Sendable {
        weak var owner: RunningServer?
        func add(_ event: PreviewServer.Event) { owner?.add(event) }
    }
}

/// Waits until `condition` holds, checking every 20 ms, for at most `seconds`, counted in checks, not by the clock:
/// while other tests hold Swift's few shared threads neither this loop nor the server's answers run, and that time
/// is not the server's.
func until(_ what: String, seconds: Double = 30, _ condition: () async throws -> Bool) async throws {
    for _ in 0..<Int(seconds * 50) {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    throw ServeSite.Failure(description: "timed out after \(seconds) s: \(what)")
}

/// Runs blocking work (a socket's reads) on a thread of its own. Tests run on Swift's few shared threads, and so
/// do the server's answers: a test blocking them while it waits for the server would wait forever.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// HTTP/1.1 over a plain socket, with the request target sent byte for byte as given (a library would clean up
/// "/../" before sending it, and the tests need to send exactly that).
enum HTTPClient {
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeSite.Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw ServeSite.Failure(description: "connect to port \(port): \(errno)")
        }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    static func request(port: Int, method: String = "GET", target: String, body: String? = nil,
                        headers extra: [String: String] = [:]) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in extra { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.utf8.count)\r\n" }
        send(fd, head + "\r\n" + (body ?? ""))
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        // Until the whole body is in (its length, or the last chunk), or the server closes the connection.
        while !isComplete(data, method: method) {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 65536, 0) }
            if n <= 0 { break }
            data += buffer[..<n]
        }
        return try parse(data, method: method)
    }

    static func isComplete(_ data: [UInt8], method: String) -> Bool {
        guard let response = try? parse(data, method: method) else { return false }
        if method == "HEAD" || response.status == 204 || response.status == 304 { return true }
        if let length = response.headers["content-length"].flatMap(Int.init) { return response.body.count >= length }
        return response.headers["transfer-encoding"] == "chunked" && data.suffix(5) == Array("0\r\n\r\n".utf8)
    }

    static func parse(_ data: [UInt8], method: String) throws -> Response {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0..<max(0, data.count - 3)).first(where: { Array(data[$0..<($0 + 4)]) == separator }) else {
            throw ServeSite.Failure(description: "no response head in \(data.count) bytes")
        }
        let lines = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if headers["transfer-encoding"] == "chunked" { body = unchunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    static func unchunk(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], i = 0
        while i < data.count {
            guard let lineEnd = (i..<(data.count - 1)).first(where: { data[$0] == 13 && data[$0 + 1] == 10 }) else { break }
            let size = Int(String(decoding: data[i..<lineEnd], as: UTF8.self), radix: 16) ?? 0
            if size == 0 { break }
            out += data[(lineEnd + 2)..<min(data.count, lineEnd + 2 + size)]
            i = lineEnd + 2 + size + 2
        }
        return out
    }
}

/// A browser's EventSource, reduced: reads the server's events on a thread of its own, each with when it came.
final class EventStream: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var received: [(name: String, data: String, at: ContinuousClock.Instant)] = []
    private(set) var status = 0
    private(set) var contentType = ""

    init(port: Int) throws {
        fd = try HTTPClient.connect(port: port)
        HTTPClient.send(fd, "GET \(PreviewPage.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        let thread = Thread { [self] in readEvents() }
        thread.start()
    }

    deinit { shutdown(fd, Int32(SHUT_RDWR)) }

    func close() { shutdown(fd, Int32(SHUT_RDWR)) }

    var events: [(name: String, data: String, at: ContinuousClock.Instant)] { lock.withLock { received } }

    /// The site's version the last reload event named.
    var version: String? { events.last(where: { $0.name == "reload" })?.data }

    private func readEvents() {
        var pending = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        var inBody = false
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 4096, 0) }
            if n <= 0 { return }
            pending += String(decoding: buffer[..<n], as: UTF8.self)
            if !inBody, let end = pending.range(of: "\r\n\r\n") {
                let head = pending[..<end.lowerBound].components(separatedBy: "\r\n")
                lock.withLock {
                    status = Int(head[0].split(separator: " ")[1]) ?? 0
                    contentType = head.first { $0.lowercased().hasPrefix("content-type:") }.map { String($0.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces) } ?? ""
                }
                pending = String(pending[end.upperBound...])
                inBody = true
            }
            guard inBody else { continue }
            // Chunked: the chunk sizes are lines of hex digits between the events' lines.
            while let end = pending.range(of: "\n\n") {
                let block = pending[..<end.lowerBound]
                pending = String(pending[end.upperBound...])
                var name = "message", data = ""
                // "\r\n" (the chunks' framing) is one Character: split on every kind of line end.
                for line in block.split(whereSeparator: \.isNewline) {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                if block.contains("event: ") || block.contains("data: ") {
                    let now = ContinuousClock.now
                    lock.withLock { received.append((name, data, now)) }
                }
            }
        }
    }
}
