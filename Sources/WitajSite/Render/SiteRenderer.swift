import WitajCore
import WitajICU

/// All languages' pages plus what the site has once: the language chooser, the 404 page, the sitemap, the theme's
/// assets and the files published as they are.
package struct SiteRenderer {
    package let sites: [LocalizedSite]
    package let templates: Templates
    package let scope: Scope
    /// Which pages are complete in which language: the switcher and hreflang of every page, and the sitemap.
    package let completeness: Completeness
    /// Marks for translators, in the preview server's pages only.
    package let marks: Later<TranslatorMarks>?

    package init(sites: [LocalizedSite], templates: Templates, scope: Scope = .everything, marks: Later<TranslatorMarks>? = nil) {
        self.sites = sites
        self.templates = templates
        self.scope = scope
        self.marks = marks
        completeness = Completeness(sites)
    }

    /// Every page, handed to the publisher as it is made (the sitemap is apart: `sitemap`).
    package func render(to publisher: some ArtifactSink) {
        guard let first = sites.first else { return }
        let resolver = LinkResolver(site: first.site)
        let notes = Dictionary(sites.map { site in
            (site.language.code, (site.strings.text("not fully translated"),
                                  site.strings.fallbackLanguage("not fully translated") ?? site.language.code))
        }, uniquingKeysWith: { a, _ in a })
        // Languages share nothing while rendering: one per core.
        _ = parallelMap(sites) { site in
            var renderer = PageRenderer(site: site, templates: templates, resolver: resolver)
            renderer.completeness = completeness
            renderer.partialNotes = notes
            renderer.remade = scope.remade
            renderer.makesIndex = scope.makesIndex
            renderer.marks = marks
            renderer.render(to: publisher)
        }
        // The chooser shows only the home page's face; the assets are the theme's; any change to a file the site
        // publishes as it is makes everything: all kept with the documents.
        guard scope.isEverything else { return }
        nonisolated(unsafe) let renderer = self
        publisher.put("index.html", later: { renderer.languageChooser(first) })
        publisher.put("404.html", later: { renderer.notFound(first) })
        for (path, bytes) in first.site.theme.assets.sorted(by: { $0.key < $1.key }) {
            publisher.put(Artifact(path: "assets/" + path, bytes: bytes))
        }
        publisher.put(files(first.site))
    }

    /// The files published as they are: `static/` where it says, and each file beside the documents once, in the
    /// source language's folder (languages' own versions of them are in `static/<lang>/`).
    package func files(_ site: Site) -> [Artifact] {
        site.staticFiles.map { Artifact(path: $0.staticPath, file: $0.file) }
            + site.attachments.map { Artifact(path: site.config.sourceLanguage + "/" + $0.contentPath, file: $0.file) }
    }

    /// `site-out/index.html`: each language named in itself.
    package func languageChooser(_ source: LocalizedSite) -> String {
        let choices: [[String: Any]] = sites.map { site in
            ["code": site.language.code, "autonym": site.language.autonym, "dir": site.language.direction,
             "url": site.language.code + "/", "prompt": site.strings.text("Choose your language"),
             "siteName": site.home?.plainTitle ?? ""]
        }
        let context: [String: Any] = [
            "lang": source.language.code, "dir": source.language.direction, "assets": "assets/",
            "siteName": source.home?.plainTitle ?? "", "choices": choices,
            "alternates": sites.map { ["hreflang": $0.language.code, "href": source.site.config.baseURL + $0.language.code + "/"] }
                + [["hreflang": "x-default", "href": source.site.config.baseURL]],
        ]
        return templates.render(context, with: "languages")
    }

    /// `site-out/404.html`, which a web server shows for an address it does not have, wherever it is: "page not
    /// found" in every language, and each language's home page. Its links start at the site's root, not at the page.
    package func notFound(_ source: LocalizedSite) -> String {
        let root = Self.rootPath(source.site.config.baseURL)
        var seen: Set<String> = []
        let messages: [[String: Any]] = sites.compactMap { site in
            let text = site.strings.text(PageRenderer.notFoundKey)
            guard seen.insert(text).inserted else { return nil }
            let code = site.strings.fallbackLanguage(PageRenderer.notFoundKey) ?? site.language.code
            return ["code": code, "dir": LocaleInfo.isRightToLeft(code) ? "rtl" : "ltr", "text": text]
        }
        let choices: [[String: Any]] = sites.map { site in
            ["code": site.language.code, "autonym": site.language.autonym, "dir": site.language.direction,
             "url": root + site.language.code + "/", "prompt": site.strings.text("Choose your language")]
        }
        let context: [String: Any] = [
            "lang": source.language.code, "dir": source.language.direction, "assets": root + "assets/",
            "siteName": source.home?.plainTitle ?? "", "choices": choices, "notFound": messages, "isNotFound": true,
        ]
        return templates.render(context, with: "languages")
    }

    /// The path of the site's root on its server, from `baseURL` ("https://example.org/pack/" -> "/pack/"): where the
    /// links of a page that is shown at any address (404.html) start.
    package static func rootPath(_ baseURL: String) -> String {
        var path = Substring(baseURL)
        if let scheme = path.range(of: "://") {
            path = path[scheme.upperBound...]
            path = path[(path.firstIndex(of: "/") ?? path.endIndex)...]
        }
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        var result = String(path)
        if !result.hasPrefix("/") { result = "/" + result }
        if !result.hasSuffix("/") { result += "/" }
        return result
    }

    /// Every page of every language, with hreflang alternates for the complete translations.
    package func sitemap() -> Artifact {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        let paths = (sites.first?.documents ?? []).map(\.document.path) + ["a-z"]
        let codes = sites.map(\.language.code)
        xml.reserveCapacity(paths.count * codes.count * (codes.count + 3) * 90)
        for path in paths { sitemapEntries(path: path, codes: codes, into: &xml) }
        xml += "</urlset>\n"
        return Artifact(path: "sitemap.xml", text: xml)
    }

    /// The page at `path` in every language (`codes`, the sites' languages), in the sitemap.
    private func sitemapEntries(path: String, codes: [String], into xml: inout String) {
        guard let source = sites.first else { return }
        let config = source.site.config
        let suffix = path.isEmpty ? "" : path + "/"
        // Each page's URL in each language, escaped once: every language's entry lists them all. The date is the
        // source document's, the same in every language.
        let urls = codes.map { XMLText.escape(config.baseURL + $0 + "/" + suffix) }
        var alternates = ""
        for (code, url) in zip(codes, urls) where completeness.isComplete(path, in: code) {
            alternates += "    <xhtml:link rel=\"alternate\" hreflang=\"\(code)\" href=\"\(url)\"/>\n"
        }
        alternates += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLText.escape(config.baseURL + config.sourceLanguage + "/" + suffix))\"/>\n"
        let lastmod = source.document(path: path)?.document.reviewed.map { "    <lastmod>\($0)</lastmod>\n" } ?? ""
        for url in urls {
            xml += "  <url>\n    <loc>"
            xml += url
            xml += "</loc>\n"
            xml += lastmod
            xml += alternates
            xml += "  </url>\n"
        }
    }
}

/// Which pages are complete in which language, looked up in the languages' sites when a page asks: a table of every
/// page in every language would be made again with each rebuild of the preview, for the few pages made.
package struct Completeness: Sendable {
    private let sites: [String: LocalizedSite]

    package init(_ sites: [LocalizedSite] = []) {
        self.sites = Dictionary(sites.map { ($0.language.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether the page at `path` is complete in the language `code`; true where the language has no such page.
    package func isComplete(_ path: String, in code: String) -> Bool {
        sites[code]?.document(path: path)?.isComplete ?? true
    }
}
