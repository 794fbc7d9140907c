/// A segment's inline Markdown cut into text and codes, so that translation tools protect the codes as tags
/// (XLIFF `<ph>`, `<bpt>`/`<ept>`): emphasis and strikethrough delimiters, a link's or image's brackets and
/// destination, code spans, autolinks, raw HTML and backslash escapes. Every piece is a slice of the text as written:
/// joined again they give it back byte for byte, however a piece was classed.
package enum InlineCodes {
    package enum Piece: Equatable, Sendable {
        case text(String)
        /// A code standing alone: a code span, an autolink, an HTML tag, an escape.
        case standalone(String, kind: String)
        /// The opening and closing codes of a pair (bold, a link's "[" and "](target)"), with the pair's number.
        case open(String, kind: String, pair: Int)
        case close(String, kind: String, pair: Int)

        package var text: String {
            switch self {
            case .text(let t), .standalone(let t, _), .open(let t, _, _), .close(let t, _, _): t
            }
        }
    }

    package static func pieces(_ text: String) -> [Piece] {
        let chars = Array(text)
        var pieces: [Piece] = []
        var pending = ""
        var pairs = 0
        // Open brackets and delimiter runs waiting for their closing piece: index into `pieces`.
        var brackets: [Int] = []
        var delimiters: [(index: Int, run: String)] = []

        func flush() {
            if !pending.isEmpty { pieces.append(.text(pending)) }
            pending = ""
        }
        func isSpace(_ c: Character?) -> Bool { c == nil || c!.isWhitespace }
        func isPunctuation(_ c: Character) -> Bool { c.isASCII && (c.isPunctuation || c.isSymbol) }

        var i = 0
        while i < chars.count {
            let c = chars[i]
            // A backslash escape (or a hard line break).
            if c == "\\", i + 1 < chars.count, isPunctuation(chars[i + 1]) || chars[i + 1] == "\n" {
                flush()
                pieces.append(.standalone(String(chars[i...(i + 1)]), kind: "x-escape"))
                i += 2
                continue
            }
            // A code span: a run of backticks up to the next run as long.
            if c == "`" {
                var n = 0
                while i + n < chars.count, chars[i + n] == "`" { n += 1 }
                var j = i + n
                var end: Int?
                while j < chars.count {
                    if chars[j] == "`" {
                        var m = 0
                        while j + m < chars.count, chars[j + m] == "`" { m += 1 }
                        if m == n { end = j + m; break }
                        j += m
                    } else {
                        j += 1
                    }
                }
                if let end {
                    flush()
                    pieces.append(.standalone(String(chars[i..<end]), kind: "x-code"))
                    i = end
                } else {
                    pending += String(chars[i..<(i + n)])
                    i += n
                }
                continue
            }
            // An autolink or an HTML tag.
            if c == "<", let end = chars[(i + 1)...].firstIndex(where: { $0 == ">" || $0 == "<" || $0 == "\n" }), chars[end] == ">" {
                let inner = String(chars[(i + 1)..<end])
                let autolink = inner.contains(":") || inner.contains("@")
                let tag = inner.first.map { $0.isLetter || $0 == "/" || $0 == "!" } ?? false
                if !inner.isEmpty, !inner.contains(" ") || tag, autolink || tag {
                    flush()
                    pieces.append(.standalone(String(chars[i...end]), kind: autolink && !inner.contains(" ") ? "x-autolink" : "x-html"))
                    i = end + 1
                    continue
                }
            }
            // A link's or an image's opening bracket.
            if c == "[" || (c == "!" && i + 1 < chars.count && chars[i + 1] == "[") {
                flush()
                let open = c == "!" ? "![" : "["
                pairs += 1
                brackets.append(pieces.count)
                pieces.append(.open(open, kind: c == "!" ? "x-image" : "link", pair: pairs))
                i += open.count
                continue
            }
            // "](destination "title")": closes the last bracket.
            if c == "]", i + 1 < chars.count, chars[i + 1] == "(", let openIndex = brackets.popLast() {
                var j = i + 2
                var depth = 0
                var quote: Character?
                while j < chars.count {
                    let d = chars[j]
                    if d == "\\" { j += 2; continue }
                    if let q = quote {
                        if d == q { quote = nil }
                    } else if d == "\"" || d == "'" {
                        quote = d
                    } else if d == "(" {
                        depth += 1
                    } else if d == ")" {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    j += 1
                }
                if j < chars.count, case .open(let text, let kind, let pair) = pieces[openIndex] {
                    flush()
                    pieces[openIndex] = .open(text, kind: kind, pair: pair)
                    pieces.append(.close(String(chars[i...j]), kind: kind, pair: pair))
                    i = j + 1
                    continue
                }
                brackets.append(openIndex)
            }
            // A run of *, _ or ~: opens or closes emphasis, strong emphasis or strikethrough.
            if c == "*" || c == "_" || c == "~" {
                var n = 0
                while i + n < chars.count, chars[i + n] == c { n += 1 }
                let run = String(repeating: c, count: n)
                let before = i > 0 ? chars[i - 1] : nil, after = i + n < chars.count ? chars[i + n] : nil
                let canClose = !isSpace(before) && (c != "_" || isSpace(after) || isPunctuation(after!))
                let canOpen = !isSpace(after) && (c != "_" || isSpace(before) || isPunctuation(before!))
                if canClose, let k = delimiters.lastIndex(where: { $0.run == run }) {
                    flush()
                    let opener = delimiters[k]
                    delimiters.removeSubrange(k...)
                    pairs += 1
                    let kind = c == "~" ? "x-strikethrough" : n >= 2 ? "bold" : "italic"
                    pieces[opener.index] = .open(run, kind: kind, pair: pairs)
                    pieces.append(.close(run, kind: kind, pair: pairs))
                    i += n
                    continue
                }
                if canOpen {
                    flush()
                    delimiters.append((pieces.count, run))
                    pieces.append(.text(run))  // made an opening code when its closing run comes
                    i += n
                    continue
                }
                pending += run
                i += n
                continue
            }
            pending.append(c)
            i += 1
        }
        flush()
        // Brackets never closed are text; so are delimiter runs that stayed `.text` (already).
        for index in brackets { pieces[index] = .text(pieces[index].text) }
        // Merge neighbouring text pieces.
        var merged: [Piece] = []
        for piece in pieces {
            if case .text(let t) = piece, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + t)
            } else {
                merged.append(piece)
            }
        }
        return merged
    }
}
