import Foundation
import WitajXML
import WitajCore

/// Reads a language's glossary, `locales/<lang>/glossary.tbx`: TBX (ISO 30042, the `martif` form that Weblate,
/// translate-toolkit, memoQ and Trados read), one `termEntry` per concept with a `langSet` in the source language
/// and one in the glossary's language. A term marked `deprecatedTerm-admn-sts` is one not to use; any other is
/// approved (the first the preferred one).
package enum GlossaryReader {
    package static func path(language: String) -> String { "locales/\(language)/glossary.tbx" }

    /// The glossary of a language, nil when it has none (or it cannot be read: said in `diagnostics`).
    package static func read(root: URL, language: String, sourceLanguage: String, into diagnostics: inout Diagnostics) -> Glossary? {
        let path = path(language: language)
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path), let bytes = SiteLoader.read(url, path: path, into: &diagnostics) else { return nil }
        return read(bytes, path: path, language: language, sourceLanguage: sourceLanguage, into: &diagnostics)
    }

    package static func read(_ bytes: [UInt8], path: String, language: String, sourceLanguage: String,
                             into diagnostics: inout Diagnostics) -> Glossary? {
        let result = XMLReader.read(bytes, path: path)
        for issue in result.issues {
            let location = SourceLocation(path, line: issue.line, column: issue.column)
            let message = XMLDocumentReader.editorsWords(issue.message)
            if issue.isWarning { diagnostics.warning(location, message) } else { diagnostics.error(location, message) }
        }
        guard let root = result.root, !result.hasErrors else { return nil }
        guard root.name == "martif" || root.name == "tbx" else {
            diagnostics.error(SourceLocation(path, line: root.line), "a glossary is a TBX file: its root element is <martif>, not <\(root.name)>")
            return nil
        }
        let body = root.element(named: "text")?.element(named: "body")
        var entries: [Glossary.Entry] = []
        for entry in body?.elements.filter({ $0.name == "termEntry" || $0.name == "conceptEntry" }) ?? [] {
            let location = SourceLocation(path, line: entry.line)
            func langSet(_ code: String) -> XMLElement? {
                entry.elements(named: "langSet").first { matches($0.attributes["lang"], code) }
            }
            let source = langSet(sourceLanguage).map(terms) ?? []
            let target = langSet(language).map(terms) ?? []
            let approved = target.filter { !$0.deprecated }.map(\.text)
            guard !source.isEmpty, !approved.isEmpty else {
                diagnostics.warning(location, "this glossary entry needs a term in <langSet xml:lang=\"\(sourceLanguage)\"> and an approved one in <langSet xml:lang=\"\(language)\">; it is not used")
                continue
            }
            let notes = ([entry] + entry.elements(named: "langSet")).flatMap { $0.elements(named: "note") + $0.elements(named: "descrip") }
                .map(\.text).filter { !$0.isEmpty }
            entries.append(Glossary.Entry(terms: source.map(\.text), approved: approved, deprecated: target.filter(\.deprecated).map(\.text),
                                          note: notes.isEmpty ? nil : notes.joined(separator: " "), location: location))
        }
        return Glossary(language: language, path: path, entries: entries)
    }

    /// "uk" matches xml:lang "uk" and "uk-UA".
    private static func matches(_ lang: String?, _ code: String) -> Bool {
        guard let lang = lang?.lowercased() else { return false }
        return lang == code.lowercased() || lang.hasPrefix(code.lowercased() + "-") || lang.hasPrefix(code.lowercased() + "_")
    }

    /// The terms of a langSet (`tig/term`, or `ntig/termGrp/term`), each with whether it is deprecated.
    private static func terms(_ langSet: XMLElement) -> [(text: String, deprecated: Bool)] {
        (langSet.elements(named: "tig") + langSet.elements(named: "ntig") + langSet.elements(named: "termSec")).compactMap { group in
            let holder = group.element(named: "termGrp") ?? group
            guard let term = holder.element(named: "term")?.text, !term.isEmpty else { return nil }
            let status = (holder.elements(named: "termNote") + group.elements(named: "termNote"))
                .first { $0.attributes["type"] == "administrativeStatus" }?.text ?? ""
            return (term, status.hasPrefix("deprecated") || status.hasPrefix("superseded"))
        }
    }
}
