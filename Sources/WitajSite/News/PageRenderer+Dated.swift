import WitajCore
import WitajICU

/// News posts and events on the pages of one language: a post's date, an event's when and where, the news list
/// (newest first, in pages), the upcoming events and the next ones on the home page. What is current depends on the
/// build's day (`LocalizedSite.today`).
extension PageRenderer {
    /// Posts on a page of the news list.
    static let postsPerPage = 10
    /// Events on the home page (besides pinned ones).
    static let eventsOnHome = 3

    var today: Day { site.today }

    /// The documents a section's page lists: current posts newest first, upcoming events soonest first; the others'
    /// members as they are. Expired posts and past events leave the lists, their pages stay.
    func listed(_ section: LocalizedSite.Section) -> [LocalizedDocument] {
        switch section.index.document.path {
        case Dated.newsSection: return currentPosts(section)
        case Dated.eventsSection: return upcomingEvents(section)
        default: return section.members
        }
    }

    func currentPosts(_ section: LocalizedSite.Section) -> [LocalizedDocument] {
        section.members.filter { $0.document.post?.isCurrent(on: today) ?? false }
            .sorted { ($0.document.post!.date, $1.document.path) > ($1.document.post!.date, $0.document.path) }
    }

    func upcomingEvents(_ section: LocalizedSite.Section) -> [LocalizedDocument] {
        section.members.filter { !($0.document.event?.isPast(on: today) ?? true) }
            .sorted { ($0.document.event!.start, $0.document.path) < ($1.document.event!.start, $1.document.path) }
    }

    /// What left the lists, still reachable from the section's page: expired posts and past events, newest first.
    func archived(_ section: LocalizedSite.Section) -> [LocalizedDocument] {
        switch section.index.document.path {
        case Dated.newsSection:
            return section.members.filter { !($0.document.post?.isCurrent(on: today) ?? true) }
                .sorted { ($0.document.post!.date, $1.document.path) > ($1.document.post!.date, $0.document.path) }
        case Dated.eventsSection:
            return section.members.filter { $0.document.event?.isPast(on: today) ?? false }
                .sorted { ($0.document.event!.start, $1.document.path) > ($1.document.event!.start, $0.document.path) }
        default: return []
        }
    }

    var newsSection: LocalizedSite.Section? { site.sections.first { $0.index.document.path == Dated.newsSection } }
    var eventsSection: LocalizedSite.Section? { site.sections.first { $0.index.document.path == Dated.eventsSection } }

    /// The news list's pages after the first: news/page/2/ ...
    func newsPageCount() -> Int {
        guard let newsSection else { return 1 }
        return max(1, (currentPosts(newsSection).count + Self.postsPerPage - 1) / Self.postsPerPage)
    }

    static func newsPagePath(_ number: Int) -> String {
        number == 1 ? Dated.newsSection : "\(Dated.newsSection)/page/\(number)"
    }

    /// The pages and files only a whole build makes: the news list's later pages, each language's Atom feed and
    /// each event's calendar file.
    func renderDated(to publisher: some ArtifactSink) {
        nonisolated(unsafe) let renderer = self
        if let newsSection, let index = site.document(path: newsSection.index.document.path) {
            let pages = newsPageCount()
            for number in stride(from: 2, through: pages, by: 1) {
                publisher.put(pageFile(Self.newsPagePath(number)), later: { renderer.newsPage(index, number: number) })
            }
            publisher.put(Artifact(path: "\(language.code)/\(AtomFeedRenderer.file)",
                                   text: AtomFeedRenderer(renderer: self).feed(newsSection)))
        }
        for localized in eventsSection?.members ?? [] where localized.document.event != nil {
            publisher.put(Artifact(path: "\(language.code)/\(localized.document.path)/\(CalendarRenderer.file)",
                                   text: CalendarRenderer(renderer: self).calendar(localized)))
        }
    }

    /// A later page of the news list: the section's title and the posts, without its text.
    func newsPage(_ index: LocalizedDocument, number: Int) -> String {
        let path = Self.newsPagePath(number)
        var context = pageContext(path: path, title: index.plainTitle, localized: index)
        context["title"] = renderer(index, on: path).context(index.document.title.text, withoutLinks: true)
        context["kind"] = index.document.kind.rawValue
        context["interactive"] = true
        context["members"] = newsListing(page: number, on: path)
        context["hasMembers"] = true
        context["pagination"] = pagination(number, on: path)
        return templates.render(context, with: "document")
    }

    func newsListing(page number: Int, on path: String) -> [[String: Any]] {
        guard let newsSection else { return [] }
        return currentPosts(newsSection).dropFirst((number - 1) * Self.postsPerPage).prefix(Self.postsPerPage)
            .map { datedListing($0, on: path) }
    }

    func pagination(_ number: Int, on path: String) -> [String: Any]? {
        let count = newsPageCount()
        guard count > 1 else { return nil }
        var context: [String: Any] = [
            "label": strings.format("Page {page} of {count}", ["page": .number(Double(number)), "count": .number(Double(count))]),
            "attributes": languageAttributes("Page {page} of {count}"),
        ]
        if number > 1 {
            context["newer"] = ["url": style.url(from: path, to: Self.newsPagePath(number - 1)) ?? "", "text": strings.text("Newer posts"),
                                "attributes": languageAttributes("Newer posts")]
        }
        if number < count {
            context["older"] = ["url": style.url(from: path, to: Self.newsPagePath(number + 1)) ?? "", "text": strings.text("Older posts"),
                                "attributes": languageAttributes("Older posts")]
        }
        return context
    }

    /// A post's or an event's own facts on its page, the lists of the news and events sections and the next events
    /// on the home page.
    func datedContext(_ localized: LocalizedDocument, segments: SegmentRenderer, into context: inout [String: Any]) {
        let document = localized.document
        let formatters = (segments.within ?? language).formatters
        if let post = document.post {
            var item: [String: Any] = ["date": formatters.date(year: post.date.year, month: post.date.month, day: post.date.day),
                                       "datetime": post.date.description]
            if !post.isCurrent(on: today) {
                item["archived"] = uiText("This post is archived: what it says may no longer be current.")
            }
            context["post"] = item
        }
        if let event = document.event {
            context["event"] = eventContext(event, localized: localized, segments: segments)
        }
        if document.kind == .section, document.path == Dated.newsSection, let newsSection {
            context["members"] = newsListing(page: 1, on: document.path)
            context["hasMembers"] = !currentPosts(newsSection).isEmpty
            context["pagination"] = pagination(1, on: document.path)
            context["feed"] = ["url": AtomFeedRenderer.file.dropFirst(Dated.newsSection.count + 1).description,
                               "text": strings.text("News feed (Atom)"), "attributes": languageAttributes("News feed (Atom)")]
        }
        if document.kind == .section, document.path == Dated.eventsSection, let eventsSection {
            let upcoming = upcomingEvents(eventsSection)
            context["members"] = upcoming.map { datedListing($0, on: document.path) }
            context["hasMembers"] = !upcoming.isEmpty
            if upcoming.isEmpty { context["noEvents"] = uiText("No events are planned at the moment.") }
        }
        if document.kind == .section, let section = [newsSection, eventsSection].compactMap({ $0 }).first(where: { $0.index.document.path == document.path }) {
            let gone = archived(section)
            if !gone.isEmpty {
                context["archive"] = ["heading": uiText(document.path == Dated.newsSection ? "Archived posts" : "Past events"),
                                      "items": gone.map { datedListing($0, on: document.path) }]
            }
        }
        if document.kind == .home, let eventsSection {
            let upcoming = upcomingEvents(eventsSection)
            let next = upcoming.enumerated().filter { $0.offset < Self.eventsOnHome || $0.element.document.event!.pinned }.map(\.element)
            if !next.isEmpty {
                context["nextEvents"] = ["heading": uiText("Upcoming events"), "items": next.map { datedListing($0, on: document.path) },
                                         "url": style.url(from: document.path, to: Dated.eventsSection) ?? ""]
            }
        }
    }

    /// A translated interface string with its language attributes.
    func uiText(_ key: String) -> [String: Any] {
        ["text": strings.text(key), "attributes": languageAttributes(key)]
    }

    /// When (ICU's date and time in the reader's language, and how far it is from the build's day), where, for whom.
    func eventContext(_ event: Event, localized: LocalizedDocument, segments: SegmentRenderer) -> [String: Any] {
        let formatters = (segments.within ?? language).formatters
        var item: [String: Any] = ["when": when(event, formatters), "datetime": event.start.description]
        let days = today.days(to: event.start.day)
        if event.isPast(on: today) {
            item["past"] = uiText("This event is over.")
        } else if days >= 0 {
            item["relative"] = formatters.relative(days: days)
        } else {
            item["relative"] = strings.text("Taking place now")
        }
        var labels: [String: Any] = [:]
        for (name, key) in [("whenLabel", "When"), ("whereLabel", "Where"), ("languagesLabel", "Languages of the event"),
                            ("feeLabel", "Cost"), ("registerLabel", "Registration"), ("calendarLabel", "Add to your calendar"),
                            ("onlineLabel", "Online")] {
            labels[name] = uiText(key)
        }
        item["labels"] = labels
        if let place = event.place, let office = site.site.offices[place.target],
           let officesPage = site.site.officesDocument.flatMap({ site.document(path: $0.path) }) {
            let officeRenderer = renderer(officesPage, on: segments.pagePath, within: segments.within)
            var where_: [String: Any] = ["name": officeRenderer.context(office.name.text, withoutLinks: true),
                                         "street": office.address.street, "postcode": office.address.postcode,
                                         "city": office.address.city, "sourceLang": site.site.config.sourceLanguage]
            where_["url"] = (style.url(from: segments.pagePath, to: officesPage.document.path) ?? "") + "#" + office.id
            item["place"] = where_
        } else if let address = event.address {
            item["address"] = ["text": address, "lang": site.site.config.sourceLanguage]
        }
        item["online"] = event.online
        item["registration"] = event.registration
        switch event.fee {
        case .free: item["fee"] = strings.text("Free of charge")
        case .amount(let amount, let currency): item["fee"] = formatters.currency(amount, code: currency)
        case nil: break
        }
        if !event.languages.isEmpty {
            item["eventLanguages"] = event.languages.map { formatters.displayName(of: $0.target) }.joined(separator: ", ")
        }
        // Keys absent from a Mustache section are looked up in the page around it: false stops that.
        for key in ["past", "relative", "place", "address", "registration", "fee", "eventLanguages"] where item[key] == nil {
            item[key] = false
        }
        item["audience"] = event.audience.map { segments.context($0.text) } ?? false
        item["calendar"] = CalendarRenderer.file
        return item
    }

    /// "wtorek, 14 kwietnia 2026, 10:00–13:30": the dates and times of the reader's language, as ICU writes a span.
    func when(_ event: Event, _ formatters: Formatters) -> String {
        func fields(_ t: LocalDateTime) -> [Int] { [t.day.year, t.day.month, t.day.day, t.hour ?? 0, t.minute] }
        let end = event.end ?? event.start
        return formatters.interval(from: fields(event.start), to: fields(end), withTime: !event.start.isAllDay)
    }

    /// A link to a post or an event with its date, in the lists of the home page and their sections (whole builds
    /// only: the A-Z index, which a rebuild of some documents may make, lists them without).
    func datedListing(_ localized: LocalizedDocument, on page: String) -> [String: Any] {
        var item = listing(localized, on: page)
        item["when"] = listingDate(localized)
        return item
    }

    /// A post's date or an event's day in a list.
    func listingDate(_ localized: LocalizedDocument) -> String? {
        if let post = localized.document.post {
            return language.formatters.date(year: post.date.year, month: post.date.month, day: post.date.day)
        }
        if let event = localized.document.event {
            let when = when(event, language.formatters)
            let days = today.days(to: event.start.day)
            return event.isPast(on: today) || days < 0 ? when : when + " (" + language.formatters.relative(days: days) + ")"
        }
        return nil
    }
}
