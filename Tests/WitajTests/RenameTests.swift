import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajGettext
import WitajSite

/// Renaming a document keeps its translations: `witaj mv`, and a rename made by hand that `witaj update` recognises.
@Suite struct RenameTests {
    func site() throws -> FixtureSite {
        let site = try FixtureSite()
        try site.write("site.yml", BookTests.siteYAML)
        _ = Update.run(root: site.root)
        // Every segment translated, links kept as the source writes them.
        for (path, _) in FileTree.files(under: site.root.appendingPathComponent("locales")) where path.hasSuffix(".po") && !path.hasSuffix("ui.po") {
            try site.translate("locales/" + path) { (path.hasPrefix("en/") ? "EN: " : "AR: ") + $0 }
        }
        return site
    }

    func text(_ site: FixtureSite, _ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ site: FixtureSite, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: site.root.appendingPathComponent(path).path)
    }

    /// Every catalog's entries that are fuzzy or untranslated, and the coverage of both languages: what a move must
    /// not change.
    func state(_ site: FixtureSite) throws -> (notCurrent: [String], complete: [String: Int]) {
        var notCurrent: [String] = []
        for (path, _) in FileTree.files(under: site.root.appendingPathComponent("locales")) where path.hasSuffix(".po") && !path.hasSuffix("ui.po") {
            for entry in try site.catalog("locales/" + path).entries where !entry.obsolete && !entry.isTranslated {
                notCurrent.append("\(path): \(entry.msgid)")
            }
        }
        let coverage = try #require(CoverageReport.run(root: site.root).0)
        return (notCurrent, Dictionary(uniqueKeysWithValues: coverage.languages.map { ($0.code, $0.documents["complete"] ?? 0) }))
    }

    @Test func witajMvMovesADocumentItsCatalogsAndEveryLinkToItAndNothingGoesFuzzy() throws {
        let site = try site()
        let before = try state(site)
        #expect(before.notCurrent.isEmpty)
        let result = Move.run(root: site.root, from: "guide/registration.xml", to: "content/urzad/zameldowanie.xml")
        #expect(result.diagnostics.items.isEmpty)
        #expect(result.moved == [
            "content/guide/registration.xml": "content/urzad/zameldowanie.xml",
            "locales/templates/guide/registration.pot": "locales/templates/urzad/zameldowanie.pot",
            "locales/en/guide/registration.po": "locales/en/urzad/zameldowanie.po",
            "locales/ar/guide/registration.po": "locales/ar/urzad/zameldowanie.po",
        ])
        // The link to it, in the source and in both translations; the book's chapter.
        #expect(try text(site, "content/guide/lazienki.md").contains("zobacz [zameldowanie](../urzad/zameldowanie.xml#steps)."))
        let lazienki = try site.catalog("locales/en/guide/lazienki.po")
        let linked = try #require(lazienki.entries.first { $0.msgid.hasPrefix("Otwarte") })
        #expect(linked.msgid == "Otwarte **codziennie**, zobacz [zameldowanie](../urzad/zameldowanie.xml#steps).")
        #expect(linked.translation == "EN: Otwarte **codziennie**, zobacz [zameldowanie](../urzad/zameldowanie.xml#steps).")
        #expect(try text(site, "site.yml").contains("    - urzad/zameldowanie.xml\n"))
        let after = try state(site)
        #expect(after.notCurrent == [])
        #expect(after.complete == before.complete)
        // The moved catalog names its document; the build is as happy as before.
        let moved = try site.catalog("locales/en/urzad/zameldowanie.po")
        #expect(POHeader(parsing: moved.header?.translation ?? "")["Project-Id-Version"] == "witaj content/urzad/zameldowanie.xml")
        #expect(moved.entries.first?.references == ["content/urzad/zameldowanie.xml:3"])
        #expect(moved.header?.comments.first == " English (en) translation of content/urzad/zameldowanie.xml.")
        #expect(site.check().diagnostics.errors.isEmpty)
        #expect(Update.run(root: site.root).written.isEmpty)
    }

    @Test func witajMvRefusesWhatItCannotDoAndTouchesNothing() throws {
        let site = try site()
        let before = FixtureSite.tree(site.root)
        let cases: [(String, String, String)] = [
            ("guide/nie-ma.md", "guide/x.md", "guide/nie-ma.md:1:1: error: no document is at content/guide/nie-ma.md: give the path of a document's source file (content/…/name.md or .xml)"),
            ("guide/lekarz.md", "guide/zupa.md", "guide/zupa.md:1:1: error: content/guide/zupa.md exists already"),
            ("guide/lekarz.md", "guide/lekarz.xml", "guide/lekarz.xml:1:1: error: a document keeps its format: content/guide/lekarz.md can move to another .md file, not to content/guide/lekarz.xml"),
            ("guide/lekarz.md", "../lekarz.md", "../lekarz.md:1:1: error: content/../lekarz.md is not a path inside content/"),
        ]
        for (from, to, message) in cases {
            let result = Move.run(root: site.root, from: from, to: to)
            #expect(result.diagnostics.items.map(\.description) == [message])
        }
        #expect(FixtureSite.tree(site.root) == before)
    }

    @Test func updateRecognisesARenameByHandAndCarriesTheTranslationsOver() throws {
        let site = try site()
        let before = try state(site)
        // git mv, then the links fixed by hand; a rename whose document lost a paragraph on the way, too.
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/guide/registration.xml"),
                                         to: site.root.appendingPathComponent("content/guide/meldunek.xml"))
        try site.write("content/guide/lazienki.md", try text(site, "content/guide/lazienki.md").replacingOccurrences(of: "registration.xml", with: "meldunek.xml"))
        try site.write("site.yml", try text(site, "site.yml").replacingOccurrences(of: "guide/registration.xml", with: "guide/meldunek.xml"))
        let result = Update.run(root: site.root)
        #expect(result.renamed == ["content/guide/registration.xml": "content/guide/meldunek.xml"])
        #expect(result.diagnostics.items.map(\.description).contains(
            "locales/en/guide/meldunek.po:1:1: warning: carried over from locales/en/guide/registration.po: content/guide/registration.xml was renamed to content/guide/meldunek.xml, it seems (most of their segments are the same); check it, and use `witaj mv` to rename a document next time"))
        #expect(!exists(site, "locales/en/guide/registration.po") && !exists(site, "locales/templates/guide/registration.pot"))
        // The paragraph whose only change is the link's path stays translated, its translation's link moved too.
        let linked = try #require(try site.catalog("locales/ar/guide/lazienki.po").entries.first { $0.msgid.hasPrefix("Otwarte") })
        #expect(!linked.isFuzzy && linked.translation == "AR: Otwarte **codziennie**, zobacz [zameldowanie](meldunek.xml#steps).")
        let after = try state(site)
        #expect(after.notCurrent == [])
        #expect(after.complete == before.complete)
    }

    @Test func aLinkFixedAfterTheRenameWasCarriedOverStaysTranslated() throws {
        let site = try site()
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/guide/registration.xml"),
                                         to: site.root.appendingPathComponent("content/guide/meldunek.xml"))
        try site.write("site.yml", try text(site, "site.yml").replacingOccurrences(of: "guide/registration.xml", with: "guide/meldunek.xml"))
        _ = Update.run(root: site.root)
        try site.write("content/guide/lazienki.md", try text(site, "content/guide/lazienki.md").replacingOccurrences(of: "registration.xml", with: "meldunek.xml"))
        _ = Update.run(root: site.root)
        let linked = try #require(try site.catalog("locales/en/guide/lazienki.po").entries.first { $0.msgid.hasPrefix("Otwarte") })
        #expect(!linked.isFuzzy && linked.translation == "EN: Otwarte **codziennie**, zobacz [zameldowanie](meldunek.xml#steps).")
        // A link that changes to another document that was there all along is a change: fuzzy, as ever.
        try site.write("content/guide/lazienki.md", try text(site, "content/guide/lazienki.md").replacingOccurrences(of: "meldunek.xml#steps", with: "lekarz.md"))
        _ = Update.run(root: site.root)
        let changed = try #require(try site.catalog("locales/en/guide/lazienki.po").entries.first { $0.msgid.hasPrefix("Otwarte") })
        #expect(changed.isFuzzy)
    }

    @Test func aChangedIdKeepsTheDocumentsCatalogs() throws {
        let site = try site()
        try site.write("content/guide/lekarz.md", try text(site, "content/guide/lekarz.md").replacingOccurrences(of: "title: Lekarz", with: "id: lekarz-rodzinny\ntitle: Lekarz"))
        let before = try site.catalog("locales/en/guide/lekarz.po").entries.map(\.msgstr)
        _ = Update.run(root: site.root)
        #expect(try site.catalog("locales/en/guide/lekarz.po").entries.map(\.msgstr) == before)
        #expect(try state(site).notCurrent.isEmpty)
    }

    /// The issue's own case on the shipped pack: `git mv daily-life/bank-account.md daily-life/bank.md` and the links
    /// fixed by hand, then `witaj update`: every language keeps every complete document.
    @Test func theShippedBankAccountRenamedByHandKeepsEveryTranslation() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for item in ["site.yml", "content", "locales", "theme"] {
            try FileManager.default.copyItem(at: FixtureSite.packageRoot.appendingPathComponent(item), to: copy.appendingPathComponent(item))
        }
        func complete() throws -> [String: Int] {
            let coverage = try #require(CoverageReport.run(root: copy).0)
            return Dictionary(uniqueKeysWithValues: coverage.languages.map { ($0.code, $0.documents["complete"] ?? 0) })
        }
        let before = try complete()
        try FileManager.default.moveItem(at: copy.appendingPathComponent("content/daily-life/bank-account.md"),
                                         to: copy.appendingPathComponent("content/daily-life/bank.md"))
        for (_, url) in FileTree.files(under: copy.appendingPathComponent("content")) + [("site.yml", copy.appendingPathComponent("site.yml"))] {
            let text = try String(contentsOf: url, encoding: .utf8)
            if text.contains("bank-account.md") {
                try text.replacingOccurrences(of: "bank-account.md", with: "bank.md").write(to: url, atomically: true, encoding: .utf8)
            }
        }
        let result = Update.run(root: copy)
        #expect(result.renamed == ["content/daily-life/bank-account.md": "content/daily-life/bank.md"])
        #expect(result.diagnostics.errors.isEmpty)
        #expect(try complete() == before)
    }

    @Test(arguments: [
        ("content/a", "content/a/b.md", "b.md"),
        ("content/a", "content/c/d.md", "../c/d.md"),
        ("content", "content/c/d.md", "c/d.md"),
        ("content/a/b", "content/x.md", "../../x.md"),
    ])
    func relativePaths(folder: String, target: String, path: String) {
        #expect(DocumentMoves.relativePath(from: folder, to: target) == path)
    }

    @Test func linkDestinationsAreFoundWhereverMarkdownAndXMLWriteThem() {
        let text = """
            Zobacz [a](a.md "tytuł"), ![b](obraz.png), [c](<z spacją.md>), [d](x_(1).md#f) i `kod`.
            [e]: ../e.md
              <see doc="../f.xml"/>
            """
        #expect(LinkDestinations.find(in: text).map(\.destination) == ["a.md", "obraz.png", "z spacją.md", "x_(1).md#f", "../e.md", "../f.xml"])
        #expect(LinkDestinations.replacing(in: text) { $0 == "a.md" ? "b/a.md" : nil }.hasPrefix("Zobacz [a](b/a.md \"tytuł\")"))
    }
}
