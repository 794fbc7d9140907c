import Foundation
import WitajCore
import WitajIncremental
import WitajPublish
import WitajSite

/// `witaj build` and `witaj check`.
public enum Build {
    public struct Result: Sendable {
        public let diagnostics: Diagnostics
        /// How many files and HTML pages were (or would have been) made, and how many of them the output already
        /// had, byte for byte.
        public let files: Int
        public let pages: Int
        public let unchanged: Int
        /// Nothing changed since the last build: nothing was done.
        public let upToDate: Bool
        /// Only these documents (sources) changed since the last build, and only their pages were made; nil when
        /// the build made every page.
        public let remade: [String]?
        /// Documents marked `draft: true`, left out (sources).
        public internal(set) var drafts: [String] = []
        /// What `check` (no output folder) would have written; empty for a build, which streams its files out.
        let artifacts: [Artifact]
        public var succeeded: Bool { !diagnostics.hasErrors }

        init(diagnostics: Diagnostics, publisher: Publisher? = nil, upToDate: Bool = false, remade: Set<String>? = nil) {
            self.remade = remade?.sorted()
            self.diagnostics = diagnostics
            artifacts = publisher?.kept ?? []
            files = publisher?.written ?? 0
            pages = publisher?.pages ?? 0
            unchanged = publisher?.unchanged ?? 0
            self.upToDate = upToDate
        }
    }

    /// Builds the site at `root` into `output`: load -> validate -> coverage (and its history, from git) -> localize
    /// -> books (in memory) -> render -> publish. With `output` nil, checks everything and writes nothing. Nothing is written while an error
    /// stands, and the output changes in one step (`Publisher`).
    ///
    /// Over an earlier output only what changed since is made (`Rebuild`, the incremental layer, gives the phases
    /// a `Scope`); `everything` makes it all. `sourceDateEpoch` (seconds, as in SOURCE_DATE_EPOCH) dates the
    /// books (without it, the newest `reviewed` date) and gives the build's day, which decides the current news and
    /// events (without it, today). The output must be a folder witaj made, or empty, or absent:
    /// any other is an error and is left as it is, unless `clean` sets it aside (renamed, never deleted).
    /// `strict` makes every warning an error: nothing is published while one stands.
    public static func run(root: URL, output: URL?, sourceDateEpoch: Int? = nil, everything: Bool = false,
                           clean: Bool = false, strict: Bool = false) -> Result {
        var diagnostics = Diagnostics()
        var clock = PhaseClock()
        defer { clock.report() }
        if let output, !isSafe(output, root: root, into: &diagnostics) { return Result(diagnostics: diagnostics) }
        let rebuild = output.map { clock.time("plan", Rebuild(root: root, output: $0, sourceDateEpoch: sourceDateEpoch, everything: everything)) }
        if let warnings = rebuild?.upToDate { return Result(diagnostics: warnings, upToDate: true) }
        let scope = rebuild?.scope ?? .everything
        // A rebuild of some documents that meets anything unexpected (an error, another face, an edited output)
        // makes the whole site instead.
        func everythingInstead() -> Result {
            run(root: root, output: output, sourceDateEpoch: sourceDateEpoch, everything: true, clean: clean, strict: strict)
        }

        guard var input = clock.time("load", Pipeline.load(root, scope: scope, sourceDateEpoch: sourceDateEpoch, into: &diagnostics)) else {
            return scope.isEverything ? Result(diagnostics: diagnostics) : everythingInstead()
        }
        clock.time("validate", Pipeline.validate(input, scope: scope, into: &diagnostics))
        guard !diagnostics.hasErrors else { return scope.isEverything ? Result(diagnostics: diagnostics) : everythingInstead() }
        // Translations are checked apart from the sources: a broken catalog does not stop the other languages.
        diagnostics.append(contentsOf: input.catalogs.diagnostics)
        let coverage = clock.time("coverage", Pipeline.coverage(input, scope: scope))
        // The indicator by quarter from the site's repository, for the report, counted meanwhile.
        let history = output == nil ? nil : Pending { CoverageReport.history(root: root, current: coverage) }
        let localized = clock.time("localize", Pipeline.localize(input, scope: scope, into: &diagnostics))
        input.catalogs.documents = [:]  // their texts live on in the localized sites; the rest is not needed
        guard let books = clock.time("books", Pipeline.books(input, localized, scope: scope, sourceDateEpoch: sourceDateEpoch,
                                                             into: &diagnostics)) else { return everythingInstead() }
        let made = Pipeline.Made(input: input, scope: scope, coverage: coverage, localized: localized, books: books,
                                 history: clock.time("history", history?.value))
        guard clock.time("walk", rebuild?.accepts(made, errors: diagnostics.hasErrors) ?? true) else { return everythingInstead() }
        if strict { diagnostics.makeWarningsErrors() }

        // Every diagnostic is known now. Nothing is written while an error stands (`check` still renders every
        // language, so that a broken catalog does not hide the others' problems).
        guard output == nil || !diagnostics.hasErrors,
              let publisher = publisher(to: output, prune: scope.isEverything, clean: clean, into: &diagnostics) else {
            return Result(diagnostics: diagnostics)
        }
        rebuild?.keep(books)
        let coverageRows = clock.time("render", Pipeline.render(made, to: publisher))
        clock.time("publish", finish(publisher, into: &diagnostics))
        clock.time("state", rebuild?.remember(made, coverageRows: coverageRows, changed: publisher.changed, diagnostics: &diagnostics))
        var result = Result(diagnostics: diagnostics, publisher: publisher, remade: scope.remade)
        result.drafts = input.site.drafts
        return result
    }

    /// The output is replaced or rewritten: it must not be the site or hold it, nor be inside its sources.
    static func isSafe(_ output: URL, root: URL, into diagnostics: inout Diagnostics) -> Bool {
        let out = output.standardizedFileURL.path, site = root.standardizedFileURL.path
        let sources = ["content", "locales", "theme", "static"].map { site + "/" + $0 }
        if out == site || site.hasPrefix(out + "/") || sources.contains(where: { out == $0 || out.hasPrefix($0 + "/") }) || out == "/" {
            diagnostics.error(SourceLocation(output.lastPathComponent), "refusing to replace \(out) with the built site: it holds the site's sources; choose another --out")
            return false
        }
        return true
    }

    /// Where the files go: memory for `check`, else the output folder (see `Publisher`).
    static func publisher(to output: URL?, prune: Bool = true, clean: Bool = false, into diagnostics: inout Diagnostics) -> Publisher? {
        guard let output else { return try? Publisher(.memory) }
        do {
            return try Publisher(.folder(output), prune: prune, clean: clean)
        } catch {
            diagnostics.error(SourceLocation(output.lastPathComponent), error.description)
            return nil
        }
    }

    /// Puts the staged generation in place when there is no error; otherwise drops it, and the old output stays.
    static func finish(_ publisher: Publisher, into diagnostics: inout Diagnostics) {
        guard !diagnostics.hasErrors else { return publisher.discard() }
        guard case .folder(let output) = publisher.destination else { return }
        do {
            try publisher.commit()
        } catch {
            diagnostics.error(SourceLocation(output.lastPathComponent), error.description)
        }
        for note in publisher.notes { diagnostics.warning(SourceLocation(output.lastPathComponent), note) }
    }
}
