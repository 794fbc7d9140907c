/// Renders inline values to HTML. Every destination goes through `link`: it returns the href to use,
/// or nil when the destination is not allowed, in which case the content renders as plain text.
public struct InlineHTMLRenderer {
    public var link: (String) -> String?
    /// Image sources go through their own policy (by default the links'); nil shows the alternative text.
    public var image: (String) -> String?

    public init(link: @escaping (String) -> String?, image: ((String) -> String?)? = nil) {
        self.link = link
        self.image = image ?? link
    }

    public func render(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines { render(inline, into: &out) }
        return out
    }

    private func render(_ inline: Inline, into out: inout String) {
        switch inline {
        case .text(let text): out += HTML.escape(text)
        case .code(let code): out += "<code>" + HTML.escape(code) + "</code>"
        case .emphasis(let c): out += "<em>" + render(c) + "</em>"
        case .strong(let c): out += "<strong>" + render(c) + "</strong>"
        case .strikethrough(let c): out += "<del>" + render(c) + "</del>"
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br>\n"
        // Raw HTML is shown as the text it is, never interpreted.
        case .html(let raw): out += HTML.escape(raw)
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

    /// The text a reader sees, without markup (for alt text, titles in lists, sorting).
    public static func plainText(_ inlines: [Inline]) -> String {
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

public enum HTML {
    public static func escape(_ text: String) -> String { escape(text, quotes: false) }

    public static func escapeAttribute(_ text: String) -> String { escape(text, quotes: true) }

    /// On UTF-8 bytes, and a string with nothing to escape is returned as it is.
    static func escape(_ text: String, quotes: Bool) -> String {
        func special(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || (quotes && b == UInt8(ascii: "\""))
        }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where quotes: out += Array("&quot;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}


