import WitajCore
/// A gettext PO catalog as values: what `witaj update` writes and translators' tools edit.
package struct POEntry: Sendable, Equatable {
    /// Translator comments, each the text after `#` exactly as written (" Sprawdzone przez…").
    package var comments: [String] = []
    /// `#.` lines: what the segment is, for the translator.
    package var extracted: [String] = []
    /// `#:` references, "content/first-steps/pesel.xml:12".
    package var references: [String] = []
    package var flags: [String] = []
    /// `#| msgid`: the source text the (fuzzy) translation was made for.
    package var previous: String?
    package var context: String?
    package var msgid: String
    package var plural: String?
    /// msgstr, or msgstr[0], msgstr[1]… for plural entries.
    package var msgstr: [String]
    package var obsolete = false
    /// Line of the entry's `msgid` keyword (1-based); 0 for entries made in memory.
    package var line = 0
    /// Line of its (first) msgstr.
    package var msgstrLine = 0

    package init(msgid: String, msgstr: String = "", context: String? = nil) {
        self.msgid = msgid
        self.msgstr = [msgstr]
        self.context = context
    }

    package var isFuzzy: Bool { flags.contains("fuzzy") }
    package var isHeader: Bool { msgid.isEmpty && context == nil && !obsolete }
    package var translation: String { msgstr.first ?? "" }
    /// Translated in gettext's sense: every msgstr non-empty and not fuzzy.
    package var isTranslated: Bool { !isFuzzy && !msgstr.contains(where: \.isEmpty) }
    package var hasTranslation: Bool { !msgstr.contains(where: \.isEmpty) }

    package mutating func setFuzzy(_ fuzzy: Bool) {
        flags.removeAll { $0 == "fuzzy" }
        if fuzzy { flags.insert("fuzzy", at: 0) }
    }
}

package struct POCatalog: Sendable, Equatable {
    package var header: POEntry?
    package var entries: [POEntry]

    package init(header: POEntry?, entries: [POEntry]) {
        self.header = header
        self.entries = entries
    }

    /// A header field's value ("Language" -> "uk").
    package func headerField(_ name: String) -> String? {
        guard let header else { return nil }
        for line in header.translation.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmed(" ") == name {
                return line[line.index(after: colon)...].trimmed(" ")
            }
        }
        return nil
    }

    /// Current (not obsolete) entries by msgid, for looking translations up.
    package var translations: [String: POEntry] {
        var result: [String: POEntry] = [:]
        for entry in entries where !entry.obsolete && entry.context == nil { result[entry.msgid] = entry }
        return result
    }
}
