import Foundation
import WitajXML
import ZIPFoundation
import WitajCore

/// One language's welcome pack as an EPUB 3 book: the pack's chapters from site.yml, rendered with the site's
/// segments, structure and fallbacks, as well-formed XHTML, with accessibility metadata, zipped reproducibly.
package struct BookRenderer {
    package let site: LocalizedSite
    package let pack: SiteConfig.Pack
    package let templates: Templates
    package let resolver: LinkResolver
    /// The book's date (dcterms:modified and the archive's timestamps): never the wall clock.
    package let modified: Date

    package var language: LanguageProfile { site.language }
    package var strings: UIStrings { site.strings }
    package var path: String { "\(language.code)/" + pack.bookFile(language.code) }

    package static func chapterFile(_ path: String) -> String {
        (path.isEmpty ? "home" : path.replacingOccurrences(of: "/", with: "-")) + ".xhtml"
    }

    /// The chapters in pack order (a name that matches no document was reported by the validator).
    package var chapters: [LocalizedDocument] {
        pack.chapters.compactMap { chapter in site.documents.first { $0.document.source == chapter.source } }
    }

    /// The book, and its chapters for the next build. `kept`: the last build's chapters (by file) of the documents
    /// this build did not read again (`Scope`), made as they were.
    package func render(kept: [String: BookChapters.Chapter] = [:],
                into diagnostics: inout Diagnostics) -> (book: Artifact, chapters: [String: BookChapters.Chapter])? {
        let chapters = self.chapters
        guard !chapters.isEmpty else { return nil }
        let contents = tableOfContents(chapters)
        let files = contents.files
        let config = site.site.config
        let address = Self.isRealAddress(config.baseURL) ? config.baseURL : nil
        var pages = PageRenderer(site: site, templates: templates, resolver: resolver)
        pages.style = .book(chapters: files, web: address.map { $0 + language.code + "/" }, base: address)
        let made = chapters.map { chapter -> (file: String, xhtml: String, kept: BookChapters.Chapter?) in
            let file = Self.chapterFile(chapter.document.path)
            if let kept = kept[file] { return (file, kept.xhtml, kept) }
            var context = pages.documentContext(chapter)
            context["interactive"] = false
            return (file, XHTML.from(templates.render(context, with: "epub-chapter")), nil)
        }
        let xhtml = made.map { ($0.file, $0.xhtml) }
        let title = site.home?.plainTitle ?? pack.file
        let date = Self.isoDate(modified)
        let cover = XHTML.from(templates.render([
            "lang": language.code, "dir": language.direction, "title": title, "subtitle": strings.text("Welcome pack"),
            "language": language.autonym,
            "edition": strings.format("Edition of {date}", ["date": .string(language.formatters.date(
                year: Self.component(modified, .year), month: Self.component(modified, .month), day: Self.component(modified, .day)))]),
        ], with: "epub-cover"))
        let nav = XHTML.from(templates.render([
            "lang": language.code, "dir": language.direction, "contents": strings.text("Contents"),
            "landmarks": strings.text("Landmarks"), "cover": strings.text("Cover"), "beginning": strings.text("Beginning"),
            "start": xhtml[0].0, "entries": contents.entries,
        ], with: "epub-nav"))

        // Every XHTML file must be well-formed and pass the accessibility checks behind the conformance claim.
        // Kept chapters were audited when they were made: their failures are the last build's.
        var conforms = true
        var chapterRecords: [String: BookChapters.Chapter] = [:]
        // A problem is said where it can be fixed: a chapter's at its source document, the cover's and the table of
        // contents' at their templates.
        var places = Dictionary(chapters.map { (Self.chapterFile($0.document.path), $0.document.title.location) },
                                uniquingKeysWith: { a, _ in a })
        for (file, template) in [("cover.xhtml", "epub-cover"), ("nav.xhtml", "epub-nav")] {
            places[file] = SourceLocation(site.site.theme.templates[template]?.path ?? "theme/templates/\(template).mustache")
        }
        var shown: [String] = []
        for (file, text, keptChapter) in [("cover.xhtml", cover, nil), ("nav.xhtml", nav, nil)] + made {
            let place = places[file] ?? SourceLocation(path)
            let failures: [String], images: [String]
            if let keptChapter {
                (failures, images) = (keptChapter.failures, keptChapter.images)
            } else {
                let problems = AccessibilityAudit.problems(in: text)
                if let malformed = problems.malformed {
                    diagnostics.error(place, "the theme made XHTML that is not well-formed in \(path) (\(file), line \(malformed.line)): \(malformed.message)")
                    return nil
                }
                (failures, images) = (problems.failures, problems.images)
            }
            shown += images
            if file != "cover.xhtml" && file != "nav.xhtml" { chapterRecords[file] = BookChapters.Chapter(xhtml: text, failures: failures, images: images) }
            if !failures.isEmpty {
                conforms = false
                for failure in failures {
                    diagnostics.warning(place, "accessibility of \(path) (\(file)): \(failure); the book makes no WCAG conformance claim")
                }
            }
        }
        let images = self.images(Set(shown), into: &diagnostics)
        let package = packageDocument(title: title, date: date, chapters: xhtml.map(\.0), images: images.map(\.name), conforms: conforms)
        var entries: [(String, [UInt8])] = [
            ("META-INF/container.xml", Array(Self.container.utf8)),
            ("EPUB/package.opf", Array(package.utf8)),
            ("EPUB/nav.xhtml", Array(nav.utf8)),
            ("EPUB/cover.xhtml", Array(cover.utf8)),
            ("EPUB/" + Self.coverImage, Array(coverImage(title: title).utf8)),
        ]
        entries += xhtml.map { ("EPUB/" + $0.0, Array($0.1.utf8)) }
        entries.append(("EPUB/book.css", site.site.theme.assets["book.css"] ?? []))
        entries += images.map { ("EPUB/" + $0.name, $0.bytes) }
        do {
            return (Artifact(path: path, bytes: try EPUBArchive.zip(entries, modified: modified)), chapterRecords)
        } catch {
            diagnostics.error(SourceLocation(path), "cannot make the EPUB archive: \(error)")
            return nil
        }
    }

    /// Where the book keeps the file beside the documents `source` ("content/first-steps/mapa.png") when it shows
    /// it as an image: "images/first-steps/mapa.png", or, for a name with other characters than ASCII letters,
    /// digits and `._-` (which EPUB readers and EPUBCheck take badly), those replaced and a digest of the path added.
    package static func imageFile(_ source: String) -> String {
        let relative = String(source.dropFirst("content/".count))
        func safe(_ b: UInt8) -> Bool {
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "/")
        }
        if relative.utf8.allSatisfy(safe) { return "images/" + relative }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in relative.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let ext = ImageFile.ext(relative)
        let stem = String(decoding: relative.utf8.dropLast(ext.isEmpty ? 0 : ext.utf8.count + 1).map { safe($0) ? $0 : UInt8(ascii: "_") }, as: UTF8.self)
        return "images/" + stem + "-" + String(hash, radix: 16) + (ext.isEmpty ? "" : "." + ext)
    }

    /// The images the chapters show (their `src`), with their bytes: this language's version of each file
    /// (`LinkResolver.published`). Only witaj's own names (`imageFile`) are the book's to carry.
    func images(_ shown: Set<String>, into diagnostics: inout Diagnostics) -> [(name: String, bytes: [UInt8])] {
        var files: [String: (source: String, published: String)] = [:]
        for file in site.site.attachments where ImageFile.fitsBook(file.source) {
            let name = Self.imageFile(file.source)
            if shown.contains(name) { files[name] = (file.source, resolver.published(file.source, for: language)) }
        }
        return files.sorted { $0.key < $1.key }.compactMap { name, file in
            guard let disk = site.site.file(publishedAt: file.published), let data = FileManager.default.contents(atPath: disk) else {
                diagnostics.error(SourceLocation(file.source), "cannot read the image (\(file.published)) for the book \(path)")
                return nil
            }
            return (name, [UInt8](data))
        }
    }

    package static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """

    package func packageDocument(title: String, date: String, chapters: [String], images: [String] = [], conforms: Bool) -> String {
        let e = XMLText.escape
        let identifier = site.site.config.baseURL + path
        // Names in site.yml are in the source language.
        let source = site.site.config.sourceLanguage
        let nameLanguage = source == language.code ? "" : " xml:lang=\"\(source)\""
        var opf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="\(language.code)" dir="\(language.direction)">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:identifier id="pub-id">\(e(identifier))</dc:identifier>
                <dc:title>\(e(title))</dc:title>
                <dc:language>\(language.code)</dc:language>

            """
        if let creator = pack.creator { opf += "    <dc:creator\(nameLanguage)>\(e(creator))</dc:creator>\n" }
        if let publisher = pack.publisher { opf += "    <dc:publisher\(nameLanguage)>\(e(publisher))</dc:publisher>\n" }
        // The claim is the publisher's: a book whose site.yml names none makes no claim.
        let claim = conforms ? pack.publisher : nil
        opf += """
                <meta property="dcterms:modified">\(date)</meta>
                <meta name="cover" content="cover-image"/>
                <meta property="schema:accessMode">textual</meta>
            \(images.isEmpty ? "" : "    <meta property=\"schema:accessMode\">visual</meta>\n")\
                <meta property="schema:accessModeSufficient">textual</meta>
                <meta property="schema:accessibilityFeature">structuralNavigation</meta>
                <meta property="schema:accessibilityFeature">tableOfContents</meta>
                <meta property="schema:accessibilityFeature">readingOrder</meta>
                <meta property="schema:accessibilityFeature">displayTransformability</meta>
            \(images.isEmpty ? "" : "    <meta property=\"schema:accessibilityFeature\">alternativeText</meta>\n")\
                <meta property="schema:accessibilityHazard">none</meta>

            """
        for (text, lang) in summary(images: !images.isEmpty, certifiedBy: claim) {
            let attribute = lang == language.code ? "" : " xml:lang=\"\(lang)\""
            opf += "    <meta property=\"schema:accessibilitySummary\"\(attribute)>\(e(text))</meta>\n"
        }
        if let claim {
            opf += """
                    <meta property="dcterms:conformsTo" id="conformance">\(Self.conformance)</meta>
                    <meta property="a11y:certifiedBy" refines="#conformance"\(nameLanguage)>\(e(claim))</meta>

                """
        }
        opf += """
              </metadata>
              <manifest>
                <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
                <item id="cover-image" href="\(Self.coverImage)" media-type="image/svg+xml" properties="cover-image"/>
                <item id="css" href="book.css" media-type="text/css"/>

            """
        for (i, file) in chapters.enumerated() {
            opf += "    <item id=\"c\(i + 1)\" href=\"\(file)\" media-type=\"application/xhtml+xml\"/>\n"
        }
        for (i, file) in images.enumerated() {
            opf += "    <item id=\"i\(i + 1)\" href=\"\(e(file))\" media-type=\"\(ImageFile.mediaType(file) ?? "")\"/>\n"
        }
        opf += "  </manifest>\n  <spine" + (language.isRightToLeft ? " page-progression-direction=\"rtl\"" : "") + ">\n"
        opf += "    <itemref idref=\"cover\"/>\n    <itemref idref=\"nav\"/>\n"
        for i in chapters.indices { opf += "    <itemref idref=\"c\(i + 1)\"/>\n" }
        opf += "  </spine>\n</package>\n"
        return opf
    }

    /// The accessibility summary in the book's language, each part in the language its string is in (the interface's
    /// fallback): what the book has and, when the publisher certifies it, the checks witaj ran on every page.
    func summary(images: Bool, certifiedBy publisher: String?) -> [(text: String, language: String)] {
        let first = images ? Self.summaryWithImagesKey : Self.summaryKey
        var parts = [(strings.text(first), strings.fallbackLanguage(first) ?? language.code)]
        if let publisher {
            let checks = strings.format(Self.checksKey, ["publisher": .string(publisher)])
            let checksLanguage = strings.fallbackLanguage(Self.checksKey) ?? language.code
            if checksLanguage == parts[0].1 { parts[0].0 += " " + checks } else { parts.append((checks, checksLanguage)) }
        }
        return parts
    }

    package static let conformance = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
    package static let summaryKey = "This book has a table of contents and headings in order. Every passage is marked with its language, including text that is not translated yet. It has no images, sound or motion."
    /// The checks of `AccessibilityAudit`, as the summary lists them.
    package static let checksKey = "{publisher} certifies this book's accessibility on the checks witaj ran on every page: each page is well-formed XHTML, declares its language and has a title; headings do not skip a level; every image has a text description; every table header has a scope; every link has text."
    package static let summaryWithImagesKey = "This book has a table of contents and headings in order. Every passage is marked with its language, including text that is not translated yet. Every image has a text description. It has no sound or motion."

    package static func isoDate(_ date: Date) -> String {
        let y = component(date, .year), m = component(date, .month), d = component(date, .day)
        let h = component(date, .hour), mi = component(date, .minute), s = component(date, .second)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(h)):\(two(mi)):\(two(s))Z"
    }

    package static func component(_ date: Date, _ unit: Calendar.Component) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.component(unit, from: date)
    }
}

/// HTML5 as the templates write it, made XHTML by libxml2's parser and serializer (`XHTMLWriter`). What cannot be
/// read stays as it is, and the audit reports it as not well-formed.
enum XHTML {
    static func from(_ html: String) -> String { XHTMLWriter.xhtml(html) ?? html }
}

/// The archive: `mimetype` first and stored, everything else deflated, fixed dates and order: same input, same bytes.
package enum EPUBArchive {
    package static func zip(_ entries: [(String, [UInt8])], modified: Date) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        // ZIPFoundation writes the DOS date fields in UTC (gmtime): the same in every time zone.
        func add(_ path: String, _ bytes: [UInt8], _ method: CompressionMethod) throws {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                                 permissions: 0o644, compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("mimetype", Array("application/epub+zip".utf8), .none)
        for (path, bytes) in entries { try add(path, bytes, .deflate) }
        return [UInt8](archive.data ?? Data())
    }
}
