import Foundation
import Testing
@testable import WitajServe

/// The search page in a real browser (Debian's headless chromium over WebDriver), on the preview of a site in
/// Polish, Ukrainian and Arabic: a query typed in a form the page does not contain finds the page, with the word
/// marked, and the result leads to it.
@Suite(.serialized) struct SearchBrowserTests {
    static let siteYAML = """
        baseURL: https://example.org/pack/
        sourceLanguage: pl
        languages:
          - code: pl
          - code: uk
          - code: ar
        """

    @Test(.enabled(if: BrowserTests.chromium != nil && BrowserTests.chromedriver != nil,
                   "chromium and chromedriver are not installed (apt-get install chromium chromium-driver; script/test does)"))
    func aTypedQueryFindsItsPageInPolishUkrainianAndArabic() async throws {
        let site = try ServeSite(siteYAML: Self.siteYAML)
        try site.translate("locales/uk/guide/lazienki.po") {
            ["Łaźnie miejskie": "Міські лазні", "Gdzie się wykąpać.": "Де помитися."][$0]
        }
        try site.translate("locales/ar/guide/lazienki.po") {
            ["Łaźnie miejskie": "الحمامات العامة <img src=x onerror=\"window.witajHostile=1\">", "Gdzie się wykąpać.": "أين تستحم."][$0]
        }
        let server = RunningServer(root: site.root)
        try await server.start()
        let browser = try await WebDriver.start(chromium: BrowserTests.chromium!, driver: BrowserTests.chromedriver!)
        do {
            let base = "http://127.0.0.1:\(server.port)"
            // Each query is a form of the title's words that the title does not have (or has without its letters).
            for (language, query, word) in [("pl", "laznia", "Łaźnie"), ("uk", "лазнях", "лазні"), ("ar", "حمامات", "الحمامات")] {
                try await browser.open("\(base)/\(language)/guide/")
                // The page's own search field sends the query to the search page.
                _ = try await browser.run("""
                    var f = document.querySelector('form.search'); f.querySelector('input').value = \(Self.literal(query)); f.submit(); return true
                    """)
                try await until("\(language): the results of '\(query)'") {
                    try await browser.run("return document.querySelectorAll('ol.search-results li').length") as? Int ?? 0 > 0
                }
                let first = try await browser.run("""
                    var a = document.querySelector('ol.search-results li a');
                    return [a.getAttribute('href'), Array.prototype.map.call(a.querySelectorAll('mark'), function (m) { return m.textContent; }),
                            document.documentElement.dir, document.querySelector('.search-needs-script').hidden]
                    """) as? [Any]
                #expect(first?[0] as? String == "\(base)/\(language)/guide/lazienki/", "\(language): \(first ?? [])")
                #expect((first?[1] as? [String])?.contains(word) == true, "\(language): the word found is marked: \(first ?? [])")
                #expect(first?[2] as? String == (language == "ar" ? "rtl" : "ltr"))
                #expect(first?[3] as? Bool == true, "the note for readers without JavaScript is hidden")
                // Markup in a translation stays text: no element made of it, no handler run.
                #expect(try await browser.run("return document.querySelectorAll('ol.search-results img').length") as? Int == 0)
                #expect(try await browser.run("return window.witajHostile === undefined") as? Bool == true)
                _ = try await browser.run("document.querySelector('ol.search-results li a').click(); return true")
                try await until("\(language): the result leads to its page") {
                    try await browser.run("return location.pathname") as? String == "/\(language)/guide/lazienki/"
                }
            }
            // A query nothing answers says so.
            try await browser.open("\(base)/pl/search/?q=\(Self.percent("xyzzyqq"))")
            try await until("the search page says nothing matches") {
                try await browser.run("return !document.querySelector('.search-none').hidden") as? Bool == true
            }
        } catch {
            await browser.quit()
            await server.stop()
            throw error
        }
        await browser.quit()
        await server.stop()
    }

    static func literal(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        return String(decoding: data, as: UTF8.self) + "[0]"
    }

    static func percent(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text }
}
