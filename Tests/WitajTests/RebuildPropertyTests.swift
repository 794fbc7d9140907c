import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajGettext
import WitajSite
import WitajIncremental

/// Rebuilds are never stale, by property (issue 14): from a copy of the minimal fixture, a seeded random sequence of
/// edits of every kind a site sees, some with a build interrupted on the way (`RandomEdits`). After each step the
/// rebuild over the last output holds the same paths with the same bytes as a clean build into a new folder, and
/// reports the same diagnostics. A failure prints the seed and the steps; `WITAJ_PROPERTY_SEED=7` (or `7,8,9`)
/// replays seeds, `WITAJ_PROPERTY_STEPS=40` walks further, `WITAJ_PROPERTY_LOG=1` prints the steps of every walk.
@Suite struct RebuildPropertyTests {
    static let seeds: [UInt64] = ProcessInfo.processInfo.environment["WITAJ_PROPERTY_SEED"].map {
        $0.split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
    } ?? [1, 2, 3]
    static let steps = ProcessInfo.processInfo.environment["WITAJ_PROPERTY_STEPS"].flatMap { Int($0) } ?? 12

    @Test(arguments: seeds) func aRebuildAfterRandomEditsEqualsACleanBuild(seed: UInt64) throws {
        let walk = try RandomEdits(seed: seed)
        for step in 1...Self.steps {
            let problems = try walk.step(step)
            #expect(problems.isEmpty, "\(walk.replay)\n\(problems.joined(separator: "\n"))")
            if !problems.isEmpty { break }  // the next steps start from a stale output: the first difference says it all
        }
        if ProcessInfo.processInfo.environment["WITAJ_PROPERTY_LOG"] != nil { print(walk.replay) }
    }
}

/// A seeded walk through edits of the minimal site, with target languages (en; ar falling back to en) and the book:
/// each step edits, rebuilds over the last output (A), builds clean into a new folder (B) and compares.
final class RandomEdits {
    let seed: UInt64
    private var random: SplitMix64
    private let site: FixtureSite
    private var log: [String] = []
    /// Numbers new names and texts, so that no two edits write the same thing.
    private var serial = 0
    private var config = SiteModel()
    /// The inputs before the last step's edit: "undo" puts them back.
    private var beforeLast: [String: Data] = [:]
    private var lastSucceeded = true

    /// Files and folders (ending in "/") put into the output by hand, with their bytes: witaj keeps them.
    var foreign: [String: Data] = [:]

    init(seed: UInt64) throws {
        self.seed = seed
        random = SplitMix64(seed: seed)
        site = try FixtureSite()
        try site.write("site.yml", config.yaml)
        _ = Update.run(root: site.root)
        try site.translate("locales/en/guide/lekarz.po") { "EN " + $0 }
        try site.write(Self.image, bytes: StaticFilesTests.red)
        try site.age()
        let first = build()
        guard first.succeeded else { throw FixtureSite.FixtureError(description: "the first build failed: \(site.messages(first))") }
        beforeLast = inputs()
    }

    var replay: String {
        "seed \(seed) (replay: WITAJ_PROPERTY_SEED=\(seed) WITAJ_PROPERTY_STEPS=\(log.count) swift test --filter RebuildPropertyTests), steps:\n"
            + log.joined(separator: "\n")
    }

    enum Kind: CaseIterable {
        case paragraph, frontMatter, procedure, catalog, theme, siteConfig, add, delete, rename, update, undo, nothing, interrupted, files

        var weight: Int {
            switch self {
            case .paragraph, .catalog, .interrupted: 3
            case .frontMatter, .procedure: 2
            default: 1
            }
        }
    }

    /// One edit, then the rebuild and the clean build; returns what differs between them (nothing, when the rebuild
    /// is not stale).
    func step(_ n: Int) throws -> [String] {
        let inputsBefore = inputs(), outputBefore = FixtureSite.tree(site.output)
        var problems: [String] = []
        var weighted: [Kind] = []
        for kind in Kind.allCases { weighted += Array(repeating: kind, count: kind.weight) }
        let kind = random.pick(weighted)
        let what: String
        switch kind {
        case .nothing: what = "nothing"
        case .undo:
            try restore(beforeLast)
            what = "undo the last step's edit (its inputs as they were)"
        case .interrupted: what = try interrupted(&problems)
        default: what = try edit(kind)
        }
        log.append("\(n). \(what)")
        beforeLast = inputsBefore
        try site.age()
        let rebuilt = build()
        if kind == .nothing, lastSucceeded, !rebuilt.upToDate { problems.append("nothing changed, yet the rebuild did not find the output up to date") }
        lastSucceeded = rebuilt.succeeded
        let clean = site.cleanBuild()
        if !clean.succeeded { log[log.count - 1] += " (the site is broken: both builds fail)" }
        if rebuilt.succeeded != clean.succeeded {
            problems.append("the rebuild \(rebuilt.succeeded ? "succeeded" : "failed"), a clean build \(clean.succeeded ? "succeeded" : "failed")")
        }
        if site.messages(rebuilt) != clean.messages {
            problems.append("diagnostics differ:\n  rebuild: \(site.messages(rebuilt))\n  clean:   \(clean.messages)")
        }
        // A build that fails leaves the output as it was. Files put there by hand are not witaj's: they stay as they
        // are, and the rest is compared (the folders that hold them aside).
        let now = site.snapshot()
        for (path, bytes) in foreign where now[path] != bytes {
            problems.append("site-out/\(path), put there by hand, was \(now[path] == nil ? "removed" : "changed")")
        }
        var aside = Set(foreign.keys)
        for path in foreign.keys {
            var folder = ""
            for part in path.split(separator: "/").dropLast() {
                folder += part + "/"
                aside.insert(folder)
            }
        }
        let expected = (clean.succeeded ? clean.files : outputBefore).filter { !aside.contains($0.key) }
        problems += Self.differences(now.filter { !aside.contains($0.key) }, expected, clean.succeeded ? "a clean build" : "the output before")
        return problems
    }

    /// The paths only one tree has, and the files whose bytes differ, with where they first differ.
    static func differences(_ rebuilt: [String: Data], _ expected: [String: Data], _ name: String) -> [String] {
        var problems: [String] = []
        let extra = rebuilt.keys.filter { expected[$0] == nil }.sorted(), missing = expected.keys.filter { rebuilt[$0] == nil }.sorted()
        let differing = expected.keys.filter { rebuilt[$0] != nil && rebuilt[$0] != expected[$0] }.sorted()
        if !extra.isEmpty { problems.append("only the rebuild has \(extra.count): \(extra.prefix(8))") }
        if !missing.isEmpty { problems.append("only \(name) has \(missing.count): \(missing.prefix(8))") }
        if let first = differing.first, let a = rebuilt[first], let b = expected[first] {
            // A book: what differs inside it.
            if first.hasSuffix(".epub"), let inA = try? BookTests().entries([UInt8](a)), let inB = try? BookTests().entries([UInt8](b)) {
                let inside = differences(inA.mapValues { Data($0.utf8) }, inB.mapValues { Data($0.utf8) }, name)
                return problems + ["\(differing.count) differ from \(name): \(differing.prefix(8)); inside \(first):"] + inside
            }
            let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            func excerpt(_ data: Data) -> String {
                String(decoding: data[max(0, at - 80)..<min(data.count, at + 80)], as: UTF8.self).debugDescription
            }
            problems.append("\(differing.count) differ from \(name): \(differing.prefix(8)); \(first) from byte \(at):\n"
                            + "  rebuild: \(excerpt(a))\n  \(name): \(excerpt(b))")
        }
        return problems
    }

    private func build() -> Build.Result {
        Build.run(root: site.root, output: site.output, sourceDateEpoch: FixtureSite.sourceDateEpoch)
    }

    // MARK: The site's files

    /// Every input (site.yml, content/, locales/, theme/) with its bytes.
    private func inputs() -> [String: Data] {
        var files: [String: Data] = [:]
        for (path, url) in FileTree.files(under: site.root) where !path.hasPrefix("site-out/") {
            files[path] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }

    /// Puts inputs back as they were: files added since are removed, changed ones written again (newly dated).
    private func restore(_ saved: [String: Data]) throws {
        let now = inputs()
        for path in now.keys.sorted() where saved[path] == nil { try site.remove(path) }
        for (path, data) in saved.sorted(by: { $0.key < $1.key }) where now[path] != data { try site.write(path, bytes: [UInt8](data)) }
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: site.root.appendingPathComponent(path).path) }

    /// Every document (source path), sorted.
    private var documents: [String] {
        FileTree.files(under: site.root.appendingPathComponent("content")).map { "content/" + $0.0 }
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".xml") }
    }
    private var markdown: [String] { documents.filter { $0.hasSuffix(".md") } }
    private var procedures: [String] { documents.filter { $0.hasSuffix(".xml") && $0 != Self.offices } }
    /// The documents others link to (the edits' links point only at these) or the pack may name: never deleted or
    /// moved, so that the site stays valid.
    static let anchored: Set = ["content/index.md", "content/guide/index.md", "content/guide/lekarz.md",
                                "content/guide/lazienki.md", "content/guide/registration.xml", offices]
    static let offices = "content/guide/offices.xml"
    /// The documents an edit may delete or move.
    private var loose: [String] { documents.filter { !Self.anchored.contains($0) } }
    /// The target languages that have catalogs.
    private var catalogLanguages: [String] { FileTree.names(in: site.root.path + "/locales").sorted() }

    private func catalogs(of source: String) -> [String] {
        catalogLanguages.map { CatalogStore.path(of: source, language: $0) }.filter(exists)
    }

    // MARK: Texts

    static let words = ["urząd", "meldunek", "żółw", "ćma", "Łódź", "apteka", "szkoła", "ósemka", "zaświadczenie", "czynsz",
                        "bank", "źdźbło", "Kraków", "wiza", "karta", "pobyt", "gęś", "umowa", "Ąbc", "zielony"]

    private func words(_ count: ClosedRange<Int>) -> [String] {
        (0..<(count.lowerBound + random.below(count.count))).map { _ in random.pick(Self.words) }
    }

    private func capitalized(_ words: [String]) -> String {
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private func title() -> String { capitalized(words(1...3)) }
    private func sentence() -> String { capitalized(words(3...7)) + "." }

    /// A paragraph, sometimes with emphasis or a link to a document that always exists (relative to `source`).
    private func paragraph(in source: String) -> String {
        serial += 1
        var parts = words(3...8)
        if random.oneIn(4) { parts[random.below(parts.count)] = "**\(random.pick(Self.words))**" }
        if random.oneIn(3) {
            let inGuide = source.hasPrefix("content/guide/")
            let target = random.pick(["lekarz.md", "registration.xml#steps", "index.md", "lazienki.md"])
            parts.append("[\(random.pick(Self.words))](\(inGuide ? "" : "guide/")\(target))")
        }
        return capitalized(parts) + " \(serial)."
    }

    /// A block of Markdown: mostly a paragraph, else a heading (some skip a level: the book's audit warns), a
    /// list, a table or raw HTML (a warning).
    private func block(in source: String) -> String {
        switch random.below(10) {
        case 0: "\(String(repeating: "#", count: 2 + random.below(3))) \(title()) \(serial)"
        case 1: "- \(sentence())\n- \(sentence())"
        case 2: "| \(title()) | \(title()) |\n|---|--:|\n| \(sentence()) | \(random.below(100)) |"
        case 3 where random.oneIn(2): "<div>surowy HTML \(serial)</div>"
        default: paragraph(in: source)
        }
    }

    private func day() -> String { String(format: "2026-%02d-%02d", 1 + random.below(12), 1 + random.below(28)) }

    // MARK: Edits

    private func edit(_ kind: Kind) throws -> String {
        switch kind {
        case .paragraph: try editParagraph()
        case .frontMatter: try editFrontMatter()
        case .procedure: try editProcedure()
        case .catalog: try editCatalog()
        case .theme: try editTheme()
        case .siteConfig: try editSiteConfig()
        case .add: try add()
        case .delete: try delete()
        case .rename: try rename()
        case .update: "witaj update (\(Update.run(root: site.root).written.count) catalogs written)"
        case .files: try editFiles()
        case .undo, .nothing, .interrupted: "nothing"
        }
    }

    /// An edit that changes an input, for the interrupted builds.
    private func ordinaryEdit() throws -> String {
        try edit(random.pick([.paragraph, .paragraph, .frontMatter, .procedure, .catalog, .catalog, .theme, .siteConfig,
                              .add, .delete, .rename, .update, .files]))
    }

    private func editParagraph() throws -> String {
        let source = random.pick(markdown)
        var file = MarkdownFile(try text(source))
        let i = random.below(file.blocks.count)
        let what: String
        switch random.below(3) {
        case 0 where !file.blocks.isEmpty:
            file.blocks[i] = block(in: source)
            what = "block \(i + 1) replaced by '\(file.blocks[i].prefix(40))'"
        case 1 where file.blocks.count > 1:
            file.blocks.remove(at: i)
            what = "block \(i + 1) removed"
        default:
            let at = random.below(file.blocks.count + 1)
            file.blocks.insert(block(in: source), at: at)
            what = "'\(file.blocks[at].prefix(40))' inserted as block \(at + 1)"
        }
        try site.write(source, file.text)
        return "\(source): \(what)"
    }

    private func editFrontMatter() throws -> String {
        let source = random.pick(markdown)
        var file = MarkdownFile(try text(source))
        let what: String
        switch random.below(6) {
        case 0:
            file["title"] = title()
            what = "title '\(file["title"]!)'"
        case 1:
            file["summary"] = file["summary"] != nil && random.oneIn(3) ? nil : sentence()
            what = file["summary"].map { "summary '\($0)'" } ?? "summary removed"
        case 2:
            file["order"] = file["order"] != nil && random.oneIn(3) ? nil : String(random.below(5))
            what = file["order"].map { "order \($0)" } ?? "order removed"
        case 3:
            file["reviewed"] = day()
            what = "reviewed \(file["reviewed"]!)"
        case 4:
            // An id other pages do not show; a field witaj does not know is a warning.
            let key = random.pick(["id", "review", "autor"])
            serial += 1
            file[key] = file[key] != nil && random.oneIn(2) ? nil : key == "id" ? "dokument-\(serial)" : sentence()
            what = file[key].map { "\(key) '\($0)'" } ?? "\(key) removed"
        default:
            file["title"] = file["title"].map { $0 + " " + random.pick(Self.words) }
            file["summary"] = sentence()
            what = "title '\(file["title"] ?? "")' and summary '\(file["summary"]!)'"
        }
        try site.write(source, file.text)
        return "\(source): \(what)"
    }

    private func editProcedure() throws -> String {
        if random.oneIn(5) {
            // The offices register, which every procedure page shows.
            var offices = try text(Self.offices)
            let what: String
            if random.oneIn(2) {
                let hour = "\(12 + random.below(8)):00"
                offices = offices.replacing(/to="\d\d:\d\d"/, with: "to=\"\(hour)\"")
                what = "open until \(hour)"
            } else {
                let phone = "+48 12 000 00 \(10 + random.below(90))"
                offices = offices.replacing(/number="[^"]*"/, with: "number=\"\(phone)\"")
                what = "phone \(phone)"
            }
            try site.write(Self.offices, offices)
            return "\(Self.offices): \(what)"
        }
        let source = random.pick(procedures)
        guard var procedure = ProcedureFile(try text(source)) else { return "\(source) unreadable: nothing done" }
        let what: String
        switch random.below(6) {
        case 0:
            let i = random.below(procedure.steps.count)
            procedure.steps[i] = paragraph(in: source)
            what = "step \(i + 1) '\(procedure.steps[i])'"
        case 1:
            procedure.steps.append(sentence())
            what = "a step added"
        case 2 where procedure.steps.count > 1:
            let i = random.below(procedure.steps.count)
            procedure.steps.remove(at: i)
            what = "step \(i + 1) removed"
        case 3:
            procedure.title = title()
            what = "title '\(procedure.title)'"
        case 4:
            procedure.summary = sentence()
            what = "summary '\(procedure.summary)'"
        default:
            procedure.fee = 10 * (1 + random.below(100))
            what = "fee \(procedure.fee) PLN"
        }
        try site.write(source, procedure.text)
        return "\(source): \(what)"
    }

    /// Translates, makes fuzzy or clears an entry (or translates all) in one catalog, interface strings included.
    private func editCatalog() throws -> String {
        guard !catalogLanguages.isEmpty else { return "no catalogs: nothing done" }
        let language = random.pick(catalogLanguages)
        let names = FileTree.files(under: site.root.appendingPathComponent("locales/\(language)")).map(\.0).filter { $0.hasSuffix(".po") }
        guard !names.isEmpty else { return "no catalogs in \(language): nothing done" }
        let path = "locales/\(language)/\(random.pick(names))"
        var catalog = try site.catalog(path)
        let live = catalog.entries.indices.filter { !catalog.entries[$0].obsolete }
        guard !live.isEmpty else { return "\(path) has no entries: nothing done" }
        serial += 1
        let prefix = "\(language.uppercased())\(serial) "
        func translate(_ i: Int) {
            let entry = catalog.entries[i]
            catalog.entries[i].msgstr = entry.msgstr.indices.map { prefix + ($0 == 0 ? entry.msgid : entry.plural ?? entry.msgid) }
            catalog.entries[i].setFuzzy(false)
            catalog.entries[i].previous = nil
        }
        let i = random.pick(live)
        let what: String
        if random.oneIn(8) {
            try site.remove(path)
            return "\(path) deleted"
        }
        switch random.below(6) {
        case 0:
            live.forEach(translate)
            what = "every entry translated"
        case 1:
            translate(i)
            what = "'\(catalog.entries[i].msgid)' translated"
        case 2:
            if !catalog.entries[i].hasTranslation { translate(i) }
            catalog.entries[i].setFuzzy(true)
            what = "'\(catalog.entries[i].msgid)' made fuzzy"
        case 3:
            // A translation the build warns about: a link to no document, a control character, a block.
            translate(i)
            let text = random.pick(["zobacz [brak](nie-ma-\(serial).md)", "tab\u{0B}\(serial)", "<div>\(serial)</div>"])
            catalog.entries[i].msgstr = catalog.entries[i].msgstr.map { $0 + " " + text }
            what = "'\(catalog.entries[i].msgid)' translated as '\(catalog.entries[i].translation)'"
        default:
            catalog.entries[i].msgstr = catalog.entries[i].msgstr.map { _ in "" }
            catalog.entries[i].setFuzzy(false)
            what = "'\(catalog.entries[i].msgid)' cleared"
        }
        try site.write(path, POWriter.write(catalog))
        return "\(path): \(what)"
    }

    static let themeFiles = ["templates/layout.mustache", "templates/document-body.mustache", "templates/procedure-body.mustache",
                             "templates/listing.mustache", "templates/header.mustache", "templates/epub-chapter.mustache",
                             "templates/coverage-row.mustache", "templates/a-z.mustache", "assets/site.css", "assets/book.css"]

    /// An image beside the baths' page that is always there (pages may show it).
    static let image = "content/guide/mapa.png"

    /// Files published as they are: a static file or a language's own version of the image added, changed or
    /// removed, the image changed, or the baths' page showing it.
    private func editFiles() throws -> String {
        serial += 1
        let path = random.pick(["static/robots.txt", "static/docs/ulotka-\(random.below(3)).pdf", "static/en/guide/mapa.png",
                                "static/ar/guide/mapa.png", Self.image, "content/guide/lazienki.md"])
        switch path {
        case "content/guide/lazienki.md":
            var file = MarkdownFile(try text(path))
            file.blocks.append("![\(title()) \(serial)](mapa.png)")
            try site.write(path, file.text)
            return "\(path) shows the image mapa.png"
        case _ where path.hasPrefix("static/") && exists(path) && random.oneIn(3):
            try site.remove(path)
            return "\(path) removed"
        default:
            try site.write(path, bytes: path.hasSuffix(".png") ? (random.oneIn(2) ? StaticFilesTests.red : StaticFilesTests.blue)
                : Array("edit \(serial)\n".utf8))
            return "\(path) written"
        }
    }

    /// Overrides a file of the default theme with an edited copy, edits the override, or removes it.
    private func editTheme() throws -> String {
        let name = random.pick(Self.themeFiles), path = "theme/" + name
        if exists(path), random.oneIn(3) {
            try site.remove(path)
            return "\(path) removed (the default theme's again)"
        }
        let base = exists(path) ? try text(path)
            : try String(contentsOf: FixtureSite.packageRoot.appendingPathComponent("Sources/WitajSources/Resources/theme/" + name), encoding: .utf8)
        serial += 1
        try site.write(path, base + (name.hasSuffix(".css") ? "/* edit \(serial) */\n" : "<!-- edit \(serial) -->\n"))
        return "\(path) edited"
    }

    private func editSiteConfig() throws -> String {
        let what: String
        switch random.below(6) {
        case 0:
            config.arabicFallback.toggle()
            what = config.arabicFallback ? "ar falls back to en" : "ar falls back to the source language"
        case 1:
            config.arabic.toggle()
            what = config.arabic ? "ar is a language again" : "ar is no longer a language"
        case 2 where config.pack != nil:
            var chapters = config.pack!
            for i in chapters.indices.reversed() { chapters.swapAt(i, random.below(i + 1)) }
            config.pack = chapters
            what = "the pack's chapters reordered"
        case 3:
            var candidates = Self.anchored.sorted().map { String($0.dropFirst("content/".count)) }, chapters: [String] = []
            for _ in 0..<(1 + random.below(4)) { chapters.append(candidates.remove(at: random.below(candidates.count))) }
            config.pack = random.oneIn(5) ? nil : chapters
            what = "the pack's chapters \(config.pack.map { "\($0)" } ?? "none")"
        case 4:
            config.packFile = config.packFile == "pakiet" ? "witaj" : "pakiet"
            what = "the pack's file '\(config.packFile)'"
        default:
            config.base = config.base.hasSuffix("pack/") ? "https://example.org/welcome/" : "https://example.org/pack/"
            what = "baseURL \(config.base)"
        }
        try site.write("site.yml", config.yaml)
        return "site.yml: \(what)"
    }

    private func add() throws -> String {
        serial += 1
        if random.oneIn(4) {
            let source = "content/guide/procedura-\(serial).xml"
            try site.write(source, ProcedureFile(title: title(), summary: sentence(), steps: [sentence(), sentence()],
                                                 fee: 10 * (1 + random.below(50)), reviewed: day()).text)
            return "\(source) added"
        }
        let source = random.oneIn(4) ? "content/nowy-\(serial).md" : "content/guide/nowy-\(serial).md"
        var file = MarkdownFile("---\n---\n")
        file["title"] = title()
        if random.oneIn(2) { file["summary"] = sentence() }
        if random.oneIn(3) { file["order"] = String(random.below(5)) }
        file["reviewed"] = day()
        file.blocks = (0..<(1 + random.below(3))).map { _ in paragraph(in: source) }
        try site.write(source, file.text)
        return "\(source) added"
    }

    private func delete() throws -> String {
        guard !loose.isEmpty else { return "nothing left to delete" }
        let source = random.pick(loose)
        try site.remove(source)
        guard random.oneIn(2) else { return "\(source) deleted (its catalogs left behind)" }
        for catalog in catalogs(of: source) { try site.remove(catalog) }
        return "\(source) deleted with its catalogs"
    }

    /// A file move (its modification time kept), within its folder or, when it links nowhere, to the other one.
    private func rename() throws -> String {
        guard !loose.isEmpty else { return "nothing to move" }
        let source = random.pick(loose)
        serial += 1
        let ext = source.hasSuffix(".xml") ? "xml" : "md"
        var folder = source.hasPrefix("content/guide/") ? "content/guide" : "content"
        if ext == "md", !(try text(source)).contains("]("), random.oneIn(2) { folder = folder == "content" ? "content/guide" : "content" }
        let target = "\(folder)/przeniesiony-\(serial).\(ext)"
        let moveCatalogs = random.oneIn(2)
        var moves = [(source, target)]
        if moveCatalogs {
            moves += catalogs(of: source).map { ($0, $0.replacingOccurrences(of: CatalogStore.stem(of: source), with: CatalogStore.stem(of: target))) }
        }
        for (from, to) in moves {
            try FileManager.default.moveItem(at: site.root.appendingPathComponent(from), to: site.root.appendingPathComponent(to))
        }
        return "\(source) moved to \(target)\(moveCatalogs ? " with its catalogs" : "")"
    }

    // MARK: Interrupted builds

    private var stateFile: URL { StateFolder(root: site.root, output: site.output).state }
    private var booksFile: URL { StateFolder(root: site.root, output: site.output).books }

    private func put(_ data: Data?, at url: URL) throws {
        if let data { try data.write(to: url) } else { try? FileManager.default.removeItem(at: url) }
    }

    private func interrupted(_ problems: inout [String]) throws -> String {
        switch random.below(6) {
        case 0: try failingBuild(&problems)
        case 1: try crashAfterTheOutput()
        case 2: try crashBeforeTheOutput()
        case 3: try corrupt(stateFile, "the state file") + (random.oneIn(2) ? "; " + ordinaryEdit() : "")
        case 4: try corrupt(booksFile, "the book cache") + (random.oneIn(2) ? "; " + ordinaryEdit() : "")
        default: try editOutput() + (random.oneIn(2) ? "; " + ordinaryEdit() : "")
        }
    }

    /// An edit, then something broken that makes the build fail; the failed build must leave the output as it was
    /// and report what a clean build reports. Then the broken file is mended.
    private func failingBuild(_ problems: inout [String]) throws -> String {
        let edit = try ordinaryEdit()
        let path: String, broken: String
        switch random.below(5) {
        case 0:
            path = random.pick(markdown)
            broken = try text(path) + "\nZobacz [brak](nie-ma.md).\n"
        case 1:
            path = random.pick(markdown)
            var file = MarkdownFile(try text(path))
            file["order"] = "dwa"
            broken = file.text
        case 2:
            path = random.pick(procedures)
            broken = try text(path).replacingOccurrences(of: "</procedure>", with: "</procedur>")
        case 3:
            path = "site.yml"
            broken = config.yaml + "\nlanguages: [\n"
        default:
            path = "theme/templates/listing.mustache"
            let base = exists(path) ? try text(path)
                : try String(contentsOf: FixtureSite.packageRoot.appendingPathComponent("Sources/WitajSources/Resources/theme/templates/listing.mustache"), encoding: .utf8)
            broken = base + "{{#unclosed}}"
        }
        let saved = FileManager.default.contents(atPath: site.root.appendingPathComponent(path).path)
        try site.write(path, broken)
        try site.age()
        let before = FixtureSite.tree(site.output)
        let failed = build()
        var what = "\(edit); \(path) broken"
        if failed.succeeded {
            what += " (the build did not fail)"
        } else {
            what += ", a build that fails"
            problems += Self.differences(FixtureSite.tree(site.output), before, "the output before the failed build")
            let clean = site.cleanBuild()
            if clean.succeeded || clean.messages != site.messages(failed) {
                problems.append("the failed rebuild said \(site.messages(failed)), a clean build \(clean.messages)")
            }
        }
        try put(saved, at: site.root.appendingPathComponent(path))
        return what + ", then mended"
    }

    /// An edit and a build that dies after writing the output and the book cache, before writing the state: the
    /// last state stays. Sometimes the edit is undone afterwards.
    private func crashAfterTheOutput() throws -> String {
        let inputsBefore = inputs()
        let state = FileManager.default.contents(atPath: stateFile.path)
        let edit = try ordinaryEdit()
        try site.age()
        _ = build()
        try put(state, at: stateFile)
        guard random.oneIn(2) else { return "\(edit); a build that dies before writing the state" }
        try restore(inputsBefore)
        return "\(edit); a build that dies before writing the state; the edit undone"
    }

    /// An edit and a build that dies once the book cache is written, before the output or the state are: the book
    /// cache is newer than the state. Sometimes the edit is undone afterwards.
    private func crashBeforeTheOutput() throws -> String {
        let inputsBefore = inputs()
        let edit = try ordinaryEdit()
        try site.age()
        try site.buildDyingAfterTheBookCache()
        guard random.oneIn(2) else { return "\(edit); a build that dies after writing the book cache, before the output" }
        try restore(inputsBefore)
        return "\(edit); a build that dies after writing the book cache, before the output; the edit undone"
    }

    private func corrupt(_ url: URL, _ name: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else { return "\(name) is absent" }
        switch random.below(3) {
        case 0:
            try FileManager.default.removeItem(at: url)
            return "\(name) deleted"
        case 1:
            // Its length varies with the inputs' times: cut counting from the end (its last line, often) or by
            // a fraction, so that a seed cuts at the same place again.
            let length = random.oneIn(2) ? max(0, data.count - 1 - random.below(200)) : data.count * random.below(100) / 100
            try data.prefix(length).write(to: url)
            return "\(name) cut \(data.count - length) bytes before its end"
        default:
            try Data((0..<(1 + random.below(64))).map { _ in UInt8(truncatingIfNeeded: random.next()) }).write(to: url)
            return "\(name) replaced by random bytes"
        }
    }

    /// The output edited by hand, or left as a build that died while writing it would leave it.
    private func editOutput() throws -> String {
        let files = FixtureSite.tree(site.output).keys.filter { !$0.hasSuffix("/") }.sorted()
        guard !files.isEmpty else { return "no output to edit" }
        let file = random.pick(files), folder = random.pick(["", "pl/", "en/guide/", "ar/"])
        serial += 1
        switch random.below(5) {
        case 0:
            try site.write("site-out/" + file, "tampered \(serial)")
            if foreign[file] != nil { foreign[file] = Data("tampered \(serial)".utf8) }
            return "site-out/\(file) edited by hand"
        case 1:
            try site.remove("site-out/" + file)
            foreign[file] = nil
            return "site-out/\(file) deleted by hand"
        case 2:
            try site.write("site-out/\(folder)stray-\(serial).html", "stray")
            foreign["\(folder)stray-\(serial).html"] = Data("stray".utf8)
            return "site-out/\(folder)stray-\(serial).html added by hand"
        case 3:
            try FileManager.default.createDirectory(at: site.output.appendingPathComponent("\(folder)empty-\(serial)"), withIntermediateDirectories: true)
            foreign["\(folder)empty-\(serial)/"] = Data()
            return "an empty folder site-out/\(folder)empty-\(serial) added by hand"
        default:
            let bytes = FileManager.default.contents(atPath: site.output.appendingPathComponent(file).path) ?? Data()
            try site.write("site-out/\(file).witaj-new", bytes: [UInt8](bytes.prefix(bytes.count / 2)))
            foreign["\(file).witaj-new"] = Data(bytes.prefix(bytes.count / 2))
            return "site-out/\(file).witaj-new left half-written"
        }
    }
}

/// The walk's generator and its models of the files it edits (nested: other suites have their own).
extension RandomEdits {
    /// SplitMix64 (Steele, Lea, Flood 2014): a small generator that gives the same numbers for a seed everywhere.
    struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// 0..<n, by the generator alone (the standard library's `random(in:using:)` may change between releases).
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }
    }

    /// site.yml as the walk changes it; at first `BookTests.siteYAML`.
    struct SiteModel {
        var base = "https://example.org/pack/"
        var arabic = true
        var arabicFallback = true
        var pack: [String]? = ["index.md", "guide/registration.xml", "guide/lazienki.md", "guide/offices.xml"]
        var packFile = "pakiet"

        var yaml: String {
            var lines = ["baseURL: \(base)", "sourceLanguage: pl", "languages:", "  - code: pl", "  - code: en"]
            if arabic { lines += ["  - code: ar"] + (arabicFallback ? ["    fallback: [en]"] : []) }
            if let pack { lines += ["", "pack:", "  file: \(packFile)", "  chapters:"] + pack.map { "    - \($0)" } }
            return lines.joined(separator: "\n")
        }
    }

    /// A Markdown document as front matter fields (in order) and blocks (separated by blank lines).
    struct MarkdownFile {
        var fields: [(key: String, value: String)] = []
        var blocks: [String] = []

        init(_ text: String) {
            let parts = text.components(separatedBy: "\n---\n")
            for line in parts[0].split(separator: "\n") where line != "---" {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
            blocks = parts.dropFirst().joined(separator: "\n---\n").components(separatedBy: "\n\n")
                .map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
        }

        subscript(key: String) -> String? {
            get { fields.first { $0.key == key }?.value }
            set {
                guard let newValue else { return fields.removeAll { $0.key == key } }
                if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].value = newValue } else { fields.append((key, newValue)) }
            }
        }

        var text: String {
            "---\n" + fields.map { "\($0.key): \($0.value)\n" }.joined() + "---\n\n" + blocks.joined(separator: "\n\n") + "\n"
        }
    }

    /// A procedure as the fixture's registration.xml is written, with what the walk changes.
    struct ProcedureFile {
        var title: String, summary: String, steps: [String], fee: Int, reviewed: String

        init(title: String, summary: String, steps: [String], fee: Int, reviewed: String) {
            (self.title, self.summary, self.steps, self.fee, self.reviewed) = (title, summary, steps, fee, reviewed)
        }

        init?(_ text: String) {
            guard let title = text.firstMatch(of: /<title>(.*?)<\/title>/)?.1, let summary = text.firstMatch(of: /<summary>(.*?)<\/summary>/)?.1,
                  let fee = text.firstMatch(of: /amount="(\d+)"/)?.1, let reviewed = text.firstMatch(of: /reviewed="([^"]*)"/)?.1 else { return nil }
            self.init(title: String(title), summary: String(summary), steps: text.matches(of: /<step>(.*?)<\/step>/).map { String($0.1) },
                      fee: Int(fee) ?? 0, reviewed: String(reviewed))
        }

        var text: String {
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <procedure reviewed="\(reviewed)">
              <title>\(title)</title>
              <summary>\(summary)</summary>
              <audience><p>Każdy, kto mieszka w mieście.</p></audience>
              <steps>
            \(steps.map { "    <step>\($0)</step>" }.joined(separator: "\n"))
              </steps>
              <documents>
                <document>Paszport.</document>
                <document optional="true">Umowa najmu.</document>
              </documents>
              <fees>
                <fee amount="\(fee)" currency="PLN">Opłata skarbowa</fee>
              </fees>
              <deadlines>
                <deadline count="30" unit="day">od przyjazdu</deadline>
              </deadlines>
              <where><office ref="urzad"/></where>
              <related><see doc="lekarz.md"/></related>
            </procedure>

            """
        }
    }
}
