import Foundation
import WitajICU

/// Where catalogs live and how they are read for a build or written by `witaj update`.
enum CatalogStore {
    /// "content/first-steps/pesel.xml" -> "locales/uk/first-steps/pesel.po".
    static func path(of source: String, language: String) -> String {
        var relative = String(source.dropFirst("content/".count))
        if let dot = relative.lastIndex(of: ".") { relative = String(relative[..<dot]) }
        return "locales/\(language)/\(relative).po"
    }

    static func uiPath(language: String) -> String { "locales/\(language)/ui.po" }

    static func read(_ path: String, root: URL, into diagnostics: inout Diagnostics) -> POCatalog? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        guard let text = SiteLoader.decode([UInt8](data), path: path, into: &diagnostics) else { return nil }
        return POReader.read(text, path: path, into: &diagnostics)
    }

    static func header(language: LanguageProfile, source: String, day: Day?) -> POEntry {
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

    /// All translations of all target languages, for the build; problems are diagnostics, a broken catalog is
    /// left out (its document shows the fallback language) and the others still load.
    static func load(_ site: Site, languages: [LanguageProfile], root: URL,
                     into diagnostics: inout Diagnostics) -> (Translations, [String: [String: String]]) {
        var translations: Translations = [:]
        var interface: [String: [String: String]] = [:]
        let resolver = LinkResolver(documents: site.documents)
        for language in languages where language.code != site.config.sourceLanguage {
            for document in site.documents {
                let path = path(of: document.source, language: language.code)
                guard let catalog = read(path, root: root, into: &diagnostics) else { continue }
                var entries: [String: TranslationEntry] = [:]
                for entry in catalog.entries where !entry.obsolete && entry.context == nil {
                    entries[entry.msgid] = TranslationEntry(text: entry.translation, fuzzy: entry.isFuzzy)
                    if entry.hasTranslation && !entry.isFuzzy {
                        TranslationChecker.check(entry, of: document, path: path, resolver: resolver, into: &diagnostics)
                    }
                }
                translations[language.code, default: [:]][document.source] = entries
            }
            let uiPath = uiPath(language: language.code)
            if let catalog = read(uiPath, root: root, into: &diagnostics) {
                interface[language.code] = TranslationChecker.interfaceStrings(catalog, language: language, path: uiPath,
                                                                              into: &diagnostics)
            }
        }
        return (translations, interface)
    }
}
