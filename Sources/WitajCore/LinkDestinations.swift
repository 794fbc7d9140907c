/// Where a text writes link destinations, as it writes them: in inline Markdown `[text](dest "title")` and
/// `![alt](dest)` (also `<dest>`), Markdown reference definitions `[label]: dest`, and in XML `<see doc="dest"/>`.
/// Used to move documents (`witaj mv`) and to carry translations over a link's new path: the text around a
/// destination is never touched.
package enum LinkDestinations {
    package struct Found: Sendable, Equatable {
        package let range: Range<String.Index>
        package let destination: String
    }

    package static func find(in text: String) -> [Found] {
        var found: [Found] = []
        var i = text.startIndex
        while let open = text[i...].range(of: "](") {
            i = open.upperBound
            var start = open.upperBound
            while start < text.endIndex, text[start] == " " || text[start] == "\t" { start = text.index(after: start) }
            guard start < text.endIndex else { break }
            if text[start] == "<" {
                let inner = text.index(after: start)
                guard let close = text[inner...].firstIndex(where: { $0 == ">" || $0 == "\n" }), text[close] == ">" else { continue }
                found.append(Found(range: inner..<close, destination: String(text[inner..<close])))
                i = close
                continue
            }
            // A bare destination: up to a space or the ")" that closes it (parentheses inside must balance).
            var depth = 0
            var end = start
            while end < text.endIndex {
                let c = text[end]
                if c == " " || c == "\t" || c == "\n" { break }
                if c == "\\" {
                    end = text.index(after: end)
                    if end < text.endIndex { end = text.index(after: end) }
                    continue
                }
                if c == "(" { depth += 1 }
                if c == ")" {
                    if depth == 0 { break }
                    depth -= 1
                }
                end = text.index(after: end)
            }
            if end > start { found.append(Found(range: start..<end, destination: String(text[start..<end]))) }
            i = end
        }
        found += references(in: text) + attributes(in: text)
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `[label]: dest` at the start of a line (up to three spaces in).
    private static func references(in text: String) -> [Found] {
        text.matches(of: /(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)/).map { Found(range: $0.1.startIndex..<$0.1.endIndex, destination: String($0.1)) }
    }

    /// `doc="dest"` (XML's `<see>`).
    private static func attributes(in text: String) -> [Found] {
        text.matches(of: /\bdoc\s*=\s*"([^"]*)"/).map { Found(range: $0.1.startIndex..<$0.1.endIndex, destination: String($0.1)) }
    }

    /// The text with each destination replaced by what `replace` gives (nil: left as it is).
    package static func replacing(in text: String, _ replace: (String) -> String?) -> String {
        var result = ""
        var last = text.startIndex
        for found in find(in: text) where found.range.lowerBound >= last {
            guard let new = replace(found.destination) else { continue }
            result += text[last..<found.range.lowerBound] + new
            last = found.range.upperBound
        }
        return result + text[last...]
    }

    /// The text with its destinations taken out, and the destinations in order: two texts that differ only in where
    /// their links go have the same skeleton.
    package static func skeleton(of text: String) -> (String, [String]) {
        var destinations: [String] = []
        let skeleton = replacing(in: text) { destinations.append($0); return "\u{1}" }
        return (skeleton, destinations)
    }
}
