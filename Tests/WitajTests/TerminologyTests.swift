import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajGettext
import WitajSite
import WitajSources

/// Glossaries (`locales/<lang>/glossary.tbx`): terms told in the catalogs' comments, translations that miss an
/// approved rendering warned about at their msgstr.
@Suite struct TerminologyTests {
    static let glossary = """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX" xml:lang="pl">
          <martifHeader><fileDesc><sourceDesc><p>English terms of the test site.</p></sourceDesc></fileDesc></martifHeader>
          <text>
            <body>
              <termEntry id="karta-pobytu">
                <langSet xml:lang="pl"><tig><term>karta pobytu</term></tig></langSet>
                <langSet xml:lang="en">
                  <tig><term>residence card</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
                  <tig><term>residence permit</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
                </langSet>
                <note>The plastic card, not the permit.</note>
              </termEntry>
              <termEntry id="zameldowanie">
                <langSet xml:lang="pl"><tig><term>zameldowanie</term></tig><tig><term>meldunek</term></tig></langSet>
                <langSet xml:lang="en"><tig><term>address registration</term></tig></langSet>
              </termEntry>
              <termEntry id="zezwolenie">
                <langSet xml:lang="pl"><tig><term>zezwolenie na pobyt</term></tig></langSet>
                <langSet xml:lang="en"><tig><term>residence permit</term></tig></langSet>
              </termEntry>
              <termEntry id="zezwolenie-czasowe">
                <langSet xml:lang="pl"><tig><term>zezwolenie na pobyt czasowy</term></tig></langSet>
                <langSet xml:lang="en"><tig><term>temporary residence permit</term></tig></langSet>
              </termEntry>
              <termEntry id="half">
                <langSet xml:lang="pl"><tig><term>urząd</term></tig></langSet>
              </termEntry>
            </body>
          </text>
        </martif>

        """

    func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", FixtureSite.multilingual)
        try site.write("locales/en/glossary.tbx", Self.glossary)
        try site.write("content/guide/karta.md", """
            ---
            title: Karta pobytu
            reviewed: 2026-11-01
            ---

            Złóż wniosek o **kartę pobytu** i zamelduj się.

            ZAMELDOWANIE jest bezpłatne, a meldunek trwa dzień.

            Potrzebne jest zezwolenie na pobyt czasowy.

            Bez żadnych terminów.
            """)
        return site
    }

    @Test func theGlossaryIsToldInEveryLanguagesCatalogAndTemplate() throws {
        let site = try site()
        let result = Update.run(root: site.root)
        #expect(result.diagnostics.sorted.map(\.description) == [
            "locales/en/glossary.tbx:26:1: warning: this glossary entry needs a term in <langSet xml:lang=\"pl\"> and an approved one in <langSet xml:lang=\"en\">; it is not used",
        ])
        for path in ["locales/templates/guide/karta.pot", "locales/en/guide/karta.po", "locales/ar/guide/karta.po"] {
            let catalog = try site.catalog(path)
            let comments = Dictionary(uniqueKeysWithValues: catalog.entries.map { ($0.msgid, $0.extracted) })
            #expect(comments["Karta pobytu"] == ["title", "glossary: karta pobytu → en: residence card"], "\(path)")
            #expect(comments["Złóż wniosek o **kartę pobytu** i zamelduj się."] == ["paragraph", "glossary: karta pobytu → en: residence card"])
            #expect(comments["ZAMELDOWANIE jest bezpłatne, a meldunek trwa dzień."] == ["paragraph", "glossary: zameldowanie → en: address registration"])
            // The longest term wins: not also "zezwolenie na pobyt".
            #expect(comments["Potrzebne jest zezwolenie na pobyt czasowy."] == ["paragraph", "glossary: zezwolenie na pobyt czasowy → en: temporary residence permit"])
            #expect(comments["Bez żadnych terminów."] == ["paragraph"])
        }
    }

    @Test func aTranslationThatMissesAnApprovedRenderingIsWarnedAboutAtItsMsgstr() throws {
        let site = try site()
        _ = Update.run(root: site.root)
        try site.translate("locales/en/guide/karta.po") { source in
            switch source {
            case "Karta pobytu": "Residence Cards"  // another form, another case: fine
            case "Złóż wniosek o **kartę pobytu** i zamelduj się.": "Apply for a **residence permit** and register."
            case "ZAMELDOWANIE jest bezpłatne, a meldunek trwa dzień.": "Address registration is free and takes a day."
            case "Potrzebne jest zezwolenie na pobyt czasowy.": "You need a temporary residence permit."
            default: nil
            }
        }
        let line = try #require(try site.catalog("locales/en/guide/karta.po").entries.first { $0.msgid.hasPrefix("Złóż") }).msgstrLine
        let messages = site.messages(site.check()).filter { $0.hasPrefix("locales/en/") }
        #expect(messages == [
            "locales/en/glossary.tbx:26:1: warning: this glossary entry needs a term in <langSet xml:lang=\"pl\"> and an approved one in <langSet xml:lang=\"en\">; it is not used",
            "locales/en/guide/karta.po:\(line):1: warning: the source has the glossary term 'karta pobytu', but the translation does not use its approved rendering 'residence card'; it uses 'residence permit', which the glossary says not to use (locales/en/glossary.tbx:6)",
        ])
    }

    @Test func aGlossaryThatIsNotWellFormedIsAnErrorAtItsLine() throws {
        let site = try site()
        try site.write("locales/en/glossary.tbx", "<martif>\n<text><body>\n<termEntry>\n</body></text></martif>\n")
        let messages = site.messages(site.check()).filter { $0.contains("glossary") }
        #expect(messages.first == "locales/en/glossary.tbx:4:8: error: <termEntry> opened on line 3 is closed with </body>: close it with </termEntry>")
    }

    @Test func translateToolkitReadsTheGlossaryAsWitajDoes() throws {
        let site = try site()
        let file = site.root.appendingPathComponent("locales/en/glossary.tbx")
        let output = site.root.appendingPathComponent("glossary.po")
        #expect(try ExternalTool.run("tbx2po", [file.path, output.path]).status == 0)
        var diagnostics = Diagnostics()
        let converted = try #require(POReader.read(try String(contentsOf: output, encoding: .utf8), path: "glossary.po", into: &diagnostics))
        let glossary = try #require(GlossaryReader.read(Array(Self.glossary.utf8), path: "g.tbx", language: "en", sourceLanguage: "pl",
                                                        into: &diagnostics))
        let pairs = converted.entries.filter { !$0.translation.isEmpty }.map { "\($0.msgid) = \($0.translation)" }
        #expect(pairs == glossary.entries.map { "\($0.terms[0]) = \($0.approved[0])" })
    }

    @Test(arguments: [
        ("karta pobytu", "Nie mam karty pobytu.", true),
        ("karta pobytu", "Złóż wniosek o kartę pobytu.", true),
        ("urząd pracy", "Idź do urzędu pracy.", false),
        ("urząd pracy", "Urzędnik pracuje.", false),
        ("ustawa", "Bank sam ustala opłaty.", false),
        ("ustawa", "Zgodnie z ustawą.", true),
        ("przychodnia", "O przychodach i podatku.", false),
        ("przychodnia", "W przychodniach publicznych.", true),
        ("meldunek", "Meldują się w urzędzie.", false),
        ("zameldowanie", "Bez zameldowania i z zameldowaniem.", true),
        ("PESEL", "Numer PESEL-u.", true),
        ("ZUS", "Zusammen.", false),
        ("POZ", "Dz.U. 2025 poz. 1301", false),
        ("POZ", "Lekarz POZ przyjmuje.", true),
    ])
    func sourceTermsAreFoundInTheirFormsButNotInOtherWords(term: String, text: String, matches: Bool) {
        let glossary = Glossary(language: "uk", path: "g.tbx", entries: [
            Glossary.Entry(terms: [term], approved: ["x"], location: SourceLocation("g.tbx")),
        ])
        #expect(!TermMatcher(glossary, sourceLanguage: "pl").entries(in: text).isEmpty == matches)
    }

    @Test(arguments: [
        ("посвідка на проживання", "Отримайте посвідку на проживання.", true),
        ("дозвіл на проживання", "з дозволом на проживання", true),
        ("дозвіл на проживання", "дозвіл на перебування", false),
        ("бюро праці", "Зверніться до бюро праці.", true),
        ("бюро праці", "Зверніться до центру зайнятості.", false),
        ("виш", "диплом польського вишу", true),
        ("довіреність", "зразок довіреності", true),
        ("гербовий збір", "17 zł гербового збору", true),
        ("міжнародний захист", "з міжнародним або гуманітарним захистом", true),
        ("міжнародний захист", "міжнародний договір про охорону і захист даних", false),
        ("residence card", "Residence Cards", true),
    ])
    func renderingsAreAcceptedInTheirForms(rendering: String, translation: String, uses: Bool) {
        let glossary = Glossary(language: "uk", path: "g.tbx", entries: [
            Glossary.Entry(terms: ["term"], approved: [rendering], location: SourceLocation("g.tbx")),
        ])
        let matcher = TermMatcher(glossary, sourceLanguage: "pl")
        #expect(matcher.usesApproved(0, in: matcher.translationWords(translation)) == uses)
    }

    /// The shipped English, Ukrainian and Russian catalogs follow their glossaries; standard tools read those as witaj does.
    @Test func theShippedEnglishUkrainianAndRussianCatalogsFollowTheirGlossaries() throws {
        let messages = Build.run(root: FixtureSite.packageRoot, output: nil).diagnostics.sorted.map(\.description)
        for language in ["en", "uk", "ru"] {
            var diagnostics = Diagnostics()
            let glossary = try #require(GlossaryReader.read(root: FixtureSite.packageRoot, language: language, sourceLanguage: "pl",
                                                            into: &diagnostics))
            #expect(diagnostics.items.isEmpty)
            #expect(glossary.entries.count >= 60)
            #expect(messages.filter { $0.hasPrefix("locales/\(language)/") && $0.contains("glossary") } == [])
            let file = FixtureSite.packageRoot.appendingPathComponent(glossary.path)
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-\(UUID().uuidString).po")
            defer { try? FileManager.default.removeItem(at: output) }
            #expect(try ExternalTool.run("tbx2po", [file.path, output.path]).status == 0)
            let converted = try #require(POReader.read(try String(contentsOf: output, encoding: .utf8), path: "glossary.po", into: &diagnostics))
            #expect(converted.entries.map { "\($0.msgid) = \($0.translation)" } == glossary.entries.map { "\($0.terms[0]) = \($0.approved[0])" })
        }
    }
}
