import WitajCore
/// Reads PO text into a catalog, reporting every problem with its line and column, as msgfmt would.
package enum POReader {
    /// `comments: false` leaves out translator comments, `#.` and `#:` lines (a build does not show them; `witaj
    /// update` keeps them): less to hold for thousands of catalogs.
    package static func read(_ text: String, path: String, comments: Bool = true, into diagnostics: inout Diagnostics) -> POCatalog? {
        var parser = Parser(path: path, keepsComments: comments)
        parser.parse(text)
        diagnostics.append(contentsOf: parser.diagnostics)
        guard !parser.diagnostics.hasErrors else { return nil }
        var entries = parser.entries
        var header: POEntry?
        if let i = entries.firstIndex(where: \.isHeader) { header = entries.remove(at: i) }
        if let header {
            let contentType = POCatalog(header: header, entries: []).headerField("Content-Type") ?? ""
            let charset = contentType.split(separator: "=").last.map { $0.lowercased() } ?? ""
            if !contentType.isEmpty, charset != "utf-8" {
                diagnostics.error(SourceLocation(path, line: header.msgstrLine),
                                  "the catalog declares charset '\(charset)'; witaj catalogs are UTF-8 (Content-Type: text/plain; charset=UTF-8)")
                return nil
            }
        }
        return POCatalog(header: header, entries: entries)
    }

    private struct Parser {
        package let path: String
        package var diagnostics = Diagnostics()
        package var entries: [POEntry] = []
        private var current = Pending()
        private var seen: [TextKey: Int] = [:]

        /// An entry being read: its comments, then its keywords and their strings.
        private struct Pending {
            package var entry = POEntry(msgid: "", msgstr: "")
            package var comments = false
            package var keyword: String?
            package var keywordLine = 0
            package var hasMsgid = false
            package var hasMsgstr = false
            package var msgstrs: [Int: String] = [:]
            package var obsolete = false
            package var previous: String?
            package var previousOpen = false
            /// A line of this entry had an error already: say nothing more about it.
            package var broken = false
        }

        package let keepsComments: Bool

        package init(path: String, keepsComments: Bool) {
            self.path = path
            self.keepsComments = keepsComments
        }

        /// Lines are byte slices: the whole parse works on UTF-8 bytes (the text was validated as UTF-8 when read).
        package typealias Bytes = ArraySlice<UInt8>

        package mutating func parse(_ text: String) {
            let bytes = Array(text.utf8)
            var number = 0
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                number += 1
                var line = bytes[start..<end]
                if line.last == 0x0D { line = line.dropLast() }
                parseLine(line, number: number)
                start = end + 1
            }
            finish(line: number + 1)
        }

        private mutating func error(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.error(SourceLocation(path, line: line, column: column), message)
            current.broken = true
        }

        private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        private static func string(_ bytes: Bytes) -> String { String(decoding: bytes, as: UTF8.self) }
        private static func starts(_ bytes: Bytes, with prefix: StaticString) -> Bool {
            guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
            var i = bytes.startIndex
            for j in 0..<prefix.utf8CodeUnitCount {
                if bytes[i] != prefix.utf8Start[j] { return false }
                i += 1
            }
            return true
        }

        private mutating func parseLine(_ line: Bytes, number: Int) {
            var rest = line.drop(while: Self.isBlank)
            let indent = line.count - rest.count
            if rest.isEmpty { return }
            var obsolete = false
            if Self.starts(rest, with: "#~") {
                obsolete = true
                rest = rest.dropFirst(2).drop(while: Self.isBlank)
                if rest.first == UInt8(ascii: "|") {
                    // "#~| msgid": the previous msgid of an obsolete entry.
                    comment(rest, number: number, obsolete: true)
                    return
                }
                if rest.isEmpty { return }
            } else if rest.first == UInt8(ascii: "#") {
                comment(rest.dropFirst(), number: number, obsolete: false)
                return
            }
            if rest.first == UInt8(ascii: "\"") {
                guard let string = unquote(rest, line: number, column: line.count - rest.count + 1) else { return }
                append(string, line: number, column: indent + 1)
                return
            }
            let keyword = rest.prefix { !Self.isBlank($0) && $0 != UInt8(ascii: "\"") }
            let after = rest.dropFirst(keyword.count).drop(while: Self.isBlank)
            let column = line.count - rest.count + 1
            guard after.first == UInt8(ascii: "\"") else {
                error(number, column, keyword.isEmpty ? "unexpected text; expected a keyword or a string" : "keyword '\(Self.string(keyword))' must be followed by a quoted string")
                return
            }
            let stringColumn = line.count - after.count + 1
            guard let string = unquote(after, line: number, column: stringColumn) else { return }
            startKeyword(Self.string(keyword), string, line: number, column: column, obsolete: obsolete)
        }

        /// A comment line; `body` is what follows its `#`.
        private mutating func comment(_ body: Bytes, number: Int, obsolete: Bool) {
            if current.hasMsgstr || current.hasMsgid { finish(line: number) }
            let space = UInt8(ascii: " ")
            switch body.first {
            case UInt8(ascii: "."):
                if keepsComments { current.entry.extracted.append(Self.string(body.dropFirst().drop { $0 == space })) }
            case UInt8(ascii: ":"):
                if keepsComments { current.entry.references += body.dropFirst().split(separator: space).map(Self.string) }
            case UInt8(ascii: ","):
                current.entry.flags += body.dropFirst().split(separator: UInt8(ascii: ",")).map { Self.string($0).trimmed(" ") }.filter { !$0.isEmpty }
            case UInt8(ascii: "|"):
                var previous = body.dropFirst().drop { $0 == space }
                if Self.starts(previous, with: "msgid") {
                    previous = previous.dropFirst(5).drop { $0 == space }
                    if let s = unquote(previous, line: number, column: 1) { current.previous = s }
                    current.previousOpen = true
                } else if previous.first == UInt8(ascii: "\""), current.previousOpen {
                    if let s = unquote(previous, line: number, column: 1) { current.previous = (current.previous ?? "") + s }
                } else {
                    current.previousOpen = false
                }
            default:
                if keepsComments { current.entry.comments.append(Self.string(body)) }
            }
            current.comments = true
            current.obsolete = current.obsolete || obsolete
        }

        private mutating func startKeyword(_ keyword: String, _ string: String, line: Int, column: Int, obsolete: Bool) {
            switch keyword {
            case "msgctxt", "msgid":
                if current.hasMsgstr || (keyword == "msgctxt" && current.hasMsgid) { finish(line: line) }
                if keyword == "msgid" && current.hasMsgid { finish(line: line) }
                if keyword == "msgctxt" {
                    current.entry.context = string
                } else {
                    current.entry.msgid = string
                    current.entry.line = line
                    current.hasMsgid = true
                }
            case "msgid_plural":
                guard current.hasMsgid else { return error(line, column, "msgid_plural without msgid") }
                current.entry.plural = string
            case "msgstr":
                guard current.hasMsgid, !current.hasMsgstr else {
                    return error(line, column, current.hasMsgstr ? "a second msgstr for the same msgid" : "msgstr without msgid")
                }
                current.msgstrs[0] = string
                current.entry.msgstrLine = line
                current.hasMsgstr = true
            default:
                if keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"), let n = Int(keyword.dropFirst(7).dropLast()) {
                    guard current.hasMsgid else { return error(line, column, "msgstr without msgid") }
                    if current.msgstrs.isEmpty { current.entry.msgstrLine = line }
                    current.msgstrs[n] = string
                    current.hasMsgstr = true
                } else {
                    return error(line, column, "unknown keyword '\(keyword)'")
                }
            }
            current.keyword = keyword
            current.keywordLine = line
            current.obsolete = current.obsolete || obsolete
        }

        private mutating func append(_ string: String, line: Int, column: Int) {
            switch current.keyword {
            case "msgctxt": current.entry.context = (current.entry.context ?? "") + string
            case "msgid": current.entry.msgid += string
            case "msgid_plural": current.entry.plural = (current.entry.plural ?? "") + string
            case let k? where k.hasPrefix("msgstr"):
                let n = k == "msgstr" ? 0 : Int(k.dropFirst(7).dropLast()) ?? 0
                current.msgstrs[n, default: ""] += string
            default: error(line, column, "a string that belongs to no keyword")
            }
        }

        private mutating func finish(line: Int) {
            defer { current = Pending() }
            if current.broken { return }
            guard current.hasMsgid else {
                if current.keyword != nil { error(current.keywordLine, 1, "msgctxt without msgid") }
                return
            }
            guard current.hasMsgstr else {
                error(current.entry.line, 1, "msgid without msgstr")
                return
            }
            var entry = current.entry
            entry.msgstr = current.msgstrs.keys.sorted().map { current.msgstrs[$0]! }
            entry.obsolete = current.obsolete
            entry.previous = current.previous
            if !entry.obsolete {
                let key = TextKey((entry.context ?? "\u{4}") + "\u{4}" + entry.msgid)
                if let first = seen[key] {
                    error(entry.line, 1, "duplicate message definition (first defined at line \(first))")
                    return
                }
                seen[key] = entry.line
            }
            entries.append(entry)
        }

        /// A C-style quoted string: the escapes gettext knows, nothing after the closing quote but a comment.
        /// Works on UTF-8 bytes; columns are byte columns, as in every witaj diagnostic.
        private mutating func unquote(_ bytes: Bytes, line: Int, column: Int) -> String? {
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var i = bytes.index(after: bytes.startIndex)
            var col = column + 1
            while i < bytes.endIndex {
                let c = bytes[i]
                if c == UInt8(ascii: "\"") {
                    let tail = bytes[bytes.index(after: i)...].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                    if !tail.isEmpty {
                        error(line, col + 1, "unexpected text after the closing quote")
                        return nil
                    }
                    return String(decoding: result, as: UTF8.self)
                }
                if c == UInt8(ascii: "\\") {
                    let n = bytes.index(after: i)
                    guard n < bytes.endIndex else { break }
                    let escaped: UInt8
                    switch bytes[n] {
                    case UInt8(ascii: "n"): escaped = 0x0A
                    case UInt8(ascii: "t"): escaped = 0x09
                    case UInt8(ascii: "r"): escaped = 0x0D
                    case UInt8(ascii: "a"): escaped = 0x07
                    case UInt8(ascii: "b"): escaped = 0x08
                    case UInt8(ascii: "f"): escaped = 0x0C
                    case UInt8(ascii: "v"): escaped = 0x0B
                    case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
                    case UInt8(ascii: "\""): escaped = UInt8(ascii: "\"")
                    case UInt8(ascii: "0")...UInt8(ascii: "7"), UInt8(ascii: "x"):
                        // C's octal (\101) and hexadecimal (\x41) escapes, which gettext accepts too.
                        let hex = bytes[n] == UInt8(ascii: "x")
                        var digits = bytes[(hex ? bytes.index(after: n) : n)...].prefix {
                            hex ? ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) : ($0 >= 48 && $0 <= 55)
                        }
                        if !hex { digits = digits.prefix(3) }
                        guard let value = UInt8(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 8), !digits.isEmpty else {
                            error(line, col, "invalid escape sequence '\\x' without hexadecimal digits")
                            return nil
                        }
                        result.append(value)
                        i = digits.endIndex
                        col += 1 + (hex ? 1 : 0) + digits.count
                        continue
                    default:
                        let shown = String(decoding: bytes[n...].prefix(1), as: UTF8.self)
                        error(line, col, "invalid escape sequence '\\\(shown)'")
                        return nil
                    }
                    result.append(escaped)
                    i = bytes.index(after: n)
                    col += 2
                    continue
                }
                result.append(c)
                i = bytes.index(after: i)
                col += 1
            }
            error(line, column, "unterminated string: the closing quote is missing")
            return nil
        }
    }
}
