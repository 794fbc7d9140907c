import Foundation
import Hummingbird
import ServiceLifecycle
import WitajCore
import WitajMarkdown

/// Answers the preview's requests from the site in memory: GET and HEAD only; `/en/guide/` is
/// `en/guide/index.html`; HTML pages get the preview's bar, errors and reload script (`PreviewPage`); the events
/// path streams the site's versions. A path is looked up among the files the build made, never on disk.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let state: ServedState

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var response = text(.methodNotAllowed, "witaj serve answers GET and HEAD only\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let response = request.uri.path == PreviewPage.eventsPath ? events() : await file(request)
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// What a path names among the site's files.
    enum Lookup: Equatable {
        case file(String)
        /// A folder's page asked for without its final "/": relative links need it.
        case redirect(String)
        case notFound
        /// Not a path witaj makes: "..", ".", a NUL, a backslash, bytes that are not UTF-8.
        case invalid
    }

    static func lookup(_ rawPath: String, has: (String) -> Bool) -> Lookup {
        guard rawPath.hasPrefix("/"), let path = rawPath.removingPercentEncoding else { return .invalid }
        let parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") || $0.contains("\\") }) { return .invalid }
        var name = parts.joined(separator: "/")
        if name.isEmpty || name.hasSuffix("/") { name += "index.html" }
        if has(name) { return .file(name) }
        if has(name + "/index.html") { return .redirect(rawPath + "/") }
        return .notFound
    }

    /// A page or the reports, made now if no one asked for them before (off Swift's shared threads).
    private func made<T: Sendable>(_ later: Later<T>) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: later.value) }
        }
    }

    private func file(_ request: Request) async -> Response {
        let site = state.current
        guard site.built, !site.files.isEmpty else {
            // No page yet: the site is being built, or has errors.
            let title = site.built ? "The site has errors" : "Building the site…"
            let message = site.built ? "" : "The page reloads by itself when the site is ready."
            return html(site.built ? .internalServerError : .serviceUnavailable, site.page.page(title: title, message: message))
        }
        var lookup = Self.lookup(request.uri.path) { site.files[$0] != nil }
        var bytes: [UInt8] = []
        if case .file(let name) = lookup {
            bytes = await made(site.files[name]!)
        } else if lookup == .notFound, let pending = site.reports {
            let reports = await made(pending)
            lookup = Self.lookup(request.uri.path) { reports[$0] != nil }
            if case .file(let name) = lookup { bytes = reports[name]! }
        }
        switch lookup {
        case .file(let name):
            let type = Self.contentType(of: name)
            guard type.hasPrefix("text/html") else { return Response(status: .ok, headers: headers(type), body: body(bytes)) }
            return html(.ok, site.page.inject(into: bytes, draft: site.draftPages.contains(name)))
        case .redirect(let location):
            var response = text(.movedPermanently, "moved to \(location)\n")
            response.headers[.location] = location + (request.uri.query.map { "?" + $0 } ?? "")
            return response
        case .notFound:
            let path = HTML.escape(request.uri.path.removingPercentEncoding ?? request.uri.path)
            return html(.notFound, site.page.page(title: "Not found", message: "The site has no page at <code>\(path)</code>. "
                + "<a href=\"/\">Choose a language</a>. This page reloads by itself when the site changes."))
        case .invalid:
            return text(.badRequest, "witaj serve: not a path of the site\n")
        }
    }

    /// Server-sent events: `reload` with the site's version, now and after every build; the page reloads when
    /// it was served with another.
    private func events() -> Response {
        let versions = state.versions()
        var headers = headers("text/event-stream; charset=utf-8")
        headers[.connection] = "keep-alive"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 300\n\n"))
            for await version in versions {
                try await writer.write(ByteBuffer(string: "event: reload\ndata: \(version)\n\n"))
            }
            try await writer.finish(nil)
        })
    }

    private func headers(_ type: String) -> HTTPFields {
        // A preview is never cached: the next build may change any file.
        [.contentType: type, .cacheControl: "no-store", .init("X-Content-Type-Options")!: "nosniff"]
    }

    private func body(_ bytes: [UInt8]) -> ResponseBody { ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)) }

    private func html(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> Response {
        Response(status: status, headers: headers("text/html; charset=utf-8"), body: body(bytes))
    }

    private func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: headers("text/plain; charset=utf-8"), body: body(Array(message.utf8)))
    }

    /// By the file's extension; texts say they are UTF-8, as everything witaj writes is.
    static func contentType(of name: String) -> String {
        let ext = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
        return types[ext] ?? "application/octet-stream"
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "xml": "application/xml; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "svg": "image/svg+xml; charset=utf-8", "xhtml": "application/xhtml+xml; charset=utf-8",
        "epub": "application/epub+zip", "pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "webmanifest": "application/manifest+json; charset=utf-8",
    ]
}
