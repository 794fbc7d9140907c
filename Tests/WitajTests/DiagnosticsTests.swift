import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajSources

/// Each kind of bad input gives its `path:line:col: severity: message`, all of them, and fails the build.
@Suite struct DiagnosticsTests {
    @Test func malformedFrontMatter() throws {
        let site = try FixtureSite()
        try site.write("content/guide/bad.md", "---\ntitle: Zły\nsummary: [niezamknięta\n---\n\nTekst.\n")
        let result = site.check()
        #expect(!result.succeeded)
        let message = try #require(site.messages(result).first)
        #expect(message.hasPrefix("content/guide/bad.md:4:1: error: malformed YAML:"))
    }

    @Test func missingTitleIsAnError() throws {
        let site = try FixtureSite()
        try site.write("content/guide/bad.md", "---\nsummary: Bez tytułu\nreviewed: 2026-11-01\n---\n")
        #expect(site.messages(site.check()) == ["content/guide/bad.md:1:1: error: front matter has no 'title'"])
    }

    @Test func unknownFieldIsAWarningOnly() throws {
        let site = try FixtureSite()
        try site.write("content/guide/extra.md", "---\ntitle: Dodatkowe\ntags: [a]\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        let result = site.check()
        #expect(result.succeeded)
        #expect(site.messages(result) == [
            "content/guide/extra.md:3:1: warning: unknown front matter field 'tags' (known: title, summary, id, reviewed, order, review, draft, keywords)",
        ])
    }

    @Test func malformedXML() throws {
        let site = try FixtureSite()
        try site.write("content/guide/broken.xml", "<?xml version=\"1.0\"?>\n<procedure reviewed=\"2026-01-01\">\n  <title>A</titl>\n</procedure>\n")
        let messages = site.messages(site.check())
        #expect(messages.first?.hasPrefix("content/guide/broken.xml:3:") == true)
        #expect(messages.first?.contains("error: <title> opened on line 3 is closed with </titl>: close it with </title>") == true)
        try site.write("content/guide/broken.xml", try Self.registration { $0.replacingOccurrences(of: "Opłata skarbowa", with: "Opłata & znaczek") })
        #expect(site.messages(site.check()).first?.hasPrefix(
            "content/guide/broken.xml:15:") == true)
        #expect(site.messages(site.check()).first?.hasSuffix(
            "error: a bare '&' in the text: write it as &amp; (XML reads '&' as the start of an entity)") == true)
    }

    /// The fixture's procedure with `edit` applied to its text.
    static func registration(_ edit: (String) -> String) throws -> String {
        edit(try String(contentsOf: FixtureSite.fixtures.appendingPathComponent("minimal/content/guide/registration.xml"), encoding: .utf8))
    }

    @Test func schemaViolationsAreSaidInEditorsWordsAtTheElement() throws {
        let site = try FixtureSite()
        try site.write("content/guide/registration.xml", try Self.registration {
            $0.replacingOccurrences(of: "<fee amount=\"340\" currency=\"PLN\">", with: "<fee amount=\"dużo\" currency=\"zł\">")
        })
        #expect(site.messages(site.check()) == [
            "content/guide/registration.xml:15:10: error: amount=\"dużo\" is not allowed: an amount such as 340 or 17.50 (digits, a dot for decimals, no currency)",
            "content/guide/registration.xml:15:25: error: currency=\"zł\" is not allowed: currency is a three-letter ISO 4217 code such as PLN or EUR (not zł)",
        ])
        // A yes/no attribute says its two values; a reference is said at its attribute, not at column 1.
        try site.write("content/guide/registration.xml", try Self.registration {
            $0.replacingOccurrences(of: "<procedure reviewed=", with: "<procedure draft=\"tak\" reviewed=")
                .replacingOccurrences(of: "<office ref=\"urzad\"/>", with: "<office ref=\"ratusz\"/>")
        })
        #expect(site.messages(site.check()) == [
            "content/guide/registration.xml:2:12: error: draft=\"tak\" is not allowed: true or false",
            "content/guide/registration.xml:20:18: error: unknown office 'ratusz' (known: urzad)",
        ])
    }

    @Test func aMissingOrMisplacedElementSaysWhereItGoes() throws {
        let site = try FixtureSite()
        try site.write("content/guide/registration.xml", try Self.registration {
            $0.replacingOccurrences(of: "  <where><office ref=\"urzad\"/></where>\n", with: "")
        })
        #expect(site.messages(site.check()) == [
            "content/guide/registration.xml:20:3: error: <where> is missing: a procedure needs one, before <related>",
        ])
        // <summary> after <audience>: said once, where it stands, with the order.
        try site.write("content/guide/registration.xml", try Self.registration {
            $0.replacingOccurrences(of: "  <summary>Jak zgłosić adres.</summary>\n", with: "")
                .replacingOccurrences(of: "</p></audience>\n", with: "</p></audience>\n  <summary>Jak zgłosić adres.</summary>\n")
        })
        #expect(site.messages(site.check()) == [
            "content/guide/registration.xml:5:3: error: <summary> is out of order: in a procedure the elements come in this order: "
                + "<title>, <summary>, <review> (optional), <keywords> (optional), <audience>, <steps>, <documents> (optional), <fees>, <deadlines> (optional), "
                + "<where>, <online> (optional), <notes> (optional), <legal> (optional), <related> (optional)",
        ])
    }

    @Test func aBrokenProcedureIsStillCheckedForItsLinksAndOfficesInTheSameRun() throws {
        let site = try FixtureSite()
        try site.write("content/guide/registration.xml", try Self.registration {
            $0.replacingOccurrences(of: "currency=\"PLN\"", with: "currency=\"pln\"")
                .replacingOccurrences(of: "<office ref=\"urzad\"/>", with: "<office ref=\"nie-ma\"/>")
                .replacingOccurrences(of: "Złóż go w urzędzie.", with: "Złóż go [tu](nie-ma.md).")
        })
        let messages = site.messages(site.check())
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/guide/registration.xml:15:") && $0.contains("currency=\"pln\" is not allowed") })
        #expect(messages.contains { $0.hasPrefix("content/guide/registration.xml:8:") && $0.contains("nie-ma.md") })
        #expect(messages.contains { $0.hasPrefix("content/guide/registration.xml:20:") && $0.contains("nie-ma") })
    }

    @Test func aBadLinkInXMLIsSaidAtItsColumnAndTheSameLinkTwiceAtEachPlace() throws {
        let site = try FixtureSite()
        let xml = try Self.registration {
            $0.replacingOccurrences(of: "Złóż go w urzędzie.", with: "Złóż go [tu](nie-ma.md) albo [tam](nie-ma.md).")
        }
        try site.write("content/guide/registration.xml", xml)
        // The columns a user's editor shows: bytes of line 8 before each "(nie-ma.md", plus one.
        let line = Array(xml.split(separator: "\n", omittingEmptySubsequences: false)[7].utf8)
        let needle = Array("(nie-ma.md".utf8)
        let columns = (0...(line.count - needle.count)).filter { Array(line[$0..<$0 + needle.count]) == needle }.map { $0 + 1 }
        #expect(columns.count == 2)
        let messages = site.messages(site.check())
        #expect(messages.map { $0.components(separatedBy: ": error:")[0] } == columns.map { "content/guide/registration.xml:8:\($0)" })
    }

    @Test func linksToAPartOfAPageAreChecked() throws {
        let site = try FixtureSite()
        try site.write("content/guide/zupa.md", """
            ---
            title: Zupa
            reviewed: 2026-11-01
            ---

            ## Gdzie zjeść zupę?

            Zobacz [kroki](registration.xml#steps), [źle](registration.xml#kroki), [tu](#gdzie-zjesc-zupe),
            [przepis](#przepis), [urząd](offices.xml#office-urzad) i [nie](lekarz.md#nie-ma).

            ## Przepis {#przepis}

            Tekst.
            """)
        let messages = site.messages(site.check())
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.first?.hasSuffix("error: no part of 'guide/registration' is called '#kroki' (it has: #audience, #deadlines, #documents, #fees, #legal, #notes, #online, #related, #steps, #where)") == true, "\(messages)")
        #expect(messages.last?.contains("no part of 'guide/lekarz' is called '#nie-ma' (it has no sections)") == true, "\(messages)")
        // The ids are the source heading's, in every language; an explicit one is not part of the heading's text.
        try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-11-01\n---\n\n## Gdzie zjeść zupę?\n\n## Przepis {#przepis}\n\n## Przepis\n")
        let result = site.check()
        let html = try #require(result.artifacts.first { $0.path == "pl/guide/zupa/index.html" }).bytes
        let page = String(decoding: html, as: UTF8.self)
        #expect(page.contains("<h2 id=\"gdzie-zjesc-zupe\">Gdzie zjeść zupę?</h2>"))
        #expect(page.contains("<h2 id=\"przepis\">Przepis</h2>"))
        #expect(page.contains("<h2 id=\"przepis-2\">Przepis</h2>"))
    }

    /// A schema that does not compile would validate nothing, silently.
    @Test func theBuiltInSchemaCompiles() throws {
        #expect(XMLDocumentReader.schema.issues.isEmpty, "\(XMLDocumentReader.schema.issues)")
    }

    @Test func draftsAreLeftOutAndALinkToOneIsAnError() throws {
        let site = try FixtureSite()
        // The fixture's other pages link to the procedure: they go too.
        try site.write("content/guide/lazienki.md", "---\ntitle: Łazienki\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        try site.write("content/guide/nowy.md", "---\ntitle: Nowy\ndraft: true\nreviewed: 2026-11-01\n---\n\nJeszcze nie.\n")
        try site.write("content/guide/registration.xml", try Self.registration {
            $0.replacingOccurrences(of: "<procedure reviewed=", with: "<procedure draft=\"true\" reviewed=")
        })
        let result = site.check()
        #expect(result.succeeded, "\(site.messages(result))")
        #expect(result.drafts == ["content/guide/nowy.md", "content/guide/registration.xml"])
        #expect(!result.artifacts.contains { $0.path.contains("guide/nowy/") || $0.path.contains("guide/registration/") })
        // The coverage report counts no draft, and says which it left out.
        let coverage = try #require(CoverageReport.run(root: site.root).0)
        #expect(coverage.drafts == ["content/guide/nowy.md", "content/guide/registration.xml"])
        #expect(!coverage.documents.contains { $0.source == "content/guide/nowy.md" } && coverage.indicator.procedures.documents == 0)
        #expect(coverage.table.contains("Drafts, not published and not counted: 2 (content/guide/nowy.md, content/guide/registration.xml)"))
        #expect(coverage.json.contains("\"drafts\" : [\n    \"content/guide/nowy.md\",\n    \"content/guide/registration.xml\"\n  ]"))
        // Published documents may not link to a draft: the link would lead nowhere.
        try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-11-01\n---\n\nZobacz [nowy](nowy.md).\n")
        #expect(site.messages(site.check()).contains {
            $0.hasPrefix("content/guide/zupa.md:6:") && $0.hasSuffix("error: link to a draft, which is not published: 'nowy.md' (content/guide/nowy.md says draft: true); publish it or remove the link")
        })
        try site.write("content/guide/nowy.md", "---\ntitle: Nowy\ndraft: maybe\nreviewed: 2026-11-01\n---\n\nJeszcze nie.\n")
        #expect(site.messages(site.check()).contains("content/guide/nowy.md:3:8: error: 'draft' is true or false, not 'maybe'"))
    }

    /// A draft's own links, parts, offices and id are checked in `witaj check` and `witaj build` too, as warnings
    /// (no reader meets them yet); the draft is still left out of the output and of the coverage indicator.
    @Test func aDraftsOwnProblemsAreWarningsAndItStaysUnpublished() throws {
        let site = try FixtureSite()
        try site.write("content/guide/nowy.md", """
            ---
            title: Nowy
            id: guide/lekarz
            draft: true
            reviewed: 2026-11-01
            ---

            Zobacz [brak](nie-ma.md), [lekarza](lekarz.md), [drugi szkic](inny.md#plan) i [kroki](registration.xml#kroki).
            """)
        try site.write("content/guide/inny.md", "---\ntitle: Inny\ndraft: true\nreviewed: 2026-11-01\n---\n\n## Plan\n\nTekst.\n")
        try site.write("content/guide/szkic.xml", try Self.registration {
            $0.replacingOccurrences(of: "<procedure reviewed=", with: "<procedure draft=\"true\" reviewed=")
                .replacingOccurrences(of: "<office ref=\"urzad\"/>", with: "<office ref=\"urzad-x\"/>")
        })
        let result = site.build()
        let messages = site.messages(result)
        #expect(result.succeeded, "\(messages)")
        let note = " (in a draft: an error once it is published)"
        #expect(messages.contains("content/guide/nowy.md:3:5: warning: duplicate document id 'guide/lekarz' (also used by content/guide/lekarz.md)" + note), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/guide/nowy.md:8:14: warning: link to a document that does not exist: 'nie-ma.md'") && $0.hasSuffix(note) },
                "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/guide/nowy.md:8:") && $0.contains("warning: no part of 'guide/registration' is called '#kroki'") },
                "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/guide/szkic.xml:20:") && $0.contains("warning: unknown office 'urzad-x'") }, "\(messages)")
        // A link from a draft to a published document, or to another draft and a part of it, is fine.
        #expect(!messages.contains { $0.contains("lekarz.md'") || $0.contains("inny.md") }, "\(messages)")
        #expect(!messages.contains { $0.contains("error:") }, "\(messages)")
        #expect(result.drafts == ["content/guide/inny.md", "content/guide/nowy.md", "content/guide/szkic.xml"])
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("pl/guide/nowy").path))
        #expect(try #require(CoverageReport.run(root: site.root).0).documents.allSatisfy { !$0.source.contains("nowy") })
        // --strict (a build server publishing nothing doubtful) makes them errors.
        #expect(!Build.run(root: site.root, output: nil, strict: true).succeeded)
    }

    @Test func impossibleDatesAreErrorsWhereTheyStand() throws {
        let site = try FixtureSite()
        try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2026-02-30\n---\n\nZupa.\n")
        try site.write("content/guide/registration.xml", try Self.registration {
            $0.replacingOccurrences(of: "reviewed=\"2026-11-21\"", with: "reviewed=\"2026-4-31\"")
        })
        #expect(site.messages(site.check()) == [
            "content/guide/registration.xml:2:12: error: reviewed=\"2026-4-31\" is not allowed: a date that exists, written like 2026-11-21",
            "content/guide/zupa.md:3:11: error: 'reviewed' must be a date that exists, written like 2026-11-21, not '2026-02-30'",
        ])
        // 29 February exists in leap years only.
        try site.write("content/guide/zupa.md", "---\ntitle: Zupa\nreviewed: 2028-02-29\n---\n\nZupa.\n")
        try site.write("content/guide/registration.xml", try Self.registration { $0 })
        #expect(site.check().succeeded)
    }

    /// `reviewed` is required in both kinds of documents, drafts too (`witaj new` writes it); a document without it is
    /// still checked for its links in the same run.
    @Test func aMissingReviewedDateIsAnErrorAtTheFrontMatter() throws {
        let site = try FixtureSite()
        try site.write("content/guide/zupa.md", "---\ntitle: Zupa\n---\n\nZobacz [brak](nie-ma.md).\n")
        try site.write("content/guide/nowy.md", "---\ntitle: Nowy\ndraft: true\n---\n\nJeszcze nie.\n")
        try site.write("content/guide/registration.xml", try Self.registration {
            $0.replacingOccurrences(of: " reviewed=\"2026-11-21\"", with: "")
        })
        let messages = site.messages(site.check())
        let hint = "front matter has no 'reviewed': add the date an editor last checked the facts, such as 'reviewed: 2026-12-03'"
        #expect(messages.contains("content/guide/zupa.md:1:1: error: \(hint)"), "\(messages)")
        #expect(messages.contains("content/guide/nowy.md:1:1: error: \(hint)"), "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/guide/zupa.md:5:") && $0.contains("link to a document that does not exist: 'nie-ma.md'") },
                "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/guide/registration.xml:2:") && $0.contains("reviewed") }, "\(messages)")
    }

    /// ICU serves any language code with no data; a code it cannot name ("ua", Ukraine's country code) is a typo.
    @Test func anUnknownLanguageIsAnErrorAtItsEntry() throws {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual.replacingOccurrences(of: "- code: ar", with: "- code: ua"))
        let messages = site.messages(site.check())
        #expect(messages.contains { $0.hasPrefix("site.yml:6:") && $0.hasSuffix("error: unknown language 'ua': ICU knows no such language; use an ISO 639 code such as 'uk' (Ukrainian), 'be' (Belarusian) or 'pt-BR'") },
                "\(messages)")
        #expect(!messages.contains { $0.contains("unknown language 'en'") || $0.contains("unknown language 'pl'") })
    }

    @Test func anUnquotedColonInAValueGetsAHint() throws {
        let site = try FixtureSite()
        try site.write("content/guide/pesel.md", "---\ntitle: PESEL: jak go dostać\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        let message = try #require(site.messages(site.check()).first)
        #expect(message.hasPrefix("content/guide/pesel.md:2:"))
        #expect(message.hasSuffix("; a value with ': ' in it must be quoted, as in title: \"PESEL: jak go dostać\""))
        // The hint is the editor's own line put right, whichever field it is.
        try site.write("content/guide/pesel.md", "---\ntitle: PESEL\nsummary: Uwaga: termin to 30 dni \"od wjazdu\"\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        let other = try #require(site.messages(site.check()).first)
        #expect(other.hasPrefix("content/guide/pesel.md:3:"))
        #expect(other.hasSuffix("; a value with ': ' in it must be quoted, as in summary: \"Uwaga: termin to 30 dni \\\"od wjazdu\\\"\""), "\(other)")
    }

    @Test func strictMakesWarningsErrorsAndPublishesNothing() throws {
        let site = try FixtureSite()
        try site.write("content/guide/extra.md", "---\ntitle: Dodatkowe\ntags: [a]\nreviewed: 2026-11-01\n---\n\nTekst.\n")
        #expect(site.check().succeeded)
        let result = Build.run(root: site.root, output: site.output, sourceDateEpoch: FixtureSite.sourceDateEpoch, strict: true)
        #expect(site.messages(result) == [
            "content/guide/extra.md:3:1: error: unknown front matter field 'tags' (known: title, summary, id, reviewed, order, review, draft, keywords)",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func optionalDocumentsAreToldToTranslatorsAsOptional() throws {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        _ = Update.run(root: site.root, language: "en")
        let po = try String(contentsOf: site.root.appendingPathComponent("locales/en/guide/registration.po"), encoding: .utf8)
        #expect(po.contains("#. required document\n#: content/guide/registration.xml:11\nmsgid \"Paszport.\""))
        #expect(po.contains("#. optional document\n#: content/guide/registration.xml:12\nmsgid \"Umowa najmu.\""))
    }

    @Test func externalEntityIsRejectedAndNothingIsRead() throws {
        let site = try FixtureSite()
        let secret = site.root.appendingPathComponent("secret.txt")
        try "SEKRET-123".write(to: secret, atomically: true, encoding: .utf8)
        try site.write("content/guide/evil.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE procedure [
              <!ENTITY leak SYSTEM "file://\(secret.path)">
            ]>
            <procedure reviewed="2026-01-01"><title>&leak;</title></procedure>
            """)
        let result = site.build()
        let messages = site.messages(result)
        #expect(!result.succeeded)
        #expect(messages.contains("content/guide/evil.xml:2:1: error: DOCTYPE declarations are not allowed in witaj XML")
                || messages.contains { $0.hasPrefix("content/guide/evil.xml:2:") && $0.contains("DOCTYPE") })
        #expect(messages.contains { $0.hasPrefix("content/guide/evil.xml:3:") && $0.contains("external entity 'leak'") })
        #expect(!messages.joined().contains("SEKRET-123"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func dtdPointingToAURLIsRejected() throws {
        let site = try FixtureSite()
        try site.write("content/guide/dtd.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE procedure SYSTEM \"https://example.com/p.dtd\">\n<procedure reviewed=\"2026-01-01\"/>\n")
        let messages = site.messages(site.check())
        #expect(messages.contains { $0.hasPrefix("content/guide/dtd.xml:2:") && $0.contains("external DTD 'https://example.com/p.dtd'") })
    }

    @Test func duplicateDocumentId() throws {
        let site = try FixtureSite()
        try site.write("content/guide/a.md", "---\ntitle: A\nid: wspolny\nreviewed: 2026-11-01\n---\n")
        try site.write("content/guide/b.md", "---\ntitle: B\nid: wspolny\nreviewed: 2026-11-01\n---\n")
        #expect(site.messages(site.check()) == [
            "content/guide/b.md:3:5: error: duplicate document id 'wspolny' (also used by content/guide/a.md)",
        ])
    }

    @Test func linkToAMissingDocument() throws {
        let site = try FixtureSite()
        try site.write("content/guide/links.md", "---\ntitle: Linki\nreviewed: 2026-11-01\n---\n\nAkapit.\n\nZobacz [PESEL](../nie-ma/pesel.xml) i tyle.\n")
        #expect(site.messages(site.check()) == [
            "content/guide/links.md:8:15: error: link to a document that does not exist: '../nie-ma/pesel.xml' (content/nie-ma/pesel.xml)",
        ])
    }

    @Test func procedureWithAnUnknownOffice() throws {
        let site = try FixtureSite()
        var xml = try String(contentsOf: FixtureSite.fixtures.appendingPathComponent("minimal/content/guide/registration.xml"), encoding: .utf8)
        xml = xml.replacingOccurrences(of: "<office ref=\"urzad\"/>", with: "<office ref=\"ratusz\"/>")
        try site.write("content/guide/registration.xml", xml)
        #expect(site.messages(site.check()) == ["content/guide/registration.xml:20:18: error: unknown office 'ratusz' (known: urzad)"])
    }

    @Test func fileThatIsNotUTF8() throws {
        let site = try FixtureSite()
        // "Zażółć" in ISO-8859-2 on the second line of the body.
        try site.write("content/guide/latin2.md", bytes: Array("---\ntitle: Stary plik\nreviewed: 2026-11-01\n---\n\nZa".utf8) + [0xBF, 0xF3, 0xB3, 0xE6] + Array("\n".utf8))
        #expect(site.messages(site.check()) == [
            "content/guide/latin2.md:6:3: error: file is not UTF-8 (invalid byte here); save it as UTF-8",
        ])
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() throws {
        let site = try FixtureSite()
        try site.write("content/guide/one.md", "---\ntitle: [\n---\n")
        try site.write("content/guide/two.md", "---\ntitle: Dwa\nreviewed: 2026-11-01\n---\n\n[x](brak.md)\n")
        try site.write("content/guide/three.xml", "<procedure>")
        let files = Set(site.check().diagnostics.errors.map(\.location.path))
        #expect(files == ["content/guide/one.md", "content/guide/two.md", "content/guide/three.xml"])
    }

    @Test func aBrokenFileIsOneErrorNotOnePerLinkToIt() throws {
        let site = try FixtureSite()
        try site.write("content/guide/registration.xml", "<procedure>")
        let messages = site.messages(site.check())
        #expect(messages.allSatisfy { $0.hasPrefix("content/guide/registration.xml:") }, "\(messages)")
    }

    @Test func windowsLineEndsAreFine() throws {
        let site = try FixtureSite()
        try site.write("content/guide/crlf.md", "---\r\ntitle: Windows\r\nreviewed: 2026-10-05\r\n---\r\n\r\nTekst.\r\n")
        #expect(site.messages(site.check()) == [])
    }

    @Test func twoSourcesForOnePage() throws {
        let site = try FixtureSite()
        try site.write("content/guide/lekarz.xml", try String(contentsOf: FixtureSite.fixtures.appendingPathComponent("minimal/content/guide/registration.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<procedure reviewed", with: "<procedure id=\"inny\" reviewed"))
        #expect(site.messages(site.check()).contains("content/guide/lekarz.xml:1:1: error: content/guide/lekarz.xml and content/guide/lekarz.md would publish the same page; rename one"))
    }

    @Test func rawHTMLIsSaidNotSilentlyDropped() throws {
        let site = try FixtureSite()
        try site.write("content/guide/html.md", "---\ntitle: HTML\nreviewed: 2026-11-01\n---\n\n<div>Ważne</div>\n\nm<sup>2</sup>\n")
        #expect(site.messages(site.check()) == [
            "content/guide/html.md:6:1: warning: raw HTML is not published; write it in Markdown",
            "content/guide/html.md:8:1: warning: inline HTML is shown as text, not as markup; write it in Markdown",
        ])
    }

    @Test func theOutputMayNotHoldTheSources() throws {
        let site = try FixtureSite()
        for out in ["content", ".", "theme/x"] {
            let result = Build.run(root: site.root, output: site.root.appendingPathComponent(out))
            #expect(!result.succeeded, "\(out)")
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/guide/lekarz.md").path))
    }

    @Test func javascriptLinksInSourceAreErrors() throws {
        let site = try FixtureSite()
        try site.write("content/guide/js.md", "---\ntitle: JS\nreviewed: 2026-11-01\n---\n\n[klik](JaVaScript:alert(1)) [obraz](data:text/html;base64,PHNjcmlwdD4=)\n")
        let messages = site.messages(site.check())
        #expect(messages.count == 2)
        #expect(messages.first?.contains("links with 'javascript:' are not allowed") == true)
        #expect(messages.last?.contains("links with 'data:' are not allowed") == true)
    }
}

/// `witaj new`: a valid draft from an archetype, never over an existing file.
@Suite struct ScaffoldTests {
    @Test func newDocumentsAreValidDraftsAndNothingIsOverwritten() throws {
        let site = try FixtureSite()
        let today = Date(timeIntervalSince1970: 1_796_342_400)  // 2026-12-04
        let article = Scaffold.run(.article, name: "guide/banki", root: site.root, today: today)
        #expect(article.written == "content/guide/banki.md", "\(article.diagnostics.items)")
        let procedure = Scaffold.run(.procedure, name: "guide/nowa-procedura", root: site.root, today: today)
        #expect(procedure.written == "content/guide/nowa-procedura.xml", "\(procedure.diagnostics.items)")
        let text = try String(contentsOf: site.root.appendingPathComponent("content/guide/banki.md"), encoding: .utf8)
        #expect(text.contains("title: Banki\n") && text.contains("reviewed: 2026-12-04\n") && text.contains("draft: true\n"))
        // Both read without a problem, and as drafts they are not published.
        let result = site.check()
        #expect(result.succeeded, "\(site.messages(result))")
        #expect(result.drafts == ["content/guide/banki.md", "content/guide/nowa-procedura.xml"])
        // A second time: an error, and the file stays as it is.
        try site.write("content/guide/banki.md", "---\ntitle: Moje\nreviewed: 2026-11-01\n---\n\nMoje.\n")
        let again = Scaffold.run(.article, name: "guide/banki", root: site.root, today: today)
        #expect(again.written == nil)
        #expect(site.messages(Build.Result(diagnostics: again.diagnostics)) == [
            "content/guide/banki.md:1:1: error: a document named guide/banki exists already; choose another name",
        ])
        #expect(try String(contentsOf: site.root.appendingPathComponent("content/guide/banki.md"), encoding: .utf8).hasPrefix("---\ntitle: Moje"))
        #expect(Scaffold.run(.article, name: "Zła Nazwa", root: site.root).written == nil)
        // A site's own archetype wins; one that does not make a valid document is said, and nothing is written.
        try site.write("theme/archetypes/article.md", "---\nsummary: bez tytułu\nreviewed: 2026-11-01\n---\n")
        let bad = Scaffold.run(.article, name: "guide/inny", root: site.root, today: today)
        #expect(bad.written == nil)
        #expect(bad.diagnostics.errors.first?.location.path == "theme/archetypes/article.md")
    }
}
