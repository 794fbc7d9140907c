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

    /// Templates (POT) of every catalog, for translators' tools: "content/first-steps/pesel.xml" ->
    /// "locales/templates/first-steps/pesel.pot". The build does not read them.
    package static let templatesFolder = "locales/templates"

    package static func templatePath(of source: String) -> String { "\(templatesFolder)/\(stem(of: source)).pot" }

    package static let uiTemplatePath = "\(templatesFolder)/ui.pot"

    /// What the header's Project-Id-Version names: the source document, or the theme's interface strings.
    package static let interfaceSource = "the theme's interface strings"

    /// A template's header, as xgettext writes one (fuzzy, with the fields a translator's tool fills in).
    package static func templateHeader(source: String, created: String) -> POEntry {
        var header = POEntry(msgid: "", msgstr: POHeader([
            .init("Project-Id-Version", "witaj \(source)"),
            .init("POT-Creation-Date", created),
            .init("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
            .init("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
            .init("Language-Team", "LANGUAGE <LL@li.org>"),
            .init("Language", ""),
        ] + fixedFields).msgstr)
        header.flags = ["fuzzy"]
        header.comments = [
            " Template of \(source): its segments, for translators' tools (msgmerge, msginit, Weblate).",
            " Written by `witaj update`; do not edit it: edit the source, run `witaj update`, translate the .po files.",
            "",
        ]
        return header
    }

    private static let fixedFields: [POHeader.Field] = [
        .init("MIME-Version", "1.0"),
        .init("Content-Type", "text/plain; charset=UTF-8"),
        .init("Content-Transfer-Encoding", "8bit"),
    ]

    /// A catalog's header, in step with its template: a new catalog gets what `msginit --no-translator` writes
    /// (with gettext's Plural-Forms for the language); an existing one keeps what its translators set
    /// (PO-Revision-Date, Last-Translator, Language-Team, their comments and any other field) and gets the
    /// template's POT-Creation-Date, as msgmerge does, and the fields it lacks.
    package static func header(_ existing: POEntry?, language: LanguageProfile, source: String, template: POEntry) -> POEntry {
        let created = POHeader(parsing: template.translation)["POT-Creation-Date"] ?? ""
        guard let existing else {
            var fields: [POHeader.Field] = [
                .init("Project-Id-Version", "witaj \(source)"),
                .init("POT-Creation-Date", created),
                .init("PO-Revision-Date", created),
                .init("Last-Translator", "Automatically generated"),
                .init("Language-Team", "none"),
                .init("Language", language.code),
            ] + fixedFields
            if let plurals = GettextPlurals.forms(language.code) { fields.append(.init("Plural-Forms", plurals)) }
            var header = POEntry(msgid: "", msgstr: POHeader(fields).msgstr)
            header.comments = [
                " \(LocaleInfo.autonym(language.code)) (\(language.code)) translation of \(source).",
                " Written by `witaj update`: translate each msgstr; keep Markdown (**bold**, [text](target)) and",
                " link targets. A changed source paragraph comes back marked fuzzy with the old text in #| msgid.",
                "",
            ]
            return header
        }
        var fields = POHeader(parsing: existing.translation)
        fields["Project-Id-Version"] = "witaj \(source)"
        // Filled in only where missing: never over what a translator (or a translator's tool) set.
        let defaults: [(String, String)] = [("PO-Revision-Date", created), ("Last-Translator", "Automatically generated"),
                                            ("Language-Team", "none"), ("Language", language.code)]
            + fixedFields.map { ($0.name, $0.value) }
        for (name, value) in defaults where fields[name] == nil { fields[name] = value }
        if fields["Plural-Forms"] == nil, let plurals = GettextPlurals.forms(language.code) { fields["Plural-Forms"] = plurals }
        var header = existing
        header.msgstr = [fields.merged(template: POHeader(parsing: template.translation)).msgstr]
        return header
    }

    /// Interface strings: msgid is the English text; strings with a count tell the translator which plural
    /// categories ICU says each of the site's languages needs (the same words in every language's catalog, so
    /// that msgmerge with the template changes nothing).
    package static func interfaceEntries(languages: [LanguageProfile]) -> [POEntry] {
        let categories = languages.map { "\($0.code): \($0.plurals.categories.joined(separator: " "))" }.joined(separator: "; ")
        // Made once for each set of languages: the coverage counts each language's interface strings at every build.
        return madeInterfaceEntries[categories] {
            entries(UIStrings.english, what: "interface string", plural: "give every plural category your language needs (\(categories))")
        }
    }

    private static let madeInterfaceEntries = Memo<String, [POEntry]>()

    /// The coverage report's strings, for the catalog of the language site.yml gives the report (`coverage: language`).
    package static func reportEntries() -> [POEntry] { madeReportEntries }

    private static let madeReportEntries = entries(UIStrings.report, what: "coverage report", plural: "give every plural category your language needs")

    private static func entries(_ keys: [String], what: String, plural: String) -> [POEntry] {
        keys.map { key in
            var entry = POEntry(msgid: key)
            if key.contains("plural,") {
                entry.extracted = ["ICU MessageFormat: keep {count} and #; \(plural)"]
            } else if key.utf8.contains(UInt8(ascii: "{")) {
                entry.extracted = ["\(what); keep the {placeholder}"]
            } else {
                entry.extracted = [what]
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
        let loaded = parallelMap(targets) { code -> (String, [String: POCatalog], POCatalog?, Glossary?, Diagnostics) in
            var diagnostics = Diagnostics()
            var documents: [String: POCatalog] = [:]
            for document in site.documents where !skipping.contains(document.source) {
                let path = path(of: document.source, language: code)
                if let catalog = read(path, root: root, comments: false, into: &diagnostics) { documents[path] = catalog }
            }
            let ui = read(uiPath(language: code), root: root, into: &diagnostics)
            let glossary = GlossaryReader.read(root: root, language: code, sourceLanguage: site.config.sourceLanguage,
                                               into: &diagnostics)
            return (code, documents, ui, glossary, diagnostics)
        }
        var catalogs = Catalogs()
        for (code, documents, ui, glossary, problems) in loaded {
            catalogs.documents[code] = documents
            catalogs.interface[code] = ui
            catalogs.glossaries[code] = glossary
            diagnostics.append(contentsOf: problems)
        }
        return catalogs
    }
}

/// The catalogs of a site, by language and path.
package struct Catalogs: Sendable {
    package var documents: [String: [String: POCatalog]] = [:]
    package var interface: [String: POCatalog] = [:]
    /// Each language's approved terms (`locales/<lang>/glossary.tbx`), where it has them.
    package var glossaries: [String: Glossary] = [:]
    /// What was wrong with catalogs that could not be read.
    package var diagnostics = Diagnostics()

    /// The current translations for the build, with translators' links and MessageFormat checked.
    /// `only`: the translations of these documents (by source) alone, nil: all.
    package func translations(for site: Site, languages: [LanguageProfile], only: Set<String>? = nil,
                      into diagnostics: inout Diagnostics) -> (Translations, [String: [String: String]]) {
        let links = TranslationLinks(site: site)
        let translated = only.map { only in site.documents.filter { only.contains($0.source) } } ?? site.documents
        // Where each segment of each document points, by its text, once for every language: a translation is
        // checked against its source.
        let sources = parallelMap(translated) { document in
            Dictionary(document.segments.map { (TextKey($0.text), (links.targets(of: $0), $0)) }, uniquingKeysWith: { a, _ in a })
        }
        let targets = languages.filter { $0.code != site.config.sourceLanguage }
        let perLanguage = parallelMap(targets) { language -> ([String: [TextKey: TranslationEntry]], [String: String]?, Diagnostics) in
            var diagnostics = Diagnostics()
            var byDocument: [String: [TextKey: TranslationEntry]] = [:]
            let terminology = glossaries[language.code].map { TerminologyChecker($0, sourceLanguage: site.config.sourceLanguage) }
            for (document, segments) in zip(translated, sources) {
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
                    if entry.hasTranslation && !entry.isFuzzy, let (targets, segment) = segments[key] {
                        // A translation that cannot be shown is left out: the fallback is shown.
                        guard let checked = TranslationChecker.check(entry, pointingTo: targets, in: document, path: path,
                                                                     links: links, into: &diagnostics) else { continue }
                        terminology?.check(source: segment.parsed.plainText(of: segment.text),
                                           translation: checked.plainText(of: entry.translation),
                                           at: SourceLocation(path, line: entry.msgstrLine), into: &diagnostics)
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
