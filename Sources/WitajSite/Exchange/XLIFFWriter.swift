import WitajCore
import WitajGettext

/// Catalogs as XLIFF 1.2 for translation agencies (memoQ, Trados, Phrase, translate-toolkit): one `<file>` per
/// catalog (its `original` the catalog's path; `datatype="plaintext"`, the text with its Markdown as tags, as po2xliff
/// writes: "po" would make translate-toolkit read it by its PO profile, whose context groups break the schema),
/// one `<trans-unit>` per message with its state, its context (the source file and line, what the segment is), its
/// notes (witaj's `#.` lines as the developer's, the translator's comments as the translator's), the previous
/// source of an outdated translation as an `<alt-trans>`, and inline Markdown protected as tags (`InlineCodes`).
package enum XLIFFWriter {
    package enum Selection: String, Sendable, CaseIterable {
        /// Messages without a translation.
        case untranslated
        /// Messages whose translation was made for an older source text (fuzzy).
        case outdated
    }

    package struct File: Sendable {
        package let catalog: POCatalog
        /// Path from the site's root: "locales/uk/first-steps/pesel.po".
        package let path: String
        package let sourceLanguage: String
        package let targetLanguage: String

        package init(catalog: POCatalog, path: String, sourceLanguage: String, targetLanguage: String) {
            self.catalog = catalog
            self.path = path
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
        }
    }

    package static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    /// The XLIFF document; messages XML cannot carry (a control character) are left out and said.
    package static func write(_ files: [File], only: Selection? = nil, into diagnostics: inout Diagnostics) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"\(namespace)\">\n"
        for file in files {
            let entries = file.catalog.entries.filter { entry in
                guard !entry.obsolete, entry.context == nil, entry.plural == nil else { return false }
                switch only {
                case nil: return true
                case .untranslated?: return !entry.hasTranslation
                case .outdated?: return entry.isFuzzy && entry.hasTranslation
                }
            }
            var units = ""
            // A unit is named by where its segment is; segments that share a line (a table's cells) are told apart.
            var ids: Set<String> = []
            for entry in entries {
                let texts = [entry.msgid, entry.translation, entry.previous ?? ""] + entry.comments + entry.extracted
                if let bad = texts.joined().unicodeScalars.first(where: Self.notXML) {
                    diagnostics.warning(SourceLocation(file.path, line: entry.line),
                                        "this message has the character U+\(String(bad.value, radix: 16, uppercase: true)), which XML cannot carry: it is left out of the XLIFF file")
                    continue
                }
                var id = entry.references.first ?? "line-\(entry.line)"
                if ids.contains(id) {
                    var n = 2
                    while ids.contains("\(id)-\(n)") { n += 1 }
                    id = "\(id)-\(n)"
                }
                ids.insert(id)
                units += unit(entry, id: id)
            }
            guard !units.isEmpty else { continue }
            let created = file.catalog.header.flatMap { POHeader(parsing: $0.translation)["POT-Creation-Date"] } ?? ""
            let project = file.catalog.header.flatMap { POHeader(parsing: $0.translation)["Project-Id-Version"] } ?? ""
            out += "  <file original=\"\(escape(file.path))\" source-language=\"\(escape(file.sourceLanguage))\" "
                + "target-language=\"\(escape(file.targetLanguage))\" datatype=\"plaintext\" product-name=\"witaj\""
                + (created.isEmpty ? "" : " build-num=\"\(escape(created))\"") + ">\n"
            out += "    <header>\n      <tool tool-id=\"witaj\" tool-name=\"witaj\"/>\n"
            out += "      <note from=\"witaj\">\(escape(project.replacingOccurrences(of: "witaj ", with: "The translation of ")))"
                + ". Tags are Markdown (bold, links and their targets): keep them. A message is done when its state is translated.</note>\n"
            out += "    </header>\n    <body>\n" + units + "    </body>\n  </file>\n"
        }
        return out + "</xliff>\n"
    }

    private static func unit(_ entry: POEntry, id: String) -> String {
        let translated = entry.hasTranslation && !entry.isFuzzy
        let state = !entry.hasTranslation ? "new" : entry.isFuzzy ? "needs-review-translation" : "translated"
        var out = "      <trans-unit id=\"\(escape(id))\" approved=\"\(translated ? "yes" : "no")\" xml:space=\"preserve\">\n"
        out += "        <source>\(inline(entry.msgid))</source>\n"
        out += "        <target state=\"\(state)\">\(inline(entry.translation))</target>\n"
        if entry.isFuzzy, let previous = entry.previous {
            out += "        <alt-trans alttranstype=\"previous-version\"><source>\(inline(previous))</source>"
                + "<target>\(inline(entry.translation))</target></alt-trans>\n"
            out += "        <note from=\"witaj\">The source text changed; the translation was made for: \(escape(previous))</note>\n"
        }
        for reference in entry.references {
            let (file, line) = split(reference)
            out += "        <context-group purpose=\"location\"><context context-type=\"sourcefile\">\(escape(file))</context>"
                + (line.isEmpty ? "" : "<context context-type=\"linenumber\">\(escape(line))</context>") + "</context-group>\n"
        }
        if let kind = entry.extracted.first {
            out += "        <context-group purpose=\"information\"><context context-type=\"x-segment-kind\">\(escape(kind))</context></context-group>\n"
        }
        for note in entry.extracted { out += "        <note from=\"developer\">\(escape(note))</note>\n" }
        if !entry.comments.isEmpty {
            out += "        <note from=\"translator\">\(escape(translatorNote(entry.comments)))</note>\n"
        }
        return out + "      </trans-unit>\n"
    }

    /// Translator comments as one note: each line without the space after its `#`.
    package static func translatorNote(_ comments: [String]) -> String {
        comments.map { $0.hasPrefix(" ") ? String($0.dropFirst()) : $0 }.joined(separator: "\n")
    }

    /// "content/a.md:12" -> ("content/a.md", "12").
    private static func split(_ reference: String) -> (String, String) {
        guard let colon = reference.lastIndex(of: ":"), Int(reference[reference.index(after: colon)...]) != nil else { return (reference, "") }
        return (String(reference[..<colon]), String(reference[reference.index(after: colon)...]))
    }

    /// A message's text with its Markdown as tags.
    package static func inline(_ text: String) -> String {
        var out = ""
        var ids: [Int: Int] = [:]
        var next = 0
        for piece in InlineCodes.pieces(text) {
            switch piece {
            case .text(let t): out += escape(t)
            case .standalone(let code, let kind):
                next += 1
                out += "<ph id=\"\(next)\" ctype=\"\(kind)\">\(escape(code))</ph>"
            case .open(let code, let kind, let pair):
                next += 1
                ids[pair] = next
                out += "<bpt id=\"\(next)\" rid=\"\(next)\" ctype=\"\(kind)\">\(escape(code))</bpt>"
            case .close(let code, _, let pair):
                let id = ids[pair] ?? 0
                out += "<ept id=\"\(id)\" rid=\"\(id)\">\(escape(code))</ept>"
            }
        }
        return out
    }

    /// XML's escaping, and a carriage return kept as one (a parser would make it a line feed).
    package static func escape(_ text: String) -> String {
        XMLText.escape(text).replacingOccurrences(of: "\r", with: "&#13;")
    }

    /// Characters XML 1.0 does not allow, even as references.
    static func notXML(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }
}
