import WitajCore
import WitajMarkdown

/// The report's history: the trend as inline SVG (no script; a title, a description, and its numbers in a table
/// beside it), and the year-by-year table.
extension CoverageRenderer {
    /// The chart and its table: procedures and documents complete in at least one foreign language, per period.
    func trend(_ history: CoverageHistory) -> [String: Any] {
        let rows: [[String: Any]] = history.points.map { point in
            guard let i = point.indicator else { return ["period": Self.label(point.period), "none": true, "noData": text("noData")] }
            return ["period": Self.label(point.period), "end": date(point.end),
                    "procedures": number(i.procedures.completeInAtLeastOneLanguage), "proceduresTotal": number(i.procedures.documents),
                    "articles": number(i.articles.completeInAtLeastOneLanguage), "articlesTotal": number(i.articles.documents)]
        }
        return ["svg": svg(history.points), "rows": rows]
    }

    /// "2025-Q4" -> "2025 Q4", as the chart writes it.
    static func label(_ period: String) -> String { period.replacingOccurrences(of: "-Q", with: " Q") }

    /// For each year, the state at its end (or, for the year under way, at its last commit): the last point of the
    /// year, as rows of the year's group: the total, at least one foreign language, then each language.
    func years(_ history: CoverageHistory) -> [[String: Any]] {
        var last: [String: CoverageHistory.Point] = [:]
        var order: [String] = []
        for point in history.points {
            let year = String(point.period.prefix(4))
            if last[year] == nil { order.append(year) }
            last[year] = point
        }
        return order.compactMap { year in
            guard let point = last[year] else { return nil }
            var lines: [[String: Any]]
            if let i = point.indicator {
                func line(_ label: String, _ attributes: String, _ count: (Coverage.Indicator.Group) -> Int?) -> [String: Any] {
                    ["label": label, "attributes": attributes, "procedures": count(i.procedures).map(number) ?? "–",
                     "articles": count(i.articles).map(number) ?? "–"]
                }
                lines = [line(text("total"), attributes("total")) { $0.documents },
                         line(text("anyLanguage"), attributes("anyLanguage")) { $0.completeInAtLeastOneLanguage }]
                    + coverage.languages.map { l in line("\(l.name) (\(l.code))", " lang=\"\(l.code)\"") { $0.languages[l.code]?.complete } }
            } else {
                lines = [["label": text("noData"), "attributes": attributes("noData"), "procedures": "", "articles": ""]]
            }
            lines[0]["first"] = true
            return ["year": year, "stateOn": date(point.end), "commit": point.commit.map { String($0.prefix(10)) } ?? "",
                    "span": lines.count, "lines": lines]
        }
    }

    /// A line chart, 480 x 300 units (its text legible on a phone, where it is as wide as the page): procedures
    /// (solid, circles) and documents (dashed, squares) complete in at least one foreign language; the y axis from 0
    /// to the most documents of a group.
    func svg(_ points: [CoverageHistory.Point]) -> String {
        let (width, height, left, right, top, bottom) = (480.0, 300.0, 40.0, 24.0, 40.0, 40.0)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let most = points.compactMap(\.indicator).map { max($0.procedures.documents, $0.articles.documents) }.max() ?? 0
        let step = Self.tickStep(most)
        let top_ = max(step * ((most + step - 1) / step), step)
        func x(_ i: Int) -> Double { points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(i) / Double(points.count - 1) }
        func y(_ v: Int) -> Double { top + plotHeight - plotHeight * Double(v) / Double(top_) }
        func f(_ v: Double) -> String { String(Int((v * 10).rounded())).withDecimal }

        let title = text("trendTitle")
        let known = points.compactMap { point in point.indicator.map { (point.period, $0) } }
        let description = known.first.map { first in
            let last = known[known.count - 1]
            return format("trendDescription", [
                "first": .string(Self.label(first.0)), "last": .string(Self.label(last.0)),
                "proceduresFirst": .number(Double(first.1.procedures.completeInAtLeastOneLanguage)),
                "proceduresLast": .number(Double(last.1.procedures.completeInAtLeastOneLanguage)),
                "procedures": .number(Double(last.1.procedures.documents)),
                "articlesFirst": .number(Double(first.1.articles.completeInAtLeastOneLanguage)),
                "articlesLast": .number(Double(last.1.articles.completeInAtLeastOneLanguage)),
                "articles": .number(Double(last.1.articles.documents)),
            ])
        } ?? ""
        var svg = "<svg class=\"trend\" role=\"img\" aria-labelledby=\"trend-title trend-desc\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"15\" direction=\"ltr\">\n"
        svg += "<title id=\"trend-title\">\(HTML.escape(title))</title>\n<desc id=\"trend-desc\">\(HTML.escape(description))</desc>\n"
        // Grid and y labels.
        for v in stride(from: 0, through: top_, by: step) {
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#d7d9de\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 5))\" text-anchor=\"end\" fill=\"#55575c\">\(HTML.escape(number(v)))</text>\n"
        }
        // x labels, as many as fit (one per 72 units).
        let every = max(1, Int((Double(points.count) * 72 / plotWidth).rounded(.up)))
        for (i, point) in points.enumerated() where i % every == 0 || i == points.count - 1 {
            if i != points.count - 1 && points.count - 1 - i < every { continue }
            svg += "<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 22))\" text-anchor=\"middle\" fill=\"#55575c\">\(HTML.escape(Self.label(point.period)))</text>\n"
        }
        // The two series; a period without content breaks the line.
        let series: [(KeyPath<Coverage.Indicator, Coverage.Indicator.Group>, String, String, Bool)] = [
            (\.procedures, "#0b5cad", "", true), (\.articles, "#8a5300", " stroke-dasharray=\"6 4\"", false),
        ]
        for (path, color, dash, circle) in series {
            var runs: [[(Double, Double)]] = [[]]
            for (i, point) in points.enumerated() {
                guard let indicator = point.indicator else {
                    runs.append([])
                    continue
                }
                runs[runs.count - 1].append((x(i), y(indicator[keyPath: path].completeInAtLeastOneLanguage)))
            }
            for run in runs where run.count > 1 {
                svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\"\(dash) points=\""
                    + run.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>\n"
            }
            for (px, py) in runs.joined() {
                svg += circle ? "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"4\" fill=\"\(color)\"/>"
                    : "<rect x=\"\(f(px - 3.5))\" y=\"\(f(py - 3.5))\" width=\"7\" height=\"7\" fill=\"\(color)\"/>"
            }
            svg += "\n"
        }
        // Legend.
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(left + 24))\" y1=\"16\" y2=\"16\" stroke=\"#0b5cad\" stroke-width=\"2.5\"/>"
            + "<circle cx=\"\(f(left + 12))\" cy=\"16\" r=\"4\" fill=\"#0b5cad\"/>"
            + "<text x=\"\(f(left + 30))\" y=\"21\">\(HTML.escape(text("proceduresShort")))</text>"
        svg += "<line x1=\"\(f(left + 180))\" x2=\"\(f(left + 204))\" y1=\"16\" y2=\"16\" stroke=\"#8a5300\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>"
            + "<rect x=\"\(f(left + 188.5))\" y=\"12.5\" width=\"7\" height=\"7\" fill=\"#8a5300\"/>"
            + "<text x=\"\(f(left + 210))\" y=\"21\">\(HTML.escape(text("articlesShort")))</text>\n"
        return svg + "</svg>"
    }

    /// A step for the y axis giving at most 5 steps up to `most`: 1, 2, 5, 10, 20, 50...
    static func tickStep(_ most: Int) -> Int {
        var scale = 1
        while true {
            for step in [scale, 2 * scale, 5 * scale] where most <= 5 * step { return step }
            scale *= 10
        }
    }
}

private extension String {
    /// "1234" (tenths) -> "123.4"; "120" -> "12".
    var withDecimal: String {
        let negative = hasPrefix("-")
        var digits = negative ? String(dropFirst()) : self
        while digits.count < 2 { digits = "0" + digits }
        let whole = String(digits.dropLast()), tenth = digits.suffix(1)
        return (negative ? "-" : "") + whole + (tenth == "0" ? "" : "." + tenth)
    }
}
