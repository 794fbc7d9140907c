import WitajICU
import WitajMarkdown
import WitajCore

/// LocalizedSite -> the HTML pages of one language. Templates decide the markup; this builds their contexts.
package struct PageRenderer {
    package let site: LocalizedSite
    package let templates: Templates
    package let resolver: LinkResolver
    package var style: LinkStyle = .site
    /// The documents whose pages are made (`Scope.remade`); nil: every page.
    package var remade: Set<String>?
    /// Whether the A-Z index is made (`Scope.makesIndex`).
    package var makesIndex = true
    /// Marks for translators in the pages' main part, in the preview server's pages only.
    package var marks: Later<TranslatorMarks>?

    /// What every page of the language shows the same way, made once: the site's name, the sections' titles in
    /// the navigation (inside links, so without links of their own) and the interface strings.
    package let siteName: String
    package let siteNameHTML: String
    package let sectionTitles: [(path: String, context: [String: Any])]
    package let interfaceStrings: [String: String]
    /// ` lang="pl" dir="ltr"` for an interface string shown in another language than the page's, else "".
    package let interfaceLanguages: [String: String]

    package init(site: LocalizedSite, templates: Templates, resolver: LinkResolver) {
        self.site = site
        self.templates = templates
        self.resolver = resolver
        let home = site.home
        siteName = home?.plainTitle ?? ""
        siteNameHTML = home.map { SegmentRenderer(localized: $0, resolver: resolver, pagePath: "").render($0.document.title.text, withoutLinks: true).html } ?? ""
        sectionTitles = site.sections.map { section in
            let title = SegmentRenderer(localized: section.index, resolver: resolver, pagePath: section.index.document.path)
            return (section.index.document.path, title.context(section.index.document.title.text, withoutLinks: true))
        }
        let strings = site.strings
        interfaceStrings = Self.interfaceKeys.mapValues(strings.text)
        interfaceLanguages = Self.interfaceKeys.mapValues { Self.languageAttributes($0, strings) }
    }

    /// The documents of these sources, in the site's order: found by source, not by looking at every document (each
    /// a copy of its `Document`) when the preview makes a few pages again.
    private func documents(of sources: Set<String>) -> [LocalizedDocument] {
        sources.compactMap { site.site.document(source: $0).flatMap { site.byPath[$0.path] } }.sorted().map { site.documents[$0] }
    }

    package var language: LanguageProfile { site.language }
    package var strings: UIStrings { site.strings }

    /// The pages of the language. When only some documents' pages are made, the others are kept from the last
    /// build, and so is the A-Z index (what it shows of each document, its face, is the same) unless asked for.
    package func render(to publisher: some ArtifactSink) {
        // Read only, by whichever thread makes the page (the preview makes a page when a browser asks for it).
        nonisolated(unsafe) let renderer = self
        for localized in remade.map(documents(of:)) ?? site.documents {
            publisher.put(pageFile(localized.document.path), later: { renderer.page(localized) })
        }
        if makesIndex {
            publisher.put(pageFile("a-z"), later: { renderer.templates.render(renderer.indexContext(), with: "a-z") })
            publisher.put(pageFile(SearchIndexRenderer.folder), later: { renderer.templates.render(renderer.searchContext(), with: "search") })
            publisher.put("\(language.code)/404.html", later: { renderer.templates.render(renderer.notFoundContext(), with: "not-found") })
        }
        // A rebuild of only some documents never touches news or events (`Dated.remakesEverything`).
        if remade == nil { renderDated(to: publisher) }
    }

    /// A document's page.
    func page(_ localized: LocalizedDocument) -> String {
        let name: String = switch localized.document.kind {
        case .procedure: "procedure"
        case .offices: "offices"
        default: "document"
        }
        return templates.render(documentContext(localized), with: name)
    }

    package func renderer(_ localized: LocalizedDocument, on page: String, within: LanguageProfile? = nil) -> SegmentRenderer {
        var renderer = SegmentRenderer(localized: localized, resolver: resolver, pagePath: page, style: style)
        renderer.marks = marks
        renderer.within = within
        return renderer
    }

    package func pageFile(_ path: String) -> String {
        path.isEmpty ? "\(language.code)/index.html" : "\(language.code)/\(path)/index.html"
    }

    // MARK: - Shared parts of every page

    /// What every page has: language, direction, navigation, the switcher, alternates, interface strings.
    /// `absolute`: the site's root on its server ("/pack/"), for a page shown at any address (404.html), whose links
    /// cannot be relative to it; the page is then the language's home page.
    package func pageContext(path: String, title: String, localized: LocalizedDocument?, absolute: String? = nil) -> [String: Any] {
        let depth = path.isEmpty ? 0 : path.split(separator: "/").count
        let root = absolute ?? String(repeating: "../", count: depth + 1)
        /// A page of this language.
        func url(_ target: String) -> String {
            absolute.map { $0 + language.code + "/" + (target.isEmpty ? "" : target + "/") } ?? style.url(from: path, to: target) ?? ""
        }
        let languages: [[String: Any]] = site.languages.map { other in
            let partial = other.code != language.code && !isComplete(path: path, in: other)
            let note = partialNotes[other.code] ?? (strings.text("not fully translated"), strings.fallbackLanguage("not fully translated") ?? language.code)
            return ["code": other.code, "autonym": other.autonym, "dir": other.direction,
                    "url": root + other.code + "/" + (path.isEmpty ? "" : path + "/"),
                    "current": other.code == language.code, "partial": partial,
                    "note": note.text, "noteLang": note.code, "noteDir": LocaleInfo.isRightToLeft(note.code) ? "rtl" : "ltr"]
        }
        let top = path.split(separator: "/").first.map(String.init) ?? ""
        let sections: [[String: Any]] = sectionTitles.map { section in
            var context = section.context
            context["url"] = url(section.path)
            context["current"] = section.path == top
            return context
        }
        var context: [String: Any] = [
            "lang": language.code, "dir": language.direction, "pageTitle": title, "siteName": siteName,
            "siteNameHTML": siteNameHTML,
            "assets": root + "assets/",
            "homeURL": absolute == nil ? relativeURL(from: path, to: "") : url(""),
            "azURL": absolute == nil ? relativeURL(from: path, to: "a-z") : url("a-z"), "languages": languages, "sections": sections,
            "searchURL": absolute == nil ? relativeURL(from: path, to: SearchIndexRenderer.folder) : url(SearchIndexRenderer.folder),
            "alternates": alternates(path: path), "t": interfaceStrings, "tl": interfaceLanguages,
        ]
        if let localized {
            context["description"] = localized.summary?.plainText
            // Notices are the interface: in the reader's language (or the English text, saying so) also inside an
            // article shown in another language, whose every interface string then says its language.
            let whole = localized.whole?.language
            let explicit = whole != nil
            var notices: [[String: Any]] = []
            // A language's name in the language of the string that names it (the English text until translated).
            func name(_ code: String, in key: String) -> String {
                Formatters(locale: strings.fallbackLanguage(key) ?? language.formatters.locale).displayName(of: code)
            }
            func notice(_ key: String, _ text: String? = nil) -> [String: Any] {
                ["text": text ?? strings.text(key), "attributes": languageAttributes(key, explicit: explicit)]
            }
            if let whole {
                notices.append(notice(UIStrings.wholePageKey, strings.format(UIStrings.wholePageKey, [
                    "language": .string(name(language.code, in: UIStrings.wholePageKey)),
                    "shown": .string(name(whole.code, in: UIStrings.wholePageKey)),
                ])))
            } else if localized.hasOutdated {
                notices.append(notice("Part of this page changed recently; the translation is being updated and the new text is shown in another language."))
            } else if localized.hasFallback {
                notices.append(notice("Part of this page has not been translated yet and is shown in another language."))
            }
            if let review = localized.document.review {
                // Which facts: the editors' own note, in the source language and marked so.
                let source = site.site.config.sourceLanguage
                var item = notice("Some details on this page are waiting for our editors to confirm them. Check fees, addresses and hours with the office before you go.")
                item["review"] = [
                    "summary": strings.format(UIStrings.reviewNoteKey, ["language": .string(name(source, in: UIStrings.reviewNoteKey))]),
                    "summaryAttributes": languageAttributes(UIStrings.reviewNoteKey, explicit: explicit),
                    "text": review, "lang": source, "dir": LocaleInfo.isRightToLeft(source) ? "rtl" : "ltr",
                ]
                notices.append(item)
            }
            context["notices"] = notices
            if explicit {
                context["tl"] = Self.interfaceKeys.mapValues { languageAttributes($0, explicit: true) }
            }
            if let day = localized.document.reviewed {
                let date = language.formatters.date(year: day.year, month: day.month, day: day.day)
                context["reviewed"] = strings.format("Last reviewed on {date}", ["date": .string(date)])
                context["reviewedAttributes"] = languageAttributes("Last reviewed on {date}")
            }
        }
        return context
    }

    package static let interfaceKeys = [
            "skip": "Skip to content", "pack": "Welcome pack", "mainNav": "Main navigation", "language": "Language",
            "az": "A–Z index", "letters": "Letters", "home": "Home", "inSection": "In this section",
            "procedure": "Procedure", "audience": "Who is this for", "steps": "Step by step",
            "documents": "Documents to bring", "optional": "if it applies to you", "fees": "Fees",
            "free": "Free of charge", "deadlines": "Deadlines", "where": "Where to go", "online": "Online",
            "notes": "Good to know", "legal": "Legal basis", "related": "See also", "address": "Address",
            "hours": "Opening hours", "phone": "Phone", "email": "E-mail", "website": "Website",
            "spoken": "Languages spoken", "partial": "not fully translated", "choose": "Choose your language",
            "search": "Search", "searchLabel": "Search the welcome pack", "noResults": "No pages match your search.",
            "searchNeedsScript": "Search needs JavaScript. Without it, find a page in the A–Z index.",
            "notFound": notFoundKey, "notFoundText": "There is no page at this address. It may have moved, or the address may have a typo.",
        ]

    package static let notFoundKey = "Page not found"

    /// `explicit`: the attributes even for a string in the page's language (inside an article in another one).
    package func languageAttributes(_ key: String, explicit: Bool = false) -> String {
        Self.languageAttributes(key, strings, explicit: explicit)
    }

    package static func languageAttributes(_ key: String, _ strings: UIStrings, explicit: Bool = false) -> String {
        let code = strings.fallbackLanguage(key) ?? (explicit ? strings.language.code : nil)
        return code.map { " lang=\"\($0)\" dir=\"\(LocaleInfo.isRightToLeft($0) ? "rtl" : "ltr")\"" } ?? ""
    }

    /// `<link rel="alternate" hreflang>` for languages whose translation of the page is complete, plus x-default.
    package func alternates(path: String) -> [[String: String]] {
        let suffix = path.isEmpty ? "" : path + "/"
        var result = site.languages.filter { isComplete(path: path, in: $0) }.map {
            ["hreflang": $0.code, "href": site.site.config.baseURL + $0.code + "/" + suffix]
        }
        result.append(["hreflang": "x-default", "href": site.site.config.baseURL + site.site.config.sourceLanguage + "/" + suffix])
        return result
    }

    /// Whether a page is complete in a language: `SiteRenderer` passes in every language's completeness, which the
    /// switcher and the hreflang alternates of every page need.
    package func isComplete(path: String, in other: LanguageProfile) -> Bool {
        completeness.isComplete(path, in: other.code)
    }

    package var completeness = Completeness()

    /// Each language's own "not fully translated" and the language it is in (`SiteRenderer` passes every
    /// language's): the switcher's note next to a language is for its readers, so it is written in it.
    package var partialNotes: [String: (text: String, code: String)] = [:]

    // MARK: - Documents

    package func documentContext(_ localized: LocalizedDocument) -> [String: Any] {
        let document = localized.document
        // A page shown whole in its fallback language: the article in that language, marked with it.
        let shown = localized.whole?.language
        let segments = renderer(localized.article, on: document.path, within: shown)
        var context = pageContext(path: document.path, title: localized.plainTitle, localized: localized)
        if let shown {
            context["articleAttributes"] = " lang=\"\(shown.code)\" dir=\"\(shown.direction)\" data-fallback"
        }
        // A title never links: not in the h1, nor in lists and the navigation.
        context["title"] = segments.context(document.title.text, withoutLinks: true)
        context["summary"] = document.summary.map { segments.context($0.text) }  // nil removes the key
        context["kind"] = document.kind.rawValue
        context["isHome"] = document.kind == .home
        context["isProcedure"] = document.kind == .procedure
        context["interactive"] = true
        if document.kind == .home, let pack = site.site.config.pack, !pack.chapters.isEmpty {
            context["epub"] = ["url": pack.bookFile(language.code), "label": strings.text("Download the welcome pack (EPUB)"),
                                "attributes": languageAttributes("Download the welcome pack (EPUB)")]
        }
        if let section = site.sections.first(where: { $0.index.document.path == document.section }),
           document.kind != .section, document.kind != .home {
            var crumb = renderer(section.index, on: document.path, within: shown)
                .context(section.index.document.title.text, withoutLinks: true)
            crumb["url"] = style.url(from: document.path, to: section.index.document.path) ?? ""
            context["section"] = crumb
        }
        switch document.body {
        case .markdown(let blocks):
            context["body"] = BlockHTMLRenderer(segments: segments).render(blocks, ids: document.headingIDs)
        case .procedure(let procedure):
            procedureContext(procedure, segments: segments, into: &context)
        case .offices(let offices):
            context["offices"] = offices.map { officeContext($0, segments: segments, level: 2) }
        }
        if document.kind == .home {
            context["overview"] = site.sections.map { section -> [String: Any] in
                var item = listing(section.index, on: document.path)
                item["members"] = listed(section).map { datedListing($0, on: document.path) }
                return item
            }
            context["hasOverview"] = !site.sections.isEmpty
        }
        if document.kind == .section, let section = site.sections.first(where: { $0.index.document.path == document.path }) {
            context["members"] = section.members.map { listing($0, on: document.path) }
            context["hasMembers"] = !section.members.isEmpty
        }
        datedContext(localized, segments: segments, into: &context)
        return context
    }

    /// A link to a document with its title and summary, for lists on another page.
    package func listing(_ localized: LocalizedDocument, on page: String) -> [String: Any] {
        let segmentRenderer = renderer(localized, on: page)
        var item: [String: Any] = [
            "title": segmentRenderer.context(localized.document.title.text, withoutLinks: true),
            "isProcedure": localized.document.kind == .procedure, "kind": localized.document.kind.rawValue,
        ]
        item["summary"] = localized.document.summary.map { segmentRenderer.context($0.text) }
        // nil in a book that has not the document when the site has no address yet: the title without a link.
        item["url"] = style.url(from: page, to: localized.document.path)
        return item
    }

    package func procedureContext(_ p: Procedure, segments: SegmentRenderer, into context: inout [String: Any]) {
        context["audience"] = p.audience.map { segments.context($0.text) }
        context["steps"] = p.steps.map { segments.context($0.text) }
        context["documents"] = p.documents.enumerated().map { i, requirement -> [String: Any] in
            var item = segments.context(requirement.text.text)
            item["n"] = i + 1
            item["optional"] = requirement.optional
            return item
        }
        switch p.fees {
        case .free(let text):
            var free: [String: Any] = [:]
            free["text"] = text.map { segments.context($0.text) }
            context["free"] = free
        case .amounts(let fees):
            context["fees"] = fees.map { fee -> [String: Any] in
                var item = segments.context(fee.label.text)
                item["amount"] = (segments.within ?? language).formatters.currency(fee.amount, code: fee.currency)
                item["value"] = "\(fee.amount) \(fee.currency)"
                return item
            }
        }
        context["deadlines"] = p.deadlines.map { deadline -> [String: Any] in
            var item = segments.context(deadline.text.text)
            if let count = deadline.count, let unit = deadline.unit {
                let key = "{count, plural, one {# \(unit.rawValue)} other {# \(unit.rawValue)s}}"
                item["period"] = strings.format(key, ["count": .number(Double(count))])
                item["periodAttributes"] = languageAttributes(key, explicit: segments.within != nil)
            }
            return item
        }
        let offices = site.site.offices
        let officesPage = site.site.officesDocument.flatMap { site.document(path: $0.path) }
        context["where"] = p.offices.compactMap { reference -> [String: Any]? in
            guard let office = offices[reference.target], let officesPage else { return nil }
            let officeRenderer = renderer(officesPage, on: segments.pagePath, within: segments.within)
            return officeContext(office, segments: officeRenderer, level: 3)
        }
        context["online"] = p.online.map { service -> [String: Any] in
            var item = segments.context(service.text.text, withoutLinks: true)
            item["url"] = service.url
            return item
        }
        context["notes"] = p.notes.map { segments.context($0.text) }
        context["legal"] = p.legal.map { act -> [String: Any] in
            var item = segments.context(act.text.text, withoutLinks: act.url != nil)
            item["url"] = act.url
            return item
        }
        context["related"] = p.related.compactMap { reference -> [String: Any]? in
            guard case .document(let path, _) = resolver.resolve(reference.target, from: segments.localized.document),
                  let target = site.document(path: path) else { return nil }
            return listing(target, on: segments.pagePath)
        }
        for key in ["audience", "steps", "documents", "fees", "deadlines", "where", "online", "notes", "legal", "related"] {
            context["has" + key.prefix(1).uppercased() + key.dropFirst()] = !((context[key] as? [Any])?.isEmpty ?? true)
        }
    }

    package func officeContext(_ office: Office, segments: SegmentRenderer, level: Int) -> [String: Any] {
        // Typed data in the language of the text around it: an article shown whole in its fallback has it in that.
        let formatters = (segments.within ?? language).formatters
        func time(_ t: (hour: Int, minute: Int)) -> String { formatters.time(hour: t.hour, minute: t.minute) }
        let hours: [[String: String]] = office.hours.map { opening in
            ["days": dayRange(opening.days, formatters), "from": time(opening.from), "to": time(opening.to)]
        }
        var context: [String: Any] = [
            "id": office.id, "level": level, "sourceLang": site.site.config.sourceLanguage,
            "name": segments.context(office.name.text),
            "street": office.address.street, "postcode": office.address.postcode, "city": office.address.city,
            "hours": hours, "hasHours": !hours.isEmpty || office.hoursNote != nil, "hasHourList": !hours.isEmpty,
            "phones": office.phones.map { ["number": $0, "tel": $0.filter { $0 == "+" || $0.isNumber }] },
            "hasPhones": !office.phones.isEmpty,
            "emails": office.emails, "hasEmails": !office.emails.isEmpty,
            "websites": office.websites.map { ["url": $0, "label": displayURL($0)] }, "hasWebsites": !office.websites.isEmpty,
            "languages": office.languages.map { formatters.displayName(of: $0) }.joined(separator: ", "),
            "hasLanguages": !office.languages.isEmpty,
        ]
        // Absent values stay out of the context: Mustache would take an empty optional for "present".
        context["description"] = office.description.map { segments.context($0.text) }
        context["hoursNote"] = office.hoursNote.map { segments.context($0.text) }
        return context
    }

    /// "poniedziałek–piątek" for a run of three or more days, else the days listed.
    package func dayRange(_ days: [Int], _ formatters: Formatters? = nil) -> String {
        // ICU counts weekdays from Sunday = 1; ISO from Monday = 1.
        func name(_ iso: Int) -> String { (formatters ?? language.formatters).weekday(iso % 7 + 1) }
        let sorted = days.sorted()
        if sorted.count >= 3, sorted.last! - sorted.first! == sorted.count - 1 {
            return name(sorted.first!) + "–" + name(sorted.last!)
        }
        return sorted.map(name).joined(separator: ", ")
    }

    package func displayURL(_ url: String) -> String {
        var text = Substring(url)
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        if text.hasPrefix("www.") { text = text.dropFirst(4) }
        if text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    // MARK: - 404

    /// `<lang>/404.html`: what a web server shows for an address it does not have under the language's folder,
    /// with the navigation and the language switcher (each language's home page).
    package func notFoundContext() -> [String: Any] {
        var context = pageContext(path: "", title: strings.text(Self.notFoundKey), localized: nil,
                                  absolute: SiteRenderer.rootPath(site.site.config.baseURL))
        context["alternates"] = [[String: String]]()
        return context
    }

    // MARK: - Search

    /// The search page: its form, which the search client (`assets/search.js`, loaded by this page only) answers;
    /// without JavaScript, a link to the A-Z index.
    package func searchContext() -> [String: Any] {
        var context = pageContext(path: SearchIndexRenderer.folder, title: strings.text("Search"), localized: nil)
        context["isSearch"] = true
        return context
    }

    // MARK: - A-Z

    /// The `lang` of a letter of another script than the language's (the Latin letters fallback titles go under on
    /// the Arabic page), so that a screen reader does not say it as a letter of the page's language: that of most
    /// entries under it in another language (English titles, Polish keywords; the first one's when as many are of
    /// each), else the source language's (a translated title that starts with "PESEL").
    func letterAttributes(_ group: LocalizedSite.IndexGroup, source: LanguageProfile) -> String {
        guard !group.own else { return "" }
        let codes = group.entries.map { $0.keyword == nil ? $0.document.title.language.code : source.code }.filter { $0 != language.code }
        let counts = Dictionary(codes.map { ($0, 1) }, uniquingKeysWith: +)
        let most = codes.first { counts[$0] == counts.values.max() } ?? source.code
        guard most != language.code else { return "" }
        // No `dir`: the heading keeps the page's alignment (a letter alone reads the same either way).
        return " lang=\"\(most)\""
    }

    package func indexContext() -> [String: Any] {
        var context = pageContext(path: "a-z", title: strings.text("A–Z index"), localized: nil)
        let source = site.languages.first { $0.code == site.site.config.sourceLanguage } ?? language
        context["groups"] = site.index.enumerated().map { i, group -> [String: Any] in
            ["letter": group.letter, "anchor": "l\(i + 1)", "letterAttributes": letterAttributes(group, source: source),
             "documents": group.entries.map { entry -> [String: Any] in
                 var item = listing(entry.document, on: "a-z")
                 // A keyword is in the source language, as editors wrote it.
                 if let keyword = entry.keyword {
                     item["keyword"] = ["text": keyword, "attributes": source.code == language.code ? ""
                                        : " lang=\"\(source.code)\" dir=\"\(source.direction)\""]
                 }
                 return item
             }]
        }
        return context
    }
}
