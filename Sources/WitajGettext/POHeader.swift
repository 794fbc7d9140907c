import Foundation
/// A catalog's header (the msgstr of its `msgid ""` entry) as fields in order, merged the way msgmerge merges it.
package struct POHeader: Sendable, Equatable {
    package struct Field: Sendable, Equatable {
        package var name: String
        package var value: String

        package init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    package var fields: [Field]

    /// The fields gettext knows, in the order msgmerge writes them; any other field (Plural-Forms, X-Generator)
    /// follows them, in the order the catalog had.
    package static let gettextOrder = [
        "Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date", "Last-Translator",
        "Language-Team", "Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    ]

    package init(_ fields: [Field]) { self.fields = fields }

    /// "Name: value\n" lines; a line without a colon is kept as a field with an empty name.
    package init(parsing msgstr: String) {
        fields = msgstr.split(separator: "\n").map { line in
            guard let colon = line.firstIndex(of: ":") else { return Field("", String(line)) }
            let value = line[line.index(after: colon)...]
            return Field(String(line[..<colon]), String(value.first == " " ? value.dropFirst() : value))
        }
    }

    package var msgstr: String {
        fields.map { ($0.name.isEmpty ? $0.value : "\($0.name): \($0.value)") + "\n" }.joined()
    }

    /// A field's value; names compare without regard to case, as gettext compares them.
    package subscript(name: String) -> String? {
        get { fields.first { $0.name.lowercased() == name.lowercased() }?.value }
        set {
            if let i = fields.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) {
                if let newValue { fields[i].value = newValue } else { fields.remove(at: i) }
            } else if let newValue {
                fields.append(Field(name, newValue))
            }
        }
    }

    /// What msgmerge makes of this (a translator's) header with `template`'s: the translator's fields kept, but
    /// POT-Creation-Date and Report-Msgid-Bugs-To taken from the template; the fields gettext knows in its order
    /// (under their canonical names), the others after them as they were.
    package func merged(template: POHeader) -> POHeader {
        var header = self
        for name in ["Report-Msgid-Bugs-To", "POT-Creation-Date"] {
            if let value = template[name] { header[name] = value }
        }
        return header.inGettextOrder
    }

    package var inGettextOrder: POHeader {
        var known: [Field] = []
        for name in Self.gettextOrder {
            if let field = fields.first(where: { $0.name.lowercased() == name.lowercased() }) { known.append(Field(name, field.value)) }
        }
        let others = fields.filter { field in !Self.gettextOrder.contains { $0.lowercased() == field.name.lowercased() } }
        return POHeader(known + others)
    }
}

/// gettext's Plural-Forms for a language: the values `msginit` (GNU gettext 0.21) writes, and for the languages its
/// table lacks, the value the gettext manual gives ("Plural forms"). witaj's own plurals are ICU MessageFormat; this
/// header is for translators' tools (msgfmt, Poedit, Weblate), which expect it.
package enum GettextPlurals {
    package static func forms(_ language: String) -> String? {
        let code = language.replacingOccurrences(of: "-", with: "_")
        return table[code] ?? table[String(code.split(separator: "_").first ?? "")]
    }

    private static let slavic = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    private static let germanic = "nplurals=2; plural=(n != 1);"
    private static let table: [String: String] = [
        "ja": "nplurals=1; plural=0;", "vi": "nplurals=1; plural=0;", "ko": "nplurals=1; plural=0;",
        "en": germanic, "de": germanic, "nl": germanic, "sv": germanic, "da": germanic, "no": germanic, "nb": germanic,
        "nn": germanic, "fo": germanic, "es": germanic, "pt": germanic, "it": germanic, "bg": germanic, "el": germanic,
        "fi": germanic, "et": germanic, "he": germanic, "eo": germanic, "hu": germanic, "tr": germanic,
        "pt_BR": "nplurals=2; plural=(n > 1);", "fr": "nplurals=2; plural=(n > 1);",
        "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
        "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
        "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
        "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);",
        "ru": slavic, "uk": slavic, "be": slavic, "sr": slavic, "hr": slavic,
        "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
        "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
        "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
        "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
        // Not in msginit's table; the gettext manual's value.
        "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;",
    ]
}

extension POHeader {
    /// A date as gettext writes it in a header: "2026-12-04 09:30+0000" (UTC).
    package static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year ?? 1970)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))+0000"
    }
}
