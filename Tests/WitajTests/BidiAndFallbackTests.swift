import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajMarkdown
import WitajSite

/// What a reader of a right-to-left language, or of a mostly untranslated page, gets: numbers that keep their order,
/// typed data isolated, one language per article, notices that say what they mean.
@Suite struct BidiAndFallbackTests {
    static let phonePage = """
        ---
        title: Telefony zaufania
        summary: Gdzie zadzwonić.
        review: Sprawdzić godziny linii 116 123.
        reviewed: 2026-11-01
        ---

        Dzieci mogą dzwonić pod numer 116 111, dorośli pod 116 123, a w nagłej sytuacji pod 112.

        Infolinia pacjenta to 800 190 590.

        | Numer | Kto |
        |---|---|
        | 116 111 | dzieci |

        """

    func site(_ config: String = FixtureSite.multilingualWholePages, _ setup: (FixtureSite) throws -> Void = { _ in }) throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", config)
        try site.write("content/guide/telefony.md", Self.phonePage)
        _ = Update.run(root: site.root)
        try setup(site)
        return site
    }

    func page(_ result: Build.Result, _ path: String) throws -> String {
        String(decoding: try #require(result.artifacts.first { $0.path == path }).bytes, as: UTF8.self)
    }

    /// The page's `<article>` element and what is inside it.
    func article(_ html: String) throws -> Substring {
        let start = try #require(html.range(of: "<article"))
        let end = try #require(html.range(of: "</article>"))
        return html[start.lowerBound..<end.upperBound]
    }

    static let arabic: [String: String] = [
        "Telefony zaufania": "خطوط المساعدة",
        "Gdzie zadzwonić.": "أين تتصل.",
        "Dzieci mogą dzwonić pod numer 116 111, dorośli pod 116 123, a w nagłej sytuacji pod 112.":
            "يمكن للأطفال الاتصال بالرقم 116 111، والبالغين بالرقم 116 123، وفي حالة الطوارئ بالرقم 112.",
        "Infolinia pacjenta to 800 190 590.": "خط معلومات المرضى هو 800 190 590.",
        "Numer": "الرقم", "Kto": "من", "116 111": "116 111", "dzieci": "الأطفال",
    ]

    @Test func phoneNumbersInArabicTextAreIsolatedLeftToRight() throws {
        let site = try site {
            try $0.translate("locales/ar/guide/telefony.po") { Self.arabic[$0] }
            try $0.translate("locales/en/guide/telefony.po") { "EN " + $0 }
        }
        let result = site.check()
        #expect(result.succeeded, "\(site.messages(result))")
        let html = try page(result, "ar/guide/telefony/index.html")
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("بالرقم <bdi dir=\"ltr\">116 111</bdi>، والبالغين بالرقم <bdi dir=\"ltr\">116 123</bdi>،"))
        #expect(html.contains("<bdi dir=\"ltr\">800 190 590</bdi>"))
        // A number of one group keeps its order by itself: left as it is.
        #expect(html.contains("بالرقم 112."))
        // Left-to-right text needs no isolation.
        let english = try page(result, "en/guide/telefony/index.html")
        #expect(english.contains("116 111"))
        #expect(!english.contains("<bdi dir=\"ltr\">116"))
    }

    @Test func hostileTranslationsCannotInjectMarkupThroughTheIsolation() throws {
        let hostile = "<script>alert(1)</script> 116 111 <bdi dir=\"rtl\" onclick=\"x()\">1-2</bdi> \"><img src=x onerror=y> &amp; 1&2 +48<3"
        let site = try site {
            try $0.translate("locales/ar/guide/telefony.po") {
                $0 == "Infolinia pacjenta to 800 190 590." ? hostile : Self.arabic[$0]
            }
        }
        let result = site.check()
        let html = try page(result, "ar/guide/telefony/index.html")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        // No element of the page has an event handler: the translation's "onclick" and "onerror" stayed text.
        #expect(html.range(of: "<[a-z]+[^<>]*\\son[a-z]+=", options: .regularExpression) == nil)
        #expect(!html.contains("<bdi dir=\"rtl\""))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; <bdi dir=\"ltr\">116 111</bdi> &lt;bdi"))
        // A "+" that begins a number stays with it; what follows "<" is escaped, not a tag.
        #expect(html.contains("<bdi dir=\"ltr\">+48</bdi>&lt;3"))
        // The isolation itself, on any text: only the escaper writes the text, and every tag it adds is closed.
        let isolated = InlineHTMLRenderer.isolatingNumbers(hostile)
        #expect(isolated.components(separatedBy: "<bdi dir=\"ltr\">").count == isolated.components(separatedBy: "</bdi>").count)
        #expect(isolated.replacingOccurrences(of: "<bdi dir=\"ltr\">", with: "").replacingOccurrences(of: "</bdi>", with: "")
                == HTML.escape(hostile))
    }

    @Test func aMostlyUntranslatedPageIsShownWholeInTheFallbackLanguage() throws {
        let site = try site {
            // Arabic has only the title (a few words of about thirty); English has everything.
            try $0.translate("locales/ar/guide/telefony.po") { $0 == "Telefony zaufania" ? "خطوط المساعدة" : nil }
            try $0.translate("locales/en/guide/telefony.po") { "EN " + $0 }
        }
        let result = site.check()
        #expect(result.succeeded, "\(site.messages(result))")
        let html = try page(result, "ar/guide/telefony/index.html")
        // The interface stays the reader's; the article is English, marked once, with its direction.
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("<title>خطوط المساعدة"))
        let article = try article(html)
        #expect(article.hasPrefix("<article class=\"article\" lang=\"en\" dir=\"ltr\" data-fallback>"))
        #expect(article.contains("<h1>EN Telefony zaufania</h1>"))
        #expect(article.contains("<p>EN Dzieci mogą dzwonić pod numer 116 111"))
        #expect(!article.contains("<p lang=\"en\""))
        // The notice names both languages, in the language it is written in (English until ui.po translates it),
        // and says so inside the English article too.
        #expect(article.contains("<div class=\"notice\" role=\"note\" lang=\"en\" dir=\"ltr\"><p>This page is not yet translated into Arabic; it is shown in English.</p>"))
        #expect(!article.contains("Part of this page has not been translated"))
        // The section's title in the breadcrumb is the reader's language, inside the English article.
        #expect(article.contains("<p class=\"crumb\"><a href=\"../../guide/\" lang=\"pl\" dir=\"ltr\" data-fallback>"))
        // The list of the section still shows the Arabic title.
        let section = try page(result, "ar/guide/index.html")
        #expect(section.contains(">خطوط المساعدة</a>"))
    }

    @Test func aTranslatedNoticeIsInTheReadersLanguageInsideTheFallbackArticle() throws {
        let site = try site {
            try $0.translate("locales/ar/guide/telefony.po") { $0 == "Telefony zaufania" ? "خطوط المساعدة" : nil }
            try $0.translate("locales/ar/ui.po") {
                $0 == UIStrings.wholePageKey ? "هذه الصفحة غير مترجمة بعد إلى {language}، وهي معروضة باللغة {shown}." : nil
            }
        }
        let html = try page(site.check(), "ar/guide/telefony/index.html")
        // No English yet: the article falls back to Polish, the end of every chain... English is first in the chain.
        let article = try article(html)
        #expect(article.contains("<div class=\"notice\" role=\"note\" lang=\"ar\" dir=\"rtl\"><p>هذه الصفحة غير مترجمة بعد إلى العربية، وهي معروضة باللغة الإنجليزية.</p>"))
        #expect(article.hasPrefix("<article class=\"article\" lang=\"en\" dir=\"ltr\" data-fallback>"))
        // English has nothing: its segments are Polish, marked inside the English article.
        #expect(article.contains("<h1 lang=\"pl\" dir=\"ltr\" data-fallback>Telefony zaufania</h1>"))
    }

    @Test func aMostlyTranslatedPageKeepsItsFallbackSegmentsInline() throws {
        let site = try site {
            try $0.translate("locales/ar/guide/telefony.po") {
                $0 == "Infolinia pacjenta to 800 190 590." ? nil : Self.arabic[$0]
            }
            try $0.translate("locales/en/guide/telefony.po") { "EN " + $0 }
        }
        let html = try page(site.check(), "ar/guide/telefony/index.html")
        let article = try article(html)
        #expect(article.hasPrefix("<article class=\"article\">"))
        #expect(article.contains("<p lang=\"en\" dir=\"ltr\" data-fallback>EN Infolinia pacjenta to 800 190 590.</p>"))
        #expect(article.contains("Part of this page has not been translated yet"))
    }

    @Test func theShareBelowWhichAPageIsShownWholeIsASetting() throws {
        let config = FixtureSite.multilingualWholePages + "\ntranslations:\n  wholePageBelow: 0%\n"
        let site = try site(config) {
            try $0.translate("locales/ar/guide/telefony.po") { $0 == "Telefony zaufania" ? "خطوط المساعدة" : nil }
        }
        let html = try page(site.check(), "ar/guide/telefony/index.html")
        #expect(try article(html).hasPrefix("<article class=\"article\">"))
        #expect(html.contains("<h1>خطوط المساعدة</h1>"))

        let wrong = try self.site(FixtureSite.multilingualWholePages + "\ntranslations:\n  wholePageBelow: 150%\n")
        #expect(wrong.messages(wrong.check()).contains { $0.contains("site.yml:") && $0.contains("'wholePageBelow' must be a share from 0% to 100%") })
    }

    @Test func oneDigitPolicyPerLanguageSetInSiteYml() throws {
        // CLDR's default for Arabic: Arabic-Indic digits in dates, hours and amounts alike.
        let plain = try site { try $0.translate("locales/ar/guide/offices.po") { $0 == "Urzędy" ? "المكاتب" : "نص" } }
        let arabic = try page(plain.check(), "ar/guide/offices/index.html")
        #expect(arabic.contains("٢٠٢٦"))
        #expect(!arabic.contains("2026"))
        #expect(arabic.contains("<bdi>٨:٠٠"))

        let latin = try site(FixtureSite.multilingualWholePages.replacingOccurrences(of: "fallback: [en]", with: "fallback: [en]\n    digits: latn")) {
            try $0.translate("locales/ar/guide/offices.po") { $0 == "Urzędy" ? "المكاتب" : "نص" }
        }
        let western = try page(latin.check(), "ar/guide/offices/index.html")
        #expect(western.contains("2026"))
        #expect(!western.contains("٢٠٢٦"))
        #expect(!western.contains("٨:٠٠"))
        // The phone stays dialable and left to right either way; the address is Polish, isolated line by line.
        for html in [arabic, western] {
            #expect(html.contains("<a href=\"tel:+48120000000\" dir=\"ltr\">+48 12 000 00 00</a>"))
            #expect(html.contains("<address lang=\"pl\"><bdi>ul. Długa 1</bdi><br><bdi>30-001 Kraków</bdi></address>"))
        }

        let wrong = try site(FixtureSite.multilingualWholePages.replacingOccurrences(of: "fallback: [en]", with: "fallback: [en]\n    digits: \"0-9\""))
        #expect(wrong.messages(wrong.check()).contains { $0.contains("'digits' must be a numbering system") })
    }

    @Test func theReviewNoticeSaysWhichFactsAwaitConfirmation() throws {
        let site = try site { try $0.translate("locales/en/guide/telefony.po") { "EN " + $0 } }
        let html = try page(site.check(), "en/guide/telefony/index.html")
        #expect(html.contains("<details><summary>What our editors are checking (their note, in Polish)</summary><p lang=\"pl\" dir=\"ltr\">Sprawdzić godziny linii 116 123.</p></details>"))
    }

    @Test func wideTablesScrollInANamedRegionTheKeyboardReaches() throws {
        let site = try site()
        let html = try page(site.check(), "pl/guide/telefony/index.html")
        #expect(html.contains("<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"Numer, Kto\"><table>"))
    }

    /// Names translators keep in Polish are marked `lang="pl"` in every other language, for screen readers; the Polish
    /// page is as it was, and a translation cannot use the marking to put markup in.
    @Test func polishNamesInTranslatedTextCarryLangPl() throws {
        let source = "Wnioski przyjmuje Urząd Stanu Cywilnego, ul. Lubelska 29, 31-549 Kraków."
        let translations = [
            "en": "Applications go to the Urząd Stanu Cywilnego (Civil Registry Office), ul. Lubelska 29, 31-549 Kraków. To ask, call.",
            "uk": "Заяви приймає Urząd Stanu Cywilnego, ul. Lubelska 29, 31-549 Kraków.",
            "ar": "يقبل الطلبات Urząd Stanu Cywilnego في ul. Lubelska 29، 31-549 Kraków.",
        ]
        let site = try FixtureSite()
        try site.write("site.yml", """
            baseURL: https://example.org/pack/
            sourceLanguage: pl
            languages:
              - code: pl
              - code: en
              - code: uk
                fallback: [en]
              - code: ar
                fallback: [en]
            translations:
              wholePageBelow: 0%
            """)
        try site.write("content/guide/usc.md", "---\ntitle: Urząd Stanu Cywilnego\nreviewed: 2026-11-01\n---\n\n\(source)\n")
        _ = Update.run(root: site.root)
        for (language, text) in translations {
            try site.translate("locales/\(language)/guide/usc.po") { $0 == source ? text : $0 == "Urząd Stanu Cywilnego" ? "<script>Urząd Stanu Cywilnego</script>" : nil }
        }
        let result = site.check()
        #expect(result.succeeded, "\(site.messages(result))")
        let english = try article(try page(result, "en/guide/usc/index.html"))
        #expect(english.contains("Applications go to the <span lang=\"pl\">Urząd Stanu Cywilnego</span> (Civil Registry Office), "
            + "<span lang=\"pl\">ul. Lubelska</span> 29, 31-549 <span lang=\"pl\">Kraków</span>. To ask, call."), "\(english)")
        let ukrainian = try article(try page(result, "uk/guide/usc/index.html"))
        #expect(ukrainian.contains("Заяви приймає <span lang=\"pl\">Urząd Stanu Cywilnego</span>, <span lang=\"pl\">ul. Lubelska</span> 29, 31-549 <span lang=\"pl\">Kraków</span>."),
                "\(ukrainian)")
        // In right-to-left text a name is isolated left to right too; the postal code stays isolated as a number.
        let arabic = try article(try page(result, "ar/guide/usc/index.html"))
        #expect(arabic.contains("يقبل الطلبات <span lang=\"pl\" dir=\"ltr\">Urząd Stanu Cywilnego</span> في <span lang=\"pl\" dir=\"ltr\">ul. Lubelska</span> 29، "
            + "<bdi dir=\"ltr\">31-549</bdi> <span lang=\"pl\" dir=\"ltr\">Kraków</span>."), "\(arabic)")
        // A translated title that tries markup: escaped, its name marked all the same.
        #expect(english.contains("&lt;script&gt;<span lang=\"pl\">Urząd Stanu Cywilnego</span>&lt;/script&gt;"), "\(english)")
        #expect(!english.contains("<script"))
        // The Polish page marks nothing: the whole page is Polish.
        let polish = try page(result, "pl/guide/usc/index.html")
        #expect(!polish.contains("<span lang=\"pl\""))
        #expect(polish.contains(source))
        // The same bytes from one build to the next.
        #expect(try page(site.check(), "uk/guide/usc/index.html") == (try page(result, "uk/guide/usc/index.html")))
    }

    /// What is taken for a Polish name: runs that stand word for word in the source, starting and ending with a capital
    /// (or an abbreviation); not a letter alone, nor a Polish term kept in lower case.
    @Test func whatIsTakenForAPolishName() {
        let names = SourceNames(source: "Prawo jazdy kategorii B wydaje Wydział Komunikacji, ul. Wielicka 28. Zobacz też meldunek.")
        func marked(_ text: String) -> [String] { names.ranges(in: text).map { String(text[$0]) } }
        #expect(marked("A category B licence is issued by the Wydział Komunikacji, ul. Wielicka 28. See also meldunek.")
                == ["Wydział Komunikacji", "ul. Wielicka"])
        #expect(marked("Посвідчення категорії B видає Wydział Komunikacji (ul. Wielicka 28).") == ["Wydział Komunikacji", "ul. Wielicka"])
        // A word the source does not have, or has in another form, is the translation's.
        #expect(marked("The Wydziale Komunikacji on Wielicka Street.") == [])
    }
}
