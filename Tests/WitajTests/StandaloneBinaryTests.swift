import Foundation
import Testing

/// Where script/test says the release binary is.
enum StandaloneBinary {
    static let path = ProcessInfo.processInfo.environment["WITAJ_STANDALONE_BINARY"]
    static var wanted: Bool { path != nil || ProcessInfo.processInfo.environment["WITAJ_TESTS_FROM_SCRIPT"] != nil }
}

/// The release binary, as script/install and script/package install it, runs alone: copied into an empty folder and
/// run with an empty environment (no LD_LIBRARY_PATH, no PATH), it loads nothing of the Swift toolchain and builds a
/// site with the default theme and the schema it carries. script/test builds it (`build_release` in script/setup)
/// and names it in WITAJ_STANDALONE_BINARY; run from script/test without it, these tests fail rather than skip.
@Suite(.enabled(if: StandaloneBinary.wanted, "the release binary is built by script/test (WITAJ_STANDALONE_BINARY)"))
struct StandaloneBinaryTests {
    static let resources = FixtureSite.packageRoot.appendingPathComponent("Sources/WitajSources/Resources")

    /// A folder holding only a copy of the binary, removed at the end.
    final class Alone {
        let folder: URL
        var witaj: URL { folder.appendingPathComponent("witaj") }

        init() throws {
            let binary = try #require(StandaloneBinary.path,
                                      "script/test names the release binary in WITAJ_STANDALONE_BINARY")
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-alone-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: binary), to: witaj)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        /// Runs `program` in the folder with an empty environment: what `cd FOLDER && env -i PROGRAM ARGS` does.
        func run(_ program: URL, _ arguments: [String]) throws -> ExternalTool.Output {
            let process = Process()
            process.executableURL = program
            process.arguments = arguments
            process.environment = [:]
            process.currentDirectoryURL = folder
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return ExternalTool.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                       stderr: String(decoding: stderr, as: UTF8.self))
        }

        func witaj(_ arguments: String...) throws -> ExternalTool.Output { try run(witaj, arguments) }
    }

    @Test func itLoadsOnlyDebiansLibrariesNothingOfTheSwiftToolchain() throws {
        let alone = try Alone()
        let ldd = try alone.run(URL(fileURLWithPath: "/usr/bin/ldd"), [alone.witaj.path])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        #expect(!ldd.stdout.contains("/opt/swift"), "\(ldd.stdout)")
        #expect(!ldd.stdout.contains("not found"), "\(ldd.stdout)")
        // Wherever a toolchain is, the Swift runtime and Foundation are inside the binary.
        #expect(!ldd.stdout.contains("libswift") && !ldd.stdout.contains("libFoundation") && !ldd.stdout.contains("libdispatch"),
                "\(ldd.stdout)")
        let loaded = ldd.stdout.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ")
            return parts.count >= 3 && parts[1] == "=>" ? String(parts[2]) : nil
        }
        for library in ["libicuuc.so", "libxml2.so", "libcmark-gfm.so", "libunistring.so"] {
            #expect(loaded.contains { $0.contains("/" + library) }, "\(library) is not among \(loaded)")
        }
        #expect(loaded.allSatisfy { $0.hasPrefix("/lib/") || $0.hasPrefix("/usr/lib/") || $0.hasPrefix("/lib64/") }, "\(loaded)")
    }

    @Test func itPrintsItsVersionAndTheCommitItWasBuiltFrom() throws {
        let alone = try Alone()
        let version = try alone.witaj("--version")
        #expect(version.status == 0)
        let match = try #require(version.stdout.wholeMatch(of: /witaj (\d+\.\d+\.\d+) \(commit ([0-9a-f]{40}|unknown)\)\n/),
                                 "\(version.stdout)")
        // script/test builds the binary from this checkout: the commit is its HEAD ("unknown" outside a git checkout).
        let root = FixtureSite.packageRoot.path
        let head = FileManager.default.fileExists(atPath: root + "/.git")
            ? try ExternalTool.run("git", ["-C", root, "rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            : "unknown"
        #expect(String(match.2) == head)
    }

    @Test func itBuildsASiteWithTheDefaultThemeItCarries() throws {
        let alone = try Alone()
        let site = try FixtureSite()
        let out = site.root.appendingPathComponent("out")
        let build = try alone.witaj("build", "--root", site.root.path, "--out", out.path)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("pl/guide/registration/index.html"), encoding: .utf8)
        #expect(page.contains("<dd><data value=\"340 PLN\"><bdi>340,00\u{a0}zł</bdi></data></dd>"), "ICU formats the fee")
        for asset in ["style.css", "site.css"] {
            let theirs = try Data(contentsOf: Self.resources.appendingPathComponent("theme/assets/" + asset))
            #expect(try Data(contentsOf: out.appendingPathComponent("assets/" + asset)) == theirs, "assets/\(asset)")
        }
        // It needed nothing beside itself, and wrote nothing there.
        #expect(try FileManager.default.contentsOfDirectory(atPath: alone.folder.path) == ["witaj"])
    }

    @Test func itChecksProceduresAgainstTheSchemaItCarries() throws {
        let alone = try Alone()
        let site = try FixtureSite()
        try site.write("content/guide/bad.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <procedure reviewed="2026-11-21">
              <title>Zła</title>
              <bogus/>
            </procedure>

            """)
        let check = try alone.witaj("check", "--root", site.root.path)
        #expect(check.status == 1)
        // The schema says what a procedure holds: <bogus> is not among it, and <steps> is missing.
        #expect(check.stderr.split(separator: "\n").contains { $0.hasPrefix("content/guide/bad.xml:4:") && $0.contains("error:") && $0.contains("<bogus>") },
                "\(check.stderr)")
        #expect(check.stderr.contains("<steps> is missing"), "\(check.stderr)")
    }
}
