import Foundation
import WitajCore

/// The book's table of contents, nested by the site's sections, and where the chapters' links to sections go.
extension BookRenderer {
    struct Contents {
        /// For the `epub-nav` template: each entry a `chapter` (a top-level page) or a `section` with its `chapters`.
        var entries: [[String: Any]] = []
        /// Chapter files by document path, and the sections the book has no page of as their entry of the table of
        /// contents ("nav.xhtml#s2"), so that a chapter's breadcrumb and links to a section stay in the book.
        var files: [String: String] = [:]
    }

    /// Consecutive chapters of one section under its title, in pack order; a section whose own page is a chapter
    /// links its title to it. A section's id is its place in the list ("s2"): the same pack gives the same ids.
    func tableOfContents(_ chapters: [LocalizedDocument]) -> Contents {
        var contents = Contents()
        for chapter in chapters where contents.files[chapter.document.path] == nil {
            contents.files[chapter.document.path] = Self.chapterFile(chapter.document.path)
        }
        func link(_ chapter: LocalizedDocument) -> [String: Any] {
            ["file": Self.chapterFile(chapter.document.path), "title": chapter.plainTitle,
             "attributes": SegmentRenderer.attributes(of: chapter.title, on: language)]
        }
        var groups: [(section: String, chapters: [LocalizedDocument])] = []
        for chapter in chapters {
            let section = chapter.document.kind == .section ? chapter.document.path : chapter.document.section
            if let last = groups.last, last.section == section, !section.isEmpty {
                groups[groups.count - 1].chapters.append(chapter)
            } else {
                groups.append((section, [chapter]))
            }
        }
        for group in groups {
            let members = group.chapters.filter { $0.document.path != group.section }
            guard !group.section.isEmpty, !members.isEmpty, let index = site.document(path: group.section) else {
                contents.entries += group.chapters.map { ["chapter": link($0)] }
                continue
            }
            let id = "s\(contents.entries.count + 1)"
            var heading: [String: Any] = ["id": id, "title": index.plainTitle,
                                          "attributes": SegmentRenderer.attributes(of: index.title, on: language)]
            if let file = contents.files[group.section] { heading["file"] = file }
            if contents.files[group.section] == nil { contents.files[group.section] = "nav.xhtml#" + id }
            heading["chapters"] = members.map(link)
            contents.entries.append(["section": heading])
        }
        return contents
    }

    /// The cover image's name in the book.
    static let coverImage = "cover.svg"

    /// The cover as reading apps show it in a library: the book's title, "Welcome pack" and the language's own
    /// name in the book's language, and the publisher's name (in the source language) at the foot. Generic font
    /// families only: no font is embedded, the reader's own draw the text. Lines break between words.
    func coverImage(title: String) -> String {
        let e = XMLText.escape
        // A title not translated yet is drawn, and marked, in the language it is in.
        let titleLanguage = site.home.map(\.title.language.code).flatMap { $0 == language.code ? nil : $0 }
        let (width, height) = (1200, 1800)
        let rtl = language.isRightToLeft ? " direction=\"rtl\"" : ""
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            xml:lang="\(language.code)">
            <title>\(e(title))</title>
            <rect width="\(width)" height="\(height)" fill="#0d3b66"/>
            <rect x="80" y="80" width="\(width - 160)" height="\(height - 160)" fill="none" stroke="#f4d35e" stroke-width="6"/>

            """
        func text(_ line: String, y: Int, size: Int, weight: String = "normal", fill: String = "#ffffff", lang: String? = nil) {
            let langAttribute = lang.map { code in
                " xml:lang=\"\(code)\"" + (site.languages.first { $0.code == code }?.isRightToLeft == true ? " direction=\"rtl\"" : "")
            } ?? rtl
            svg += "<text x=\"\(width / 2)\" y=\"\(y)\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"\(size)\" "
                + "font-weight=\"\(weight)\" fill=\"\(fill)\"\(langAttribute)>\(e(line))</text>\n"
        }
        var y = 520
        for line in Self.lines(title, width: 16) {
            text(line, y: y, size: 110, weight: "bold", lang: titleLanguage)
            y += 140
        }
        y += 40
        for line in Self.lines(strings.text("Welcome pack"), width: 26) {
            text(line, y: y, size: 72, fill: "#f4d35e")
            y += 96
        }
        text(language.autonym, y: 1380, size: 64)
        if let publisher = pack.publisher {
            let source = site.site.config.sourceLanguage
            for (i, line) in Self.lines(publisher, width: 34).prefix(2).enumerated() {
                text(line, y: 1560 + 64 * i, size: 48, lang: source == language.code ? nil : source)
            }
        }
        return svg + "</svg>\n"
    }

    /// `text` in lines of at most about `width` characters, broken between words (a longer word has a line of its own).
    static func lines(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            if let last = lines.last, last.count + 1 + word.count <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines
    }

    /// A site address that is real: not at a name reserved for examples and tests (RFC 2606 and 6761: example.org,
    /// *.example, *.test, *.invalid, localhost). Links from a book to the web go only to real addresses.
    static func isRealAddress(_ url: String) -> Bool {
        guard let host = URL(string: url)?.host?.lowercased(), !host.isEmpty else { return false }
        let labels = host.split(separator: ".")
        if let top = labels.last, ["example", "test", "invalid", "localhost"].contains(top) { return false }
        let domain = labels.suffix(2).joined(separator: ".")
        return !["example.org", "example.com", "example.net"].contains(domain)
    }
}
