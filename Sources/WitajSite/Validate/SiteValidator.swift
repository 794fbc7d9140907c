import Foundation
import WitajMarkdown
import WitajCore

/// Checks what no single file can: unique ids, links between documents, office references, reserved paths.
package enum SiteValidator {
    package static let reservedPaths: Set<String> = ["a-z", "assets", "coverage"]

    /// The first folder of a page's path when witaj's own pages are there.
    static func reservedFolder(_ path: String) -> String? {
        let top = String(decoding: path.utf8.prefix { $0 != UInt8(ascii: "/") }, as: UTF8.self)
        return reservedPaths.contains(top) ? top : nil
    }

    /// `anchorsOfStandIns`: by path, the parts of the pages of documents stood in for by their records (which
    /// have no body to find them in), or known from an earlier check. `checking`: the documents (by source) read
    /// again since the whole site was checked, each with the id and path it had (nil: all): only their links, markup
    /// and chapters are checked, with the drafts of the site; the ids and paths, which were unique, and the files it
    /// publishes are as they were, and `anchorsOfStandIns` has the parts of every page.
    package static func validate(_ site: Site, anchorsOfStandIns: [String: Set<String>] = [:], checking: Set<String>? = nil) -> Diagnostics {
        var diagnostics = Diagnostics()
        // The source of the first document with each id and path.
        var ids = [String: String](minimumCapacity: site.documents.count)
        var pages = [String: String](minimumCapacity: site.documents.count)
        // By index, field by field: `for document in` would copy every document (the preview checks a few of a
        // thousand after each edit, and these loops were most of its time).
        let documents = site.documents
        // The ids and paths of documents read again are those they had, unique then: needed again only for drafts.
        let unchanged = checking != nil && site.draftDocuments.isEmpty
        for i in documents.indices where !unchanged {
            let (source, path, id) = (documents[i].source, documents[i].path, documents[i].id)
            if let first = pages[path] {
                diagnostics.error(SourceLocation(source), "\(source) and \(first) would publish the same page; rename one")
            } else {
                pages[path] = source
            }
            if let first = ids[id] {
                diagnostics.error(documents[i].idLocation, "duplicate document id '\(id)' (also used by \(first))")
            } else {
                ids[id] = source
            }
            if let top = reservedFolder(path) {
                diagnostics.error(SourceLocation(source), "'\(top)' is reserved for witaj's own pages; rename the folder")
            }
        }

        var offices: [String: Office] = [:]
        for i in documents.indices where documents[i].kind == .offices {
            guard case .offices(let list) = documents[i].body else { continue }
            for office in list {
                if let first = offices[office.id] {
                    diagnostics.error(office.location, "duplicate office id '\(office.id)' (first at \(first.location))")
                } else {
                    offices[office.id] = office
                }
            }
        }

        let resolver = LinkResolver(site: site)
        let sections = Set(site.documents.filter { $0.kind == .section }.map(\.path))
        let anchors = checking != nil ? anchorsOfStandIns
            : Dictionary(site.documents.map { ($0.path, anchorsOfStandIns[$0.path] ?? Anchors.of($0)) }, uniquingKeysWith: { a, _ in a })
        // Each document's links and markup on every core; their diagnostics in the documents' order.
        let checked = checking.map { checking in site.documents.filter { checking.contains($0.source) } } ?? site.documents
        for found in parallelMap(checked, { [offices] in
            check($0, resolver: resolver, offices: offices, sections: sections, anchors: anchors)
        }) {
            diagnostics.append(contentsOf: found)
        }
        if let pack = site.config.pack { checkPack(pack, site: site, resolver: resolver, images: checking, into: &diagnostics) }
        if checking == nil { checkFiles(site, into: &diagnostics) }
        checkDrafts(site, pages: pages, ids: ids, offices: offices, anchors: anchors, into: &diagnostics)
        return diagnostics
    }

    /// Drafts are not published, but the editor finishing one wants its problems now, not on the day it is: its
    /// links (to published documents and to other drafts), parts, office references and id are checked as a
    /// published document's are, and said as warnings, since no reader meets them yet (a draft does not stop a build;
    /// `--strict` makes them errors). `pages`, `ids`: the published documents'.
    static func checkDrafts(_ site: Site, pages: [String: String], ids: [String: String], offices: [String: Office],
                            anchors: [String: Set<String>], into diagnostics: inout Diagnostics) {
        guard !site.draftDocuments.isEmpty else { return }
        let everything = site.documents + site.draftDocuments
        let resolver = LinkResolver(documents: everything, unreadable: site.unreadable, files: Set(site.attachments.map(\.source)),
                                    versions: Set(site.staticFiles.map(\.staticPath)), sourceLanguage: site.config.sourceLanguage)
        let sections = Set(everything.filter { $0.kind == .section }.map(\.path))
        var (pages, ids, anchors) = (pages, ids, anchors)
        for draft in site.draftDocuments where anchors[draft.path] == nil { anchors[draft.path] = Anchors.of(draft) }
        let note = " (in a draft: an error once it is published)"
        for draft in site.draftDocuments {
            if let first = pages[draft.path] {
                diagnostics.warning(SourceLocation(draft.source), "\(draft.source) and \(first) would publish the same page; rename one" + note)
            } else {
                pages[draft.path] = draft.source
            }
            if let first = ids[draft.id] {
                diagnostics.warning(draft.idLocation, "duplicate document id '\(draft.id)' (also used by \(first))" + note)
            } else {
                ids[draft.id] = draft.source
            }
            if let top = reservedFolder(draft.path) {
                diagnostics.warning(SourceLocation(draft.source), "'\(top)' is reserved for witaj's own pages; rename the folder" + note)
            }
            for item in check(draft, resolver: resolver, offices: offices, sections: sections, anchors: anchors).items {
                diagnostics.warning(item.location, item.message + (item.severity == .error ? note : ""))
            }
        }
    }

    /// One document's links, raw HTML, office references and section.
    /// `anchors`: the ids each page (by path) has, for links to a part of a page; none checked when empty.
    package static func check(_ document: Document, resolver: LinkResolver, offices: [String: Office],
                              sections: Set<String>, anchors: [String: Set<String>] = [:]) -> Diagnostics {
        var diagnostics = Diagnostics()
        for segment in document.segments {
            if let problem = MarkdownReader.limitProblem(inSegment: segment.text) {
                diagnostics.error(segment.location, problem)
                continue
            }
            checkLinks(in: segment, of: document, resolver: resolver, anchors: anchors, into: &diagnostics)
        }
        if case .markdown(let blocks) = document.body { checkRawHTML(blocks, of: document, into: &diagnostics) }
        if case .procedure(let procedure) = document.body {
            for reference in procedure.offices where offices[reference.target] == nil {
                diagnostics.error(reference.location, "unknown office '\(reference.target)'"
                    + (offices.isEmpty ? " (no offices are described)" : " (known: \(offices.keys.sorted().joined(separator: ", ")))"))
            }
            for reference in procedure.related {
                switch resolver.resolve(reference.target, from: document) {
                case .invalid(let reason): diagnostics.error(reference.location, reason)
                case .file: diagnostics.error(reference.location, "'\(reference.target)' is a file, not a document: <see> names a document (link to a file in the text)")
                default: break
                }
            }
        }
        if document.kind != .home, document.kind != .section, !document.section.isEmpty,
           document.path.contains("/"), !sections.contains(document.section) {
            diagnostics.warning(SourceLocation(document.source),
                                "folder '\(document.section)' has no index.md, so the home page does not list it")
        }
        return diagnostics
    }

    /// Every chapter of the book is a document; what a book cannot carry (remote images, images of other types than
    /// EPUB's own) is said, not shipped broken. `images`: the chapters (by source) whose images are checked (nil: all).
    package static func checkPack(_ pack: SiteConfig.Pack, site: Site, resolver: LinkResolver, images: Set<String>? = nil,
                                  into diagnostics: inout Diagnostics) {
        var seen: Set<String> = []
        for chapter in pack.chapters {
            guard let document = site.document(source: chapter.source) else {
                if site.drafts.contains(chapter.source) {
                    diagnostics.warning(chapter.location, "\(chapter.source) is a draft: the book is made without it until it is published")
                } else if !site.unreadable.contains(chapter.source) {
                    diagnostics.error(chapter.location, "the pack names a document that does not exist: \(chapter.source)")
                }
                continue
            }
            if !seen.insert(chapter.source).inserted {
                diagnostics.error(chapter.location, "\(chapter.source) is in the pack twice")
            }
            if let images, !images.contains(chapter.source) { continue }
            for segment in document.segments {
                guard segment.parsed.pointsSomewhere, let inlines = segment.parsed.inlines(of: segment.text) else { continue }
                var from = segment.text.startIndex
                for (image, _) in ImageFile.images(in: inlines) {
                    let place = imageLocation(image, in: segment, after: &from)
                    switch resolver.resolve(image, from: document) {
                    case .external:
                        diagnostics.warning(place, "the image '\(image)' is on the web and cannot be packaged into the EPUB; the book shows its description instead")
                    case .file(let file, _) where !ImageFile.fitsBook(file) && ImageFile.mediaType(file) != nil:
                        diagnostics.warning(place, "the image '\(image)' is not PNG, JPEG, GIF or SVG, which every EPUB reader shows; the book shows its description instead")
                    default: break
                    }
                }
            }
        }
    }

    /// Editors' HTML is not published (witaj pages carry no author HTML): say so rather than lose text silently.
    package static func checkRawHTML(_ blocks: [Block], of document: Document, into diagnostics: inout Diagnostics) {
        checkHTMLBlocks(blocks, of: document, into: &diagnostics)
        for segment in document.segments where segment.role != .title && segment.role != .summary {
            guard segment.parsed.hasHTML, let inlines = segment.parsed.inlines(of: segment.text), containsHTML(inlines) else { continue }
            diagnostics.warning(segment.location, "inline HTML is shown as text, not as markup; write it in Markdown")
        }
    }

    package static func checkHTMLBlocks(_ blocks: [Block], of document: Document, into diagnostics: inout Diagnostics) {
        for block in blocks {
            switch block {
            case .html(let line):
                diagnostics.warning(SourceLocation(document.source, line: line), "raw HTML is not published; write it in Markdown")
            case .list(_, _, _, let items): items.forEach { checkHTMLBlocks($0, of: document, into: &diagnostics) }
            case .blockquote(let inner): checkHTMLBlocks(inner, of: document, into: &diagnostics)
            default: break
            }
        }
    }

    /// HTML outside images (an image's description is shown without markup).
    package static func containsHTML(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .html: true
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c): containsHTML(c)
            default: false
            }
        }
    }

    package static func checkLinks(in segment: Segment, of document: Document, resolver: LinkResolver,
                                   anchors: [String: Set<String>] = [:], into diagnostics: inout Diagnostics) {
        guard segment.parsed.pointsSomewhere, let inlines = segment.parsed.inlines(of: segment.text) else { return }
        // Each destination is looked for after the one before it: the same bad link twice is said at each place.
        var searchFrom = segment.text.startIndex
        for destination in destinations(in: inlines) {
            let found = segment.text.range(of: "(" + destination, range: searchFrom..<segment.text.endIndex)
            if let found { searchFrom = found.upperBound }
            let place = { segment.location.advanced(in: segment.text, by: found?.lowerBound ?? segment.text.startIndex) }
            switch resolver.resolve(destination, from: document) {
            case .invalid(let reason):
                diagnostics.error(place(), reason)
            case .document(let path, let fragment?):
                if let ids = anchors[path], !ids.contains(fragment) { diagnostics.error(place(), missingAnchor(fragment, path, ids)) }
            case .fragment(let fragment):
                if let ids = anchors[document.path], !ids.contains(fragment) {
                    diagnostics.error(place(), missingAnchor(fragment, document.path, ids))
                }
            default:
                break
            }
        }
        // Readers who cannot see an image get its description: an image without one says nothing to them.
        var imagesFrom = segment.text.startIndex
        for (source, description) in ImageFile.images(in: inlines) {
            let place = imageLocation(source, in: segment, after: &imagesFrom)
            var problem: String?
            if description.allSatisfy(\.isWhitespace) {
                problem = "the image '\(source)' has no description (alternative text): write what it shows between the brackets, ![description](\(source)), for readers who cannot see it"
            } else if case .file(let file, _) = resolver.resolve(source, from: document), ImageFile.mediaType(file) == nil {
                problem = "'\(source)' is not an image that browsers show (PNG, JPEG, GIF, SVG, WebP or AVIF); link to it instead: [text](\(source))"
            }
            guard let problem else { continue }
            diagnostics.error(place, problem)
        }
    }

    /// Where the image of `source` starts in a segment (its "!"): the first "](source" after `from` whose "["
    /// follows a "!", and `from` moves past it (the same image twice is said at each place); else the segment's
    /// start.
    package static func imageLocation(_ source: String, in segment: Segment, after from: inout String.Index) -> SourceLocation {
        let text = segment.text
        var search = from
        while let close = text.range(of: "](" + source, range: search..<text.endIndex) {
            search = close.upperBound
            if let open = text.range(of: "[", options: .backwards, range: text.startIndex..<close.lowerBound)?.lowerBound,
               open > text.startIndex, text[text.index(before: open)] == "!" {
                from = close.upperBound
                return segment.location.advanced(in: text, by: text.index(before: open))
            }
        }
        return segment.location
    }

    /// The parts of other pages ("path#id") that a document's links name.
    package static func partsLinked(from document: Document, resolver: LinkResolver) -> Set<String> {
        var parts: Set<String> = []
        for segment in document.segments where segment.parsed.pointsSomewhere {
            guard let inlines = segment.parsed.inlines(of: segment.text) else { continue }
            for destination in destinations(in: inlines) {
                if case .document(let path, let fragment?) = resolver.resolve(destination, from: document), path != document.path {
                    parts.insert(path + "#" + fragment)
                }
            }
        }
        return parts
    }

    static func missingAnchor(_ fragment: String, _ path: String, _ ids: Set<String>) -> String {
        let page = path.isEmpty ? "the home page" : "'\(path)'"
        return "no part of \(page) is called '#\(fragment)'" + (ids.isEmpty ? " (it has no sections)"
            : " (it has: \(ids.sorted().prefix(12).map { "#" + $0 }.joined(separator: ", "))\(ids.count > 12 ? ", …" : ""))")
    }

    package static func destinations(in inlines: [Inline]) -> [String] {
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
