import ArgumentParser
import Foundation
import Witaj
import WitajCore
import WitajServe
import WitajSite

@main
struct WitajCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witaj",
        abstract: "Builds a multilingual welcome pack: one HTML site per language from Polish sources and PO catalogs.",
        version: Version.description,
        subcommands: [BuildCommand.self, CheckCommand.self, UpdateCommand.self, CoverageCommand.self, NewCommand.self,
                      MoveCommand.self, XLIFFCommand.self, ServeCommand.self])
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site's folder (with site.yml, content/, locales/, theme/).")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }
}

/// Prints every diagnostic on stderr, `path:line:col: severity: message`, and turns errors into exit status 1.
func report(_ diagnostics: Diagnostics) throws {
    var stderr = StandardError()
    for diagnostic in diagnostics.sorted { print(diagnostic, to: &stderr) }
    let errors = diagnostics.errors.count
    let warnings = diagnostics.items.count - errors
    if errors > 0 {
        print("\(counted(errors, "error")), \(counted(warnings, "warning"))", to: &stderr)
        throw ExitCode.failure
    }
}


struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every language's pages, books and coverage report into the output folder.",
        discussion: """
            The output changes in one step and only when the build succeeds: a failing or interrupted build leaves it \
            as it was. Only what changed since the last build is made again (its state is kept in the site's .witaj/). \
            witaj owns only the files it made: files added to the output later are kept, never overwritten or \
            deleted. The output must be absent, empty, or a folder witaj made; any other folder is an error and is \
            left untouched, unless --clean sets it aside (renamed beside it, never deleted) and builds anew.
            """)
    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: "The output folder (default: site-out in the site's folder).")
    var out: String?
    @Flag(name: .long, help: "Build into a folder witaj did not make: set its files aside (renamed beside it) first.")
    var clean = false
    @Flag(name: .long, help: "Treat every warning as an error: publish nothing while one stands (for a build server).")
    var strict = false

    func run() throws {
        let start = Date()
        let output = out.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? site.rootURL.appendingPathComponent("site-out")
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
        let result = Build.run(root: site.rootURL, output: output, sourceDateEpoch: epoch, clean: clean, strict: strict)
        try report(result.diagnostics)
        if result.upToDate {
            print("witaj: \(output.path) is up to date (nothing changed since the last build)")
            return
        }
        let written = result.unchanged > 0 ? " (\(result.files - result.unchanged) changed)" : ""
        if !result.drafts.isEmpty {
            print("witaj: left out \(counted(result.drafts.count, "draft")): \(result.drafts.prefix(3).joined(separator: ", "))\(result.drafts.count > 3 ? ", ..." : "")")
        }
        if let remade = result.remade, remade.isEmpty {
            print("witaj: no document changed since the last build, only the commit: the coverage report was made again")
        } else if let remade = result.remade {
            print("witaj: only \(counted(remade.count, "document")) changed since the last build: \(remade.prefix(3).joined(separator: ", "))\(remade.count > 3 ? ", ..." : "")")
        }
        print("witaj: wrote \(counted(result.pages, "page")), \(counted(result.files, "file"))\(written) to \(output.path) in \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Load and validate everything; write nothing. Same diagnostics and exit status as build.")
    @OptionGroup var site: SiteOptions
    @Flag(name: .long, help: "Treat every warning as an error (exit status 1 when there is one).")
    var strict = false

    func run() throws {
        let result = Build.run(root: site.rootURL, output: nil, strict: strict)
        try report(result.diagnostics)
        let warnings = result.diagnostics.items.count
        print("witaj: no errors (\(counted(warnings, "warning")))")
    }
}

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Extract segments into locales/templates/*.pot and bring locales/<lang>/*.po in step with them (msgmerge semantics).")
    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: "Only this language (default: every target language in site.yml).")
    var lang: String?

    func run() throws {
        // SOURCE_DATE_EPOCH, when set, dates changed templates (reproducible runs); else the clock.
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Double($0) }
        let result = Update.run(root: site.rootURL, language: lang, now: epoch.map { Date(timeIntervalSince1970: $0) } ?? Date())
        try report(result.diagnostics)
        for (old, new) in result.renamed.sorted(by: { $0.key < $1.key }) { print("renamed \(old) -> \(new): its catalogs carried over") }
        for path in result.templates + result.written { print("updated \(path)") }
        print("witaj: \(counted(result.written.count, "catalog")) and \(counted(result.templates.count, "template")) updated")
    }
}

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Which documents are translated, outdated or missing in which language (the programme's indicator).",
        discussion: """
            Every report says which commit of the site's git repository it counts (and whether site.yml, content/ or \
            locales/ have uncommitted changes, which it counts too). --as-of DAY counts the content as the branch had \
            it at the end of that day; --history prints the indicator at the end of each year (or --by month or \
            quarter) since the first commit (or --since DAY), each state of the content counted once and kept in the \
            site's .witaj/coverage/.
            """)
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }
    enum Period: String, ExpressibleByArgument, CaseIterable { case month, quarter, year }
    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: "table (default), json or csv.")
    var format: Format = .table
    @Option(name: .long, help: "Exit with status 1 when a language has fewer than PERCENT of its segments translated.")
    var failUnder: Double?
    @Option(name: .long, help: "Only this language (for the table and --fail-under).")
    var lang: String?
    @Option(name: .long, help: ArgumentHelp("The content as the site's git branch had it at the end of this day.", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Flag(name: .long, help: "The indicator per period, from the site's git history.")
    var history = false
    @Option(name: .long, help: "With --history: month, quarter or year (default).")
    var by: Period?
    @Option(name: .long, help: ArgumentHelp("With --history: from the period holding this day (default: the first commit).", valueName: "YYYY-MM-DD"))
    var since: String?
    @Flag(name: .long, help: "List each catalog with its translated, fuzzy and untranslated messages (as sphinx-intl stat).")
    var files = false

    func run() throws {
        if !history, by != nil || since != nil { fail("--by and --since go with --history") }
        if history, failUnder != nil { fail("--fail-under checks one report, not --history") }
        if history { return try printHistory() }
        let (coverage, diagnostics): (Coverage?, Diagnostics)
        do {
            (coverage, diagnostics) = try asOf.map { try CoverageReport.run(root: site.rootURL, asOf: $0) } ?? CoverageReport.run(root: site.rootURL)
        } catch {
            fail("\(error)")
        }
        try report(diagnostics)
        guard let coverage else { throw ExitCode.failure }
        if let lang, !coverage.languages.contains(where: { $0.code == lang }) {
            fail("'\(lang)' is not a target language of the site" + (asOf.map { " as of \($0)" } ?? ""))
        }
        switch (format, files) {
        case (.table, true): print(coverage.filtered(language: lang).filesTable, terminator: "")
        case (.json, true): print(coverage.filtered(language: lang).filesJSON, terminator: "")
        case (.csv, true): print(coverage.filtered(language: lang).filesCSV, terminator: "")
        case (.table, false): print(coverage.filtered(language: lang).table, terminator: "")
        case (.json, false): print(coverage.filtered(language: lang).json, terminator: "")
        case (.csv, false): print(coverage.filtered(language: lang).csv, terminator: "")
        }
        if let failUnder {
            let short = coverage.shortfalls(under: failUnder, language: lang)
            if !short.isEmpty {
                var stderr = StandardError()
                for l in short {
                    print("witaj: \(l.code) (\(l.name)) has \(Coverage.percent(l.segments)) of its segments translated, under \(failUnder)%", to: &stderr)
                }
                throw ExitCode.failure
            }
        }
    }

    func printHistory() throws {
        let unit = CoverageHistory.Unit(rawValue: (by ?? .year).rawValue) ?? .year
        let history: CoverageHistory
        do {
            history = try CoverageReport.history(root: site.rootURL, by: unit, since: since, until: asOf)
        } catch {
            fail("\(error)")
        }
        if history.points.isEmpty { fail("the site's branch has no commit with content in that time") }
        if let lang, !history.languages.contains(lang) { fail("'\(lang)' is not a target language of the site in its history") }
        let shown = history.filtered(language: lang)
        switch format {
        case .table: print(shown.table, terminator: "")
        case .json: print(shown.json, terminator: "")
        case .csv: print(shown.csv, terminator: "")
        }
    }
}

/// A mistake in the command line, or a report that cannot be made: `witaj: ...` on stderr, exit status 1.
func fail(_ message: String) -> Never {
    var stderr = StandardError()
    print("witaj: \(message)", to: &stderr)
    Foundation.exit(1)
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: every language, books and coverage made in memory and served over HTTP, made again and reloaded in the browser after every edit; nothing is written to site-out/.")
    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: "The port to listen on (0: any free one).")
    var port: Int = 8080
    @Option(name: .long, help: "The address to listen on; another than 127.0.0.1 shows the preview to other machines.")
    var host: String = "127.0.0.1"
    @Flag(name: .long, help: "Show the documents marked draft: true (with a banner), which build leaves out.")
    var drafts = false

    func run() async throws {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
        let printer = ServePrinter()
        let server = PreviewServer(root: site.rootURL, host: host, port: port, sourceDateEpoch: epoch, drafts: drafts) { printer.print($0) }
        do {
            try await server.run()
        } catch {
            try report(error.diagnostics)
        }
        print("witaj: stopped")
    }
}

/// What `witaj serve` says on the terminal: where it serves, each build, and its diagnostics when they change.
final class ServePrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var shown: [Diagnostic] = []

    func print(_ event: PreviewServer.Event) {
        lock.withLock {
            var stderr = StandardError()
            switch event {
            case .listening(let url):
                Swift.print("witaj: serving \(url.absoluteString) (Ctrl-C stops)")
            case .built(let diagnostics, let remade, let seconds):
                let sorted = diagnostics.sorted
                if sorted != shown {
                    for diagnostic in sorted { Swift.print(diagnostic, to: &stderr) }
                    shown = sorted
                }
                let time = String(format: "%.0f ms", seconds * 1000)
                let errors = diagnostics.errors.count
                if errors > 0 {
                    Swift.print("witaj: \(errors) error\(errors == 1 ? "" : "s"): the last good pages are shown, with the errors on top (\(time))", to: &stderr)
                } else if remade?.isEmpty == true {
                    Swift.print("witaj: the templates changed: pages are made again as they are asked for (\(time))")
                } else if let remade {
                    Swift.print("witaj: made again \(remade.prefix(3).joined(separator: ", "))\(remade.count > 3 ? ", ..." : "") in \(time)")
                } else {
                    Swift.print("witaj: made the whole site in \(time)")
                }
            }
            fflush(nil)
        }
    }
}

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mv",
        abstract: "Move (rename) a document with its catalogs in every language, keeping every translation.",
        discussion: """
            Moves the source file, its catalog in every language and its template, changes its entry in site.yml's \
            book, and rewrites every link to it in the sources and in the translations (its own relative links follow \
            it), so that nothing goes fuzzy; then runs witaj update. Paths are the source files', with or without \
            content/: witaj mv daily-life/bank-account.md daily-life/bank.md
            """)
    @OptionGroup var site: SiteOptions
    @Argument(help: "The document's source file now.")
    var old: String
    @Argument(help: "Its new path.")
    var new: String

    func run() throws {
        let result = Move.run(root: site.rootURL, from: old, to: new)
        try report(result.diagnostics)
        for (source, target) in result.moved.sorted(by: { $0.key < $1.key }) { print("moved \(source) -> \(target)") }
        for path in result.rewritten { print("links rewritten in \(path)") }
        if let update = result.updated {
            print("witaj: \(counted(update.written.count, "catalog")) and \(counted(update.templates.count, "template")) updated")
        }
    }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new article or procedure from an archetype (theme/archetypes/ or the built-in one), as a draft.",
        discussion: "NAME is the document's path under content/ without extension, a section folder first: daily-life/banks.")
    @OptionGroup var site: SiteOptions
    @Argument(help: "article or procedure.")
    var kind: Scaffold.Kind
    @Argument(help: "SECTION/NAME, like daily-life/banks.")
    var name: String

    func run() throws {
        let result = Scaffold.run(kind, name: name, root: site.rootURL)
        try report(result.diagnostics)
        if let written = result.written {
            print("witaj: wrote \(written) (a draft: fill it in, then remove 'draft')")
        }
    }
}

struct XLIFFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xliff",
        abstract: "Exchange a language's catalogs with a translation agency as XLIFF 1.2 (memoQ, Trados, Phrase).",
        subcommands: [XLIFFExportCommand.self, XLIFFImportCommand.self])
}

struct XLIFFExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a language's document catalogs as one XLIFF 1.2 file (to standard output, or --output).",
        discussion: """
            One <file> per catalog, one <trans-unit> per message, with its state (new, needs-review-translation with \\
            the previous source as an <alt-trans>, translated), its context (source file and line, kind of segment) \\
            and notes; inline Markdown is protected as tags. Run witaj update first. The interface strings (ui.po, \\
            ICU MessageFormat) are not exported.
            """)
    enum Only: String, ExpressibleByArgument, CaseIterable { case untranslated, outdated }
    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: "The target language (a code from site.yml).")
    var lang: String
    @Option(name: .long, help: "Only the messages without a translation (untranslated) or with an outdated one (outdated).")
    var only: Only?
    @Option(name: .shortAndLong, help: "Write the XLIFF file here instead of to standard output.")
    var output: String?

    func run() throws {
        let result = XLIFF.export(root: site.rootURL, language: lang, only: only.map { XLIFFWriter.Selection(rawValue: $0.rawValue)! })
        try report(result.diagnostics)
        guard let text = result.text else { throw ExitCode.failure }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            print(text, terminator: "")
        }
    }
}

struct XLIFFImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring an XLIFF file's translations back into the catalogs it names.",
        discussion: """
            A message takes the target when it changed or its state did (translated, final or signed-off: current; \\
            any other: fuzzy, to review). An empty target never erases a translation. A unit whose source text is no \\
            longer in its catalog (the source changed since the export) is reported and not imported.
            """)
    @OptionGroup var site: SiteOptions
    @Argument(help: "The XLIFF file.")
    var file: String
    @Option(name: .long, help: "Set Last-Translator of the catalogs that change (\"Name <email>\").")
    var translator: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            var stderr = StandardError()
            print("\(file):1:1: error: cannot read the file", to: &stderr)
            throw ExitCode.failure
        }
        let result = XLIFF.importFile([UInt8](data), path: file, root: site.rootURL, translator: translator)
        try report(result.diagnostics)
        for path in result.written { print("updated \(path)") }
        print("witaj: \(counted(result.imported, "message")) imported into \(counted(result.written.count, "catalog"))")
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}
