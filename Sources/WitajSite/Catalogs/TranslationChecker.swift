import WitajICU
import WitajMarkdown
import WitajCore
import WitajGettext

/// Checks what translators wrote: links in segments, and ICU MessageFormat in interface strings.
package enum TranslationChecker {
    /// Parses a translation that readers may be shown, of a segment of `document` that points to `targets`
    /// (`TranslationLinks.targets`), and checks where it points. Returns what readers get: the translation with only
    /// the links and images its source has; nil when it cannot be shown (an image without a description: readers
    /// who cannot see it would get nothing), and then the fallback is.
    package static func check(_ entry: POEntry, pointingTo targets: TranslationLinks.Targets, in document: Document, path: String,
                      links: TranslationLinks, into diagnostics: inout Diagnostics) -> ParsedText? {
        let location = SourceLocation(path, line: entry.msgstrLine)
        let text = entry.translation
        guard let inlines = MarkdownReader.inlines(text) else {
            diagnostics.warning(location, "the translation is not inline text (it starts a block such as HTML); it is shown as plain text")
            return ParsedText(nil, of: text)
        }
        if let image = ImageFile.images(in: inlines).first(where: { $0.description.allSatisfy(\.isWhitespace) }) {
            diagnostics.warning(location, "the image '\(image.source)' has no description (alternative text) in the translation: write what it shows between the brackets; until then the page shows this text in another language")
            return nil
        }
        let pointers = TranslationLinks.pointers(in: inlines)
        if pointers.isEmpty { return ParsedText(inlines, of: text) }
        var stray = false
        for pointer in pointers {
            // Where the source points, as the source writes it: checked with the source.
            if targets.writes(pointer.destination, image: pointer.isImage) { continue }
            let target = links.resolver.resolve(pointer.destination, from: document)
            if case .invalid(let reason) = target {
                diagnostics.warning(location, "\(reason); the link is shown as text")
            } else if pointer.isImage, !links.allowsImage(pointer.destination, source: targets, in: document) {
                diagnostics.warning(location, "the translation shows the image '\(pointer.destination)', which the source text does not; its description is shown instead")
                stray = true
            } else if !pointer.isImage, !links.allowsLink(pointer.destination, source: targets, in: document) {
                diagnostics.warning(location, strayLink(pointer, target: target, source: targets))
                stray = true
            }
        }
        guard stray else { return ParsedText(inlines, of: text) }
        return ParsedText(links.restricted(inlines, source: targets, in: document) ?? inlines, of: text)
    }

    /// Why a link of a translation is shown as text, said to its translator.
    package static func strayLink(_ pointer: TranslationLinks.Pointer, target: LinkTarget, source: TranslationLinks.Targets) -> String {
        let link = pointer.autolink.map { "the address '\($0)' in the translation becomes a link" }
            ?? "the translation links to '\(pointer.destination)'"
        let where_ = source.links.isEmpty ? "the source text has no link here"
            : "the source text links only to " + source.links.map { "'\($0)'" }.joined(separator: ", ")
        var message = "\(link), but \(where_)" + (source.links.isEmpty ? "" : " (keep its link targets)")
        message += "; the link is shown as plain text"
        if case .external(let url) = target, let host = TranslationLinks.webHost(url) {
            message += " (links to \(host) can be allowed in site.yml under translations: linkHosts)"
        }
        return message
    }

    /// A translation without the control characters that no page or XHTML book may hold (a vertical tab from
    /// Shift+Enter in a word processor, say); nil when there were none.
    package static func withoutControlCharacters(_ text: String) -> String? {
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
    package static func interfaceStrings(_ catalog: POCatalog, language: LanguageProfile, path: String,
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
    package static func messageFormatProblem(source: String, translation: String, language: LanguageProfile) -> String? {
        guard source.utf8.contains(UInt8(ascii: "{")) else { return nil }
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
