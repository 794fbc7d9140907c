import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajSite

/// The same input gives the same bytes, however the cores interleave: a site heavy in what cmark-gfm's extensions
/// find (autolinks, strikethrough, tables) and in links, built several times over, every byte compared.
@Suite struct DeterminismTests {
    static let documents = 24, paragraphs = 16

    static func generate(_ site: FixtureSite) throws {
        try site.write("site.yml", FixtureSite.multilingual)
        for d in 0..<documents {
            var body = "---\ntitle: Dokument \(d)\nreviewed: 2026-10-05\n---\n\n"
            for p in 0..<paragraphs {
                body += "Akapit \(p) **b** zob. https://example.org/d/\(d)/\(p) oraz www.example.com/\(p) i ~~skreślone~~ *e*, "
                    + "[lekarz](lekarz.md) albo x\(p)@example.org.\n\n"
            }
            body += "| Numer | Strona |\n|---|---|\n| 112 ~~x~~ | https://example.org/t/\(d) |\n"
            try site.write("content/guide/gen-\(d).md", body)
        }
    }

    @Test func buildsOfTheSameSiteOnEveryCoreAreByteIdentical() throws {
        let site = try FixtureSite()
        try Self.generate(site)
        _ = Update.run(root: site.root)
        // Translations with the same kinds of text, so that catalogs are parsed on every core too.
        try site.translate("locales/en/guide/gen-3.po") { "EN ~~old~~ https://example.com/en " + $0 }
        var builds: [[String: Data]] = []
        for run in 0..<3 {
            let output = site.root.appendingPathComponent("out-\(run)")
            let result = Build.run(root: site.root, output: output, sourceDateEpoch: 1_790_000_000)
            #expect(result.succeeded, "\(site.messages(result))")
            var files: [String: Data] = [:]
            for (path, url) in FileTree.files(under: output) { files[path] = FileManager.default.contents(atPath: url.path) }
            builds.append(files)
        }
        for (i, build) in builds.enumerated().dropFirst() {
            let differing = Set(build.keys).union(builds[0].keys).filter { build[$0] != builds[0][$0] }.sorted()
            #expect(differing.isEmpty, "build \(i) differs from build 0 in \(differing.count) files, first \(differing.prefix(3))")
        }
        // And nothing was lost on the way: every autolink and strikethrough of every page made it.
        let page = String(decoding: try #require(builds[0]["pl/guide/gen-5/index.html"]), as: UTF8.self)
        #expect(page.components(separatedBy: "<a href=\"https://example.org/d/5/").count - 1 == Self.paragraphs)
        #expect(page.components(separatedBy: "<del>").count - 1 == Self.paragraphs + 1)
        #expect(page.components(separatedBy: "href=\"mailto:x").count - 1 == Self.paragraphs)
    }
}
