import WitajCore
import WitajMarkdown

/// What the preview server shows translators on a page, never written by `witaj build`: each segment shown from a
/// fallback language carries why (`data-witaj-state`: untranslated or outdated), and an outdated one the source
/// text its translation was made for, the source now, and that translation (from the coverage's changes).
package struct TranslatorMarks: Sendable {
    /// Outdated segments by language code, document source and current source text.
    private var changes: [String: [String: [TextKey: Coverage.Change]]]
    private let sourceLanguage: String

    package init(coverage: Coverage, sourceLanguage: String) {
        changes = [:]
        self.sourceLanguage = sourceLanguage
        put(coverage.documents)
    }

    /// The same marks, but those of the documents of these rows (read again), which are theirs.
    package func replacing(_ rows: [Coverage.DocumentRow]) -> TranslatorMarks {
        var marks = self
        for row in rows {
            for code in marks.changes.keys { marks.changes[code]?[row.source] = nil }
        }
        marks.put(rows)
        return marks
    }

    private mutating func put(_ rows: [Coverage.DocumentRow]) {
        for row in rows {
            for (code, entry) in row.languages where !entry.changes.isEmpty {
                changes[code, default: [:]][row.source] = Dictionary(entry.changes.map { (TextKey($0.current), $0) },
                                                                     uniquingKeysWith: { a, _ in a })
            }
        }
    }

    /// The attributes marking `text` of a document as `localized` shows it; "" for text in the page's language.
    package func attributes(of resolved: ResolvedText, text: String, in localized: LocalizedDocument) -> String {
        guard resolved.state == .untranslated || resolved.state == .outdated,
              resolved.language.code != localized.language.code else { return "" }
        var out = " data-witaj-state=\"\(resolved.state.rawValue)\""
        if resolved.state == .outdated, let change = changes[localized.language.code]?[localized.document.source]?[TextKey(text)] {
            out += " data-witaj-was=\"\(HTML.escapeAttribute(change.previous))\" data-witaj-now=\"\(HTML.escapeAttribute(change.current))\""
            out += " data-witaj-translation=\"\(HTML.escapeAttribute(change.translation))\" data-witaj-source-lang=\"\(sourceLanguage)\""
        }
        return out
    }
}
