import Foundation
import WitajCore
import WitajMarkdown

/// What the server adds to every HTML page it serves, never to built output: a small bar (the translators'
/// preview switch), the site's errors at the top while it has any, and the script that reloads the page when the
/// site was made again.
package struct PreviewPage: Sendable {
    /// The path of the server-sent events (`PreviewServer`).
    package static let eventsPath = "/__witaj/events"
    /// The query that turns the translators' preview on (`1`) or off (`0`) from a link.
    package static let previewQuery = "witaj-preview"

    /// Names this generation of the site: a page served with another is stale.
    package let version: String
    /// The errors' panel, HTML; empty when the site has none.
    package let errors: String
    /// How many draft documents the site leaves out (`witaj serve --drafts` shows them).
    package let draftsLeftOut: Int

    /// `root`: the site's folder, to quote the lines the errors are on.
    package init(version: String, diagnostics: Diagnostics, root: URL, hasPages: Bool, draftsLeftOut: Int = 0) {
        self.version = version
        errors = Self.errorPanel(diagnostics, root: root, hasPages: hasPages)
        self.draftsLeftOut = draftsLeftOut
    }

    /// The page with the bar, the errors and the script just inside `<body>` (at the end when it has none); a
    /// draft's page (`draft`) says it is one.
    package func inject(into html: [UInt8], draft: Bool = false) -> [UInt8] {
        let added = Array(overlay(draft: draft).utf8)
        guard let at = Self.afterBodyTag(html) else { return html + added }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + added.count)
        out += html[..<at]
        out += added
        out += html[at...]
        return out
    }

    /// The byte after `<body ...>`, if the page has one.
    static func afterBodyTag(_ html: [UInt8]) -> Int? {
        let needle = Array("<body".utf8)
        var i = 0
        while i + needle.count <= html.count {
            if html[i] == needle[0], Array(html[i..<(i + needle.count)]) == needle,
               i + needle.count < html.count, [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(html[i + needle.count]) {
                guard let end = html[(i + needle.count)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                return end + 1
            }
            i += 1
        }
        return nil
    }

    /// A page of its own, for a path the site does not have or a site that has no pages yet.
    package func page(title: String, message: String) -> [UInt8] {
        let html = """
            <!DOCTYPE html>
            <html lang="en" dir="ltr">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 0 1rem;">
            <h1>\(HTML.escape(title))</h1>
            <p>\(message)</p>
            </body>
            </html>

            """
        return inject(into: Array(html.utf8))
    }

    func overlay(draft: Bool = false) -> String {
        let banner = draft ? Self.draftBanner : ""
        let leftOut = draftsLeftOut == 0 ? "" : " <span class=\"witaj-drafts\">\(draftsLeftOut) draft\(draftsLeftOut == 1 ? "" : "s") left out "
            + "(<code>witaj serve --drafts</code> shows them)</span>"
        return "<div id=\"witaj-serve\" lang=\"en\" dir=\"ltr\" data-version=\"\(HTML.escape(version, quotes: .both))\">"
            + "<style>\(Self.style)</style>" + errors + banner + Self.bar.replacingOccurrences(of: "</div>", with: leftOut + "</div>") + "</div>"
            + "<script>\(Self.script.replacingOccurrences(of: "@VERSION@", with: Self.javaScriptString(version)))</script>"
    }

    /// A JavaScript string literal, safe inside a `<script>` element.
    static func javaScriptString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "'": out += String(format: "\\u%04x", scalar.value)
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Every diagnostic of a site with errors, as the terminal shows it, with the line it points at.
    static func errorPanel(_ diagnostics: Diagnostics, root: URL, hasPages: Bool) -> String {
        guard diagnostics.hasErrors else { return "" }
        let errors = diagnostics.errors.count
        let warnings = diagnostics.items.count - errors
        var html = "<section class=\"witaj-errors\" role=\"alert\"><h2>The site has \(errors) error\(errors == 1 ? "" : "s")"
        html += warnings > 0 ? " and \(warnings) warning\(warnings == 1 ? "" : "s")" : ""
        html += "</h2><p>"
        html += hasPages ? "This page is from the last build without errors. Fix them and save: the page reloads by itself."
            : "No page can be shown until they are fixed. Save the file and this page reloads by itself."
        html += "</p><ol>"
        var lines = SourceLines(root: root)
        for diagnostic in diagnostics.sorted {
            html += "<li class=\"witaj-\(diagnostic.severity.rawValue)\"><code>\(HTML.escape(diagnostic.description))</code>"
            if let quoted = lines.quote(diagnostic.location) { html += "<pre>\(quoted)</pre>" }
            html += "</li>"
        }
        return html + "</ol></section>"
    }

    /// The lines of the site's files that diagnostics point at, each file read once.
    struct SourceLines {
        let root: URL
        var files: [String: [Substring]] = [:]

        /// The line, and a caret under the column (a count of UTF-8 bytes), escaped for HTML; nil when the file or
        /// line is not there (a folder, the default theme).
        mutating func quote(_ location: SourceLocation) -> String? {
            if files[location.path] == nil {
                let url = root.appendingPathComponent(location.path)
                var info = stat()
                guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size <= 8 << 20,
                      let data = FileManager.default.contents(atPath: url.path) else { return nil }
                let text = String(decoding: data, as: UTF8.self)
                files[location.path] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let lines = files[location.path], location.line <= lines.count else { return nil }
            var line = Substring(lines[location.line - 1])
            if line.last == "\r" { line = line.dropLast() }
            // Long lines are cut around the column.
            let utf8 = Array(line.utf8)
            let column = min(location.column - 1, utf8.count)
            let before = String(decoding: utf8[..<column], as: UTF8.self)
            let width = before.count
            let shown = String(line).count > 160 ? String(String(line).prefix(max(160, width + 40))) : String(line)
            return HTML.escape(shown) + "\n" + String(repeating: " ", count: width) + "^"
        }
    }

    static let draftBanner = """
        <p class="witaj-draft" role="note"><strong>Draft.</strong> This document says <code>draft: true</code>:         <code>witaj build</code> leaves it out, and a published page may not link to it, until that line goes.</p>
        """

    static let bar = """
        <div class="witaj-bar"><strong>witaj serve</strong> \
        <label><input type="checkbox" id="witaj-preview-switch"> translation status</label>\
        <span class="witaj-legend"> <span class="witaj-key witaj-untranslated">untranslated</span> \
        <span class="witaj-key witaj-outdated">outdated</span></span></div>
        """

    static let style = """
        #witaj-serve { font: 14px/1.45 system-ui, sans-serif; color: #1d1d1f; }
        #witaj-serve .witaj-bar { position: fixed; inset-inline-end: .5rem; bottom: .5rem; z-index: 2147483647; background: #fff; \
        border: 1px solid #b9bcc4; border-radius: .4rem; padding: .25rem .6rem; box-shadow: 0 1px 4px #0003; }
        #witaj-serve .witaj-legend { display: none; }
        .witaj-preview #witaj-serve .witaj-legend { display: inline; }
        #witaj-serve .witaj-key { padding: 0 .3em; border-radius: .2rem; color: #fff; }
        .witaj-untranslated { background: #9a6a00; }
        .witaj-outdated { background: #b3261e; }
        #witaj-serve .witaj-errors { background: #fdecea; border: 2px solid #b3261e; padding: .5rem 1rem; margin: .5rem 0; }
        #witaj-serve .witaj-errors h2 { margin: .25rem 0; font-size: 1.1rem; color: #8c1d18; }
        #witaj-serve .witaj-errors ol { padding-inline-start: 1.2rem; }
        #witaj-serve .witaj-errors li { margin: .5rem 0; }
        #witaj-serve .witaj-errors code { font-weight: 600; overflow-wrap: anywhere; }
        #witaj-serve .witaj-errors pre { margin: .2rem 0; padding: .3rem .5rem; background: #fff; overflow-x: auto; }
        #witaj-serve .witaj-warning code { font-weight: 400; }
        #witaj-serve .witaj-draft { background: #e8f0fe; border: 2px dashed #0b5cad; padding: .5rem 1rem; margin: .5rem 0; }
        #witaj-serve .witaj-drafts { color: #55575c; }
        .witaj-preview main [data-witaj-state] { outline: 2px dashed #9a6a00; outline-offset: 2px; }
        .witaj-preview main [data-witaj-state="outdated"] { outline-color: #b3261e; }
        .witaj-preview main [data-witaj-state]::before { content: attr(data-witaj-state) " \\00b7 " attr(lang); font: 11px/1.5 system-ui, sans-serif; \
        color: #fff; background: #9a6a00; padding: 0 .3em; margin-inline-end: .4em; border-radius: .2rem; }
        .witaj-preview main [data-witaj-state="outdated"]::before { background: #b3261e; }
        details.witaj-change { font: 13px/1.45 system-ui, sans-serif; margin: .2rem 0 .6rem; border-inline-start: 3px solid #b3261e; padding-inline-start: .5rem; }
        details.witaj-change dt { font-weight: 600; }
        details.witaj-change dd { margin: 0 0 .3rem; white-space: pre-wrap; }
        """

    /// Reloads the page when the site changes (the events name the site's version; the first one comes at once,
    /// so a page made stale while it loaded reloads too), and shows translators the segments shown from a
    /// fallback when the switch is on (kept in the browser for every page; `?witaj-preview=1` or `0` sets it).
    static let script = """
        (function () {
        var version = @VERSION@;
        var root = document.documentElement;
        var box = document.getElementById("witaj-preview-switch");
        function store(on) { try { localStorage.setItem("witaj-preview", on ? "1" : "0"); } catch (e) {} }
        function stored() { try { return localStorage.getItem("witaj-preview") === "1"; } catch (e) { return false; } }
        function details(element) {
          var was = element.getAttribute("data-witaj-was");
          if (was === null || (element.nextElementSibling && element.nextElementSibling.className === "witaj-change")) return;
          var d = document.createElement("details"), s = document.createElement("summary"), list = document.createElement("dl");
          d.className = "witaj-change"; d.lang = "en"; d.dir = "ltr";
          s.textContent = "What changed in the source";
          function item(term, text, lang) {
            var dt = document.createElement("dt"), dd = document.createElement("dd");
            dt.textContent = term; dd.textContent = text; if (lang) dd.lang = lang;
            list.appendChild(dt); list.appendChild(dd);
          }
          item("The translation was made for", was, element.getAttribute("data-witaj-source-lang"));
          item("The source now says", element.getAttribute("data-witaj-now") || "", element.getAttribute("data-witaj-source-lang"));
          item("The outdated translation", element.getAttribute("data-witaj-translation") || "", root.lang);
          d.appendChild(s); d.appendChild(list);
          element.insertAdjacentElement(element.tagName === "TD" || element.tagName === "TH" || element.tagName === "LI" ? "beforeend" : "afterend", d);
        }
        function apply(on) {
          root.classList.toggle("witaj-preview", on);
          var marked = document.querySelectorAll("main [data-witaj-was]");
          for (var i = 0; i < marked.length; i++) { if (on) details(marked[i]); }
          var added = document.querySelectorAll("details.witaj-change");
          for (var j = 0; j < added.length; j++) { added[j].hidden = !on; }
        }
        var asked = new URLSearchParams(location.search).get("witaj-preview");
        if (asked === "1" || asked === "0") store(asked === "1");
        box.checked = stored();
        // The script comes first in <body>: the page's segments are there once it is parsed.
        if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { apply(box.checked); });
        else apply(box.checked);
        box.addEventListener("change", function () { store(box.checked); apply(box.checked); });
        var events = new EventSource("/__witaj/events");
        events.addEventListener("reload", function (event) {
          if (event.data !== version) { events.close(); location.reload(); }
        });
        })();
        """
}
