import WitajMarkdown

/// Checks what no single file can: unique ids, links between documents, office references, reserved paths.
enum SiteValidator {
    static let reservedPaths: Set<String> = ["a-z", "assets", "coverage"]

    static func validate(_ site: Site) -> Diagnostics {
        var diagnostics = Diagnostics()
        var ids: [String: Document] = [:]
        for document in site.documents {
            if let first = ids[document.id] {
                diagnostics.error(document.idLocation, "duplicate document id '\(document.id)' (also used by \(first.source))")
            } else {
                ids[document.id] = document
            }
            if let top = document.path.split(separator: "/").first, reservedPaths.contains(String(top)) {
                diagnostics.error(SourceLocation(document.source), "'\(top)' is reserved for witaj's own pages; rename the folder")
            }
        }

        var offices: [String: Office] = [:]
        for document in site.documents {
            guard case .offices(let list) = document.body else { continue }
            for office in list {
                if let first = offices[office.id] {
                    diagnostics.error(office.location, "duplicate office id '\(office.id)' (first at \(first.location))")
                } else {
                    offices[office.id] = office
                }
            }
        }

        let resolver = LinkResolver(documents: site.documents)
        let sections = Set(site.documents.filter { $0.kind == .section }.map(\.path))
        for document in site.documents {
            for segment in document.segments {
                checkLinks(in: segment, of: document, resolver: resolver, into: &diagnostics)
            }
            if case .procedure(let procedure) = document.body {
                for reference in procedure.offices where offices[reference.target] == nil {
                    diagnostics.error(reference.location, "unknown office '\(reference.target)'"
                        + (offices.isEmpty ? " (no offices are described)" : " (known: \(offices.keys.sorted().joined(separator: ", ")))"))
                }
                for reference in procedure.related {
                    if case .invalid(let reason) = resolver.resolve(reference.target, from: document) {
                        diagnostics.error(reference.location, reason)
                    }
                }
            }
            if document.kind != .home, document.kind != .section, !document.section.isEmpty,
               document.path.contains("/"), !sections.contains(document.section) {
                diagnostics.warning(SourceLocation(document.source),
                                    "folder '\(document.section)' has no index.md, so the home page does not list it")
            }
        }
        if let pack = site.config.pack { checkPack(pack, site: site, into: &diagnostics) }
        return diagnostics
    }

    /// Every chapter of the book is a document; what a book cannot carry (remote images) is said, not shipped broken.
    static func checkPack(_ pack: SiteConfig.Pack, site: Site, into diagnostics: inout Diagnostics) {
        var seen: Set<String> = []
        for chapter in pack.chapters {
            guard let document = site.document(source: chapter.source) else {
                diagnostics.error(chapter.location, "the pack names a document that does not exist: \(chapter.source)")
                continue
            }
            if !seen.insert(chapter.source).inserted {
                diagnostics.error(chapter.location, "\(chapter.source) is in the pack twice")
            }
            for segment in document.segments {
                guard let inlines = MarkdownReader.inlines(segment.text) else { continue }
                for image in images(in: inlines) where image.contains(":") {
                    diagnostics.warning(segment.location, "the image '\(image)' is on the web and cannot be packaged into the EPUB; the book shows its description instead")
                }
            }
        }
    }

    static func images(in inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case .image(let source, _, _): [source]
            case .link(_, _, let c), .emphasis(let c), .strong(let c), .strikethrough(let c): images(in: c)
            default: []
            }
        }
    }

    static func checkLinks(in segment: Segment, of document: Document, resolver: LinkResolver,
                           into diagnostics: inout Diagnostics) {
        guard let inlines = MarkdownReader.inlines(segment.text) else { return }
        for destination in destinations(in: inlines) {
            if case .invalid(let reason) = resolver.resolve(destination, from: document) {
                let offset = segment.text.range(of: "(" + destination)?.lowerBound ?? segment.text.startIndex
                diagnostics.error(segment.location.advanced(in: segment.text, by: offset), reason)
            }
        }
    }

    static func destinations(in inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case .link(let destination, _, let content): [destination] + destinations(in: content)
            case .image(let source, _, _): [source]
            case .emphasis(let c), .strong(let c), .strikethrough(let c): destinations(in: c)
            default: []
            }
        }
    }
}
