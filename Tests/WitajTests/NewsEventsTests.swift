import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajSite

/// News posts and events (issue 24): their front matter, pages, feeds and calendars, built at given days.
@Suite struct NewsEventsTests {
    /// 2026-04-11, 12:00 UTC (a Saturday): the build's day in most tests.
    static let april11 = 1_775_908_800
    /// 2026-06-01, 12:00 UTC: after every event below.
    static let june1 = 1_780_315_200

    static let siteYAML = """
        baseURL: https://example.org/pack/
        sourceLanguage: pl
        languages:
          - code: pl
          - code: en
          - code: uk
        """

    /// A site with three posts (one expired by April 11) and three events (one past on April 11, one in 3 days,
    /// one whole-day in May), en translated for some.
    static func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", siteYAML)
        try site.write("content/news/index.md", "---\ntitle: Aktualności\norder: 2\nreviewed: 2026-11-01\n---\n\nWiadomości punktu informacyjnego.\n")
        try site.write("content/events/index.md", "---\ntitle: Wydarzenia\norder: 3\nreviewed: 2026-11-01\n---\n\nSpotkania i warsztaty.\n")
        try site.write("content/news/konsultacje.md", """
            ---
            title: Bezpłatne konsultacje prawne
            summary: Porady prawne w punkcie informacyjnym.
            date: 2026-04-01
            reviewed: 2026-11-01
            ---

            Treść wiadomości o konsultacjach.
            """)
        try site.write("content/news/kurs.md", """
            ---
            title: Kurs języka polskiego
            summary: Zapisy na kurs.
            date: 2026-04-08
            reviewed: 2026-11-01
            ---

            Treść wiadomości o kursie.
            """)
        try site.write("content/news/stara.md", """
            ---
            title: Stara wiadomość
            summary: Nieaktualne już.
            date: 2026-01-10
            expires: 2026-02-28
            reviewed: 2026-11-01
            ---

            Treść starej wiadomości.
            """)
        try site.write("content/events/warsztaty.md", """
            ---
            title: Warsztaty "Pierwsze kroki", część 1; spotkanie
            summary: Jak załatwić sprawy urzędowe, krok po kroku.
            start: 2026-04-14T10:00
            end: 2026-04-14T13:30
            place: urzad
            registration: https://example.org/zapisy
            fee: free
            languages: [pl, uk]
            audience: Dorośli cudzoziemcy mieszkający w Krakowie
            reviewed: 2026-04-01
            ---

            Co zabrać: dokument tożsamości.
            """)
        try site.write("content/events/spotkanie.md", """
            ---
            title: Poranek partnerów
            summary: Spotkanie o migracji i bezpieczeństwie.
            start: 2026-04-02T09:00
            end: 2026-04-02T11:00
            address: ul. Zabłocie 20, Kraków
            fee: {amount: 20, currency: PLN}
            reviewed: 2026-11-01
            ---

            Prezentacja raportu.
            """)
        try site.write("content/events/dzien.md", """
            ---
            title: Dzień otwarty
            summary: Cały dzień w centrum.
            start: 2026-05-20
            online: true
            reviewed: 2026-11-01
            ---

            Program dnia.
            """)
        return site
    }

    static func build(_ site: FixtureSite, at epoch: Int) -> Build.Result {
        Build.run(root: site.root, output: site.output, sourceDateEpoch: epoch)
    }

    @Test func everyWrongValueIsReportedAtItsLineAndColumn() throws {
        let site = try Self.site()
        try site.write("content/events/zle.md", """
            ---
            title: Złe wydarzenie
            start: 2026-02-30T10:00
            end: 2026-04-14T25:00
            place: nieznane
            languages: [pl, xx]
            registration: not a url
            fee: {amount: dużo, currency: PLN}
            colour: red
            reviewed: 2026-11-01
            ---

            Tekst.
            """)
        try site.write("content/events/wstecz.md", "---\ntitle: Wstecz\nstart: 2026-04-14T10:00\nend: 2026-04-14T09:00\nplace: urzad\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        try site.write("content/news/bez-daty.md", "---\ntitle: Bez daty\nexpires: 2026-13-01\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        let result = site.check()
        let messages = site.messages(result)
        #expect(!result.succeeded)
        let expected = [
            "content/events/zle.md:3:8: error: 'start'", "content/events/zle.md:4:6: error: 'end'",
            "content/events/zle.md:7:15: error: 'registration'", "content/events/zle.md:8:15: error: the fee's 'amount'",
            "content/events/zle.md:9:1: warning: unknown front matter field 'colour'",
            "content/events/wstecz.md:4:6: error: the event ends", "content/news/bez-daty.md:1:1: error: a news post needs",
            "content/news/bez-daty.md:3:10: error: 'expires'",
        ]
        for start in expected {
            #expect(messages.contains { $0.hasPrefix(start) }, "\(start) in \(messages)")
        }
        // What only the whole site knows: the offices and the languages ICU knows.
        try site.write("content/events/zle.md", "---\ntitle: Złe\nstart: 2026-04-14T10:00\nplace: nieznane\nlanguages: [pl, xx]\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        try site.remove("content/events/wstecz.md")
        try site.remove("content/news/bez-daty.md")
        let second = site.messages(site.check())
        #expect(second.contains { $0.hasPrefix("content/events/zle.md:4:8: error: unknown office 'nieznane'") }, "\(second)")
        #expect(second.contains { $0.hasPrefix("content/events/zle.md:5:17: error: 'xx' is not a language code") }, "\(second)")
    }

    @Test func theListsShowWhatIsCurrentOnTheBuildsDay() throws {
        let site = try Self.site()
        _ = Update.run(root: site.root)
        try site.translate("locales/uk/events/warsztaty.po") { "UK " + $0 }
        #expect(Self.build(site, at: Self.april11).succeeded)
        let news = try site.read("pl/news/index.html")
        // Newest first; the expired post is left out of the list but its page stays, marked.
        let kurs = try #require(news.range(of: "Kurs języka polskiego")), konsultacje = try #require(news.range(of: "Bezpłatne konsultacje"))
        #expect(kurs.lowerBound < konsultacje.lowerBound)
        // The lists, and apart, under their own heading, what left them (`archive`).
        func split(_ page: String) -> (list: String, archive: String) {
            let parts = page.components(separatedBy: "id=\"archive\"")
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
        #expect(!split(news).list.contains("Stara wiadomość") && split(news).archive.contains("Stara wiadomość"))
        #expect(news.contains("8 kwietnia 2026"), "ICU's Polish date of the post")
        #expect(try site.read("pl/news/stara/index.html").contains("To archiwalna wiadomość"))
        // Upcoming events soonest first; the past one leaves the list, its page says it is over.
        let events = try site.read("pl/events/index.html")
        #expect(split(events).list.contains("Pierwsze kroki") && split(events).list.contains("Dzień otwarty")
                && !split(events).list.contains("Poranek partnerów") && split(events).archive.contains("Poranek partnerów"))
        #expect(events.contains("za 3 dni"), "ICU's relative date in Polish")
        #expect(try site.read("en/events/index.html").contains("in 3 days"))
        #expect(try site.read("pl/events/spotkanie/index.html").contains("To wydarzenie już się odbyło."))
        let event = try site.read("uk/events/warsztaty/index.html")
        #expect(event.contains("вівторок, 14 квітня 2026"), "ICU's full Ukrainian date")
        #expect(event.contains("через 3 дні"), "ICU's relative date in Ukrainian")
        #expect(event.contains("10:00–13:30"))
        #expect(event.contains("українська") && event.contains("польська"), "the event's languages named in Ukrainian")
        #expect(event.contains("href=\"event.ics\""))
        // The home page shows the next events.
        let home = try site.read("pl/index.html")
        #expect(home.contains("Najbliższe wydarzenia") && home.contains("Pierwsze kroki") && !home.contains("Poranek partnerów"))

        // Built on another day, the same sources show other lists.
        #expect(Self.build(site, at: Self.june1).succeeded)
        let later = try site.read("pl/events/index.html")
        #expect(!split(later).list.contains("Pierwsze kroki") && later.contains("Obecnie nie planujemy wydarzeń."))
        #expect(split(later).archive.contains("Pierwsze kroki"), "a past event is listed under the past events")
        #expect(!(try site.read("pl/index.html")).contains("Najbliższe wydarzenia"))
    }

    @Test func theNewsListIsInPagesOfTen() throws {
        let site = try Self.site()
        for i in 1...12 {
            try site.write("content/news/post-\(i).md", "---\ntitle: Wiadomość numer \(i)\ndate: 2026-03-\(i < 10 ? "0" : "")\(i)\nreviewed: 2026-11-01\n---\n\nTekst \(i).\n")
        }
        #expect(Self.build(site, at: Self.april11).succeeded)
        let first = try site.read("pl/news/index.html"), second = try site.read("pl/news/page/2/index.html")
        #expect(first.contains("Kurs języka polskiego") && !first.contains("Wiadomość numer 3<"))
        #expect(second.contains("Wiadomość numer 1<") && second.contains("Wiadomość numer 3<"))
        #expect(first.contains("Strona 1 z 2") && second.contains("rel=\"prev\""))
    }

    @Test func eachEventIsACalendarFileThatICalendarReads() throws {
        let site = try Self.site()
        #expect(Self.build(site, at: Self.april11).succeeded)
        let file = site.output.appendingPathComponent("uk/events/warsztaty/event.ics")
        let bytes = try Data(contentsOf: file)
        // Every line ends in CRLF and has at most 75 octets; a folded line is valid UTF-8 on its own.
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.last == 0x0D && $0.count - 1 <= 75 })
        #expect(lines.allSatisfy { String(data: Data($0), encoding: .utf8) != nil })
        let script = """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            ev = [c for c in cal.walk('VEVENT')][0]
            tz = [c for c in cal.walk('VTIMEZONE')][0]
            start = ev.decoded('DTSTART'); end = ev.decoded('DTEND')
            print(tz['TZID'])
            print(ev['DTSTART'].params['TZID'], start.strftime('%Y-%m-%d %H:%M'), end.strftime('%H:%M'), start.utcoffset())
            print(ev['UID'])
            print(str(ev['SUMMARY']))
            print(str(ev['LOCATION']))
            """
        let parsed = try ExternalTool.run("/usr/bin/python3", ["-c", script, file.path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let out = parsed.stdout.split(separator: "\n").map(String.init)
        #expect(out.first == "Europe/Warsaw")
        #expect(out.dropFirst().first == "Europe/Warsaw 2026-04-14 10:00 13:30 2:00:00", "\(out)")
        #expect(out.dropFirst(2).first == "events-warsztaty@example.org")
        // Commas, semicolons and quotes come back as written (escaped in the file).
        #expect(out.dropFirst(3).first == "Warsztaty \"Pierwsze kroki\", część 1; spotkanie")
        #expect(out.dropFirst(4).first?.hasPrefix("Urząd") ?? false, "\(out)")
        // The same UID in another language and another build.
        let english = try ExternalTool.run("/usr/bin/python3", ["-c", script, site.output.appendingPathComponent("en/events/warsztaty/event.ics").path])
        #expect(english.stdout.split(separator: "\n").dropFirst(2).first == "events-warsztaty@example.org")
        // A whole-day event is a DATE.
        let day = try ExternalTool.run("/usr/bin/python3", ["-c", """
            import sys, icalendar
            ev = [c for c in icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read()).walk('VEVENT')][0]
            print(ev.decoded('DTSTART'), ev.decoded('DTEND'))
            """, site.output.appendingPathComponent("pl/events/dzien/event.ics").path])
        #expect(day.stdout == "2026-05-20 2026-05-21\n", "\(day.stdout)\(day.stderr)")
    }

    @Test func foldingNeverSplitsACharacter() {
        let line = "SUMMARY:" + String(repeating: "żółć ", count: 40)
        let folded = CalendarRenderer.fold(line)
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(pieces.first! + pieces.dropFirst().map { String($0.dropFirst()) }.joined() == line)
        #expect(CalendarRenderer.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func eachLanguageHasAnAtomFeedOfItsTranslatedPosts() throws {
        let site = try Self.site()
        _ = Update.run(root: site.root)
        try site.translate("locales/en/news/kurs.po") { "EN " + $0 }
        #expect(Self.build(site, at: Self.april11).succeeded)
        let script = """
            import sys, feedparser
            d = feedparser.parse(sys.argv[1])
            # What RFC 4287 requires of a feed (4.1.1) and of each entry (4.1.2).
            required = all(d.feed.get(k) for k in ('id', 'title', 'updated', 'author')) and \
                all(e.get('id') and e.get('title') and e.get('updated') and e.get('link') for e in d.entries)
            print(int(d.bozo), d.version, d.feed.get('language'), required)
            for e in d.entries: print(e.title, '|', e.published[:10], '|', e.link)
            """
        for (code, titles) in [("pl", ["Kurs języka polskiego", "Bezpłatne konsultacje prawne"]), ("en", ["EN Kurs języka polskiego"]), ("uk", [])] {
            let path = site.output.appendingPathComponent("\(code)/news/atom.xml").path
            let lint = try ExternalTool.run("xmllint", ["--noout", path])
            #expect(lint.status == 0, "\(lint.stderr)")
            let parsed = try ExternalTool.run("/usr/bin/python3", ["-c", script, path])
            let out = parsed.stdout.split(separator: "\n").map(String.init)
            #expect(out.first == "0 atom10 \(code) True", "\(code): \(out) \(parsed.stderr)")
            #expect(out.dropFirst().map { $0.components(separatedBy: " | ")[0] } == titles, "\(code): \(out)")
        }
        #expect(try site.read("en/news/atom.xml").contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/pack/en/news/kurs/\"/>"))
    }

    @Test func checkWarnsAboutStaleAndPlacelessEvents() throws {
        let site = try Self.site()
        try site.write("content/events/spotkanie.md", "---\ntitle: Poranek\nstart: 2026-04-02T09:00\npinned: true\naddress: ul. Zabłocie 20\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        try site.write("content/events/gdzie.md", "---\ntitle: Gdzie\nstart: 2026-04-20T09:00\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        try site.write("content/index.md", "---\ntitle: Witaj\nreviewed: 2026-11-01\n---\n\nZobacz [poranek](events/spotkanie.md).\n")
        let messages = site.messages(Build.run(root: site.root, output: nil, sourceDateEpoch: Self.april11))
        #expect(messages.contains { $0.hasPrefix("content/events/spotkanie.md:1:1: warning: the event ended on 2026-04-02 but 'pinned: true'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/index.md:6:1: warning: the home page links to an event that ended") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/events/gdzie.md:1:1: warning: the event has no 'place'") }, "\(messages)")
    }

    @Test func aRebuildAfterEditingAPostOrAnotherDayEqualsACleanBuild() throws {
        let site = try Self.site()
        try site.age()
        #expect(Build.run(root: site.root, output: site.output, sourceDateEpoch: FixtureSite.sourceDateEpoch).succeeded)
        let edits: [(String, () throws -> Void)] = [
            ("a post", { try site.write("content/news/kurs.md", "---\ntitle: Kurs polskiego\ndate: 2026-04-09\nreviewed: 2026-11-01\n---\n\nNowy tekst.\n") }),
            ("a page that lists no news", { try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-11-01\n---\n\nInna zupa.\n") }),
            ("the home page", { try site.write("content/index.md", "---\ntitle: Witaj w mieście\nreviewed: 2026-11-01\n---\n\nWitamy!\n") }),
        ]
        for (what, edit) in edits {
            try edit()
            try site.age()
            #expect(Build.run(root: site.root, output: site.output, sourceDateEpoch: FixtureSite.sourceDateEpoch).succeeded, "\(what)")
            let incremental = site.snapshot(), clean = site.cleanBuild()
            let differing = Set(clean.files.keys).symmetricDifference(incremental.keys).sorted()
                + clean.files.keys.filter { incremental[$0] != nil && incremental[$0] != clean.files[$0] }.sorted()
            #expect(differing.isEmpty, "\(what): \(differing.prefix(5)) differ from a clean build")
        }
    }

    @Test func postsAndEventsAreKindsOfTheirOwnInTheCoverageReport() throws {
        let site = try Self.site()
        func report() throws -> [String: Any] {
            #expect(Self.build(site, at: Self.april11).succeeded)
            let data = try Data(contentsOf: site.output.appendingPathComponent("coverage/coverage.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let json = try report()
        let documents = try #require(json["documents"] as? [[String: Any]])
        let kinds = documents.map { $0["kind"] as? String ?? "" }
        // Translators see the news first, then the events.
        #expect(Array(kinds.prefix(6)) == ["news", "news", "news", "event", "event", "event"], "\(kinds)")
        let articles = { (json: [String: Any]) in ((json["indicator"] as? [String: Any])?["articles"] as? [String: Any])?["documents"] as? Int }
        let before = try #require(articles(json))
        #expect(try site.read("coverage/index.html").contains("aktualność"))
        try site.write("site.yml", Self.siteYAML + "\ncoverage:\n  countNewsAndEvents: true\n")
        #expect(try articles(report()) == before + 6)
    }
}
