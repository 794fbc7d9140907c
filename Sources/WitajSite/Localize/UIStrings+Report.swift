/// The coverage report's strings (site-out/coverage/): in ui.po only for the report's language (`coverage: language`
/// in site.yml), since readers of the site never see the report.
extension UIStrings {
    /// Each string by the name the report's template knows it by, in the order `witaj update` writes them.
    package static let reportKeys: [(name: String, english: String)] = [
        ("title", "Translation coverage"),
        ("revision", "Content as of {date}: commit {commit}."),
        ("uncommitted", "The work tree has changes to site.yml, content/ or locales/ that are not committed yet: they are counted here, but no commit holds them."),
        ("notGit", "The site is not in a git repository: this report has no date, no commit and no history."),
        ("indicator", "The indicator: procedures and documents translated into foreign languages"),
        ("completeByLanguage", "Completely translated, by language"),
        ("group", "Group"),
        ("total", "Total"),
        ("anyLanguage", "In at least one foreign language"),
        ("navigationShort", "Navigation"),
        ("groups", "Procedures: administrative services. Documents: articles and the register of offices. Navigation: the home page and the section pages, not in the indicator."),
        ("definition", "Definition"),
        ("targets", "Targets"),
        ("targetProcedures", "By {date}: {share, number, percent} of procedures completely translated into each of these languages"),
        ("targetArticles", "By {date}: {share, number, percent} of documents completely translated into each of these languages"),
        ("progress", "Progress"),
        ("met", "met"),
        ("toGo", "{count} to go"),
        ("trend", "Trend by quarter"),
        ("trendTitle", "Procedures and documents translated into at least one foreign language, by quarter"),
        ("trendDescription", "From {first} to {last}: procedures from {proceduresFirst} to {proceduresLast} (of {procedures}), documents from {articlesFirst} to {articlesLast} (of {articles})."),
        ("period", "Period"),
        ("stateOn", "State on"),
        ("proceduresShort", "Procedures"),
        ("articlesShort", "Documents"),
        ("yearByYear", "Year by year"),
        ("yearNote", "Procedures and documents completely translated, as the content was on 31 December of each year (the current year: at its last commit)."),
        ("year", "Year"),
        ("noData", "no site to count (none yet, or it does not read)"),
        ("data", "Data for spreadsheets and scripts"),
        ("dataCoverage", "each document in each language"),
        ("dataHistory", "the indicator by quarter and language"),
        ("languages", "Languages"),
        ("source", "Source language: {name} ({code})."),
        ("segments", "Segments done"),
        ("words", "Words"),
        ("interface", "Interface"),
        ("statusComplete", "complete"),
        ("statusOutdated", "outdated"),
        ("statusPartial", "partial"),
        ("statusMissing", "missing"),
        ("matrix", "Documents × languages"),
        ("legend", "Complete: every segment translated and current. Outdated: some translations were made for an older source text. Partial: some segments not translated. Missing: nothing translated, or no catalog. Numbers are done / all segments; a segment with nothing to translate (no lowercase letter: 112, BLIK, PESEL) counts as done."),
        ("document", "Document"),
        ("changes", "Outdated translations: what changed in the source"),
        ("was", "Was"),
        ("now", "Now"),
        ("translation", "Translation"),
        ("kindProcedure", "procedure"),
        ("kindArticle", "article"),
        ("kindSection", "section page"),
        ("kindHome", "home page"),
        ("kindOffices", "register of offices"),
        ("kindNews", "news post"),
        ("kindEvent", "event"),
        ("definitionText", "A procedure (an administrative service) or a document (an article, or the register of offices) counts as translated into a language when every segment of it (title, summary, paragraphs, list items, table cells, procedure steps and other prose) has a current translation in that language: none missing, none outdated (fuzzy). A segment with nothing to translate (no lowercase letter: a number, an acronym such as PESEL) needs none. The home page and the section pages are navigation: they are counted apart and not in the indicator, as are the interface strings of the theme. The source language ({source}) is not counted. The numbers describe site.yml, content/ and locales/ as the commit named with them has them."),
    ]

    /// The report's strings, in English (the msgids of ui.po).
    package static let report = reportKeys.map(\.english)

    /// What the indicator counts, in English, for the source language `source`.
    package static func definition(source: String) -> String {
        english(ofReport: "definitionText").replacingOccurrences(of: "{source}", with: source)
    }

    package static func english(ofReport name: String) -> String {
        reportKeys.first { $0.name == name }?.english ?? name
    }

    static let polishReport: [String: String] = [
        "Translation coverage": "Stan tłumaczeń",
        "Content as of {date}: commit {commit}.": "Stan treści na {date}: commit {commit}.",
        "The work tree has changes to site.yml, content/ or locales/ that are not committed yet: they are counted here, but no commit holds them.":
            "Kopia robocza ma zmiany w site.yml, content/ lub locales/, których nie zapisano jeszcze w żadnym commicie: są tu policzone, ale żaden commit ich nie zawiera.",
        "The site is not in a git repository: this report has no date, no commit and no history.":
            "Witryna nie jest w repozytorium git: ten raport nie ma daty, commitu ani historii.",
        "The indicator: procedures and documents translated into foreign languages":
            "Wskaźnik: procedury i dokumenty przetłumaczone na języki obce",
        "Completely translated, by language": "W pełni przetłumaczone, według języków",
        "Group": "Grupa",
        "Total": "Razem",
        "In at least one foreign language": "Na co najmniej jeden język obcy",
        "Navigation": "Nawigacja",
        "Procedures: administrative services. Documents: articles and the register of offices. Navigation: the home page and the section pages, not in the indicator.":
            "Procedury: usługi administracyjne. Dokumenty: artykuły i wykaz urzędów. Nawigacja: strona główna i strony działów, poza wskaźnikiem.",
        "Definition": "Definicja",
        "Targets": "Cele",
        "By {date}: {share, number, percent} of procedures completely translated into each of these languages":
            "Do {date}: {share, number, percent} procedur w pełni przetłumaczonych na każdy z tych języków",
        "By {date}: {share, number, percent} of documents completely translated into each of these languages":
            "Do {date}: {share, number, percent} dokumentów w pełni przetłumaczonych na każdy z tych języków",
        "Progress": "Postęp",
        "met": "osiągnięty",
        "{count} to go": "brakuje: {count}",
        "Trend by quarter": "Trend kwartalny",
        "Procedures and documents translated into at least one foreign language, by quarter":
            "Procedury i dokumenty przetłumaczone na co najmniej jeden język obcy, kwartalnie",
        "From {first} to {last}: procedures from {proceduresFirst} to {proceduresLast} (of {procedures}), documents from {articlesFirst} to {articlesLast} (of {articles}).":
            "Od {first} do {last}: procedury od {proceduresFirst} do {proceduresLast} (z {procedures}), dokumenty od {articlesFirst} do {articlesLast} (z {articles}).",
        "Period": "Okres",
        "State on": "Stan na",
        "Procedures": "Procedury",
        "Documents": "Dokumenty",
        "Year by year": "Rok po roku",
        "Procedures and documents completely translated, as the content was on 31 December of each year (the current year: at its last commit).":
            "Procedury i dokumenty w pełni przetłumaczone według stanu treści na 31 grudnia każdego roku (bieżący rok: według ostatniego commitu).",
        "Year": "Rok",
        "no site to count (none yet, or it does not read)": "brak witryny do policzenia (jeszcze jej nie było albo nie da się jej odczytać)",
        "Data for spreadsheets and scripts": "Dane do arkuszy kalkulacyjnych i skryptów",
        "each document in each language": "każdy dokument w każdym języku",
        "the indicator by quarter and language": "wskaźnik według kwartałów i języków",
        "Languages": "Języki",
        "Source language: {name} ({code}).": "Język źródłowy: {name} ({code}).",
        "Segments done": "Gotowe segmenty",
        "Words": "Słowa",
        "Interface": "Interfejs",
        "complete": "pełne",
        "outdated": "nieaktualne",
        "partial": "częściowe",
        "missing": "brak",
        "Documents × languages": "Dokumenty × języki",
        "Complete: every segment translated and current. Outdated: some translations were made for an older source text. Partial: some segments not translated. Missing: nothing translated, or no catalog. Numbers are done / all segments; a segment with nothing to translate (no lowercase letter: 112, BLIK, PESEL) counts as done.":
            "Pełne: każdy segment przetłumaczony i aktualny. Nieaktualne: część tłumaczeń powstała dla starszej wersji tekstu źródłowego. Częściowe: część segmentów nieprzetłumaczona. Brak: nic nie przetłumaczono albo nie ma katalogu. Liczby: gotowe / wszystkie segmenty; segment, w którym nie ma czego tłumaczyć (bez małych liter: 112, BLIK, PESEL), liczy się jako gotowy.",
        "Document": "Dokument",
        "Outdated translations: what changed in the source": "Nieaktualne tłumaczenia: co zmieniło się w tekście źródłowym",
        "Was": "Było",
        "Now": "Jest",
        "Translation": "Tłumaczenie",
        "procedure": "procedura",
        "article": "artykuł",
        "section page": "strona działu",
        "home page": "strona główna",
        "register of offices": "wykaz urzędów",
        "news post": "aktualność",
        "event": "wydarzenie",
        "A procedure (an administrative service) or a document (an article, or the register of offices) counts as translated into a language when every segment of it (title, summary, paragraphs, list items, table cells, procedure steps and other prose) has a current translation in that language: none missing, none outdated (fuzzy). A segment with nothing to translate (no lowercase letter: a number, an acronym such as PESEL) needs none. The home page and the section pages are navigation: they are counted apart and not in the indicator, as are the interface strings of the theme. The source language ({source}) is not counted. The numbers describe site.yml, content/ and locales/ as the commit named with them has them.":
            "Procedurę (usługę administracyjną) lub dokument (artykuł albo wykaz urzędów) liczy się jako przetłumaczone na dany język, gdy każdy ich segment (tytuł, streszczenie, akapity, punkty list, komórki tabel, kroki procedury i inne fragmenty tekstu) ma w tym języku aktualne tłumaczenie: żadnego brakującego, żadnego nieaktualnego (fuzzy). Segment, w którym nie ma czego tłumaczyć (bez małych liter: liczba, skrót taki jak PESEL), tłumaczenia nie wymaga. Strona główna i strony działów służą nawigacji: liczy się je osobno, poza wskaźnikiem, podobnie jak teksty interfejsu. Języka źródłowego ({source}) się nie liczy. Liczby opisują site.yml, content/ i locales/ w wersji z podanego przy nich commitu.",
    ]
}
