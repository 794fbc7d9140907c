import Foundation
import WitajCore

extension Coverage {
    /// Languages as rows, then the indicator, the targets and the definition, for a terminal.
    public var table: String {
        let header = ["lang", "language", "complete", "outdated", "partial", "missing", "segments", "words", "interface"]
        var rows = [header]
        for l in languages {
            rows.append([l.code, l.name, "\(l.documents["complete"] ?? 0)", "\(l.documents["outdated"] ?? 0)",
                         "\(l.documents["partial"] ?? 0)", "\(l.documents["missing"] ?? 0)",
                         Self.percent(l.segments), Self.percent(l.words), Self.percent(l.interface)])
        }
        var out = [provenance, ""] + Self.aligned(rows, left: 2)
        out.insert(String(repeating: "-", count: out[2].count), at: 3)
        out.append("")
        out.append("Indicator: procedures and documents completely translated, into each language and into at least one foreign language")
        let codes = languages.map(\.code)
        var indicatorRows = [["", "total", "any"] + codes]
        for (name, group) in [("procedures (services)", indicator.procedures), ("documents (articles, offices)", indicator.articles),
                              ("navigation, news, events*", indicator.navigation)] {
            indicatorRows.append([name, "\(group.documents)", "\(group.completeInAtLeastOneLanguage)"]
                                 + codes.map { "\(group.languages[$0]?.complete ?? 0)" })
        }
        out += Self.aligned(indicatorRows, left: 1)
        out.append("* the home page, the sections, news posts and events: not in the indicator (site.yml coverage: countNewsAndEvents puts posts and events in it); any: complete in at least one foreign language")
        if !drafts.isEmpty {
            out.append("Drafts, not published and not counted: \(drafts.count) (\(drafts.joined(separator: ", ")))")
        }
        if !targets.isEmpty {
            out.append("")
            out.append("Targets:")
            for target in targets {
                out.append("  by \(target.by), \(target.share)% of \(target.group) in \(target.languages.map(\.code).joined(separator: ", ")): "
                           + target.languages.map { p in
                               "\(p.code) \(p.complete) of \(p.documents)" + (p.met ? " (met)" : " (\(p.needed - p.complete) to go)")
                           }.joined(separator: ", "))
            }
        }
        out.append("")
        out.append("Definition: " + definition)
        out.append("segments and words: % done (translated, or nothing to translate; fuzzy = outdated counts as not done); interface: ui.po strings.")
        return out.joined(separator: "\n") + "\n"
    }

    /// Where the numbers come from, in a line.
    public var provenance: String {
        guard let revision else { return "Content: the site's folder as it is (not in a git repository: no commit, no date)" }
        let asOf = revision.asOf.map { "as of \($0): " } ?? ""
        let uncommitted = revision.uncommitted ? ", with uncommitted changes to site.yml, content/ or locales/ (counted)" : ""
        return "Content: \(asOf)commit \(revision.shortCommit) of \(revision.day)\(uncommitted)"
    }

    /// Cells in columns, the first `left` of them left-aligned and the others (numbers) right-aligned.
    package static func aligned(_ rows: [[String]], left: Int) -> [String] {
        let widths = (rows.first ?? []).indices.map { i in rows.map { i < $0.count ? $0[i].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i < left ? cell + pad : pad + cell
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public static func percent(_ counts: Counts) -> String {
        String(format: "%.1f%%", counts.percent)
    }

    public var json: String { PrettyJSON.coverage(self) }

    /// `json` by JSONEncoder, which writes the same bytes (a test holds the two together) five times slower: 0.1 s
    /// for a site of 1,000 documents in 8 languages, most of what a rebuild of one page spent on the reports.
    package var encodedJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One row per (document, language), RFC 4180 (CRLF, quoted where needed), UTF-8 with a byte order mark so
    /// that spreadsheet programs read Polish and Cyrillic titles right. Every row says which commit it counts.
    public var csv: String {
        let header = ["id", "kind", "title", "source", "language", "status", "catalog", "translated", "fuzzy",
                      "untranslated", "total", "words_translated", "words_total", "nothing_to_translate", "commit", "commit_date",
                      "uncommitted"]
        let revision = [self.revision?.commit ?? "", self.revision?.day ?? "", self.revision.map { $0.uncommitted ? "yes" : "no" } ?? ""]
        var lines = [header.map(Self.csvField).joined(separator: ",")]
        for row in documents {
            for language in languages {
                guard let e = row.languages[language.code] else { continue }
                lines.append(([row.id, row.kind, row.title, row.source, language.code, e.status.rawValue, e.catalog,
                               "\(e.segments.translated)", "\(e.segments.fuzzy)", "\(e.segments.untranslated)",
                               "\(e.segments.total)", "\(e.words.translated)", "\(e.words.total)", "\(e.segments.nothingToTranslate)"]
                              + revision).map(Self.csvField).joined(separator: ","))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    package static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Languages whose share of translated segments is below `percent`.
    public func shortfalls(under percent: Double, language: String? = nil) -> [LanguageSummary] {
        languages.filter { (language == nil || $0.code == language) && $0.segments.percent < percent }
    }
}

extension Coverage {
    /// The same report with only one target language (all when nil).
    public func filtered(language: String?) -> Coverage {
        guard let language else { return self }
        return Coverage(
            sourceLanguage: sourceLanguage, languages: languages.filter { $0.code == language },
            documents: documents.map { row in
                DocumentRow(id: row.id, kind: row.kind, title: row.title, source: row.source, segments: row.segments,
                            words: row.words, languages: row.languages.filter { $0.key == language })
            },
            indicator: indicator, targets: targets, revision: revision, definition: definition)
    }
}

extension Coverage {
    /// One catalog of one language with its message counts, as gettext counts them (`msgfmt --statistics`).
    public struct FileRow: Sendable, Codable, Equatable {
        public let language: String
        public let catalog: String
        public let exists: Bool
        public let translated: Int
        public let fuzzy: Int
        public let untranslated: Int
    }

    /// Every catalog of every language in the report (documents in path order, then ui.po): what `witaj coverage
    /// --files` lists.
    public var files: [FileRow] {
        languages.flatMap { language -> [FileRow] in
            documents.compactMap { row -> FileRow? in
                row.languages[language.code].map {
                    FileRow(language: language.code, catalog: $0.catalog, exists: $0.exists, translated: $0.segments.translated,
                            fuzzy: $0.segments.fuzzy, untranslated: $0.segments.untranslated)
                }
            } + [FileRow(language: language.code, catalog: CatalogStore.uiPath(language: language.code), exists: true,
                         translated: language.interface.translated, fuzzy: language.interface.fuzzy,
                         untranslated: language.interface.untranslated)]
        }
    }

    /// `files` as `sphinx-intl stat` prints them: "locales/uk/a.po: 12 translated, 1 fuzzy, 0 untranslated."
    public var filesTable: String {
        files.map { file in
            "\(file.catalog): \(file.translated) translated, \(file.fuzzy) fuzzy, \(file.untranslated) untranslated"
                + (file.exists ? "" : " (no catalog yet: witaj update makes it)") + ".\n"
        }.joined()
    }

    public var filesCSV: String {
        let header = ["language", "catalog", "exists", "translated", "fuzzy", "untranslated", "total"]
        let lines = [header.joined(separator: ",")] + files.map { file in
            [file.language, file.catalog, file.exists ? "yes" : "no", "\(file.translated)", "\(file.fuzzy)",
             "\(file.untranslated)", "\(file.translated + file.fuzzy + file.untranslated)"].map(Self.csvField).joined(separator: ",")
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    public var filesJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(files)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
