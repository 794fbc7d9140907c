import WitajCore
import WitajICU

/// The coverage report as artifacts: `coverage/index.html` (the indicator, targets, trend, year by year, the matrix),
/// `coverage.json`, `coverage.csv`, and with a history `history.json`, `history.csv`. The page is in the report's
/// language (`coverage: language` in site.yml, else the source language): its strings come from `strings`.
package struct CoverageRenderer {
    package let coverage: Coverage
    /// By quarter; nil outside a git repository (and for `check`).
    package let history: CoverageHistory?
    package let templates: Templates
    /// The interface strings of the report's language.
    package let strings: UIStrings
    package let sourceName: String

    package init(coverage: Coverage, history: CoverageHistory? = nil, templates: Templates, strings: UIStrings, sourceName: String) {
        self.coverage = coverage
        self.history = history
        self.templates = templates
        self.strings = strings
        self.sourceName = sourceName
    }

    package static let symbols: [Coverage.Status: String] = [.complete: "✓", .outdated: "!", .partial: "◐", .missing: "✗"]

    var language: LanguageProfile { strings.language }

    /// `rows`: each document's row of the matrix (`row`), in the order of `coverage.documents`.
    package func matrix(rows: [String]) -> Artifact {
        var context = context
        context["rows"] = rows.map { ["html": $0] }
        return Artifact(path: "coverage/index.html", text: templates.render(context, with: "coverage"))
    }

    /// A document's row of the matrix: its coverage in every language.
    package func row(_ row: Coverage.DocumentRow) -> String {
        let context: [String: Any] = [
            "title": row.title, "source": row.source, "kind": text(Self.kindNames[row.kind] ?? "kindArticle"),
            "segments": row.segments, "words": row.words,
            "cells": coverage.languages.map { l -> [String: Any] in
                let e = row.languages[l.code]
                let status = e?.status ?? .missing
                return ["status": status.rawValue, "label": text(Self.statusNames[status] ?? ""), "symbol": Self.symbols[status] ?? "",
                        "code": l.code, "counts": e.map { "\($0.segments.translated + $0.segments.nothingToTranslate)/\($0.segments.total)" } ?? ""]
            },
        ]
        return templates.render(context, with: "coverage-row")
    }

    package func json() -> Artifact { Artifact(path: "coverage/coverage.json", text: coverage.json) }
    package func csv() -> Artifact { Artifact(path: "coverage/coverage.csv", text: coverage.csv) }

    /// The history's files, when there is a history.
    package func historyFiles() -> [Artifact] {
        guard let history else { return [] }
        return [Artifact(path: "coverage/history.json", text: history.json), Artifact(path: "coverage/history.csv", text: history.csv)]
    }

    static let statusNames: [Coverage.Status: String] = [.complete: "statusComplete", .outdated: "statusOutdated",
                                                          .partial: "statusPartial", .missing: "statusMissing"]
    static let kindNames = ["procedure": "kindProcedure", "article": "kindArticle", "section": "kindSection", "home": "kindHome",
                            "offices": "kindOffices", Coverage.newsKind: "kindNews", Coverage.eventKind: "kindEvent"]

    /// A report string in the report's language.
    func text(_ name: String) -> String { strings.text(UIStrings.english(ofReport: name)) }

    func format(_ name: String, _ arguments: [String: MessageFormat.Argument]) -> String {
        strings.format(UIStrings.english(ofReport: name), arguments)
    }

    func date(_ iso: String) -> String {
        guard let day = Day(String(iso.prefix(10))) else { return iso }
        return language.formatters.date(year: day.year, month: day.month, day: day.day)
    }

    func number(_ n: Int) -> String { language.formatters.number(Double(n)) }

    package var context: [String: Any] {
        let names = Dictionary(coverage.languages.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let languages: [[String: Any]] = coverage.languages.map { l in
            ["code": l.code, "name": l.name, "percent": Coverage.percent(l.segments), "value": l.segments.percent,
             "words": Coverage.percent(l.words), "interface": Coverage.percent(l.interface),
             "complete": l.documents["complete"] ?? 0, "outdated": l.documents["outdated"] ?? 0,
             "partial": l.documents["partial"] ?? 0, "missing": l.documents["missing"] ?? 0,
             "translated": l.segments.translated + l.segments.nothingToTranslate, "total": l.segments.total]
        }
        var changes: [[String: Any]] = []
        for row in coverage.documents {
            for l in coverage.languages {
                guard let e = row.languages[l.code], !e.changes.isEmpty else { continue }
                changes.append(["title": row.title, "code": l.code, "catalog": e.catalog,
                                "changes": e.changes.map { ["previous": $0.previous, "current": $0.current, "translation": $0.translation] }])
            }
        }
        let i = coverage.indicator
        // A row per language (narrow enough for a phone): procedures, documents, and apart the navigation pages.
        func row(_ label: String, attributes: String = "", code: String? = nil, strong: Bool = false,
                 _ count: (Coverage.Indicator.Group) -> Int) -> [String: Any] {
            ["label": label, "attributes": attributes, "strong": strong, "procedures": number(count(i.procedures)),
             "articles": number(count(i.articles)), "navigation": number(count(i.navigation))]
        }
        let indicatorRows = [row(text("total"), attributes: attributes("total")) { $0.documents },
                             row(text("anyLanguage"), attributes: attributes("anyLanguage"), strong: true) { $0.completeInAtLeastOneLanguage }]
            + coverage.languages.map { l in
                row("\(l.name) (\(l.code))", attributes: " lang=\"\(l.code)\"") { $0.languages[l.code]?.complete ?? 0 }
            }
        var context: [String: Any] = [
            "lang": language.code, "dir": language.direction,
            "t": Dictionary(UIStrings.reportKeys.map { ($0.name, text($0.name)) } + [("language", strings.text("Language"))],
                            uniquingKeysWith: { a, _ in a }),
            "tl": Dictionary(UIStrings.reportKeys.map { ($0.name, attributes($0.name)) }, uniquingKeysWith: { a, _ in a }),
            "sourceLine": format("source", ["name": .string(sourceName), "code": .string(coverage.sourceLanguage)]),
            "languages": languages, "changes": changes, "hasChanges": !changes.isEmpty,
            "indicator": indicatorRows,
            "definition": format("definitionText", ["source": .string(coverage.sourceLanguage)]),
            "source": coverage.sourceLanguage, "sourceName": sourceName,
            "targets": coverage.targets.map { target -> [String: Any] in
                let by = Day(target.by).map { language.formatters.date(year: $0.year, month: $0.month, day: $0.day) } ?? target.by
                return ["heading": format(target.group == "procedures" ? "targetProcedures" : "targetArticles",
                                          ["date": .string(by), "share": .number(Double(target.share) / 100)]),
                        "rows": target.languages.map { p -> [String: Any] in
                            ["code": p.code, "name": names[p.code] ?? p.code, "complete": number(p.complete),
                             "documents": number(p.documents), "needed": number(p.needed), "met": p.met,
                             "value": p.complete, "max": max(p.needed, 1),
                             "status": p.met ? text("met") : format("toGo", ["count": .number(Double(p.needed - p.complete))])]
                        }]
            },
            "hasTargets": !coverage.targets.isEmpty,
        ]
        if let revision = coverage.revision {
            context["revision"] = format("revision", ["date": .string(date(revision.date)), "commit": .string(revision.shortCommit)])
            context["uncommitted"] = revision.uncommitted
        } else {
            context["notGit"] = true
        }
        if let history, history.points.contains(where: { $0.indicator != nil }) {
            context["trend"] = trend(history)
            context["years"] = years(history)
            context["hasHistory"] = true
        }
        return context
    }

    /// ` lang="en" dir="ltr"` for a report string not translated into the report's language.
    func attributes(_ name: String) -> String { PageRenderer.languageAttributes(UIStrings.english(ofReport: name), strings) }
}
