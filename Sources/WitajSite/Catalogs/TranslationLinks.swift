import WitajMarkdown
import WitajCore
import WitajSources

/// Where a translation may point: where its source segment points (the same document and fragment, the same
/// address), and, for links only, web pages on the hosts that site.yml allows (`translations: linkHosts`). Anything
/// else would let a catalog send readers where no editor looked: such a link is shown as its text, such an image as
/// its description, and the translation checker says so. One rule for the checker and for what pages show.
package struct TranslationLinks: Sendable {
    package let resolver: LinkResolver
    /// Lowercased host names.
    package let hosts: Set<String>

    package init(site: Site) {
        resolver = LinkResolver(site: site)
        hosts = site.config.translationLinkHosts
    }

    /// Where a source segment's links and images go, as written in it.
    package struct Targets {
        package var links: [String] = []
        package var images: [String] = []

        /// Whether the source writes this destination, byte for byte.
        package func writes(_ destination: String, image: Bool) -> Bool {
            (image ? images : links).contains { $0.utf8.elementsEqual(destination.utf8) }
        }
    }

    package func targets(of segment: Segment) -> Targets {
        var targets = Targets()
        guard segment.parsed.pointsSomewhere, let inlines = segment.parsed.inlines(of: segment.text) else { return targets }
        for pointer in Self.pointers(in: inlines) {
            if pointer.isImage {
                targets.images.append(pointer.destination)
            } else if !targets.links.contains(pointer.destination) {
                targets.links.append(pointer.destination)
            }
        }
        return targets
    }

    /// Whether a translation (of a segment of `document` that points to `source`) may link to `destination`. A
    /// destination written as in the source is allowed at once: it resolves as the source's did. An invalid one is
    /// not this rule's business: the resolver's reason is reported and the page shows no link.
    package func allowsLink(_ destination: String, source: Targets, in document: Document) -> Bool {
        if source.writes(destination, image: false) { return true }
        let target = resolver.resolve(destination, from: document)
        if case .invalid = target { return true }
        if source.links.contains(where: { Self.same(resolver.resolve($0, from: document), target) }) { return true }
        if case .external(let url) = target, let host = Self.webHost(url) { return hosts.contains(host) }
        return false
    }

    package func allowsImage(_ destination: String, source: Targets, in document: Document) -> Bool {
        if source.writes(destination, image: true) { return true }
        let target = resolver.resolve(destination, from: document)
        if case .invalid = target { return true }
        return source.images.contains { Self.same(resolver.resolve($0, from: document), target) }
    }

    /// A translation (`parsed` from `text`) with every link and image its source does not have made text: what
    /// readers get.
    package func restricted(_ parsed: ParsedText, of text: String, translating segment: Segment, in document: Document) -> ParsedText {
        guard parsed.pointsSomewhere, let inlines = parsed.inlines(of: text),
              let changed = restricted(inlines, source: targets(of: segment), in: document) else { return parsed }
        return ParsedText(changed, of: text)
    }

    /// `inlines` with the links and images that `source` does not have made text; nil when there is none.
    package func restricted(_ inlines: [Inline], source: Targets, in document: Document) -> [Inline]? {
        var changed = false
        let result = restrict(inlines, source: source, from: document, changed: &changed)
        return changed ? result : nil
    }

    private func restrict(_ inlines: [Inline], source: Targets, from document: Document, changed: inout Bool) -> [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(inlines.count)
        for inline in inlines {
            switch inline {
            case .link(let destination, let title, let content):
                let inner = restrict(content, source: source, from: document, changed: &changed)
                if allowsLink(destination, source: source, in: document) {
                    out.append(.link(destination: destination, title: title, inner))
                } else {
                    changed = true
                    out += inner
                }
            case .image(let destination, _, let alt):
                if allowsImage(destination, source: source, in: document) {
                    out.append(inline)
                } else {
                    changed = true
                    out.append(.text(InlineHTMLRenderer.plainText(alt)))
                }
            case .emphasis(let c): out.append(.emphasis(restrict(c, source: source, from: document, changed: &changed)))
            case .strong(let c): out.append(.strong(restrict(c, source: source, from: document, changed: &changed)))
            case .strikethrough(let c): out.append(.strikethrough(restrict(c, source: source, from: document, changed: &changed)))
            default: out.append(inline)
            }
        }
        return out
    }

    /// A link or an image in a text, in reading order.
    package struct Pointer {
        package let destination: String
        package let isImage: Bool
        /// The text of an autolink ("www.example.com", "a@b.pl"): an address that became a link by itself.
        package let autolink: String?
    }

    package static func pointers(in inlines: [Inline]) -> [Pointer] {
        inlines.flatMap { inline -> [Pointer] in
            switch inline {
            case .link(let destination, let title, let content):
                var autolink: String?
                if title.isEmpty, content.count == 1, case .text(let text) = content[0],
                   [text, "http://" + text, "mailto:" + text].contains(destination) {
                    autolink = text
                }
                return [Pointer(destination: destination, isImage: false, autolink: autolink)] + pointers(in: content)
            case .image(let source, _, _): return [Pointer(destination: source, isImage: true, autolink: nil)]
            case .emphasis(let c), .strong(let c), .strikethrough(let c): return pointers(in: c)
            default: return []
            }
        }
    }

    /// The same place: the same document and fragment, or the same address (scheme and host in any case).
    package static func same(_ a: LinkTarget, _ b: LinkTarget) -> Bool {
        switch (a, b) {
        case (.external(let x), .external(let y)): normalized(x) == normalized(y)
        case (.invalid, _), (_, .invalid): false
        default: a == b
        }
    }

    /// An address with its scheme, and its host when it has one, in lower case. (Read as scalars, as browsers read
    /// addresses: a combining mark after "/" must not hide the "/".)
    package static func normalized(_ url: String) -> String {
        let scalars = Array(url.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":") else { return url }
        func string(_ s: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(s)) }
        let scheme = string(scalars[..<colon]).lowercased()
        let rest = scalars[(colon + 1)...]
        guard rest.starts(with: ["/", "/"]) else { return scheme + ":" + string(rest) }
        let authority = rest.dropFirst(2)
        let end = authority.firstIndex { "/?#\\".unicodeScalars.contains($0) } ?? authority.endIndex
        return scheme + "://" + string(authority[..<end]).lowercased() + string(authority[end...])
    }

    /// The host of an http(s) address, as a browser reads it (after any "user@", without a port), lowercased; nil
    /// for any other address or a host written in a way this does not read (which is then not allowed).
    package static func webHost(_ url: String) -> String? {
        // Browsers read an address by code points, drop tabs and newlines anywhere in it, and read "\" as "/" in
        // web addresses.
        let scalars = Array(url.unicodeScalars).filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        func string(_ s: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(s)) }
        guard let colon = scalars.firstIndex(of: ":"), ["http", "https"].contains(string(scalars[..<colon]).lowercased()) else { return nil }
        let rest = scalars[(colon + 1)...]
        func slash(_ s: Unicode.Scalar?) -> Bool { s == "/" || s == "\\" }
        guard slash(rest.first), slash(rest.dropFirst().first) else { return nil }
        var authority = rest.dropFirst(2).prefix { !"/?#\\".unicodeScalars.contains($0) }
        if let at = authority.lastIndex(of: "@") { authority = authority[(at + 1)...] }
        if let port = authority.lastIndex(of: ":") {
            guard authority[(port + 1)...].allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
            authority = authority[..<port]
        }
        if authority.last == "." { authority = authority.dropLast() }
        let host = string(authority).lowercased()
        return SiteConfigReader.isHostName(host) ? host : nil
    }
}
