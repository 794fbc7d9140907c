import WitajICU
import WitajCore

/// The theme's interface strings in one language. Keys are the English text (gettext's msgid); strings with a
/// count are ICU MessageFormat patterns, formatted with the language's CLDR plural rules.
package struct UIStrings: Sendable {
    package let language: LanguageProfile
    package let table: [String: String]

    /// The language the string is really in, when it comes from a fallback (nil when it is the page's).
    package let sources: [String: String]

    /// Each string from the language's ui.po, else the default theme's own translation, else the same along the
    /// language's fallback chain, else the English text.
    package init(language: LanguageProfile, interface: [String: [String: String]] = [:]) {
        self.language = language
        var table: [String: String] = [:]
        var sources: [String: String] = [:]
        for (i, code) in ([language.code] + language.fallbacks).enumerated() {
            let base = code.split(separator: "-").first.map(String.init) ?? code
            let own = (Self.builtIn[code] ?? Self.builtIn[base] ?? [:]).merging(interface[code] ?? [:]) { $1 }
            for (key, value) in own where table[key] == nil {
                table[key] = value
                if i > 0 { sources[key] = code }
            }
        }
        self.table = table
        self.sources = sources
    }

    /// The string in this language, or the English text when there is no translation.
    package func text(_ key: String) -> String { table[key] ?? key }

    /// The language a string is shown in, when it is not the page's (a fallback, or the English text).
    package func fallbackLanguage(_ key: String) -> String? {
        table[key] == nil ? "en" : sources[key]
    }

    /// A MessageFormat string with its arguments, formatted with the plural rules of the language it is in.
    package func format(_ key: String, _ arguments: [String: MessageFormat.Argument]) -> String {
        let pattern = text(key)
        // The page's language counts in its own digits (`digits` in site.yml), as its dates and amounts do.
        let locale = sources[key] ?? (table[key] == nil ? "en" : language.formatters.locale)
        let message = (try? MessageFormat(pattern, locale: locale)) ?? (try? MessageFormat(key, locale: "en"))
        return message?.format(arguments) ?? pattern
    }

    /// The default theme's own translations. Sites add or override them in locales/<lang>/ui.po.
    package static let builtIn: [String: [String: String]] = [
        "en": Dictionary((english + report).map { ($0, $0) }, uniquingKeysWith: { a, _ in a }),
        "pl": polishReport.merging(polishDated) { $1 }.merging([
            "Skip to content": "Przejdź do treści",
            "Welcome pack": "Pakiet powitalny",
            "Main navigation": "Nawigacja główna",
            "Language": "Język",
            "Choose your language": "Wybierz język",
            "A–Z index": "Indeks A–Z",
            "Letters": "Litery",
            "Home": "Strona główna",
            "In this section": "W tym dziale",
            "Procedure": "Procedura",
            "Who is this for": "Dla kogo",
            "Step by step": "Krok po kroku",
            "Documents to bring": "Potrzebne dokumenty",
            "if it applies to you": "jeśli dotyczy",
            "Fees": "Opłaty",
            "Free of charge": "Bezpłatnie",
            "Deadlines": "Terminy",
            "Where to go": "Gdzie to załatwić",
            "Online": "Przez internet",
            "Good to know": "Warto wiedzieć",
            "Legal basis": "Podstawa prawna",
            "See also": "Zobacz też",
            "Address": "Adres",
            "Opening hours": "Godziny otwarcia",
            "Phone": "Telefon",
            "E-mail": "E-mail",
            "Website": "Strona internetowa",
            "Languages spoken": "Języki obsługi",
            "Last reviewed on {date}": "Informacje sprawdzone: {date}",
            "Some details on this page are waiting for our editors to confirm them. Check fees, addresses and hours with the office before you go.":
                "Niektóre informacje na tej stronie czekają na potwierdzenie przez redakcję. Przed wizytą sprawdź opłaty, adresy i godziny w urzędzie.",
            "Part of this page has not been translated yet and is shown in another language.":
                "Część tej strony nie została jeszcze przetłumaczona i jest wyświetlana w innym języku.",
            "Part of this page changed recently; the translation is being updated and the new text is shown in another language.":
                "Część tej strony niedawno się zmieniła; tłumaczenie jest aktualizowane, a nowy tekst jest wyświetlany w innym języku.",
            "not fully translated": "nie w pełni przetłumaczone",
            wholePageKey: "Ta strona nie jest jeszcze przetłumaczona (język: {language}); jest wyświetlana w języku: {shown}.",
            reviewNoteKey: "Co sprawdza redakcja (jej notatka, język: {language})",
            "Download the welcome pack (EPUB)": "Pobierz pakiet powitalny (EPUB)",
            "{count, plural, one {# day} other {# days}}": "{count, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}",
            "{count, plural, one {# week} other {# weeks}}": "{count, plural, one {# tydzień} few {# tygodnie} many {# tygodni} other {# tygodnia}}",
            "{count, plural, one {# month} other {# months}}": "{count, plural, one {# miesiąc} few {# miesiące} many {# miesięcy} other {# miesiąca}}",
            "{count, plural, one {# year} other {# years}}": "{count, plural, one {# rok} few {# lata} many {# lat} other {# roku}}",
            "{count, plural, one {# document} other {# documents}}": "{count, plural, one {# dokument} few {# dokumenty} many {# dokumentów} other {# dokumentu}}",
            "Contents": "Spis treści",
            "Cover": "Okładka",
            "Beginning": "Początek",
            "Landmarks": "Nawigacja",
            "Edition of {date}": "Stan na {date}",
            "This book has a table of contents and headings in order. Every passage is marked with its language, including text that is not translated yet. It has no images, sound or motion.":
                "Książka ma spis treści i uporządkowane nagłówki. Każdy fragment ma oznaczony język, także tekst jeszcze nieprzetłumaczony. Nie zawiera obrazów, dźwięku ani animacji.",
            "This book has a table of contents and headings in order. Every passage is marked with its language, including text that is not translated yet. Every image has a text description. It has no sound or motion.":
                "Książka ma spis treści i uporządkowane nagłówki. Każdy fragment ma oznaczony język, także tekst jeszcze nieprzetłumaczony. Każdy obraz ma opis tekstowy. Nie zawiera dźwięku ani animacji.",
            "Search": "Szukaj",
            "Search the welcome pack": "Szukaj w pakiecie powitalnym",
            "No pages match your search.": "Żadna strona nie pasuje do wyszukiwania.",
            "Search needs JavaScript. Without it, find a page in the A–Z index.":
                "Wyszukiwanie wymaga JavaScriptu. Bez niego znajdziesz stronę w indeksie A–Z.",
            "{publisher} certifies this book's accessibility on the checks witaj ran on every page: each page is well-formed XHTML, declares its language and has a title; headings do not skip a level; every image has a text description; every table header has a scope; every link has text.":
                "{publisher} poświadcza dostępność tej książki na podstawie kontroli, które witaj wykonał na każdej stronie: każda strona jest poprawnym dokumentem XHTML, ma oznaczony język i tytuł; nagłówki nie pomijają poziomów; każdy obraz ma opis tekstowy; każdy nagłówek tabeli ma określony zakres; każdy odnośnik ma tekst.",
            "Page not found": "Nie znaleziono strony",
            "There is no page at this address. It may have moved, or the address may have a typo.":
                "Pod tym adresem nie ma strony. Mogła zostać przeniesiona albo w adresie jest literówka.",
        ]) { $1 },
    ]

    /// The notice of a page shown whole in its fallback language.
    package static let wholePageKey = "This page is not yet translated into {language}; it is shown in {shown}."
    /// The summary of the editors' own note on what they are checking (`review`), shown in the source language.
    package static let reviewNoteKey = "What our editors are checking (their note, in {language})"

    /// News and events (`PageRenderer+Dated.swift`).
    package static let dated = Array(polishDated.keys).sorted()

    static let polishDated: [String: String] = [
        "Upcoming events": "Najbliższe wydarzenia",
        "Past events": "Wydarzenia, które się odbyły",
        "Archived posts": "Wiadomości archiwalne",
        "This event is over.": "To wydarzenie już się odbyło.",
        "Taking place now": "Trwa teraz",
        "This post is archived: what it says may no longer be current.": "To archiwalna wiadomość: jej treść może być już nieaktualna.",
        "No events are planned at the moment.": "Obecnie nie planujemy wydarzeń.",
        "News feed (Atom)": "Kanał wiadomości (Atom)",
        "Newer posts": "Nowsze wiadomości",
        "Older posts": "Starsze wiadomości",
        "Page {page} of {count}": "Strona {page} z {count}",
        "When": "Kiedy",
        "Where": "Gdzie",
        "Languages of the event": "Języki wydarzenia",
        "Cost": "Koszt",
        "Registration": "Zapisy",
        "Add to your calendar": "Dodaj do kalendarza",
    ]

    package static let english = [
        "Skip to content", "Welcome pack", "Main navigation", "Language", "Choose your language", "A–Z index", "Letters",
        "Home", "In this section", "Procedure", "Who is this for", "Step by step", "Documents to bring",
        "if it applies to you", "Fees", "Free of charge", "Deadlines", "Where to go", "Online", "Good to know",
        "Legal basis", "See also", "Address", "Opening hours", "Phone", "E-mail", "Website", "Languages spoken",
        "Last reviewed on {date}",
        "Some details on this page are waiting for our editors to confirm them. Check fees, addresses and hours with the office before you go.",
        "Part of this page has not been translated yet and is shown in another language.",
        "Part of this page changed recently; the translation is being updated and the new text is shown in another language.",
        "not fully translated", wholePageKey, reviewNoteKey, "Download the welcome pack (EPUB)",
        "{count, plural, one {# day} other {# days}}", "{count, plural, one {# week} other {# weeks}}",
        "{count, plural, one {# month} other {# months}}", "{count, plural, one {# year} other {# years}}",
        "{count, plural, one {# document} other {# documents}}",
        "Contents", "Cover", "Beginning", "Landmarks", "Edition of {date}",
        "This book has a table of contents and headings in order. Every passage is marked with its language, including text that is not translated yet. It has no images, sound or motion.",
        "This book has a table of contents and headings in order. Every passage is marked with its language, including text that is not translated yet. Every image has a text description. It has no sound or motion.",
        "{publisher} certifies this book's accessibility on the checks witaj ran on every page: each page is well-formed XHTML, declares its language and has a title; headings do not skip a level; every image has a text description; every table header has a scope; every link has text.",
        "Page not found", "There is no page at this address. It may have moved, or the address may have a typo.",
        "Search", "Search the welcome pack", "No pages match your search.",
        "Search needs JavaScript. Without it, find a page in the A–Z index.",
    ] + dated
}
