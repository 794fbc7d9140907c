import Foundation
import WitajCore
import WitajIncremental
import WitajSite
import WitajSources

/// `witaj coverage`: the coverage value of a site, without building it; as the site's repository had it at a date
/// (`--as-of`); and the indicator per period from the repository's history (`--history`).
public enum CoverageReport {
    /// Why a report from the repository's history cannot be made (the site is not in git, no commit by then).
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public static func run(root: URL) -> (Coverage?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let input = Pipeline.load(root, into: &diagnostics), !diagnostics.hasErrors else { return (nil, diagnostics) }
        diagnostics.append(contentsOf: input.catalogs.diagnostics)
        return (Pipeline.coverage(input), diagnostics)
    }

    /// The report on the content as the branch had it at the end of `day` ("2025-12-31"): its newest commit of that
    /// day or before. What was wrong in the site then is told as warnings, located in that commit
    /// (`1a2b3c4d5e:content/a.md:3:1`).
    public static func run(root: URL, asOf day: String) throws(Problem) -> (Coverage?, Diagnostics) {
        guard let asOf = Day(day) else { throw Problem(description: "--as-of takes a day written YYYY-MM-DD, such as 2025-12-31") }
        let repository = try open(root, for: "--as-of")
        let commits = repository.history()
        guard let commit = CoverageHistory.commit(at: asOf, in: commits) else {
            throw Problem(description: "the site's branch has no commit dated \(day) or earlier"
                          + (commits.last.map { " (its first is of \($0.date.prefix(10)))" } ?? ""))
        }
        guard let export = try? GitExport(repository), export.checkout(commit.hash) != nil else {
            throw Problem(description: "git could not give the site's files at commit \(commit.hash)")
        }
        var found = Diagnostics()
        let loaded = Pipeline.load(export.folder, dated: false, into: &found)
        var diagnostics = Diagnostics()
        let at = String(commit.hash.prefix(10))
        for item in (found.items + (loaded?.catalogs.diagnostics.items ?? [])) {
            diagnostics.warning(SourceLocation("\(at):\(item.location.path)", line: item.location.line, column: item.location.column),
                                item.message)
        }
        guard var input = loaded else {
            diagnostics.error(SourceLocation("\(at):site.yml"), "the site cannot be read as it was at commit \(at) (see above)")
            return (nil, diagnostics)
        }
        input.revision = Coverage.Revision(commit: commit.hash, date: commit.date, uncommitted: false, asOf: asOf.description)
        return (Pipeline.coverage(input), diagnostics)
    }

    /// The indicator at the end of each period (`by`) from the one holding `since` (default: the first commit with
    /// the site's content) to the one holding `until` (default: the day of the last commit). The indicator of each
    /// state of the content is counted once and kept in the site's `.witaj/coverage/`.
    public static func history(root: URL, by unit: CoverageHistory.Unit, since: String? = nil,
                               until: String? = nil) throws(Problem) -> CoverageHistory {
        func day(_ text: String?, _ option: String) throws(Problem) -> Day? {
            guard let text else { return nil }
            guard let day = Day(text) else { throw Problem(description: "\(option) takes a day written YYYY-MM-DD, such as 2025-01-01") }
            return day
        }
        let (from, to) = (try day(since, "--since"), try day(until, "--as-of"))
        let repository = try open(root, for: "--history")
        // The columns: the languages site.yml has now (only it is read), then those the site had before.
        var ignored = Diagnostics()
        let config = (try? String(contentsOf: root.appendingPathComponent("site.yml"), encoding: .utf8))
            .flatMap { SiteConfigReader.read($0, path: "site.yml", into: &ignored) }
        let languages = config.map { config in config.languages.map(\.code).filter { $0 != config.sourceLanguage } } ?? []
        return Self.history(repository, root: root, by: unit, from: from, to: to, languages: languages,
                            source: config?.sourceLanguage ?? "pl")
    }

    /// A build's history: by quarter, from the first commit with content to the last; nil outside git. `current`
    /// (the work tree's coverage) counts for the last commit when nothing is uncommitted.
    package static func history(root: URL, current: Coverage) -> CoverageHistory? {
        guard case .success(let repository) = GitRepository.open(root) else { return nil }
        let languages = current.languages.map(\.code)
        var known: [String: Coverage.Indicator] = [:]
        if let revision = current.revision, !revision.uncommitted, let key = repository.contentKeys([revision.commit]).first ?? nil {
            known[key] = current.indicator
        }
        return history(repository, root: root, by: .quarter, from: nil, to: nil, languages: languages, source: current.sourceLanguage,
                       known: known)
    }

    static func history(_ repository: GitRepository, root: URL, by unit: CoverageHistory.Unit, from: Day?, to: Day?,
                        languages: [String], source: String, known: [String: Coverage.Indicator] = [:]) -> CoverageHistory {
        let commits = repository.history()
        let keys = repository.contentKeys(commits.map(\.hash))
        // From the first commit that has the site, to the last commit.
        guard let last = commits.first?.day, let oldest = keys.lastIndex(where: { $0 != nil }), let first = commits[oldest].day else {
            return CoverageHistory(by: unit, definition: UIStrings.definition(source: source), languages: languages, points: [],
                                   sourceLanguage: source)
        }
        let keyOf = Dictionary(zip(commits.map(\.hash), keys), uniquingKeysWith: { a, _ in a })
        let periods = CoverageHistory.periods(unit, from: from ?? first, to: to ?? last)
        let states = periods.map { CoverageHistory.commit(at: $0.end, in: commits) }
        var indicators = known
        let cache = IndicatorCache(root: root)
        // The states not counted before, oldest first, each written over the last: only what changed is read again.
        var export: GitExport?
        var series = CoverageSeries()
        for commit in states.compactMap({ $0 }) {
            guard let key = keyOf[commit.hash] ?? nil, indicators[key] == nil else { continue }
            if let cached = cache.read(key) {
                indicators[key] = cached
                continue
            }
            if export == nil { export = try? GitExport(repository) }
            guard let folder = export?.folder, let changed = export?.checkout(commit.hash) else {
                // Start again from an empty folder.
                (export, series) = (nil, CoverageSeries())
                continue
            }
            guard let indicator = series.next(folder, changed: changed)?.indicator else { continue }
            indicators[key] = indicator
            cache.write(key, indicator)
        }
        for (key, indicator) in known where cache.read(key) == nil { cache.write(key, indicator) }
        let points = zip(periods, states).map { period, commit in
            CoverageHistory.Point(period: period.period.label, end: period.end.description, commit: commit?.hash, date: commit?.date,
                                  indicator: commit.flatMap { keyOf[$0.hash] ?? nil }.flatMap { indicators[$0] })
        }
        // The site's languages, then those it had before.
        var codes = languages
        for point in points {
            for code in (point.indicator?.procedures.languages.keys).map(Array.init) ?? [] where !codes.contains(code) { codes.append(code) }
        }
        return CoverageHistory(by: unit, definition: UIStrings.definition(source: source), languages: codes, points: points,
                               sourceLanguage: source)
    }

    static func open(_ root: URL, for option: String) throws(Problem) -> GitRepository {
        switch GitRepository.open(root) {
        case .success(let repository):
            guard repository.head() != nil else { throw Problem(description: "\(option) reads the history of the site's branch, but \(GitRepository.Problem.noCommits)") }
            return repository
        case .failure(let problem):
            throw Problem(description: "\(option) reads the history of the site's branch, but \(problem); make the site a git repository (git init, git add, git commit) to date its reports")
        }
    }
}
