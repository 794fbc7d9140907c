import WitajCore

/// A document's keywords (front matter `keywords:`, XML `<keyword>`) are more entries of the A-Z index: one that is
/// there already adds an entry readers meet twice.
package enum Keywords {
    /// Warns, at the keyword, of one written twice in the document, or that is the document's title (the index lists
    /// it under its title already). Compared as readers see them: without case or extra spaces.
    package static func check(_ keywords: [(text: String, location: SourceLocation)], title: Segment?,
                              into diagnostics: inout Diagnostics) {
        func folded(_ text: String) -> String {
            text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let titleText = title.map { folded($0.parsed.plainText(of: $0.text)) }
        var seen: [String: SourceLocation] = [:]
        for (text, location) in keywords {
            let key = folded(text)
            if let first = seen[key] {
                diagnostics.warning(location, "the keyword '\(text)' is already given on line \(first.line): the A-Z index would list it twice; remove one")
            } else if key == titleText {
                diagnostics.warning(location, "the keyword '\(text)' is the title: the A-Z index lists the document under its title already; remove the keyword")
            }
            if seen[key] == nil { seen[key] = location }
        }
    }
}
