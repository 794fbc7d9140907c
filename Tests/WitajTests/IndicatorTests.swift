import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajGettext
import WitajSite

/// A fixture site in a git repository of its own, committed on the days a test says (author and committer).
final class GitSite {
    let site: FixtureSite
    var root: URL { site.root }

    init() throws {
        site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        // As a real site's repository: witaj's own folders are not content.
        try site.write(".gitignore", ".witaj/\nsite-out/\n")
        try git("init", "-q")
        try git("config", "user.name", "Witaj Test")
        try git("config", "user.email", "test@example.org")
        try git("config", "commit.gpgsign", "false")
    }

    @discardableResult
    func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
        let result = try ExternalTool.run("git", ["-C", root.path] + arguments, environment: environment)
        guard result.status == 0 else {
            throw FixtureSite.FixtureError(description: "git \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Commits everything as of `date` ("2024-03-10T12:00:00+01:00"); returns the commit's hash.
    @discardableResult
    func commit(_ message: String, at date: String) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message, environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
        return try git("rev-parse", "HEAD")
    }
}

/// The indicator as the city reports it: per language and group, dated by its commit, at a date and per period from
/// the site's history, with targets; checked number by number on a repository made here.
@Suite struct IndicatorTests {
    /// Five commits over two years (none in 2025): the site with nothing translated; en translates an article and the
    /// procedure; the article's source changes, ar translates another, a new article comes; an article goes; a
    /// commit that changes no content, at 00:30 on 1 March (still 28 February in UTC).
    struct Repository {
        let repo: GitSite
        let a, b, d, e, f: String
    }

    static func repository() throws -> Repository {
        let repo = try GitSite()
        _ = Update.run(root: repo.root)
        let a = try repo.commit("the site, nothing translated", at: "2024-03-10T12:00:00+01:00")
        try repo.site.translate("locales/en/guide/lekarz.po") { "EN " + $0 }
        try repo.site.translate("locales/en/guide/registration.po") { "EN " + $0 }
        let b = try repo.commit("en: lekarz, registration", at: "2024-11-05T09:30:00+01:00")
        try repo.site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu.\n")
        try repo.site.translate("locales/ar/guide/zupa.po") { "AR " + $0 }
        try repo.site.write("content/guide/nowy.md", "---\ntitle: Nowy\nreviewed: 2026-11-01\n---\n\nNowy tekst.\n")
        let d = try repo.commit("lekarz changed; ar: zupa; a new article", at: "2026-02-14T18:00:00+01:00")
        try repo.site.remove("content/guide/smieci.md")
        let e = try repo.commit("smieci removed", at: "2026-02-20T10:00:00+01:00")
        try repo.site.write("NOTES.md", "Not content.\n")
        let f = try repo.commit("notes", at: "2026-03-01T00:30:00+01:00")
        return Repository(repo: repo, a: a, b: b, d: d, e: e, f: f)
    }

    /// The numbers of one state, as the test counts them: documents per group; then per language of procedures and
    /// articles: complete, outdated, partial, missing; then complete in at least one foreign language.
    struct Expected: Equatable, CustomStringConvertible {
        var documents: [Int]
        var procedures: [String: [Int]]
        var articles: [String: [Int]]
        var any: [Int]
        var description: String { "documents \(documents), procedures \(procedures), articles \(articles), any \(any)" }

        init(_ indicator: Coverage.Indicator) {
            func tallies(_ group: Coverage.Indicator.Group) -> [String: [Int]] {
                group.languages.mapValues { [$0.complete, $0.outdated, $0.partial, $0.missing] }
            }
            documents = [indicator.procedures.documents, indicator.articles.documents, indicator.navigation.documents]
            procedures = tallies(indicator.procedures)
            articles = tallies(indicator.articles)
            any = [indicator.procedures.completeInAtLeastOneLanguage, indicator.articles.completeInAtLeastOneLanguage]
        }

        init(documents: [Int], procedures: [String: [Int]], articles: [String: [Int]], any: [Int]) {
            self.documents = documents
            self.procedures = procedures
            self.articles = articles
            self.any = any
        }
    }

    // Our own count of each state (the fixture: 1 procedure, 8 articles and the register of offices, the home page
    // and a section).
    static let atA = Expected(documents: [1, 9, 2], procedures: ["en": [0, 0, 0, 1], "ar": [0, 0, 0, 1]],
                              articles: ["en": [0, 0, 0, 9], "ar": [0, 0, 0, 9]], any: [0, 0])
    static let atB = Expected(documents: [1, 9, 2], procedures: ["en": [1, 0, 0, 0], "ar": [0, 0, 0, 1]],
                              articles: ["en": [1, 0, 0, 8], "ar": [0, 0, 0, 9]], any: [1, 1])
    static let atD = Expected(documents: [1, 10, 2], procedures: ["en": [1, 0, 0, 0], "ar": [0, 0, 0, 1]],
                              articles: ["en": [0, 1, 0, 9], "ar": [1, 0, 0, 9]], any: [1, 1])
    static let atE = Expected(documents: [1, 9, 2], procedures: ["en": [1, 0, 0, 0], "ar": [0, 0, 0, 1]],
                              articles: ["en": [0, 1, 0, 8], "ar": [1, 0, 0, 8]], any: [1, 1])

    @Test func asOfEveryDateCountsTheCommitOfThatDay() throws {
        let r = try Self.repository()
        let cases: [(String, String, Expected)] = [
            ("2024-03-10", r.a, Self.atA),
            ("2024-06-30", r.a, Self.atA),  // between two commits
            ("2024-11-04", r.a, Self.atA),
            ("2024-11-05", r.b, Self.atB),  // the day of a commit: at its end
            ("2025-06-30", r.b, Self.atB),  // a year with no commits
            ("2025-12-31", r.b, Self.atB),
            ("2026-02-14", r.d, Self.atD),
            ("2026-02-28", r.e, Self.atE),  // the next commit is of 1 March in its own time, 28 February in UTC
            ("2026-03-01", r.f, Self.atE),  // a commit with no content change counts as the one before
            ("2030-01-01", r.f, Self.atE),
        ]
        for (day, commit, expected) in cases {
            let (coverage, diagnostics) = try CoverageReport.run(root: r.repo.root, asOf: day)
            #expect(!diagnostics.hasErrors, "\(day): \(diagnostics.items)")
            let report = try #require(coverage, "\(day)")
            #expect(report.revision?.commit == commit, "\(day)")
            #expect(report.revision?.asOf == day && report.revision?.uncommitted == false)
            #expect(Expected(report.indicator) == expected, "\(day)")
        }
        let b = try #require(try CoverageReport.run(root: r.repo.root, asOf: "2025-12-31").0)
        #expect(b.revision?.date == "2024-11-05T09:30:00+01:00")
        #expect(b.table.hasPrefix("Content: as of 2025-12-31: commit \(r.b.prefix(10)) of 2024-11-05\n"))
        #expect(b.csv.contains(",\(r.b),2024-11-05,no\r\n"))
        #expect(b.json.contains("\"asOf\" : \"2025-12-31\""))
        // Before the first commit.
        #expect(throws: CoverageReport.Problem.self) { try CoverageReport.run(root: r.repo.root, asOf: "2024-03-09") }
        do {
            _ = try CoverageReport.run(root: r.repo.root, asOf: "2024-03-09")
        } catch {
            #expect(error.description == "the site's branch has no commit dated 2024-03-09 or earlier (its first is of 2024-03-10)")
        }
        #expect(throws: CoverageReport.Problem.self) { try CoverageReport.run(root: r.repo.root, asOf: "31.12.2025") }
    }

    @Test func historyByYearQuarterAndMonth() throws {
        let r = try Self.repository()
        let years = try CoverageReport.history(root: r.repo.root, by: .year)
        #expect(years.points.map(\.period) == ["2024", "2025", "2026"])
        #expect(years.points.map(\.end) == ["2024-12-31", "2025-12-31", "2026-03-01"])
        #expect(years.points.map(\.commit) == [r.b, r.b, r.f])
        #expect(years.points.map { $0.indicator.map(Expected.init) } == [Self.atB, Self.atB, Self.atE])
        #expect(years.languages == ["en", "ar"])
        let quarters = try CoverageReport.history(root: r.repo.root, by: .quarter)
        #expect(quarters.points.map(\.period) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3",
                                                  "2025-Q4", "2026-Q1"])
        #expect(quarters.points.map(\.commit) == [r.a, r.a, r.a, r.b, r.b, r.b, r.b, r.b, r.f])
        #expect(quarters.points.map { $0.indicator.map(Expected.init) } == [Self.atA, Self.atA, Self.atA] + Array(repeating: Self.atB, count: 5) + [Self.atE])
        let months = try CoverageReport.history(root: r.repo.root, by: .month, since: "2026-01-15", until: "2026-02-28")
        #expect(months.points.map(\.period) == ["2026-01", "2026-02"])
        #expect(months.points.map(\.end) == ["2026-01-31", "2026-02-28"])
        #expect(months.points.map(\.commit) == [r.b, r.e])
        #expect(months.points.map { $0.indicator.map(Expected.init) } == [Self.atB, Self.atE])
        // Before the first commit there is nothing to count.
        let early = try CoverageReport.history(root: r.repo.root, by: .year, since: "2023-05-01")
        #expect(early.points.map(\.period) == ["2023", "2024", "2025", "2026"])
        #expect(early.points[0].commit == nil && early.points[0].indicator == nil)
        // Counted state after state (what did not change is not read again), each is what --as-of counts anew.
        for point in quarters.points + months.points {
            #expect(try CoverageReport.run(root: r.repo.root, asOf: point.end).0?.indicator == point.indicator, "\(point.period)")
        }
        // Words: procedures and articles of en in 2024, done of all.
        let en2024 = try #require(years.points[0].indicator?.articles.languages["en"]?.words)
        #expect(en2024.translated > 0 && en2024.translated < en2024.total && en2024.fuzzy == 0)
    }

    @Test func historyViewsCarryEveryPeriodAndLanguage() throws {
        let r = try Self.repository()
        let years = try CoverageReport.history(root: r.repo.root, by: .year)
        let table = years.table
        #expect(table.contains("\n2025    2025-12-31  \(r.b.prefix(10))  any          1/1                                    1/9\n"), "\(table)")
        #expect(table.contains("\n                                en           1/1         0        0        0        0/9         1        0        8  35.7%\n"))
        #expect(table.contains("Definition: " + UIStrings.definition(source: "pl")))
        let csv = years.csv
        #expect(csv.hasPrefix("\u{FEFF}period,end,commit,commit_date,language,group,documents,complete,outdated,partial,missing,"))
        #expect(csv.contains("\r\n2025,2025-12-31,\(r.b),2024-11-05T09:30:00+01:00,any,procedures,1,1,,,,,,\r\n"))
        #expect(csv.contains("\r\n2026,2026-03-01,\(r.f),2026-03-01T00:30:00+01:00,ar,articles,9,1,0,0,8,"))
        #expect(csv.split(separator: "\r\n").count == 1 + 3 * (3 + 2 * 3), "a header; per year 3 groups for 'any' and for each language")
        let json = try JSONSerialization.jsonObject(with: Data(years.json.utf8)) as? [String: Any]
        let points = try #require(json?["points"] as? [[String: Any]])
        #expect(points.count == 3 && points[1]["commit"] as? String == r.b)
        let decoded = try JSONDecoder().decode(CoverageHistory.self, from: Data(years.json.utf8))
        #expect(decoded == years)
    }

    /// Each state of the content is counted once, then read from `.witaj/coverage/`.
    @Test func historyIsCountedOncePerStateOfTheContent() throws {
        let r = try Self.repository()
        let first = try CoverageReport.history(root: r.repo.root, by: .quarter)
        let cache = r.repo.root.appendingPathComponent(".witaj/coverage")
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
        #expect(files.count == 3, "the states of a, b and e (f has e's content): \(files)")
        #expect(try CoverageReport.history(root: r.repo.root, by: .quarter) == first)
        // What is kept is what is used: a kept count changed by hand shows.
        for file in files {
            let kept = cache.appendingPathComponent(file)
            let data = try Data(contentsOf: kept)
            let newline = try #require(data.firstIndex(of: 0x0A))
            var indicator = try JSONDecoder().decode(Coverage.Indicator.self, from: data[(newline + 1)...])
            indicator.procedures.documents = 7
            try (data[...newline] + JSONEncoder().encode(indicator)).write(to: kept)
        }
        let edited = try CoverageReport.history(root: r.repo.root, by: .quarter)
        #expect(edited != first)
        #expect(edited.points.contains { $0.indicator?.procedures.documents == 7 })
    }

    @Test func aSiteOutsideGitIsToldSo() throws {
        let site = try FixtureSite()
        for run in [{ _ = try CoverageReport.history(root: site.root, by: .year) },
                    { _ = try CoverageReport.run(root: site.root, asOf: "2025-12-31") }] as [() throws -> Void] {
            do {
                try run()
                Issue.record("no problem reported")
            } catch let problem as CoverageReport.Problem {
                #expect(problem.description.contains("but the site is not in a git repository (git says: fatal: not a git repository"),
                        "\(problem)")
                #expect(problem.description.hasSuffix("make the site a git repository (git init, git add, git commit) to date its reports"))
            }
        }
        let (coverage, _) = CoverageReport.run(root: site.root)
        #expect(coverage?.revision == nil)
        #expect(coverage?.table.hasPrefix("Content: the site's folder as it is (not in a git repository: no commit, no date)\n") == true)
        // A repository with no commit yet.
        let empty = try GitSite()
        #expect(throws: CoverageReport.Problem.self) { try CoverageReport.history(root: empty.root, by: .year) }
    }

    /// A site in a folder of a larger repository: its history and its changes are those of its folder.
    @Test func aSiteInAFolderOfALargerRepository() throws {
        let repo = try GitSite()
        let inner = repo.root.appendingPathComponent("sites/krakow")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        for name in ["site.yml", "content"] {
            try FileManager.default.moveItem(at: repo.root.appendingPathComponent(name), to: inner.appendingPathComponent(name))
        }
        _ = Update.run(root: inner)
        try repo.commit("the site, in a folder", at: "2025-05-05T10:00:00+02:00")
        try repo.site.translate("sites/krakow/locales/en/guide/lekarz.po") { "EN " + $0 }
        let b = try repo.commit("en: lekarz", at: "2025-06-06T10:00:00+02:00")
        let history = try CoverageReport.history(root: inner, by: .month)
        #expect(history.points.map(\.period) == ["2025-05", "2025-06"])
        #expect(history.points.map { $0.indicator?.articles.languages["en"]?.complete } == [0, 1])
        try repo.site.write("elsewhere.txt", "Not the site's.\n")
        let now = try #require(CoverageReport.run(root: inner).0)
        #expect(now.revision?.commit == b && now.revision?.uncommitted == false, "a change outside the site is not its own")
        try repo.site.write("sites/krakow/content/guide/nowy.md", "---\ntitle: Nowy\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        #expect(CoverageReport.run(root: inner).0?.revision?.uncommitted == true, "an untracked document is a change")
        #expect(try CoverageReport.run(root: inner, asOf: "2025-05-31").0?.indicator.articles.documents == 9)
    }

    /// The report a build writes is dated by the commit, draws the history, and says when the work tree differs.
    @Test func theBuildsReportIsDatedAndDrawsTheHistory() throws {
        let r = try Self.repository()
        let site = r.repo.site
        try site.age()
        func build() -> Build.Result { Build.run(root: site.root, output: site.output, sourceDateEpoch: FixtureSite.sourceDateEpoch) }
        #expect(build().succeeded)
        var html = try site.read("coverage/index.html")
        #expect(html.contains("<p class=\"revision\">Stan treści na 1 marca 2026: commit \(r.f.prefix(10)).</p>"))
        #expect(!html.contains("Kopia robocza"))
        #expect(html.contains("<svg class=\"trend\" role=\"img\" aria-labelledby=\"trend-title trend-desc\""))
        #expect(html.contains("<desc id=\"trend-desc\">Od 2024 Q1 do 2026 Q1: procedury od 0 do 1 (z 1), dokumenty od 0 do 1 (z 9).</desc>"))
        #expect(html.contains("<tr><th scope=\"row\">2025 Q4</th><td class=\"right\">1 / 1</td><td class=\"right\">1 / 9</td></tr>"))
        #expect(html.contains("<th scope=\"rowgroup\" rowspan=\"4\">2025<br><small><span>Stan na</span> 31 grudnia 2025<br><code>\(r.b.prefix(10))</code></small></th><th scope=\"row\">Razem</th><td class=\"right\">1</td><td class=\"right\">9</td></tr>"))
        #expect(!html.contains("<script"))
        #expect(try site.read("coverage/history.csv").split(separator: "\r\n").count == 1 + 9 * (3 + 2 * 3))
        #expect(try site.read("coverage/coverage.json").contains("\"commit\" : \"\(r.f)\""))

        // A translation not committed yet: counted in the report, said so; the history stays the branch's.
        try site.translate("locales/ar/guide/lekarz.po") { "AR " + $0 }
        try site.age()
        let uncommitted = build()
        #expect(uncommitted.succeeded)
        html = try site.read("coverage/index.html")
        #expect(html.contains("<p class=\"notice\">Kopia robocza ma zmiany w site.yml, content/ lub locales/"))
        #expect(html.contains("<tr><th scope=\"row\" lang=\"ar\">العربية (ar)</th><td class=\"right\">0</td><td class=\"right\">1</td>"),
                "the report counts the work tree: lekarz is outdated in ar (its source changed), zupa complete")
        #expect(try site.read("coverage/coverage.json").contains("\"uncommitted\" : true"))

        // Committed, nothing else changed: only the report is made again, and it is what a clean build makes.
        let g = try r.repo.commit("ar: lekarz", at: "2026-03-02T08:00:00+01:00")
        let committed = build()
        #expect(committed.succeeded && committed.remade == [], "no page but the report")
        html = try site.read("coverage/index.html")
        #expect(html.contains("commit \(g.prefix(10)).</p>") && !html.contains("Kopia robocza"))
        let clean = site.cleanBuild()
        #expect(clean.succeeded && clean.files == site.snapshot().filter { !$0.key.hasPrefix(".") })
    }

    @Test func targetsShowProgressInEveryReport() throws {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual + """

            coverage:
              targets:
                - by: 2028-12-31
                  procedures: 100%
                  languages: [en, ar]
                - by: 2026-12-31
                  articles: 50%
            """)
        _ = Update.run(root: site.root)
        try site.translate("locales/en/guide/lekarz.po") { "EN " + $0 }
        try site.translate("locales/en/guide/registration.po") { "EN " + $0 }
        let coverage = try #require(CoverageReport.run(root: site.root).0)
        #expect(coverage.targets == [
            Coverage.Target(by: "2028-12-31", group: "procedures", share: 100, languages: [
                Coverage.Target.Progress(code: "en", complete: 1, documents: 1, share: 100),
                Coverage.Target.Progress(code: "ar", complete: 0, documents: 1, share: 100)]),
            Coverage.Target(by: "2026-12-31", group: "articles", share: 50, languages: [
                Coverage.Target.Progress(code: "en", complete: 1, documents: 9, share: 50),
                Coverage.Target.Progress(code: "ar", complete: 0, documents: 9, share: 50)]),
        ])
        #expect(coverage.targets[1].languages[0].needed == 5 && !coverage.targets[1].languages[0].met)
        #expect(coverage.table.contains("\n  by 2028-12-31, 100% of procedures in en, ar: en 1 of 1 (met), ar 0 of 1 (1 to go)\n"))
        #expect(coverage.table.contains("\n  by 2026-12-31, 50% of articles in en, ar: en 1 of 9 (4 to go), ar 0 of 9 (5 to go)\n"))
        #expect(coverage.json.contains("\"needed\" : 5"))
        #expect(coverage.json == coverage.encodedJSON)
        #expect(site.build().succeeded)
        let html = try site.read("coverage/index.html")
        #expect(html.contains("<h3>Do 31 grudnia 2028: 100% procedur w pełni przetłumaczonych na każdy z tych języków</h3>"))
        #expect(html.contains("<meter min=\"0\" max=\"1\" value=\"1\">1 / 1</meter> 1 / 1 ✓ osiągnięty"))
        #expect(html.contains("<meter min=\"0\" max=\"5\" value=\"1\">1 / 5</meter> 1 / 5 brakuje: 4"))
    }

    @Test func coverageSettingsAreCheckedWhereTheyAreWritten() throws {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual + """

            coverage:
              language: de
              colour: red
              targets:
                - by: 2028-13-01
                  procedures: 120%
                - by: 2028-12-31
                  languages: [pl, xx, en]
                  articles: 100%
                - by: 2028-12-31
            """)
        let messages = site.messages(site.check())
        #expect(messages.contains("site.yml:11:13: error: the coverage report's language must be a language of the site (pl, en, ar)"))
        #expect(messages.contains("site.yml:12:3: warning: unknown coverage field 'colour' (known: language, targets, countNewsAndEvents)"))
        #expect(messages.contains("site.yml:14:11: error: 'by' must be a date written YYYY-MM-DD, such as 2028-12-31"))
        #expect(messages.contains("site.yml:15:19: error: 'procedures' must be a share from 0% to 100%, such as 100%"))
        #expect(messages.contains("site.yml:17:19: error: 'pl' is not a target language of the site (en, ar)"))
        #expect(messages.contains("site.yml:17:23: error: 'xx' is not a target language of the site (en, ar)"))
        #expect(messages.contains("site.yml:19:7: error: a target needs 'procedures' or 'articles' (or both): the share to translate, such as 100%"))
    }

    /// The report in another language of the site: its strings in that language's ui.po, English where untranslated.
    @Test func theReportSpeaksTheLanguageSiteYmlGivesIt() throws {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual + "\ncoverage:\n  language: ar\n")
        _ = Update.run(root: site.root)
        let ui = try site.catalog("locales/ar/ui.po")
        let title = try #require(ui.entries.first { $0.msgid == "Translation coverage" })
        #expect(title.extracted == ["coverage report"])
        #expect(try site.catalog("locales/en/ui.po").entries.allSatisfy { $0.msgid != "Translation coverage" },
                "only the report's language has the report's strings")
        try site.translate("locales/ar/ui.po") { $0 == "Translation coverage" ? "تغطية الترجمة" : nil }
        #expect(site.build().succeeded)
        let html = try site.read("coverage/index.html")
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("<h1>تغطية الترجمة</h1>"))
        #expect(html.contains("<h2 id=\"targets\"") == false)
        #expect(html.contains("<h2 id=\"languages\" lang=\"en\" dir=\"ltr\">Languages</h2>"), "untranslated: in English, marked")
        // The interface coverage of ar counts the report's strings; en's does not.
        let coverage = try #require(CoverageReport.run(root: site.root).0)
        let counts = Dictionary(uniqueKeysWithValues: coverage.languages.map { ($0.code, $0.interface.total) })
        #expect(counts["ar"] == UIStrings.english.count + UIStrings.report.count && counts["en"] == UIStrings.english.count)
    }
}

/// Segments with no letter but capitals ("112", "BLIK", "PESEL, NFZ") read the same in every language: translators
/// are told so, they are never untranslated, and a page showing them is not falling back.
@Suite struct NothingToTranslateTests {
    @Test(arguments: [
        ("112", true), ("**112**", true), ("BLIK", true), ("PESEL, NFZ", true), ("[ZUS](https://www.zus.pl/)", true),
        ("ŁÓDŹ 2025", true), ("997 / 998", true), ("UWAGA", true), ("Tel. 112", false), ("PESEL to numer", false),
        ("[Wniosek](https://example.org/WNIOSEK.PDF)", false), ("مرحبا", false), ("ǅ", false), ("Ёж", false),
    ])
    func recognised(_ text: String, _ nothing: Bool) {
        #expect(Segment(text, role: .paragraph, location: SourceLocation("x.md")).nothingToTranslate == nothing, "\(text)")
    }

    func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        try site.write("content/guide/numery.md", """
            ---
            title: Numery
            reviewed: 2026-10-05
            ---

            Zadzwoń pod numer alarmowy.

            **112**

            | Służba | Numer |
            |---|---|
            | Policja | 997 |

            - BLIK
            - PESEL, NFZ
            """)
        _ = Update.run(root: site.root)
        // A translator translates what has words, as most do.
        try site.translate("locales/en/guide/numery.po") { $0.contains(where: \.isLowercase) ? "EN " + $0 : nil }
        return site
    }

    @Test func translatorsAreToldAndCoverageCountsThemDone() throws {
        let site = try site()
        let catalog = try site.catalog("locales/en/guide/numery.po")
        let told = catalog.entries.filter { $0.extracted.contains(CatalogUpdater.nothingToTranslate) }.map(\.msgid)
        #expect(told == ["**112**", "997", "BLIK", "PESEL, NFZ"])
        #expect(catalog.entries.first { $0.msgid == "BLIK" }?.extracted == ["list item", CatalogUpdater.nothingToTranslate])
        let text = try String(contentsOf: site.root.appendingPathComponent("locales/en/guide/numery.po"), encoding: .utf8)
        #expect(text.contains("#. table cell\n#. nothing to translate (no lowercase letter): readers get this text as it is when msgstr is empty; translate it only where your language writes it otherwise\n#: content/guide/numery.md:12\nmsgid \"997\"\n"))
        let coverage = try #require(CoverageReport.run(root: site.root).0)
        let entry = try #require(coverage.documents.first { $0.id == "guide/numery" }?.languages["en"])
        #expect(entry.status == .complete)
        #expect(entry.segments == Coverage.Counts(translated: 5, fuzzy: 0, untranslated: 0, nothingToTranslate: 4))
        #expect(entry.segments.percent == 100)
        // gettext counts them untranslated.
        let gettext = try CoverageTests.msgfmtStatistics(site.root.appendingPathComponent(entry.catalog).path)
        #expect(gettext == Coverage.Counts(translated: 5, fuzzy: 0, untranslated: 4))
        #expect(coverage.json.contains("\"nothingToTranslate\" : 4"))
    }

    @Test func pagesShowThemAsTheyAreWithoutFallingBack() throws {
        let site = try site()
        #expect(site.build().succeeded)
        let html = try site.read("en/guide/numery/index.html")
        #expect(html.contains("<p><strong>112</strong></p>"))
        #expect(html.contains("<td>997</td>"))
        #expect(html.contains("<li>BLIK</li>") || html.contains("<li><p>BLIK</p></li>"), "\(html)")
        #expect(!html.contains("Part of this page has not been translated yet"))
        #expect(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/pack/en/guide/numery/\">"),
                "complete in en: an alternate of the page")
        // ar has nothing of the page: its words fall back, its numbers do not.
        let ar = try site.read("ar/guide/numery/index.html")
        #expect(ar.contains("<p><strong>112</strong></p>") && ar.contains("<p lang=\"en\" dir=\"ltr\" data-fallback>EN <span lang=\"pl\">Zadzwoń</span> pod numer alarmowy.</p>"),
                "(the English stand-in keeps a Polish word of the source, which is marked so)")
    }

    /// A copy made for an older source is not outdated: the new text is shown, as it is.
    @Test func anOutdatedCopyIsNotOutdated() throws {
        let site = try site()
        try site.translate("locales/en/guide/numery.po") { $0 == "**112**" ? "**112**" : nil }
        try site.write("content/guide/numery.md", try String(contentsOf: site.root.appendingPathComponent("content/guide/numery.md"), encoding: .utf8)
            .replacingOccurrences(of: "**112**", with: "**1122**"))
        _ = Update.run(root: site.root)
        let fuzzy = try #require(try site.catalog("locales/en/guide/numery.po").entries.first { $0.msgid == "**1122**" })
        #expect(fuzzy.isFuzzy && fuzzy.previous == "**112**")
        let coverage = try #require(CoverageReport.run(root: site.root).0)
        let entry = try #require(coverage.documents.first { $0.id == "guide/numery" }?.languages["en"])
        #expect(entry.status == .complete && entry.changes.isEmpty && entry.segments.nothingToTranslate == 4)
        #expect(site.build().succeeded)
        #expect(try site.read("en/guide/numery/index.html").contains("<p><strong>1122</strong></p>"))
    }
}
