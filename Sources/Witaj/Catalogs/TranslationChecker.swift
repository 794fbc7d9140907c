import WitajICU

/// Checks what translators wrote: links in segments, and ICU MessageFormat in interface strings.
enum TranslationChecker {
    /// Parses a translation that readers may be shown, and checks its links; the parsed text is what they get.
    static func check(_ entry: POEntry, of document: Document, path: String, resolver: LinkResolver,
                      into diagnostics: inout Diagnostics) -> ParsedText {
        let location = SourceLocation(path, line: entry.msgstrLine)
        let parsed = ParsedText(entry.translation)
        switch parsed {
        case .plain:
            break
        case .notInline:
            diagnostics.warning(location, "the translation is not inline text (it starts a block such as HTML); it is shown as plain text")
        case .inlines(let inlines):
            for destination in SiteValidator.destinations(in: inlines) {
                if case .invalid(let reason) = resolver.resolve(destination, from: document) {
                    diagnostics.warning(location, "\(reason); the link is shown as text")
                }
            }
        }
        return parsed
    }

    /// A translation without the control characters that no page or XHTML book may hold (a vertical tab from
    /// Shift+Enter in a word processor, say); nil when there were none.
    static func withoutControlCharacters(_ text: String) -> String? {
        func isControl(_ s: Unicode.Scalar) -> Bool {
            (s.value < 0x20 && s != "\n" && s != "\t") || s.value == 0x7F || (0xFFFE...0xFFFF).contains(s.value)
        }
        // Scanned as bytes first (this runs for every translation): C0 controls and DEL are single bytes, and
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        var suspect = false
        for byte in text.utf8 where (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || byte == 0xBF {
            suspect = true
            break
        }
        guard suspect, text.unicodeScalars.contains(where: isControl) else { return nil }
        var clean = String.UnicodeScalarView()
        for s in text.unicodeScalars { clean.append(isControl(s) ? " " : s) }
        return String(clean)
    }

    /// The translated interface strings of a ui.po, each checked; a string that fails is left out (the
    /// fallback is shown instead) with a warning at its line.
    static func interfaceStrings(_ catalog: POCatalog, language: LanguageProfile, path: String,
                                 into diagnostics: inout Diagnostics) -> [String: String] {
        var result: [String: String] = [:]
        for var entry in catalog.entries where !entry.obsolete && entry.isTranslated {
            let location = SourceLocation(path, line: entry.msgstrLine)
            if let clean = withoutControlCharacters(entry.translation) {
                diagnostics.warning(location, "the translation has control characters; they are shown as spaces")
                entry.msgstr = [clean]
            }
            if let problem = messageFormatProblem(source: entry.msgid, translation: entry.translation, language: language) {
                diagnostics.warning(location, problem)
                continue
            }
            result[entry.msgid] = entry.translation
        }
        return result
    }

    /// Why a translated MessageFormat string cannot be used, or nil.
    static func messageFormatProblem(source: String, translation: String, language: LanguageProfile) -> String? {
        guard source.contains("{") else { return nil }
        let message: MessageFormat
        do {
            message = try MessageFormat(translation, locale: language.code)
        } catch {
            return "the translation is not valid ICU MessageFormat (near character \(error.offset + 1))"
        }
        let expected = (try? MessageFormat(source, locale: "en"))?.argumentNames ?? []
        let names = message.argumentNames
        if let missing = expected.first(where: { !names.contains($0) }) {
            return "the translation drops the placeholder {\(missing)}"
        }
        if let invented = names.first(where: { !expected.contains($0) }) {
            return "the translation has a placeholder {\(invented)} that the source does not have"
        }
        let sourcePlural = (try? MessageFormat(source, locale: "en"))?.pluralKeywords.isEmpty == false
        if sourcePlural {
            let keywords = message.pluralKeywords
            let missing = language.plurals.categories.filter { !keywords.contains($0) }
            if !missing.isEmpty {
                return "the translation lacks the plural categories \(missing.joined(separator: ", ")) that \(language.code) needs (it needs \(language.plurals.categories.joined(separator: ", ")))"
            }
        }
        return nil
    }
}
