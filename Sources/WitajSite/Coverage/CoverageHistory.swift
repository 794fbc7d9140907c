import Foundation
import WitajCore
import WitajSources

/// The indicator over time, from the site's repository: for each period (month, quarter or year), the indicator of
/// the content as the branch had it at the period's end. Table, CSV, JSON and the report's trend are views of it.
public struct CoverageHistory: Sendable, Codable, Equatable {
    public enum Unit: String, Sendable, Codable, CaseIterable { case month, quarter, year }

    public struct Point: Sendable, Codable, Equatable {
        /// "2025", "2025-Q4" or "2025-12".
        public let period: String
        /// The day whose end the state is taken at: the period's last day, or for the period under way the day of
        /// its last commit.
        public let end: String
        /// The commit the branch was at by then, and its date; nil before the first commit.
        public let commit: String?
        public let date: String?
        /// Nil when the commit has no site to count (no site.yml or content/ yet, or a site.yml that does not read).
        public let indicator: Coverage.Indicator?

        package init(period: String, end: String, commit: String?, date: String?, indicator: Coverage.Indicator?) {
            self.period = period
            self.end = end
            self.commit = commit
            self.date = date
            self.indicator = indicator
        }
    }

    public let by: Unit
    public let definition: String
    /// The target languages, in the order of site.yml (then any the site no longer has).
    public let languages: [String]
    public let points: [Point]
    public let sourceLanguage: String

    package init(by: Unit, definition: String, languages: [String], points: [Point], sourceLanguage: String) {
        self.by = by
        self.definition = definition
        self.languages = languages
        self.points = points
        self.sourceLanguage = sourceLanguage
    }

    /// A month, a quarter or a year.
    package struct Period: Sendable, Equatable {
        package let unit: Unit
        package let year: Int
        /// The month (1-12) or the quarter (1-4); 1 for a year.
        package let index: Int

        package init(_ unit: Unit, containing day: Day) {
            self.unit = unit
            year = day.year
            index = switch unit {
            case .month: day.month
            case .quarter: (day.month - 1) / 3 + 1
            case .year: 1
            }
        }

        private init(unit: Unit, year: Int, index: Int) {
            self.unit = unit
            self.year = year
            self.index = index
        }

        package var label: String {
            switch unit {
            case .month: "\(year)-\(index < 10 ? "0" : "")\(index)"
            case .quarter: "\(year)-Q\(index)"
            case .year: "\(year)"
            }
        }

        package var lastDay: Day {
            let month = switch unit {
            case .month: index
            case .quarter: index * 3
            case .year: 12
            }
            return Day(year: year, month: month, day: Self.days(in: month, of: year))
        }

        package var next: Period {
            let count = unit == .month ? 12 : unit == .quarter ? 4 : 1
            return index < count ? Period(unit: unit, year: year, index: index + 1) : Period(unit: unit, year: year + 1, index: 1)
        }

        static func days(in month: Int, of year: Int) -> Int {
            switch month {
            case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }
    }

    /// The periods from the one holding `from` to the one holding `to`, each with the day its state is taken at
    /// (its last day, or `to` for the last period).
    package static func periods(_ unit: Unit, from: Day, to: Day) -> [(period: Period, end: Day)] {
        guard from <= to else { return [] }
        var result: [(Period, Day)] = []
        var period = Period(unit, containing: from)
        while true {
            let last = period.lastDay
            if last >= to { return result + [(period, to)] }
            result.append((period, last))
            period = period.next
        }
    }

    /// The commit the branch was at by the end of `day`: the newest (in the branch's order, `commits` newest first)
    /// committed on that day or before, by the calendar of its own date.
    package static func commit(at day: Day, in commits: [GitRepository.Commit]) -> GitRepository.Commit? {
        commits.first { ($0.day ?? day) <= day }
    }
}

// MARK: - Views

extension CoverageHistory {
    /// One row per period and language, for a terminal: procedures and documents complete, outdated, partial,
    /// missing, and the share of their words done; "any" is at least one foreign language.
    public var table: String {
        var rows = [["period", "state on", "commit", "lang", "procedures", "outdated", "partial", "missing",
                     "documents", "outdated", "partial", "missing", "words"]]
        for point in points {
            let head = [point.period, point.end, point.commit.map { String($0.prefix(10)) } ?? "-"]
            guard let indicator = point.indicator else {
                rows.append(head + ["-", "no site to count (none yet, or it does not read)"])
                continue
            }
            let p = indicator.procedures, a = indicator.articles
            rows.append(head + ["any", "\(p.completeInAtLeastOneLanguage)/\(p.documents)", "", "", "",
                                "\(a.completeInAtLeastOneLanguage)/\(a.documents)", "", "", "", ""])
            for code in languages {
                guard let pt = p.languages[code], let at = a.languages[code] else { continue }
                rows.append(["", "", "", code, "\(pt.complete)/\(p.documents)", "\(pt.outdated)", "\(pt.partial)", "\(pt.missing)",
                             "\(at.complete)/\(a.documents)", "\(at.outdated)", "\(at.partial)", "\(at.missing)",
                             Coverage.percent(pt.words + at.words)])
            }
        }
        var out = ["Indicator by \(by.rawValue), from the history of the branch (first parents): the state at the end of each period"]
        out += Coverage.aligned(rows, left: 4)
        out.insert(String(repeating: "-", count: out[1].count), at: 2)
        out.append("")
        out.append("procedures, documents: complete/all; any: complete in at least one foreign language; words: % of their words done.")
        out.append("Definition: " + definition)
        return out.joined(separator: "\n") + "\n"
    }

    /// One row per period, language and group (procedures, articles, navigation), and per period and group the
    /// documents complete in at least one foreign language (language "any"); RFC 4180 with a byte order mark.
    public var csv: String {
        let header = ["period", "end", "commit", "commit_date", "language", "group", "documents", "complete", "outdated",
                      "partial", "missing", "words_translated", "words_nothing_to_translate", "words_total"]
        var lines = [header.joined(separator: ",")]
        for point in points {
            let head = [point.period, point.end, point.commit ?? "", point.date ?? ""]
            guard let indicator = point.indicator else { continue }
            let groups = [("procedures", indicator.procedures), ("articles", indicator.articles), ("navigation", indicator.navigation)]
            for (name, group) in groups {
                lines.append((head + ["any", name, "\(group.documents)", "\(group.completeInAtLeastOneLanguage)", "", "", "", "", "", ""])
                    .map(Coverage.csvField).joined(separator: ","))
            }
            for code in languages {
                for (name, group) in groups {
                    guard let t = group.languages[code] else { continue }
                    lines.append((head + [code, name, "\(group.documents)", "\(t.complete)", "\(t.outdated)", "\(t.partial)", "\(t.missing)",
                                          "\(t.words.translated)", "\(t.words.nothingToTranslate)", "\(t.words.total)"])
                        .map(Coverage.csvField).joined(separator: ","))
                }
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// As JSONEncoder writes it (keys sorted, two spaces a level): a small file, written the general way.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The same history with only one target language.
    public func filtered(language: String?) -> CoverageHistory {
        guard let language else { return self }
        func only(_ group: Coverage.Indicator.Group) -> Coverage.Indicator.Group {
            var group = group
            group.languages = group.languages.filter { $0.key == language }
            return group
        }
        let points = points.map { point in
            CoverageHistory.Point(period: point.period, end: point.end, commit: point.commit, date: point.date,
                                  indicator: point.indicator.map { indicator in
                                      var indicator = indicator
                                      indicator.procedures = only(indicator.procedures)
                                      indicator.articles = only(indicator.articles)
                                      indicator.navigation = only(indicator.navigation)
                                      return indicator
                                  })
        }
        return CoverageHistory(by: by, definition: definition, languages: languages.filter { $0 == language }, points: points,
                               sourceLanguage: sourceLanguage)
    }
}
