/// A gettext PO catalog as values: what `witaj update` writes and translators' tools edit.
public struct POEntry: Sendable, Equatable {
    /// Translator comments, each the text after `#` exactly as written (" Sprawdzone przez…").
    public var comments: [String] = []
    /// `#.` lines: what the segment is, for the translator.
    public var extracted: [String] = []
    /// `#:` references, "content/first-steps/pesel.xml:12".
    public var references: [String] = []
    public var flags: [String] = []
    /// `#| msgid`: the source text the (fuzzy) translation was made for.
    public var previous: String?
    public var context: String?
    public var msgid: String
    public var plural: String?
    /// msgstr, or msgstr[0], msgstr[1]… for plural entries.
    public var msgstr: [String]
    public var obsolete = false
    /// Line of the entry's `msgid` keyword (1-based); 0 for entries made in memory.
    public var line = 0
    /// Line of its (first) msgstr.
    public var msgstrLine = 0

    public init(msgid: String, msgstr: String = "", context: String? = nil) {
        self.msgid = msgid
        self.msgstr = [msgstr]
        self.context = context
    }

    public var isFuzzy: Bool { flags.contains("fuzzy") }
    public var isHeader: Bool { msgid.isEmpty && context == nil && !obsolete }
    public var translation: String { msgstr.first ?? "" }
    /// Translated in gettext's sense: every msgstr non-empty and not fuzzy.
    public var isTranslated: Bool { !isFuzzy && !msgstr.contains(where: \.isEmpty) }
    public var hasTranslation: Bool { !msgstr.contains(where: \.isEmpty) }

    mutating func setFuzzy(_ fuzzy: Bool) {
        flags.removeAll { $0 == "fuzzy" }
        if fuzzy { flags.insert("fuzzy", at: 0) }
    }
}

public struct POCatalog: Sendable, Equatable {
    public var header: POEntry?
    public var entries: [POEntry]

    public init(header: POEntry?, entries: [POEntry]) {
        self.header = header
        self.entries = entries
    }

    /// A header field's value ("Language" -> "uk").
    public func headerField(_ name: String) -> String? {
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
    public var translations: [String: POEntry] {
        var result: [String: POEntry] = [:]
        for entry in entries where !entry.obsolete && entry.context == nil { result[entry.msgid] = entry }
        return result
    }
}
