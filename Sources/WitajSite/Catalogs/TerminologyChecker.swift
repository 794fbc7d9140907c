import WitajCore

/// Checks translations against their language's glossary: where a segment's source has a glossary term, its
/// translation should use an approved rendering (`TermMatcher` says how forms are matched). For one thread at a time.
package struct TerminologyChecker {
    package let matcher: TermMatcher

    package init(_ glossary: Glossary, sourceLanguage: String) {
        matcher = TermMatcher(glossary, sourceLanguage: sourceLanguage)
    }

    /// Warns at the msgstr where a current translation (`source` and `translation` as plain text) does not use an
    /// approved rendering of a term its source has, or uses one the glossary says not to use.
    package func check(source: String, translation: String, at location: SourceLocation, into diagnostics: inout Diagnostics) {
        let entries = matcher.entries(in: source)
        guard !entries.isEmpty else { return }
        let words = matcher.translationWords(translation)
        for index in entries {
            let entry = matcher.glossary.entries[index]
            let approved = matcher.usesApproved(index, in: words)
            let avoided = matcher.deprecatedUsed(index, in: words).map { "'\($0)'" }.joined(separator: ", ")
            guard !approved || !avoided.isEmpty else { continue }
            let renderings = entry.approved.count == 1 ? "its approved rendering '\(entry.approved[0])'"
                : "any of its approved renderings " + entry.approved.map { "'\($0)'" }.joined(separator: ", ")
            var message: String
            if !approved {
                message = "the source has the glossary term '\(entry.terms[0])', but the translation does not use \(renderings)"
                if !avoided.isEmpty { message += "; it uses \(avoided), which the glossary says not to use" }
            } else {
                message = "the translation uses \(avoided), which the glossary says not to use for '\(entry.terms[0])'"
            }
            diagnostics.warning(location, message + " (\(entry.location.path):\(entry.location.line))")
        }
    }

    /// The `#.` lines that tell translators, in every language's catalog of a segment, the glossary terms its source
    /// has: "glossary: karta pobytu → uk: посвідка на проживання; ru: карта пребывания". One line per source term,
    /// the languages in the order given.
    package static func comments(source: String, matchers: [TermMatcher]) -> [String] {
        var lines: [(term: String, renderings: [String])] = []
        for matcher in matchers {
            for index in matcher.entries(in: source) {
                let entry = matcher.glossary.entries[index]
                let rendering = "\(matcher.glossary.language): \(entry.approved[0])"
                if let i = lines.firstIndex(where: { $0.term.lowercased() == entry.terms[0].lowercased() }) {
                    lines[i].renderings.append(rendering)
                } else {
                    lines.append((entry.terms[0], [rendering]))
                }
            }
        }
        return lines.map { "glossary: \($0.term) → " + $0.renderings.joined(separator: "; ") }
    }
}
