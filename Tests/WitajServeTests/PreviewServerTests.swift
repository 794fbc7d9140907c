import Foundation
import Testing
import Witaj
import WitajCore
@testable import WitajServe

/// `witaj serve` as a browser and an editor meet it: a real server on a free port, real files edited in the
/// site's folder, pages and events fetched over HTTP.
@Suite(.serialized) struct PreviewServerTests {
    @Test func servesEveryLanguageFromMemoryAndWritesNothing() async throws {
        let site = try ServeSite()
        let server = RunningServer(root: site.root)
        try await server.start()

        let chooser = try await server.get("/")
        #expect(chooser.status == 200 && chooser.headers["content-type"] == "text/html; charset=utf-8")
        for language in ServeSite.languages {
            #expect(chooser.text.contains("href=\"\(language)/\""))
            for page in ["/\(language)/", "/\(language)/guide/lekarz/", "/\(language)/a-z/", "/\(language)/guide/registration/"] {
                let response = try await server.get(page)
                #expect(response.status == 200, "\(page)")
                #expect(response.headers["content-type"] == "text/html; charset=utf-8", "\(page)")
                #expect(response.headers["cache-control"] == "no-store", "\(page)")
                #expect(response.text.contains("<html lang=\"\(language)\""), "\(page)")
                #expect(response.text.contains(PreviewPage.eventsPath), "\(page): the reload script")
            }
            let book = try await server.get("/\(language)/pakiet-\(language).epub")
            #expect(book.status == 200 && book.headers["content-type"] == "application/epub+zip" && book.body.starts(with: Array("PK".utf8)))
        }
        #expect(try await server.get("/ar/").text.contains("dir=\"rtl\""))
        let types = ["/assets/style.css": "text/css; charset=utf-8", "/sitemap.xml": "application/xml; charset=utf-8",
                     "/coverage/coverage.json": "application/json; charset=utf-8", "/coverage/coverage.csv": "text/csv; charset=utf-8",
                     "/coverage/": "text/html; charset=utf-8"]
        for (path, type) in types {
            let response = try await server.get(path)
            #expect(response.status == 200 && response.headers["content-type"] == type, "\(path): \(response.status) \(response.headers)")
        }
        // A folder's page without its final slash: relative links need it.
        let redirect = try await server.get("/en/guide/lekarz?x=1")
        #expect(redirect.status == 301 && redirect.headers["location"] == "/en/guide/lekarz/?x=1")
        #expect(try await server.get("/en/nie-ma/").status == 404)
        #expect(try await server.get("/en/nie-ma/").text.contains(PreviewPage.eventsPath), "a missing page reloads when it comes")

        // HEAD: the same head, no body; other methods are refused.
        let head = try await server.get("/en/", method: "HEAD")
        let get = try await server.get("/en/")
        #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] == String(get.body.count))
        for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
            let refused = try await server.get("/en/", method: method)
            #expect(refused.status == 405 && refused.headers["allow"] == "GET, HEAD", "\(method)")
        }

        // The pages are the built pages with the preview's bar and script added just inside <body>, nothing else
        // (in the source language, which has no translators' marks); `witaj build` writes none of it.
        let output = site.root.appendingPathComponent("built")
        #expect(Build.run(root: site.root, output: output, sourceDateEpoch: ServeSite.sourceDateEpoch).succeeded)
        for page in ["pl/index.html", "pl/guide/lekarz/index.html", "pl/a-z/index.html"] {
            let built = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            let served = try await server.get("/" + page).text
            #expect(!built.contains("witaj-serve") && !built.contains(PreviewPage.eventsPath))
            let start = try #require(served.range(of: "<div id=\"witaj-serve\""))
            let end = try #require(served.range(of: "})();</script>"))
            #expect(served[..<start.lowerBound] + served[end.upperBound...] == built, "\(page)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site-out").path), "nothing written to site-out/")
        await server.stop()
    }

    @Test func anEditSendsTheReloadEventAndTheChangedPage() async throws {
        let site = try ServeSite()
        let server = RunningServer(root: site.root)
        try await server.start()
        let events = try EventStream(port: server.port)
        try await until("the current version") { events.version != nil }
        #expect(events.status == 200 && events.contentType == "text/event-stream; charset=utf-8")
        let first = try #require(events.version)
        // A page knows the version it was served with.
        #expect(try await server.get("/en/guide/lekarz/").text.contains(first))

        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nNowy tekst o lekarzu.\n")
        try await until("a reload event") { events.version != first }
        // A save in place may be seen half-way first: its page, then the whole one, each with its event.
        try await until("the new text, and its version as an event") {
            let page = try await server.get("/pl/guide/lekarz/").text
            return page.contains("Nowy tekst o lekarzu.") && events.version.map { page.contains($0) } == true
        }
        for language in ServeSite.languages {
            #expect(try await server.get("/\(language)/guide/lekarz/").text.contains("Nowy tekst o lekarzu."), "\(language)")
        }
        let second = try #require(events.version)
        #expect(server.lastRemade == .some(["content/guide/lekarz.md"]), "only the page that changed was made")

        // A catalog entry: the translation shows in its language.
        _ = Update.run(root: site.root, language: "en")
        try site.translate("locales/en/guide/lekarz.po") { $0 == "Nowy tekst o lekarzu." ? "New text about the doctor." : nil }
        // `witaj update` and the translator's save may come as one burst of edits or two: each has its event.
        try await until("the translation is shown") { try await server.get("/en/guide/lekarz/").text.contains("New text about the doctor.") }
        try await until("its reload event") { events.version != second }
        events.close()
        await server.stop()
    }

    @Test func errorsShowOnEveryPageAboveTheLastGoodOne() async throws {
        let site = try ServeSite()
        let server = RunningServer(root: site.root)
        try await server.start()
        let events = try EventStream(port: server.port)
        try await until("the current version") { events.version != nil }
        let good = try #require(events.version)

        try site.write("content/guide/ziemia.md", "---\ntitle: Źródła wody\nreviewed: 2026-10-05\n---\n\nZobacz [brak](nie-ma.md).\n")
        try await until("a reload event") { events.version != good }
        let diagnostics = try #require(server.lastDiagnostics)
        let error = try #require(diagnostics.errors.first)
        #expect(error.location.path == "content/guide/ziemia.md" && error.location.line == 6)
        for page in ["/pl/guide/ziemia/", "/en/", "/ar/a-z/", "/"] {
            let response = try await server.get(page)
            #expect(response.status == 200, "\(page): the last good page")
            #expect(response.text.contains("role=\"alert\""), "\(page)")
            #expect(response.text.contains(HTMLEscaped(error.description)), "\(page): path:line:col: error: message")
            let caret = String(repeating: " ", count: error.location.column - 1) + "^"
            #expect(response.text.contains("Zobacz [brak](nie-ma.md).\n" + caret), "\(page): the source line and its column")
        }
        #expect(try await server.get("/pl/guide/ziemia/").text.contains("Tekst o ziemia."), "the last good text")

        // Mended (a save in place may be seen half-way first: another error, then the page).
        try site.write("content/guide/ziemia.md", "---\ntitle: Źródła wody\nreviewed: 2026-10-05\n---\n\nZiemia i woda.\n")
        try await until("the mended page") { try await server.get("/pl/guide/ziemia/").text.contains("<p>Ziemia i woda.</p>") }
        #expect(!(try await server.get("/pl/guide/ziemia/").text.contains("role=\"alert\"")))
        #expect(server.lastDiagnostics?.hasErrors == false)
        events.close()
        await server.stop()
    }

    @Test func aSiteWithErrorsFromTheStartShowsThemOnEveryPath() async throws {
        let site = try ServeSite()
        try site.write("content/guide/ziemia.md", "---\ntitle: Źródła wody\nreviewed: 2026-11-01\n---\n\nZobacz [brak](nie-ma.md).\n")
        let server = RunningServer(root: site.root)
        try await server.start()
        for path in ["/", "/pl/", "/anything"] {
            let response = try await server.get(path)
            #expect(response.status == 500 && response.text.contains("content/guide/ziemia.md:6:"), "\(path)")
            #expect(response.text.contains(PreviewPage.eventsPath))
        }
        await server.stop()
    }

    @Test func nothingOutsideTheSiteCanBeReached() async throws {
        let site = try ServeSite()
        // A link in the sources to a folder outside: the build does not follow it, nor does the server.
        try FileManager.default.createSymbolicLink(atPath: site.url("content/etc").path, withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: site.url("content/guide/hasla.md").path, withDestinationPath: "/etc/passwd")
        let server = RunningServer(root: site.root)
        try await server.start()
        let attempts = [
            "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/pl/..%2f..%2f..%2fetc%2fpasswd", "/pl/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/etc/passwd",
            "/pl/guide/..%5c..%5c..%5cetc%5cpasswd", "/%00../etc/passwd", "/pl/guide/lekarz/%00", "/./pl/",
            "http://127.0.0.1/../../etc/passwd", "/pl/etc/passwd", "/etc/", "/pl/guide/hasla/", "/%ff%fe/",
            "/" + String(repeating: "../", count: 50) + "etc/passwd", site.root.path + "/site.yml", "/site.yml", "/content/index.md",
        ]
        for target in attempts {
            let response = try await server.get(target)
            #expect([400, 404].contains(response.status), "\(target): \(response.status)")
            #expect(!response.text.contains("root:x:0:0") && !response.text.contains("baseURL:"), "\(target)")
        }
        #expect(try await server.get("/pl/").status == 200, "the server still answers")
        await server.stop()
    }

    @Test func editorsSavingStylesAndBurstsEndInTheRightPage() async throws {
        let site = try ServeSite()
        let server = RunningServer(root: site.root)
        try await server.start()
        let events = try EventStream(port: server.port)
        try await until("the current version") { events.version != nil }
        let path = "content/guide/lekarz.md"
        func page(_ text: String) -> String { "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\n\(text)\n" }
        func served(_ text: String) async throws {
            try await until("the page shows \"\(text)\"", seconds: 60) { try await server.get("/pl/guide/lekarz/").text.contains(text) }
        }

        // A burst of saves in place, as fast as the disk takes them.
        for i in 1...40 { try site.write(path, page("Wersja \(i) tekstu.")) }
        try await served("Wersja 40 tekstu.")

        // Write a temporary file and rename it over the document (vim with backupcopy=no, VS Code, Emacs).
        try site.write("content/guide/.lekarz.md.tmp", page("Zapisane przez zmianę nazwy."))
        #expect(rename(site.url("content/guide/.lekarz.md.tmp").path, site.url(path).path) == 0)
        try await served("Zapisane przez zmianę nazwy.")

        // Delete, then create (some editors, `git checkout`).
        try site.remove(path)
        try await Task.sleep(for: .milliseconds(300))
        try site.write(path, page("Usunięty i utworzony na nowo."))
        try await served("Usunięty i utworzony na nowo.")

        // Saved half-way: the first half alone for a while (an error, or a page cut short), then the rest.
        let whole = Array(page("Zapisany w dwóch częściach, z [linkiem](apteki.md).").utf8)
        let handle = try FileHandle(forWritingTo: site.url(path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: whole[..<(whole.count - 12)])
        try await Task.sleep(for: .milliseconds(400))
        try handle.write(contentsOf: whole[(whole.count - 12)...])
        try handle.close()
        try await served("Zapisany w dwóch częściach, z <a href=\"../../guide/apteki/\">linkiem</a>.")

        // A catalog saved in a burst together with its document, and a whole folder removed and put back.
        try site.write(path, page("Ostatni tekst."))
        try site.translate("locales/en/guide/lekarz.po") { _ in nil }
        let guide = site.url("locales/ar/guide"), aside = site.url("locales/ar/guide-aside")
        try FileManager.default.moveItem(at: guide, to: aside)
        try FileManager.default.moveItem(at: aside, to: guide)
        try await served("Ostatni tekst.")

        // After all that, the site in memory is the site a new server makes.
        try await Task.sleep(for: .milliseconds(500))
        let settled = try await server.get("/en/guide/lekarz/").text
        #expect(server.lastDiagnostics?.hasErrors == false)
        let fresh = RunningServer(root: site.root)
        try await fresh.start()
        for page in ["/en/guide/lekarz/", "/pl/guide/lekarz/", "/ar/a-z/", "/coverage/coverage.json"] {
            let (shown, new) = (try await server.get(page).text, try await fresh.get(page).text)
            #expect(strip(shown) == strip(new), "\(page)")
        }
        let settledFresh = try await fresh.get("/en/guide/lekarz/").text
        #expect(strip(settled) == strip(settledFresh))
        events.close()
        await fresh.stop()
        await server.stop()
    }

    @Test func aPortInUseIsAClearError() async throws {
        let site = try ServeSite()
        let first = RunningServer(root: site.root)
        try await first.start()
        let second = PreviewServer(root: site.root, port: first.port) { _ in }
        do throws(PreviewServer.Failure) {
            try await second.run()
            Issue.record("a second server on the same port ran")
        } catch {
            #expect(error.description == "<command line>:1:1: error: port \(first.port) on 127.0.0.1 is in use by another program; choose another with --port")
        }
        #expect(try await first.get("/pl/").status == 200)
        await first.stop()
    }

    @Test func translatorsSeeWhatIsUntranslatedOrOutdatedAndABuildNeverHasIt() async throws {
        let site = try ServeSite()
        try site.translate("locales/en/guide/lekarz.po") { $0 == "Tekst o lekarz." ? "Text about the <doctor> & \"GP\"." : nil }
        try site.write("content/guide/lekarz.md", "---\ntitle: Lekarz\nreviewed: 2026-10-05\n---\n\nTekst o lekarzu rodzinnym.\n")
        _ = Update.run(root: site.root)
        let server = RunningServer(root: site.root)
        try await server.start()
        let english = try await server.get("/en/guide/lekarz/").text
        // The body's paragraph: outdated, with what its translation was made for; the title: not translated.
        #expect(english.contains(#"<p lang="pl" dir="ltr" data-fallback data-witaj-state="outdated" data-witaj-was="Tekst o lekarz." "#
            + #"data-witaj-now="Tekst o lekarzu rodzinnym." data-witaj-translation="Text about the &lt;doctor&gt; &amp; &quot;GP&quot;." "#
            + #"data-witaj-source-lang="pl">Tekst o lekarzu rodzinnym.</p>"#))
        #expect(english.contains(#"<h1 lang="pl" dir="ltr" data-fallback data-witaj-state="untranslated">Lekarz</h1>"#))
        // Arabic falls back to English, which is outdated itself: the Polish text, untranslated in Arabic.
        #expect(try await server.get("/ar/guide/lekarz/").text.contains(#"data-witaj-state="untranslated">Tekst o lekarzu rodzinnym.</p>"#))
        #expect(!(try await server.get("/pl/guide/lekarz/").text.contains(" data-witaj-state=\"")), "no marks in the source language")
        await server.stop()

        let output = site.root.appendingPathComponent("built")
        #expect(Build.run(root: site.root, output: output, sourceDateEpoch: ServeSite.sourceDateEpoch).succeeded)
        for path in try FileManager.default.subpathsOfDirectory(atPath: output.path) where path.hasSuffix(".html") {
            let page = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(!page.contains("data-witaj") && !page.contains("witaj-serve"), "\(path)")
        }
    }

    @Test func draftsAreLeftOutOrShownWithABanner() async throws {
        let site = try ServeSite()
        try site.write("content/guide/nowy.md", "---\ntitle: Nowy\ndraft: true\nreviewed: 2026-11-01\n---\n\nJeszcze nie gotowe.\n")
        let hidden = RunningServer(root: site.root)
        try await hidden.start()
        #expect(try await hidden.get("/pl/guide/nowy/").status == 404)
        #expect(try await hidden.get("/pl/").text.contains("1 draft left out"))
        await hidden.stop()

        let shown = RunningServer(root: site.root, drafts: true)
        try await shown.start()
        for language in ServeSite.languages {
            let page = try await shown.get("/\(language)/guide/nowy/")
            #expect(page.status == 200 && page.text.contains("class=\"witaj-draft\""), "\(language)")
        }
        #expect(!(try await shown.get("/pl/guide/lekarz/").text.contains("class=\"witaj-draft\"")), "other pages have no banner")
        // Made again alone after an edit, it is still a draft; another page made again is not.
        try site.write("content/guide/nowy.md", "---\ntitle: Nowy\ndraft: true\nreviewed: 2026-11-01\n---\n\nPrawie gotowe.\n")
        try await until("the draft's edit is shown") { try await shown.get("/pl/guide/nowy/").text.contains("Prawie gotowe.") }
        #expect(shown.lastRemade == .some(["content/guide/nowy.md"]))
        #expect(try await shown.get("/pl/guide/nowy/").text.contains("class=\"witaj-draft\""))
        // Published: no banner.
        try site.write("content/guide/nowy.md", "---\ntitle: Nowy\nreviewed: 2026-11-01\n---\n\nGotowe.\n")
        try await until("the published page") { try await shown.get("/pl/guide/nowy/").text.contains("Gotowe.") }
        #expect(!(try await shown.get("/pl/guide/nowy/").text.contains("class=\"witaj-draft\"")))
        await shown.stop()
    }

    /// A page without the version it was served with.
    func strip(_ html: String) -> String {
        html.replacingOccurrences(of: #"data-version="[^"]*""#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"var version = "[^"]*";"#, with: "", options: .regularExpression)
    }
}

func HTMLEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
}
