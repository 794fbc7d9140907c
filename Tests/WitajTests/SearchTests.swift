import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajICU
import WitajSite

/// The search index each language's site gets (`<lang>/search/`), read as the search client reads it: a query's
/// words folded and stemmed by the index's own rules (meta.json), the shards of its stems, the postings, the
/// documents' files.
@Suite struct SearchTests {
    static let siteYAML = """
        baseURL: https://example.org/pack/
        sourceLanguage: pl
        languages:
          - code: pl
          - code: uk
          - code: ar
        """

    /// A site with a page on residence cards in Polish, Ukrainian and Arabic, among the minimal fixture's pages.
    static func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", siteYAML)
        try site.write("content/guide/karta.md", """
            ---
            title: Karta pobytu
            summary: Dokument dla cudzoziemców.
            reviewed: 2026-10-05
            keywords: [zezwolenie na pobyt]
            ---

            ## Urząd Pracy

            Zaświadczenie z urzędu wydaje Urząd Pracy w Krakowie.

            """)
        _ = Update.run(root: site.root)
        try site.translate("locales/uk/guide/karta.po") {
            ["Karta pobytu": "Посвідка на проживання", "Dokument dla cudzoziemców.": "Документ для іноземців.",
             "Urząd Pracy": "Бюро праці"][$0]
        }
        try site.translate("locales/ar/guide/karta.po") {
            ["Karta pobytu": "بطاقة الإقامة", "Dokument dla cudzoziemców.": "وثيقة للأجانب."][$0]
        }
        return site
    }

    /// The client's reading of a built index of one language.
    struct Index {
        let folder: URL
        let stemmer: SearchStemmer
        let words: WordCounter

        init(_ output: URL, language: String) {
            folder = output.appendingPathComponent("\(language)/search")
            stemmer = SearchStemmer(language: language)
            words = WordCounter(locale: language)
        }

        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: try Data(contentsOf: folder.appendingPathComponent(path)))
        }

        /// The query's stems as the client makes them, with the rules the index ships in meta.json.
        func stems(_ query: String) throws -> [String] {
            let meta = try #require(try json("meta.json") as? [String: Any])
            let suffixes = try #require((meta["stemmer"] as? [String: Any])?["suffixes"] as? [String])
            #expect(suffixes == stemmer.suffixes, "the client stems with the index's rules")
            return words.words(query, withoutMarks: true).map { stemmer.stem(SearchStemmer.map($0)) }
        }

        /// The file of a stem's shard, as the client finds it from meta.json.
        func shardFile(_ stem: String) throws -> String {
            let count = try #require((try json("meta.json") as? [String: Any])?["shards"] as? Int)
            return "\(SearchIndexRenderer.shard(stem, of: count)).json"
        }

        /// The addresses (relative to the search page) of the documents that have every stem of the query.
        func pages(_ query: String) throws -> Set<String> {
            var found: Set<Int>?
            for stem in try stems(query) {
                let shard = try json("t/\(try shardFile(stem))") as? [String: [Int]] ?? [:]
                let postings = shard[stem] ?? []
                let documents = Set(stride(from: 0, to: postings.count, by: 2).map { postings[$0] })
                found = found.map { $0.intersection(documents) } ?? documents
            }
            return Set(try (found ?? []).map { number in
                let document = try #require(try json("d/\(number).json") as? [String: Any])
                return try #require(document["u"] as? String)
            })
        }
    }

    @Test func inflectedAndUnaccentedQueriesFindTheirPage() throws {
        let site = try Self.site()
        let result = site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        let polish = Index(site.output, language: "pl")
        for query in ["karty pobytu", "kartą pobytu", "urzad pracy", "URZĄD PRACY", "zaswiadczenie", "zaświadczenia",
                      "cudzoziemcow"] {
            #expect(try polish.pages(query).contains("../guide/karta/"), "pl: \(query)")
        }
        #expect(try polish.pages("lekarz").contains("../guide/karta/") == false, "a page without the word is not found")
        // A keyword of the document (front matter), in the index of every language.
        #expect(try polish.pages("zezwolenia na pobyt").contains("../guide/karta/"), "pl: a keyword, inflected")
        #expect(try Index(site.output, language: "uk").pages("zezwolenie").contains("../guide/karta/"), "uk: a Polish keyword")
        let ukrainian = Index(site.output, language: "uk")
        for query in ["посвідку на проживання", "посвідки", "посвідкою", "іноземцям", "бюро праці"] {
            #expect(try ukrainian.pages(query).contains("../guide/karta/"), "uk: \(query)")
        }
        // Text shown from the fallback (the source, untranslated) is searched too, and says its language.
        #expect(try ukrainian.pages("zaswiadczenie").contains("../guide/karta/"))
        let stem = try #require(try ukrainian.stems("zaswiadczenie").first)
        let number = try #require(try ukrainian.json("t/\(try ukrainian.shardFile(stem))") as? [String: [Int]])[stem]?.first
        let numbered = try #require(number)
        let document = try #require(try ukrainian.json("d/\(numbered).json") as? [String: Any])
        let texts = try #require(document["x"] as? [[String]])
        #expect(texts.contains { $0.first?.hasPrefix("Zaświadczenie") == true && $0.dropFirst().first == "pl" })
        #expect(texts.first == ["Посвідка на проживання"], "the page's own text carries no language")
    }

    @Test(arguments: [
        ("الإقامة", "اقامه"), ("إقامة", "الاقامة"), ("بطاقةُ", "بطاقه"), ("مُقِيم", "مقيم"), ("آمن", "امن"),
        ("مستشفى", "مستشفي"), ("ـــمكتب", "مكتب"), ("مؤسسة", "موسسه"), ("والإقامة", "إقامة"),
    ])
    func arabicFormsOfAWordAreOneTerm(_ written: String, _ typed: String) {
        let stemmer = SearchStemmer(language: "ar"), words = WordCounter(locale: "ar")
        func terms(_ text: String) -> [String] { words.words(text, withoutMarks: true).map { stemmer.stem(SearchStemmer.map($0)) } }
        #expect(terms(written) == terms(typed), "\(written) / \(typed)")
        #expect(!terms(written).isEmpty)
    }

    @Test func anArabicWordWithAndJoinedIsFoundWithoutIt() {
        let stemmer = SearchStemmer(language: "ar")
        #expect(stemmer.stems("وبطاقه").contains(stemmer.stem("بطاقه")))
        // A word whose first letter is و finds itself, with the article or without.
        #expect(stemmer.stems("الوثيقه").contains(stemmer.stem("وثيقه")))
        #expect(stemmer.stems("وثيقه").contains(stemmer.stem("وثيقه")))
    }

    @Test func arabicPagesFindTheirTranslation() throws {
        let site = try Self.site()
        let result = site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        let arabic = Index(site.output, language: "ar")
        for query in ["بطاقة الإقامة", "بطاقه اقامه", "الأجانب", "اجانب"] {
            #expect(try arabic.pages(query).contains("../guide/karta/"), "ar: \(query)")
        }
    }

    @Test func hostileTranslationsStayTextInTheIndex() throws {
        let site = try Self.site()
        let hostile = "<img src=x onerror=alert(1)> Посвідка <script>alert(2)</script>"
        try site.translate("locales/uk/guide/karta.po") { $0 == "Karta pobytu" ? hostile : nil }
        let result = site.build()
        #expect(result.succeeded, "\(site.messages(result))")
        let ukrainian = Index(site.output, language: "uk")
        let found = try ukrainian.pages("посвідка")
        #expect(found == ["../guide/karta/"])
        // The title is a JSON string whose value is the text as the page shows it (the client puts it in with
        // textContent): no element and no handler come out of reading it.
        let files = FileTree.files(under: site.output.appendingPathComponent("uk/search"))
        for (path, url) in files where path.hasSuffix(".json") {
            _ = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
        }
        // The client builds the results with elements and textContent, never from markup.
        let client = try String(contentsOf: FixtureSite.packageRoot.appendingPathComponent("Sources/WitajSources/Resources/theme/assets/search.js"),
                                encoding: .utf8)
        for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
            #expect(!client.contains(sink), "search.js uses \(sink)")
        }
        // The search page itself has the client and nothing of the index.
        let page = try String(contentsOf: site.output.appendingPathComponent("uk/search/index.html"), encoding: .utf8)
        #expect(page.contains("search.js"))
        #expect(!page.contains("alert("))
    }

    @Test func pagesOtherThanTheSearchPageLoadNoSearchBytes() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        let page = try String(contentsOf: site.output.appendingPathComponent("pl/guide/karta/index.html"), encoding: .utf8)
        #expect(page.contains("<form class=\"search\" role=\"search\" action=\"../../search/\""))
        #expect(!page.contains("<script"))
        #expect(!page.contains(".json"))
    }

    @Test func theIndexIsTheSameFromBuildToBuild() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        let first = site.snapshot().filter { $0.key.contains("/search/") }
        try FileManager.default.removeItem(at: site.output)
        #expect(site.build().succeeded)
        let second = site.snapshot().filter { $0.key.contains("/search/") }
        #expect(first.count > 10)
        #expect(first == second)
    }

    @Test func aRebuildAfterAnEditGivesTheIndexOfACleanBuild() throws {
        let site = try Self.site()
        #expect(site.build().succeeded)
        try site.age()
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz rodzinny\nreviewed: 2026-10-05\n---\n\nPrzychodnia i recepty.\n")
        #expect(site.build().succeeded)
        let rebuilt = site.snapshot().filter { $0.key.contains("/search/") }
        #expect(try Index(site.output, language: "pl").pages("przychodni").contains("../guide/lekarz/"))
        #expect(try Index(site.output, language: "pl").pages("karty pobytu").contains("../guide/karta/"), "kept documents stay found")
        let clean = site.cleanBuild().files.filter { $0.key.contains("/search/") }
        #expect(rebuilt == clean)
    }
}
