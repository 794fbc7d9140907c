import Foundation
import WitajICU
import WitajMarkdown
import WitajCore
import WitajGettext
import WitajSources

/// Where catalogs live and how they are read for a build or written by `witaj update`.
package enum CatalogStore {
    /// "content/first-steps/pesel.xml" -> "locales/uk/first-steps/pesel.po".
    package static func path(of source: String, language: String) -> String {
        "locales/\(language)/\(stem(of: source)).po"
    }

    /// "content/first-steps/pesel.xml" -> "first-steps/pesel".
    package static func stem(of source: String) -> String {
        var relative = String(source.dropFirst("content/".count))
        if let dot = relative.lastIndex(of: ".") { relative = String(relative[..<dot]) }
        return relative
    }

    package static func uiPath(language: String) -> String { "locales/\(language)/ui.po" }

    package static func read(_ path: String, root: URL, comments: Bool = true, into diagnostics: inout Diagnostics) -> POCatalog? {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path), let bytes = SiteLoader.read(url, path: path, into: &diagnostics),
              let text = SiteLoader.decode(bytes, path: path, into: &diagnostics) else { return nil }
        return POReader.read(text, path: path, comments: comments, into: &diagnostics)
    }

    package static func header(language: LanguageProfile, source: String, day: Day?) -> POEntry {
        var header = POEntry(msgid: "", msgstr: [
            "Project-Id-Version: witaj \(source)",
            "PO-Revision-Date: \(day?.description ?? "2026-01-01") 00:00+0000",
            "Last-Translator: Automatically generated",
            "Language-Team: none",
            "Language: \(language.code)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
        ].map { $0 + "\n" }.joined())
        header.comments = [
            " \(LocaleInfo.autonym(language.code)) (\(language.code)) translation of \(source).",
            " Written by `witaj update`: translate each msgstr; keep Markdown (**bold**, [text](target)) and",
            " link targets. A changed source paragraph comes back marked fuzzy with the old text in #| msgid.",
            "",
        ]
        return header
    }

    /// Interface strings: msgid is the English text; strings with a count tell the translator which plural
    /// categories ICU says the language needs.
    package static func interfaceEntries(for language: LanguageProfile) -> [POEntry] {
        UIStrings.english.map { key in
            var entry = POEntry(msgid: key)
            if key.contains("plural,") {
                entry.extracted = ["ICU MessageFormat: keep {count} and #; \(language.code) needs the plural categories: "
                    + language.plurals.categories.joined(separator: " ")]
            } else if key.contains("{") {
                entry.extracted = ["interface string; keep the {placeholder}"]
            } else {
                entry.extracted = ["interface string"]
            }
            return entry
        }
    }

    /// Every catalog that exists for the site's target languages, as read, but those of the documents `skipping`
    /// (not read again). A broken catalog is reported and left out (its document shows the fallback language); the
    /// others still load.
    package static func load(_ site: Site, languages: [LanguageProfile], root: URL, skipping: Set<String> = [],
                             into diagnostics: inout Diagnostics) -> Catalogs {
        let targets = languages.map(\.code).filter { $0 != site.config.sourceLanguage }
        // One language per core; each reads its own files.
        let loaded = parallelMap(targets) { code -> (String, [String: POCatalog], POCatalog?, Diagnostics) in
            var diagnostics = Diagnostics()
            var documents: [String: POCatalog] = [:]
            for document in site.documents where !skipping.contains(document.source) {
                let path = path(of: document.source, language: code)
                if let catalog = read(path, root: root, comments: false, into: &diagnostics) { documents[path] = catalog }
            }
            let ui = read(uiPath(language: code), root: root, into: &diagnostics)
            return (code, documents, ui, diagnostics)
        }
        var catalogs = Catalogs()
        for (code, documents, ui, problems) in loaded {
            catalogs.documents[code] = documents
            catalogs.interface[code] = ui
            diagnostics.append(contentsOf: problems)
        }
        return catalogs
    }
}

/// The catalogs of a site, by language and path.
package struct Catalogs: Sendable {
    package var documents: [String: [String: POCatalog]] = [:]
    package var interface: [String: POCatalog] = [:]
    /// What was wrong with catalogs that could not be read.
    package var diagnostics = Diagnostics()

    /// The current translations for the build, with translators' links and MessageFormat checked.
    package func translations(for site: Site, languages: [LanguageProfile],
                      into diagnostics: inout Diagnostics) -> (Translations, [String: [String: String]]) {
        let links = TranslationLinks(site: site)
        // Where each segment of each document points, by its text, once for every language: a translation is
        // checked against its source.
        let sources = parallelMap(site.documents) { document in
            Dictionary(document.segments.map { (TextKey($0.text), links.targets(of: $0)) }, uniquingKeysWith: { a, _ in a })
        }
        let targets = languages.filter { $0.code != site.config.sourceLanguage }
        let perLanguage = parallelMap(targets) { language -> ([String: [TextKey: TranslationEntry]], [String: String]?, Diagnostics) in
            var diagnostics = Diagnostics()
            var byDocument: [String: [TextKey: TranslationEntry]] = [:]
            for (document, segments) in zip(site.documents, sources) {
                let path = CatalogStore.path(of: document.source, language: language.code)
                guard let catalog = documents[language.code]?[path] else { continue }
                var entries: [TextKey: TranslationEntry] = [:]
                for var entry in catalog.entries where !entry.obsolete && entry.context == nil {
                    if let clean = TranslationChecker.withoutControlCharacters(entry.translation) {
                        diagnostics.warning(SourceLocation(path, line: entry.msgstrLine),
                                            "the translation has control characters; they are shown as spaces")
                        entry.msgstr = [clean]
                    }
                    // Over the limits: refused like any unusable translation, the fallback is shown.
                    if entry.hasTranslation, let problem = MarkdownReader.limitProblem(inSegment: entry.translation) {
                        diagnostics.warning(SourceLocation(path, line: entry.msgstrLine), problem + "; the fallback is shown")
                        continue
                    }
                    // Only a current translation of a segment is ever shown: it is parsed once, here, and checked.
                    let key = TextKey(entry.msgid)
                    var parsed: ParsedText?
                    if entry.hasTranslation && !entry.isFuzzy, let targets = segments[key] {
                        // A translation that cannot be shown is left out: the fallback is shown.
                        guard let checked = TranslationChecker.check(entry, pointingTo: targets, in: document, path: path,
                                                                     links: links, into: &diagnostics) else { continue }
                        parsed = checked
                    }
                    entries[key] = TranslationEntry(text: entry.translation, fuzzy: entry.isFuzzy, parsed: parsed)
                }
                byDocument[document.source] = entries
            }
            let strings = interface[language.code].map {
                TranslationChecker.interfaceStrings($0, language: language, path: CatalogStore.uiPath(language: language.code),
                                                    into: &diagnostics)
            }
            return (byDocument, strings, diagnostics)
        }
        var translations: Translations = [:]
        var interfaceStrings: [String: [String: String]] = [:]
        for (language, (byDocument, strings, problems)) in zip(targets, perLanguage) {
            translations[language.code] = byDocument
            interfaceStrings[language.code] = strings
            diagnostics.append(contentsOf: problems)
        }
        return (translations, interfaceStrings)
    }
}
