import WitajMarkdown

/// The ids of a Markdown body's headings (`Anchors`): made from each heading's source text, so the same in every
/// language and unchanged when other sections move, or set by the editor (`## Kroki {#kroki}`). Made once, with the
/// document (`Document.headingIDs`).
package enum HeadingIDs {
    /// The ids in order; a repeated one gets "-2", "-3". `plain`: a heading's text as readers see it.
    package static func of(_ blocks: [Block], plain: (String) -> String) -> [String] {
        var ids: [String] = [], used: [String: Int] = [:]
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(_, let text, let explicit):
                    let base = explicit ?? slug(plain(text.text))
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

    private static let polish: [Character: String] = ["ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"]

    /// "Jak założyć konto?" -> "jak-zalozyc-konto": lower case, Polish letters without their marks, other letters and
    /// digits as they are, everything else one hyphen.
    package static func slug(_ text: String) -> String {
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
}
