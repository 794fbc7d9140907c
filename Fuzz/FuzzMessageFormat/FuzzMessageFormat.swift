import FuzzSupport
import WitajCore
import WitajSite
import WitajICU

/// The interface strings' check (TranslationChecker.messageFormatProblem, ICU MessageFormat underneath) and
/// formatting. Input: one byte that picks the language, then the source string, a NUL byte and its translation
/// (without a NUL, the string is its own translation). Laws:
/// - a translation the check accepts formats without failing, with numbers and texts for its arguments;
/// - a string that ICU parses, with no plural or with every plural category the language needs, is accepted as
///   its own translation; one that ICU does not parse is never accepted;
/// - ICU's error offset lies inside the pattern.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    guard let first = bytes.first else { return 0 }
    let language = languages[Int(first) % languages.count]
    let parts = bytes.dropFirst().split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let source = String(decoding: parts[0], as: UTF8.self)
    let translation = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : source

    let problem = TranslationChecker.messageFormatProblem(source: source, translation: translation, language: language)
    if problem == nil, source.contains("{") {
        let message = try? MessageFormat(translation, locale: language.code)
        Fuzz.law(message != nil, "an accepted translation parses", translation)
        if let message { format(message) }
    }

    let own = TranslationChecker.messageFormatProblem(source: source, translation: source, language: language)
    do {
        let message = try MessageFormat(source, locale: language.code)
        format(message)
        let keywords = message.pluralKeywords
        if (try? MessageFormat(source, locale: "en")) != nil,
           keywords.isEmpty || language.plurals.categories.allSatisfy(keywords.contains) {
            Fuzz.law(own == nil, "a string is accepted as its own translation",
                     "\(language.code): \(source): \(own ?? "")")
        }
    } catch {
        Fuzz.law((0...source.utf16.count).contains(error.offset), "ICU's error offset lies inside the pattern",
                 "\(error.offset) of \(source.utf16.count): \(source)")
        Fuzz.law(!source.contains("{") || own != nil, "a string ICU does not parse is never accepted", source)
    }
    return 0
}

/// The pack's languages, each with its plural rules (made once: ICU's services are slow to open).
private let languages: [LanguageProfile] = ["pl", "en", "uk", "ru", "be", "ar"].map { try! LanguageProfile(code: $0) }

private func format(_ message: MessageFormat) {
    for number in [0, 1, 2, 5, 11, 21.5, -3, 1e15] {
        var arguments: [String: MessageFormat.Argument] = [:]
        for (i, name) in message.argumentNames.enumerated() {
            arguments[name] = i % 2 == 0 ? .number(number) : .string("tekst")
        }
        _ = message.format(arguments)
    }
}
