import Foundation
import Testing
@testable import Witaj
import WitajCore
import WitajPublish

/// A build killed at any moment (`kill -9`) leaves the output as the last complete build left it or as the new
/// one makes it, byte for byte, never a mixture; and the next build finishes the job.
@Suite(.serialized) struct InterruptedBuildTests {
    /// The witaj program built beside the tests.
    static let witaj = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("witaj")

    /// Versions of the site's input: a title other pages show (every page changes), a paragraph (a partial
    /// rebuild), and the start.
    static func apply(_ version: Int, to site: FixtureSite) throws {
        let title = version == 1 ? "Lekarz rodzinny" : "Lekarz"
        let text = version == 2 ? "Nowy tekst o lekarzu." : "Tekst o lekarzu."
        try site.write("content/guide/lekarz.md", "---\ntitle: \(title)\nreviewed: 2026-10-05\n---\n\n\(text)\n")
    }

    static func generate(_ site: FixtureSite) throws {
        try site.write("site.yml", FixtureSite.multilingual)
        for d in 0..<40 {
            let body = (0..<12).map { "Akapit \($0) dokumentu \(d): zob. [lekarz](lekarz.md) i https://example.org/\(d)." }
            try site.write("content/guide/gen-\(d).md", "---\ntitle: Dokument \(d)\nreviewed: 2026-10-05\n---\n\n" + body.joined(separator: "\n\n") + "\n")
        }
    }

    /// Runs `witaj build` on the site; kills it after `delay` seconds unless nil. Returns whether it finished.
    static func build(_ site: FixtureSite, killAfter delay: Double?) throws -> Bool {
        let process = Process()
        process.executableURL = witaj
        process.arguments = ["build", "--root", site.root.path]
        process.environment = ["SOURCE_DATE_EPOCH": "1790000000", "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }

    @Test func aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOne() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["WITAJ_KILL_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970)
        var random = RandomEdits.SplitMix64(seed: seed)
        let site = try FixtureSite()
        try Self.generate(site)
        _ = Update.run(root: site.root)
        try site.translate("locales/en/guide/gen-1.po") { "EN " + $0 }
        // What each version's clean build makes.
        var expected: [[String: Data]] = []
        for version in 0..<3 {
            try Self.apply(version, to: site)
            let clean = site.root.appendingPathComponent("clean-\(version)")
            #expect(Build.run(root: site.root, output: clean, sourceDateEpoch: 1_790_000_000).succeeded)
            expected.append(FixtureSite.tree(clean))
            try FileManager.default.removeItem(at: clean)
        }
        try Self.apply(0, to: site)
        let started = Date()
        #expect(try Self.build(site, killAfter: nil))
        let duration = Date().timeIntervalSince(started)
        #expect(FixtureSite.tree(site.output) == expected[0])

        var current = 0
        var kills: [String] = []
        for _ in 0..<14 {
            let next = (current + 1 + Int(random.next() % 2)) % 3
            try Self.apply(next, to: site)
            // Half the time the files look edited a while ago, so that the state is trusted (a partial rebuild).
            if random.next() % 2 == 0 { try site.age() }
            let delay = Double(random.next() % 1000) / 1000 * duration * 1.2
            let finished = try Self.build(site, killAfter: delay)
            kills.append("\(current)->\(next) after \(String(format: "%.3f", delay)) s\(finished ? " (finished)" : "")")
            let now = FixtureSite.tree(site.output)
            let matches = [current, next].filter { expected[$0] == now }
            #expect(!matches.isEmpty, "seed \(seed): the output is a mixture after \(kills)")
            if matches.isEmpty { return }
            current = matches.last!
        }
        // The next build finishes the job, whatever was left beside the output.
        #expect(try Self.build(site, killAfter: nil))
        let final = FixtureSite.tree(site.output)
        #expect(expected.firstIndex(of: final) != nil, "seed \(seed): \(kills)")
        // Beside it: the old output, complete (no file of a killed build in it), for the next build to bring up to date.
        let beside = site.root.appendingPathComponent(".site-out.witaj-next")
        #expect(!FileManager.default.fileExists(atPath: beside.appendingPathComponent(Generation.marker).path), "seed \(seed)")
        #expect(expected.contains(FixtureSite.tree(beside)), "seed \(seed)")
    }
}
