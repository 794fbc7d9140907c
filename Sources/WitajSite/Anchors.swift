import WitajCore
import WitajMarkdown

/// Where a link may point inside a page (`pesel.xml#steps`, `#kroki`): each heading's id, made from its source
/// text (so the same in every language, and unchanged when other sections move) or set by the editor
/// (`## Kroki {#kroki}`); the fixed sections of a procedure; each office of the register.
package enum Anchors {
    /// The ids the procedure template gives its sections.
    package static let procedureSections = ["audience", "steps", "documents", "fees", "deadlines", "where", "online",
                                            "notes", "legal", "related"]

    /// The ids of a Markdown body's headings, in order; a repeated one gets "-2", "-3".
    package static func headings(_ blocks: [Block]) -> [String] {
        var ids: [String] = [], used: [String: Int] = [:]
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(_, let text, let explicit):
                    let base = explicit ?? slug(ParsedText(text.text).plainText(of: text.text))
                    let n = used[base, default: 0] + 1
                    used[base] = n
                    ids.append(n == 1 ? base : "\(base)-\(n)")
                case .list(_, _, _, let items): items.forEach(walk)
                case .blockquote(let inner): walk(inner)
                default: break
                }
            }
        }
        walk(blocks)
        return ids
    }

    /// "Jak założyć konto?" -> "jak-zalozyc-konto": lower case, Polish letters without their marks, other letters and
    /// digits as they are, everything else one hyphen.
    package static func slug(_ text: String) -> String {
        let polish: [Character: String] = ["ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"]
        var out = "", hyphen = false
        for c in text.lowercased() {
            if let plain = polish[c] {
                out += plain
                hyphen = false
            } else if c.isLetter || c.isNumber {
                out.append(c)
                hyphen = false
            } else if !hyphen, !out.isEmpty {
                out += "-"
                hyphen = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "section" : out
    }

    /// Every id a link may name in a document's page.
    package static func of(_ document: Document) -> Set<String> {
        switch document.body {
        case .markdown(let blocks): Set(headings(blocks))
        case .procedure: Set(procedureSections)
        case .offices(let offices): Set(offices.flatMap { ["office-\($0.id)", "office-\($0.id)-name"] })
        }
    }
}
