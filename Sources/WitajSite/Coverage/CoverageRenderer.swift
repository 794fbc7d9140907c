import WitajCore
/// The coverage report as artifacts: `coverage/index.html` (the matrix), `coverage.json`, `coverage.csv`.
package struct CoverageRenderer {
    package let coverage: Coverage
    package let templates: Templates
    package let sourceName: String

    package static let symbols: [Coverage.Status: String] = [.complete: "✓", .outdated: "!", .partial: "◐", .missing: "✗"]

    /// `rows`: each document's row of the matrix (`row`), in the order of `coverage.documents`.
    package func matrix(rows: [String]) -> Artifact {
        var context = context
        context["rows"] = rows.map { ["html": $0] }
        return Artifact(path: "coverage/index.html", text: templates.render(context, with: "coverage"))
    }

    /// A document's row of the matrix: its coverage in every language.
    package func row(_ row: Coverage.DocumentRow) -> String {
        let context: [String: Any] = [
            "title": row.title, "source": row.source, "kind": row.kind, "segments": row.segments, "words": row.words,
            "cells": coverage.languages.map { l -> [String: Any] in
                let e = row.languages[l.code]
                let status = e?.status ?? .missing
                return ["status": status.rawValue, "symbol": Self.symbols[status] ?? "", "code": l.code,
                        "counts": e.map { "\($0.segments.translated)/\($0.segments.total)" } ?? ""]
            },
        ]
        return templates.render(context, with: "coverage-row")
    }

    package func json() -> Artifact { Artifact(path: "coverage/coverage.json", text: coverage.json) }
    package func csv() -> Artifact { Artifact(path: "coverage/coverage.csv", text: coverage.csv) }

    package var context: [String: Any] {
        let languages: [[String: Any]] = coverage.languages.map { l in
            ["code": l.code, "name": l.name, "percent": Coverage.percent(l.segments), "value": l.segments.percent,
             "words": Coverage.percent(l.words), "interface": Coverage.percent(l.interface),
             "complete": l.documents["complete"] ?? 0, "outdated": l.documents["outdated"] ?? 0,
             "partial": l.documents["partial"] ?? 0, "missing": l.documents["missing"] ?? 0,
             "translated": l.segments.translated, "total": l.segments.total]
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
        return ["languages": languages, "changes": changes, "hasChanges": !changes.isEmpty,
                "indicator": ["documents": i.documents, "procedures": i.procedures,
                              "documentsComplete": i.documentsCompleteInAtLeastOneLanguage,
                              "proceduresComplete": i.proceduresCompleteInAtLeastOneLanguage,
                              "pairs": i.pairs, "completePairs": i.completePairs, "definition": i.definition,
                              "perLanguage": coverage.languages.map { l in
                                  ["code": l.code, "name": l.name, "documents": i.completeDocuments[l.code] ?? 0,
                                   "procedures": i.completeProcedures[l.code] ?? 0]
                              }],
                "source": coverage.sourceLanguage, "sourceName": sourceName]
    }
}
