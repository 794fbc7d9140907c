import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajSite

/// The coordinator's report: what is translated, outdated or missing, in agreement with gettext.
@Suite struct CoverageTests {
    func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        _ = Update.run(root: site.root)
        return site
    }

    func translate(_ site: FixtureSite, _ path: String, _ translation: (String) -> String?) throws {
        try site.translate(path, translation)
    }

    func coverage(_ site: FixtureSite) throws -> Coverage {
        let (coverage, diagnostics) = CoverageReport.run(root: site.root)
        #expect(!diagnostics.hasErrors)
        return try #require(coverage)
    }

    /// "3 translated messages, 1 fuzzy translation, 2 untranslated messages." -> counts.
    static func msgfmtStatistics(_ path: String) throws -> Coverage.Counts {
        let output = try ExternalTool.run("msgfmt", ["--statistics", "-o", "/dev/null", path])
        #expect(output.status == 0, "\(path): \(output.stderr)")
        func count(_ pattern: Regex<(Substring, Substring)>) -> Int {
            output.stderr.firstMatch(of: pattern).flatMap { Int($0.1) } ?? 0
        }
        return Coverage.Counts(translated: count(/(\d+) translated message/), fuzzy: count(/(\d+) fuzzy translation/),
                               untranslated: count(/(\d+) untranslated message/))
    }

    /// gettext's counts and witaj's are the same, but that gettext counts a segment with nothing to translate and no
    /// current translation as untranslated (or fuzzy), and witaj as done.
    static func agrees(_ ours: Coverage.Counts, with gettext: Coverage.Counts) -> Bool {
        ours.translated == gettext.translated && ours.fuzzy <= gettext.fuzzy && ours.untranslated <= gettext.untranslated
            && ours.fuzzy + ours.untranslated + ours.nothingToTranslate == gettext.fuzzy + gettext.untranslated
    }

    @Test func statusesFollowTheCatalogs() throws {
        let site = try site()
        try translate(site, "locales/en/guide/lekarz.po") { "EN " + $0 }
        try translate(site, "locales/en/guide/zupa.po") { $0 == "Zupa" ? "Soup" : nil }
        try translate(site, "locales/en/guide/apteki.po") { "EN " + $0 }
        try site.write("content/guide/apteki.md", "---\ntitle: Apteki\nreviewed: 2026-10-05\n---\n\nTekst o aptekach w mieście.\n")
        try site.remove("locales/en/guide/smieci.po")
        let coverage = try coverage(site)
        func status(_ id: String, _ lang: String = "en") -> Coverage.Status? {
            coverage.documents.first { $0.id == id }?.languages[lang]?.status
        }
        #expect(status("guide/lekarz") == .complete)
        #expect(status("guide/zupa") == .partial)
        #expect(status("guide/apteki") == .outdated)
        #expect(status("guide/smieci") == .missing)
        #expect(status("guide/lekarz", "ar") == .missing)
        let apteki = try #require(coverage.documents.first { $0.id == "guide/apteki" }?.languages["en"])
        #expect(apteki.changes == [Coverage.Change(previous: "Tekst o apteki.", current: "Tekst o aptekach w mieście.",
                                                   translation: "EN Tekst o apteki.")])
        #expect(apteki.segments == Coverage.Counts(translated: 1, fuzzy: 1, untranslated: 0))
        let en = try #require(coverage.languages.first { $0.code == "en" })
        #expect(en.documents["complete"] == 1 && en.documents["outdated"] == 1 && en.documents["partial"] == 1)
        let indicator = coverage.indicator
        #expect(indicator.articles.documents == 9 && indicator.procedures.documents == 1 && indicator.navigation.documents == 2,
                "8 articles and the register of offices; 1 procedure; the home page and a section apart")
        #expect(indicator.articles.completeInAtLeastOneLanguage == 1)
        #expect(indicator.articles.languages["en"]?.complete == 1 && indicator.articles.languages["en"]?.outdated == 1)
        #expect(indicator.articles.languages["en"]?.partial == 1 && indicator.articles.languages["en"]?.missing == 6)
        #expect(indicator.procedures.completeInAtLeastOneLanguage == 0)
    }

    @Test func countsAgreeWithMsgfmtStatistics() throws {
        let site = try site()
        try translate(site, "locales/en/guide/registration.po") { $0.hasPrefix("W") ? "EN " + $0 : nil }
        try translate(site, "locales/en/guide/lazienki.po") { "EN " + $0 }
        try site.write("content/guide/lazienki.md", """
            ---
            title: Łaźnie miejskie
            reviewed: 2026-10-05
            ---

            ## Godziny

            Otwarte **codziennie** od 8:00, zobacz [zameldowanie](registration.xml#steps).

            Całkiem nowy akapit.
            """)
        _ = Update.run(root: site.root)
        let coverage = try coverage(site)
        for row in coverage.documents {
            for (_, entry) in row.languages where entry.exists {
                let file = site.root.appendingPathComponent(entry.catalog).path
                #expect(try Self.agrees(entry.segments, with: Self.msgfmtStatistics(file)), "\(entry.catalog)")
            }
        }
        let lazienki = try #require(coverage.documents.first { $0.id == "guide/lazienki" }?.languages["en"])
        #expect(lazienki.segments.fuzzy == 1 && lazienki.segments.untranslated == 1)
    }

    @Test func everyShippedCatalogAgreesWithMsgfmt() throws {
        let (loaded, diagnostics) = CoverageReport.run(root: FixtureSite.packageRoot)
        #expect(!diagnostics.hasErrors)
        let coverage = try #require(loaded)
        var checked = 0
        for row in coverage.documents {
            for (_, entry) in row.languages where entry.exists {
                let file = FixtureSite.packageRoot.appendingPathComponent(entry.catalog).path
                #expect(try Self.agrees(entry.segments, with: Self.msgfmtStatistics(file)), "\(entry.catalog)")
                checked += 1
            }
        }
        #expect(checked >= 150)
    }

    @Test func csvIsRFC4180WithAHeaderAndUTF8() throws {
        let site = try site()
        try site.write("content/guide/zupa.md", "---\ntitle: \"Zupa, \\\"barszcz\\\" i борщ\"\nreviewed: 2026-10-05\n---\n\nTekst.\n")
        let csv = try coverage(site).csv
        #expect(csv.hasPrefix("\u{FEFF}id,kind,title,source,language,status,catalog,translated,fuzzy,untranslated,total,words_translated,"
                              + "words_total,nothing_to_translate,commit,commit_date,uncommitted\r\n"))
        #expect(csv.contains("\r\nguide/zupa,article,\"Zupa, \"\"barszcz\"\" i борщ\",content/guide/zupa.md,en,missing,locales/en/guide/zupa.po,0,0,2,2,0,"))
        #expect(csv.contains(",0,,,\r\n"), "no commit, no date: the site is not in git")
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = csv.split(separator: "\r\n")
        #expect(rows.count == 1 + 12 * 2, "a header and one row per document (12) and language (en, ar)")
    }

    @Test func jsonHasTheFieldsScriptsRelyOn() throws {
        let site = try site()
        try translate(site, "locales/en/guide/lekarz.po") { "EN " + $0 }
        let json = try JSONSerialization.jsonObject(with: Data(try coverage(site).json.utf8)) as? [String: Any]
        let languages = try #require(json?["languages"] as? [[String: Any]])
        let en = try #require(languages.first { $0["code"] as? String == "en" })
        #expect((en["documents"] as? [String: Int])?["complete"] == 1)
        #expect((en["segments"] as? [String: Int])?.keys.sorted() == ["fuzzy", "nothingToTranslate", "total", "translated", "untranslated"])
        #expect((en["words"] as? [String: Int])?["translated"] ?? 0 > 0)
        let documents = try #require(json?["documents"] as? [[String: Any]])
        let lekarz = try #require(documents.first { $0["id"] as? String == "guide/lekarz" })
        #expect(lekarz["kind"] as? String == "article" && lekarz["title"] as? String == "Lekarz")
        let entry = try #require((lekarz["languages"] as? [String: [String: Any]])?["en"])
        #expect(entry["status"] as? String == "complete")
        #expect(entry["catalog"] as? String == "locales/en/guide/lekarz.po")
        #expect(entry["translated"] as? Int == 2 && entry["fuzzy"] as? Int == 0 && entry["untranslated"] as? Int == 0 && entry["total"] as? Int == 2)
        let indicator = try #require(json?["indicator"] as? [String: [String: Any]])
        #expect(indicator["articles"]?["completeInAtLeastOneLanguage"] as? Int == 1)
        #expect(indicator["articles"]?["documents"] as? Int == 9 && indicator["procedures"]?["documents"] as? Int == 1)
        #expect((indicator["articles"]?["languages"] as? [String: [String: Any]])?["en"]?["complete"] as? Int == 1)
        #expect(json?["definition"] as? String == UIStrings.definition(source: "pl"))
        #expect(json?["revision"] == nil, "not in git: no commit")
    }

    /// coverage.json is written field by field (`PrettyJSON`): byte for byte what JSONEncoder writes, for the
    /// shipped pack, a site with outdated translations, and texts with what JSON must escape and numbers of every
    /// width.
    @Test func jsonIsWhatJSONEncoderWrites() throws {
        let site = try site()
        try translate(site, "locales/en/guide/apteki.po") { "Pharmacy: " + $0 }
        try site.write("content/guide/apteki.md", "---\ntitle: Apteki\nreviewed: 2026-11-01\n---\n\nTekst o aptekach w mieście.\n")
        _ = Update.run(root: site.root)
        let fixture = try coverage(site)
        #expect(fixture.documents.contains { $0.languages.values.contains { !$0.changes.isEmpty } })
        let pack = try #require(CoverageReport.run(root: FixtureSite.packageRoot).0)
        let odd = "\"quoted\" back\\slash a/b\nline\ttab\r\u{1}\u{8}\u{C}\u{1F}\u{7F} żółć العربية 😀 \u{2028}"
        var indicator = Coverage.Indicator()
        indicator.procedures.documents = 9
        indicator.procedures.completeInAtLeastOneLanguage = 99
        var tally = Coverage.Indicator.Tally()
        tally.complete = 1_000_000_000
        tally.missing = 7
        tally.words = Coverage.Counts(translated: 1, fuzzy: 22, untranslated: 333, nothingToTranslate: 4_444)
        indicator.articles.languages = [odd: tally, "uk": Coverage.Indicator.Tally()]
        let tricky = Coverage(
            sourceLanguage: "pl", languages: [],
            documents: [Coverage.DocumentRow(id: odd, kind: "article", title: odd, source: "content/\(odd).md", segments: Int.max,
                                             words: 1_000_000_010, languages: [:])],
            indicator: indicator,
            targets: [Coverage.Target(by: odd, group: "procedures", share: 100, languages: [
                Coverage.Target.Progress(code: odd, complete: 3, documents: 7, share: 80),
                Coverage.Target.Progress(code: "uk", complete: 7, documents: 7, share: 100)])],
            revision: Coverage.Revision(commit: odd, date: "2025-12-20T10:00:00+01:00", uncommitted: true, asOf: "2025-12-31"),
            definition: odd)
        var undated = tricky
        undated.revision = Coverage.Revision(commit: "0123456789abcdef", date: odd, uncommitted: false)
        for coverage in [fixture, pack, tricky, undated] {
            let (ours, encoder) = (coverage.json, coverage.encodedJSON)
            let same = ours.commonPrefix(with: encoder).count
            #expect(ours == encoder, "…\(ours.dropFirst(max(same - 60, 0)).prefix(100)) | …\(encoder.dropFirst(max(same - 60, 0)).prefix(100))")
        }
    }

    @Test func failUnderNamesTheLanguagesThatFallShort() throws {
        let site = try site()
        for (path, _) in FileTree.files(under: site.root.appendingPathComponent("locales/en")) {
            try translate(site, "locales/en/" + path) { "EN " + $0 }
        }
        let coverage = try coverage(site)
        #expect(coverage.shortfalls(under: 90).map(\.code) == ["ar"])
        #expect(coverage.shortfalls(under: 90, language: "en").isEmpty)
        #expect(coverage.shortfalls(under: 100.1, language: "en").map(\.code) == ["en"])
    }

    @Test func buildWritesTheReportPages() throws {
        let site = try site()
        let result = site.build()
        #expect(result.succeeded)
        let html = try site.read("coverage/index.html")
        #expect(html.contains("<html lang=\"pl\" dir=\"ltr\">"), "in the source language")
        #expect(html.contains("<h1>Stan tłumaczeń</h1>"))
        #expect(html.contains("✗ brak"))
        #expect(html.contains("Witryna nie jest w repozytorium git"))
        let csv = try Data(contentsOf: site.output.appendingPathComponent("coverage/coverage.csv"))
        #expect(Array(csv.prefix(6)) == [0xEF, 0xBB, 0xBF] + Array("id,".utf8))
        #expect(try site.read("coverage/coverage.json").contains("\"indicator\""))
    }

    /// `witaj coverage --lang uk --files`: each catalog with its counts, as `sphinx-intl stat` lists them and as
    /// gettext's msgfmt and translate-toolkit's pocount count them.
    @Test func filesListEveryCatalogOfALanguageAsGettextAndPocountCountIt() throws {
        let (pack, _) = CoverageReport.run(root: FixtureSite.packageRoot)
        let uk = try #require(pack).filtered(language: "uk")
        let files = uk.files
        #expect(files.count == uk.documents.count + 1 && files.last?.catalog == "locales/uk/ui.po")
        let lines = uk.filesTable.split(separator: "\n")
        #expect(lines.count == files.count)
        // pocount once for all (it starts slowly): "path,  translated, words, words, fuzzy, words, untranslated, ...".
        let paths = files.map { FixtureSite.packageRoot.appendingPathComponent($0.catalog).path }
        let counted = try ExternalTool.run("pocount", ["--csv"] + paths).stdout.split(separator: "\n").dropFirst()
        var pocount: [String: [String]] = [:]
        for line in counted {
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            pocount[fields[0]] = fields
        }
        for (file, line) in zip(files, lines) {
            #expect(line == "\(file.catalog): \(file.translated) translated, \(file.fuzzy) fuzzy, \(file.untranslated) untranslated.")
            let path = FixtureSite.packageRoot.appendingPathComponent(file.catalog).path
            let msgfmt = try Self.msgfmtStatistics(path)
            #expect(Coverage.Counts(translated: file.translated, fuzzy: file.fuzzy, untranslated: file.untranslated) == msgfmt, "\(file.catalog)")
            let fields = pocount[path] ?? []
            #expect(fields.count > 6 && fields[1] == "\(file.translated)" && fields[4] == "\(file.fuzzy)" && fields[6] == "\(file.untranslated)",
                    "\(file.catalog): pocount says \(fields)")
        }
    }

    @Test func filesSayWhichCatalogsAreMissingAndTheOtherFormatsHaveTheSameRows() throws {
        let site = try site()
        try translate(site, "locales/en/guide/lekarz.po") { "EN " + $0 }
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-11-01\n---\n\nTekst o lekarzu.\n")
        try site.remove("locales/ar/guide/zupa.po")
        let coverage = try coverage(site)
        let en = coverage.filtered(language: "en").filesTable
        #expect(en.contains("locales/en/guide/lekarz.po: 1 translated, 1 fuzzy, 0 untranslated.\n"))
        let ar = coverage.filtered(language: "ar").filesTable
        #expect(ar.contains("locales/ar/guide/zupa.po: 0 translated, 0 fuzzy, 2 untranslated (no catalog yet: witaj update makes it).\n"))
        #expect(coverage.filesCSV.hasPrefix("\u{FEFF}language,catalog,exists,translated,fuzzy,untranslated,total\r\n"))
        #expect(coverage.filesCSV.contains("ar,locales/ar/guide/zupa.po,no,0,0,2,2\r\n"))
        let decoded = try JSONDecoder().decode([Coverage.FileRow].self, from: Data(coverage.filesJSON.utf8))
        #expect(decoded == coverage.files)
    }
}
