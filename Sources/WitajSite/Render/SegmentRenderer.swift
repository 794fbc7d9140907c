import WitajMarkdown
import WitajCore

/// Renders segments of one document on one page: resolved text, inline Markdown, links made relative and safe.
package struct SegmentRenderer {
    /// A segment's HTML, and the attributes its element needs when the text is not in the page's language.
    package struct Rendered {
        package let html: String
        /// ` lang="pl" dir="ltr" data-fallback` for text shown from the fallback chain, else "".
        package let attributes: String

        /// The HTML for a place inside a line or a list item of the page: text in another language isolated in a
        /// `<span>` with its `lang` and `dir`, so the item's marker and alignment stay the page's.
        package var inline: String { attributes.isEmpty ? html : "<span" + attributes + ">" + html + "</span>" }
    }

    package let localized: LocalizedDocument
    package let resolver: LinkResolver
    /// The path of the page the HTML goes on (links are relative to it).
    package let pagePath: String
    package var style: LinkStyle = .site
    /// Marks for translators, in the preview server's pages only (made when the first page asks for them).
    package var marks: Later<TranslatorMarks>?
    /// The language of the element the HTML goes in, when it is not the page's: the article of a page shown whole
    /// in its fallback language (`LocalizedDocument.whole`).
    package var within: LanguageProfile?

    package init(localized: LocalizedDocument, resolver: LinkResolver, pagePath: String, style: LinkStyle = .site) {
        self.localized = localized
        self.resolver = resolver
        self.pagePath = pagePath
        self.style = style
    }

    /// `withoutLinks`: the text is a title (the page's `h1`, or a title in a list, the navigation or the
    /// breadcrumb) or goes inside an `<a>` of the template, so it shows no links or images of its own, only their
    /// text. Where a translation points is decided before (`TranslationLinks`): here only the source's rules apply.
    package func render(_ text: String, withoutLinks: Bool = false) -> Rendered {
        let resolved = localized.resolve(text)
        let document = localized.document
        let language = localized.language
        let link: (String) -> String? = { destination in
            if withoutLinks { return nil }
            return switch resolver.resolve(destination, from: document) {
            case .document(let path, let fragment):
                // A section the book has no page of is an entry of its table of contents, already a fragment.
                style.url(from: pagePath, to: path).map { $0.contains("#") ? $0 : $0 + (fragment.map { "#" + $0 } ?? "") }
            case .file(let source, let fragment):
                style.url(from: pagePath, language: language.code, toFile: resolver.published(source, for: language))
                    .map { $0 + (fragment.map { "#" + $0 } ?? "") }
            case .fragment(let fragment): "#" + fragment
            case .external(let url): url
            case .invalid: nil
            }
        }
        // A book shows only images it carries (files beside the documents, of EPUB's own types): for one from the
        // web, or a WebP, it shows the description.
        let image: (String) -> String? = { source in
            if withoutLinks { return nil }
            guard case .book = style else { return link(source) }
            switch resolver.resolve(source, from: document) {
            case .external, .invalid: return nil
            case .file(let file, _): return ImageFile.fitsBook(file) ? BookRenderer.imageFile(file) : nil
            default: return link(source)
            }
        }
        var inline = InlineHTMLRenderer(link: link, image: image)
        inline.isolatesNumbers = resolved.language.isRightToLeft
        // Names the translation keeps in Polish ("Urząd Stanu Cywilnego") are marked so, for screen readers (not in
        // a variant of the source language, "pl-PL", whose text is Polish already).
        let source = resolver.sourceLanguage
        if !source.isEmpty, resolved.language.code.split(separator: "-").first != source.split(separator: "-").first {
            inline.sourceNames = (SourceNames.of(text), " lang=\"" + HTML.escapeAttribute(source) + "\""
                                    + (resolved.language.isRightToLeft ? " dir=\"ltr\"" : ""))
        }
        // Text that does not read as one paragraph (say "<div>" at a line start) is shown as plain text.
        let html = resolved.parsed.html(of: resolved.text, inline)
        let attributes = Self.attributes(of: resolved, on: localized.language, within: within ?? localized.language)
        return Rendered(html: html, attributes: attributes + (marks?.value.attributes(of: resolved, text: text, in: localized) ?? ""))
    }

    /// The `lang`/`dir` a text needs inside an element in `within` on a page of `language`; `data-fallback` marks
    /// text from the fallback chain, except the fallback a whole article is shown in (the article is marked).
    package static func attributes(of resolved: ResolvedText, on language: LanguageProfile, within: LanguageProfile? = nil) -> String {
        let within = within ?? language
        guard resolved.language.code != within.code else { return "" }
        let attributes = " lang=\"\(resolved.language.code)\" dir=\"\(resolved.language.direction)\""
        return resolved.language.code == language.code ? attributes : attributes + " data-fallback"
    }

    /// For templates: `{{{html}}}` and `{{{attributes}}}` (for an element of its own), or `{{{inline}}}`.
    package func context(_ text: String, withoutLinks: Bool = false) -> [String: Any] {
        let rendered = render(text, withoutLinks: withoutLinks)
        return ["html": rendered.html, "attributes": rendered.attributes, "inline": rendered.inline]
    }
}

/// Where links between documents go: relative URLs between pages of the site, or chapters of a book (and the
/// web pages of documents the book does not have).
package enum LinkStyle: Sendable {
    case site
    /// Chapter files, and the table of contents' entries of sections the book has no page of
    /// ("nav.xhtml#residence"), by document path. `web` is the site's URL prefix of the book's language, `base` the
    /// site's URL (`baseURL`): documents the book does not have, and files, are linked on the web; both nil when the
    /// site has no real address yet (`BookRenderer.isRealAddress`), and then such links are text.
    case book(chapters: [String: String], web: String?, base: String?)

    /// Where a link to the document at `path` goes; nil: nowhere (the book has no such page and the site no address).
    package func url(from page: String, to path: String) -> String? {
        switch self {
        case .site: relativeURL(from: page, to: path)
        case .book(let chapters, let web, _): chapters[path] ?? web.map { $0 + (path.isEmpty ? "" : path + "/") }
        }
    }

    /// A file of the output (`pl/first-steps/form.pdf`), from a page of `language`.
    package func url(from page: String, language: String, toFile file: String) -> String? {
        switch self {
        case .site: relativeURL(fromPage: page, language: language, toFile: file)
        case .book(_, _, let base): base.map { $0 + URLPath.encode(file) }
        }
    }
}
