import CUnistring
import WitajCore

/// Writes a catalog exactly as gettext's msgmerge and msgcat do (GNU gettext 0.21, page width 79), so that
/// running `msgcat` on a catalog witaj wrote changes nothing and diffs stay small.
package enum POWriter {
    package static let pageWidth = 79

    package static func write(_ catalog: POCatalog) -> String {
        var out = ""
        var blank = false
        for entry in ([catalog.header].compactMap { $0 } + catalog.entries.filter { !$0.obsolete }) {
            if blank { out += "\n" }
            write(entry, into: &out)
            blank = true
        }
        // Obsolete entries come last; one without a translation is not kept at all.
        for entry in catalog.entries where entry.obsolete && entry.hasTranslation {
            if blank { out += "\n" }
            write(entry, into: &out)
            blank = true
        }
        return out
    }

    private static func write(_ entry: POEntry, into out: inout String) {
        for comment in entry.comments { out += "#" + comment + "\n" }
        if !entry.obsolete {
            for comment in entry.extracted { out += (comment.isEmpty ? "#." : "#. " + comment) + "\n" }
            references(entry.references, into: &out)
        }
        let flags = entry.obsolete ? entry.flags.filter { $0 == "fuzzy" } : entry.flags
        if !flags.isEmpty { out += "#, " + flags.joined(separator: ", ") + "\n" }
        let prefix = entry.obsolete ? "#~ " : nil
        if let previous = entry.previous {
            wrap(prefix: entry.obsolete ? "#~| " : "#| ", name: "msgid", previous, into: &out)
        }
        if let context = entry.context { wrap(prefix: prefix, name: "msgctxt", context, into: &out) }
        wrap(prefix: prefix, name: "msgid", entry.msgid, into: &out)
        if let plural = entry.plural {
            wrap(prefix: prefix, name: "msgid_plural", plural, into: &out)
            for (i, text) in entry.msgstr.enumerated() { wrap(prefix: prefix, name: "msgstr[\(i)]", text, into: &out) }
        } else {
            wrap(prefix: prefix, name: "msgstr", entry.translation, into: &out)
        }
    }

    /// `#:` lines, broken before a reference that would pass the page width.
    private static func references(_ references: [String], into out: inout String) {
        guard !references.isEmpty else { return }
        out += "#:"
        var column = 2
        for reference in references {
            let length = reference.count + 1
            if column > 2 && column + length > pageWidth {
                out += "\n#:"
                column = 2
            }
            out += " " + reference
            column += length
        }
        out += "\n"
    }

    /// gettext's wrap(): the string is cut after each "\n"; each piece is escaped and broken at Unicode line
    /// break opportunities (libunistring) so that no line passes the page width; a first line that would wrap
    /// becomes `name ""`.
    package static func wrap(prefix: String?, name: String, _ value: String, into out: inout String) {
        let linePrefix = prefix ?? ""
        var portions: [Substring] = []
        var start = value.startIndex
        for i in value.indices where value[i] == "\n" {
            portions.append(value[start...i])
            start = value.index(after: i)
        }
        if start < value.endIndex || portions.isEmpty { portions.append(value[start...]) }

        var firstLine = true
        for (index, portion) in portions.enumerated() {
            let more = index < portions.count - 1
            let (escaped, prohibited) = escape(portion)
            let startAfterBreak = linePrefix.count + 1
            let width = pageWidth - 1 - startAfterBreak
            var breaks: Set<Int> = []
            while true {
                let startColumn = linePrefix.count + (firstLine ? name.count + 1 : 0) + 1 - startAfterBreak
                breaks = lineBreaks(escaped, prohibited: prohibited, width: width, startColumn: startColumn)
                if firstLine && !escaped.isEmpty && (more || startColumn > width || !breaks.isEmpty) {
                    out += linePrefix + name + " \"\"\n"
                    firstLine = false
                    continue
                }
                break
            }
            out += linePrefix
            if firstLine {
                out += name + " "
                firstLine = false
            }
            out += "\""
            var offset = 0
            for scalar in escaped.unicodeScalars {
                if breaks.contains(offset) { out += "\"\n" + linePrefix + "\"" }
                out.unicodeScalars.append(scalar)
                offset += String(scalar).utf8.count
            }
            out += "\"\n"
        }
    }

    /// The escaped text and the UTF-8 offsets where a break is prohibited (inside escapes, before a final "\n").
    private static func escape(_ portion: Substring) -> (String, Set<Int>) {
        var escaped = ""
        var prohibited: Set<Int> = []
        for c in portion.unicodeScalars {
            let code: Character? = switch c {
            case "\u{7}": "a"
            case "\u{8}": "b"
            case "\u{c}": "f"
            case "\n": "n"
            case "\r": "r"
            case "\t": "t"
            case "\u{b}": "v"
            case "\\": "\\"
            case "\"": "\""
            default: nil
            }
            if let code {
                escaped += "\\"
                prohibited.insert(escaped.utf8.count)
                escaped.append(code)
            } else {
                escaped.unicodeScalars.append(c)
            }
        }
        if portion.last == "\n" { prohibited.insert(escaped.utf8.count - 2) }
        return (escaped, prohibited)
    }

    /// The UTF-8 offsets where a line break goes: libunistring's width-bounded line breaking, as gettext calls it.
    private static func lineBreaks(_ text: String, prohibited: Set<Int>, width: Int, startColumn: Int) -> Set<Int> {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return [] }
        var overrides = [CChar](repeating: CChar(UC_BREAK_UNDEFINED), count: bytes.count)
        for offset in prohibited where offset < bytes.count { overrides[offset] = CChar(UC_BREAK_PROHIBITED) }
        var breaks = [CChar](repeating: 0, count: bytes.count)
        _ = u8_width_linebreaks_v2(bytes, bytes.count, Int32(width), Int32(startColumn), 0, overrides, "UTF-8", &breaks)
        return Set(breaks.indices.filter { breaks[$0] == CChar(UC_BREAK_POSSIBLE) })
    }
}
