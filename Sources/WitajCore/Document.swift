import WitajMarkdown

/// One translatable unit: the inline Markdown source of a leaf block or a prose element (a PO msgid).
package struct Segment: Sendable, Hashable {
    /// What the segment is, told to translators (`#.` in PO) and used to pick the markup.
    package enum Role: String, Sendable {
        case title, summary, heading, paragraph, listItem = "list item", quote, tableHeader = "table header",
             tableCell = "table cell", audience, step, document = "required document",
             optionalDocument = "optional document", fee, free, deadline,
             service = "online service", note, act = "legal act", officeName = "office name",
             officeDescription = "office description", hoursNote = "opening hours note"
    }
    package let text: String
    package let role: Role
    package let location: SourceLocation
    /// The text's inline Markdown, parsed once when the segment is read.
    package let parsed: ParsedText
    /// What readers see of it has no letter but capitals ("112", "BLIK", "PESEL, NFZ", "**997**"): it reads the same
    /// in every language. Shown as it is where it has no current translation, and never counted as untranslated.
    package let nothingToTranslate: Bool

    package init(_ text: String, role: Role, location: SourceLocation) {
        let parsed = ParsedText(text)
        self.init(text, role: role, location: location, parsed: parsed,
                  nothingToTranslate: Self.hasNothingToTranslate(parsed.plainText(of: text)))
    }

    private init(_ text: String, role: Role, location: SourceLocation, parsed: ParsedText, nothingToTranslate: Bool) {
        self.text = text
        self.role = role
        self.location = location
        self.parsed = parsed
        self.nothingToTranslate = nothingToTranslate
    }

    /// The same text in another role (a paragraph inside a quote), not parsed again.
    package func with(role: Role) -> Segment {
        Segment(text, role: role, location: location, parsed: parsed, nothingToTranslate: nothingToTranslate)
    }

    /// A plain text with no letter but capital letters (digits, punctuation, symbols and spaces aside). A letter of
    /// a script without case (Arabic, Chinese) is a word to translate.
    package static func hasNothingToTranslate(_ plain: String) -> Bool {
        for scalar in plain.unicodeScalars {
            if scalar.isASCII {
                if scalar.value >= 0x61 && scalar.value <= 0x7A { return false }
                continue
            }
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return false
            default: continue
            }
        }
        return true
    }

    // `parsed` follows from `text`: equality and hashing leave it out.
    package static func == (a: Segment, b: Segment) -> Bool {
        a.text == b.text && a.role == b.role && a.location == b.location
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(role)
        hasher.combine(location)
    }
}

/// A source document: a Markdown article or page, a procedure, or the offices register.
package struct Document: Sendable {
    package enum Kind: String, Sendable { case home, section, article, procedure, offices }
    package enum Body: Sendable {
        case markdown([Block])
        case procedure(Procedure)
        case offices([Office])
    }

    package var id: String { fields.id }
    /// Where the id was set (the `id` field), or the file's start when it comes from the path.
    package var idLocation: SourceLocation { fields.idLocation }
    /// The URL path without language: "" for the home page, "first-steps" for a section, "first-steps/pesel".
    package var path: String { fields.path }
    /// The source file, relative to the site's root ("content/first-steps/pesel.xml").
    package var source: String { fields.source }
    package var kind: Kind { fields.kind }
    package var title: Segment { fields.title }
    package var summary: Segment? { fields.summary }
    package var reviewed: Day? { fields.reviewed }
    package var order: Int? { fields.order }
    /// What editors must verify; present when a fact in the document is uncertain.
    package var review: String? { fields.review }
    /// Not ready to publish (`draft: true`): left out of builds, shown by `witaj serve --drafts`.
    package var draft: Bool { fields.draft }
    /// Words readers look for that the title does not have ("meldunek" for zameldowanie): more entries of the A-Z
    /// index, in the source language (front matter `keywords:`). Not segments: they name the Polish words readers meet
    /// in offices and on forms, shown as they are in every language.
    package var keywords: [String] = []
    /// A post of the news section: its date (front matter `date`, `expires`).
    package var post: NewsPost?
    /// An event of the events section: when, where, for whom (`Event`).
    package private(set) var event: Event?
    package var body: Body { fields.body }
    /// Every segment in reading order: what a translator translates. Empty texts (an empty table cell) are none.
    /// Made once, with the document: each segment's text is parsed when it is read.
    package private(set) var segments: [Segment]
    /// A Markdown body's heading ids in order (`HeadingIDs`); empty for other bodies.
    package var headingIDs: [String] { fields.headingIDs }

    /// What the document is, in one object that every copy shares: a document is copied into every language's
    /// site, lists and pages, and a copy of twenty fields cost twenty reference counts (a quarter of the preview
    /// server's rebuild after a paragraph's edit at 1,000 x 8, most of it two cores counting the same objects).
    private final class Fields: Sendable {
        let id: String, idLocation: SourceLocation, path: String, source: String, kind: Kind, title: Segment,
            summary: Segment?, reviewed: Day?, order: Int?, review: String?, draft: Bool, body: Body, headingIDs: [String]

        init(id: String, idLocation: SourceLocation, path: String, source: String, kind: Kind, title: Segment, summary: Segment?,
             reviewed: Day?, order: Int?, review: String?, draft: Bool, body: Body, headingIDs: [String]) {
            self.id = id
            self.idLocation = idLocation
            self.path = path
            self.source = source
            self.kind = kind
            self.title = title
            self.summary = summary
            self.reviewed = reviewed
            self.order = order
            self.review = review
            self.draft = draft
            self.body = body
            self.headingIDs = headingIDs
        }
    }
    private let fields: Fields

    package init(id: String, idLocation: SourceLocation, path: String, source: String, kind: Kind, title: Segment, summary: Segment?,
         reviewed: Day?, order: Int?, review: String?, draft: Bool = false, body: Body) {
        var segments = [title]
        if let summary { segments.append(summary) }
        switch body {
        case .markdown(let blocks): segments += Self.segments(of: blocks, source: source)
        case .procedure(let p): segments += p.segments
        case .offices(let offices): segments += offices.flatMap(\.segments)
        }
        segments = segments.filter { !$0.text.allSatisfy(\.isWhitespace) }
        var headingIDs: [String] = []
        if case .markdown(let blocks) = body {
            // Headings' texts are segments, already parsed.
            let parsed = Dictionary(segments.map { ($0.text, $0.parsed) }, uniquingKeysWith: { first, _ in first })
            headingIDs = HeadingIDs.of(blocks) { text in (parsed[text] ?? ParsedText(text)).plainText(of: text) }
        }
        self.segments = segments
        fields = Fields(id: id, idLocation: idLocation, path: path, source: source, kind: kind, title: title, summary: summary,
                        reviewed: reviewed, order: order, review: review, draft: draft, body: body, headingIDs: headingIDs)
    }

    /// With an event's typed data; its audience is a segment, after the title and summary.
    package mutating func setEvent(_ event: Event) {
        self.event = event
        if let audience = event.audience, !audience.text.allSatisfy(\.isWhitespace) {
            segments.insert(audience, at: segments.count > 1 && segments[1].role == .summary ? 2 : 1)
        }
    }

    /// The section a document belongs to: the first component of its path ("" for top-level pages).
    package var section: String {
        kind == .home ? "" : String(decoding: path.utf8.prefix { $0 != UInt8(ascii: "/") }, as: UTF8.self)
    }

    /// The folder that links in this document are relative to ("content/first-steps").
    package var sourceFolder: String {
        source.split(separator: "/").dropLast().joined(separator: "/")
    }
}

extension Document {
    /// The segments of a Markdown body, each parsed here.
    package static func segments(of blocks: [Block], source: String, inList: Bool = false) -> [Segment] {
        blocks.flatMap { block -> [Segment] in
            func segment(_ text: SourceText, _ role: Segment.Role) -> Segment {
                Segment(text.text, role: role, location: SourceLocation(source, line: text.line, column: text.column))
            }
            switch block {
            case .heading(_, let text, _): return [segment(text, .heading)]
            case .paragraph(let text): return [segment(text, inList ? .listItem : .paragraph)]
            case .list(_, _, _, let items): return items.flatMap { segments(of: $0, source: source, inList: true) }
            case .blockquote(let inner): return segments(of: inner, source: source).map { $0.with(role: .quote) }
            case .table(_, let header, let rows):
                return header.map { segment($0, .tableHeader) } + rows.flatMap { $0.map { segment($0, .tableCell) } }
            case .code, .thematicBreak, .html: return []
            }
        }
    }
}
