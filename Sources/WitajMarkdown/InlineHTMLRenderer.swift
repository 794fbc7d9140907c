/// Renders inline values to HTML. Every destination goes through `link`: it returns the href to use,
/// or nil when the destination is not allowed, in which case the content renders as plain text.
package struct InlineHTMLRenderer {
    package var link: (String) -> String?
    /// Image sources go through their own policy (by default the links'); nil shows the alternative text.
    package var image: (String) -> String?
    /// Whether runs of digits with separators inside (a phone number such as "116 111", a postal code) are isolated
    /// left to right in `<bdi>`: in right-to-left text the bidirectional algorithm would show "111 116".
    package var isolatesNumbers = false
    /// Names a translation keeps in the source language, and the attributes of the `<span>` each goes in
    /// (` lang="pl"`, fixed by the caller from site.yml, not from the text).
    package var sourceNames: (names: SourceNames, attributes: String)?

    package init(link: @escaping (String) -> String?, image: ((String) -> String?)? = nil) {
        self.link = link
        self.image = image ?? link
    }

    package func render(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines { render(inline, into: &out) }
        return out
    }

    private func render(_ inline: Inline, into out: inout String) {
        switch inline {
        case .text(let text): out += self.text(text)
        case .code(let code): out += "<code>" + HTML.escape(code) + "</code>"
        case .emphasis(let c): out += "<em>" + render(c) + "</em>"
        case .strong(let c): out += "<strong>" + render(c) + "</strong>"
        case .strikethrough(let c): out += "<del>" + render(c) + "</del>"
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br>\n"
        // Raw HTML is shown as the text it is, never interpreted.
        case .html(let raw): out += self.text(raw)
        case .link(let destination, let title, let content):
            guard let href = link(destination) else {
                out += render(content)
                return
            }
            out += "<a href=\"" + HTML.escapeAttribute(href) + "\""
            if !title.isEmpty { out += " title=\"" + HTML.escapeAttribute(title) + "\"" }
            out += ">" + render(content) + "</a>"
        case .image(let source, let title, let alt):
            let altText = Self.plainText(alt)
            guard let src = image(source) else {
                out += HTML.escape(altText)
                return
            }
            out += "<img src=\"" + HTML.escapeAttribute(src) + "\" alt=\"" + HTML.escapeAttribute(altText) + "\""
            if !title.isEmpty { out += " title=\"" + HTML.escapeAttribute(title) + "\"" }
            out += ">"
        }
    }

    /// A text node as HTML: escaped, its numbers isolated and its source-language names marked when asked.
    package func text(_ text: String) -> String {
        func plain(_ text: Substring) -> String {
            isolatesNumbers ? Self.isolatingNumbers(String(text)) : HTML.escape(String(text))
        }
        guard let (names, attributes) = sourceNames else { return plain(text[...]) }
        var out = "", from = text.startIndex
        for name in names.ranges(in: text) {
            out += plain(text[from..<name.lowerBound]) + "<span" + attributes + ">" + plain(text[name]) + "</span>"
            from = name.upperBound
        }
        return out + plain(text[from...])
    }

    /// `text` escaped, each run of digits that has a separator inside ("116 111", "31-549", "+48 12 616 1234", "8:00")
    /// or a leading "+" in a `<bdi>`: isolated, it reads left to right inside right-to-left text. A range's dash
    /// ("8:00–16:00") is not part of a run, so a range keeps the direction of the text around it. Only the escaper
    /// writes the text; the markup added is fixed.
    package static func isolatingNumbers(_ text: String) -> String {
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.properties.numericType == .decimal }
        let separators: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "-", "\u{2010}", "\u{2011}", ".", "/", ":"]
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: isDigit) else { return HTML.escape(text) }
        var out = "", plain = String.UnicodeScalarView(), i = 0
        while i < scalars.count {
            let start = i
            if scalars[i] == "+", i + 1 < scalars.count, isDigit(scalars[i + 1]) { i += 1 }
            guard isDigit(scalars[i]) else {
                plain.append(scalars[i])
                i += 1
                continue
            }
            var end = i + 1, separated = start < i
            while end < scalars.count {
                if isDigit(scalars[end]) {
                    end += 1
                } else if separators.contains(scalars[end]), end + 1 < scalars.count, isDigit(scalars[end + 1]) {
                    separated = true
                    end += 2
                } else {
                    break
                }
            }
            let run = String(String.UnicodeScalarView(scalars[start..<end]))
            if separated {
                out += HTML.escape(String(plain)) + "<bdi dir=\"ltr\">" + HTML.escape(run) + "</bdi>"
                plain = String.UnicodeScalarView()
            } else {
                plain.append(contentsOf: scalars[start..<end])
            }
            i = end
        }
        return out + HTML.escape(String(plain))
    }

    /// The text a reader sees, without markup (for alt text, titles in lists, sorting).
    package static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let t), .code(let t): t
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c): plainText(c)
            case .image(_, _, let alt): plainText(alt)
            case .softBreak, .lineBreak: " "
            case .html: ""
            }
        }.joined()
    }
}

/// The one HTML escaper: on UTF-8 bytes, that is on code points as a browser reads them (never on Characters, where
/// a quote followed by a combining mark is one Character that is not a quote, and would not be escaped), and a text
/// with nothing to escape is returned as it is.
package enum HTML {
    /// What is escaped besides "&", "<" and ">".
    package enum Quotes: Sendable {
        /// Nothing more: element text.
        case none
        /// `"` as `&quot;`: attribute values, always double-quoted in witaj's markup.
        case double
        /// `"` and `'` (as `&#39;`): values in templates, which may put them in either kind of attribute.
        case both
    }

    package static func escape(_ text: String) -> String { escape(text, quotes: .none) }

    package static func escapeAttribute(_ text: String) -> String { escape(text, quotes: .double) }

    package static func escape(_ text: String, quotes: Quotes) -> String {
        let double = quotes != .none, single = quotes == .both
        func special(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
                || (double && b == UInt8(ascii: "\"")) || (single && b == UInt8(ascii: "'"))
        }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where double: out += Array("&quot;".utf8)
            case UInt8(ascii: "'") where single: out += Array("&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
