// Writes the Swift source that carries into the witaj binary what it would otherwise read beside itself at run time.
// Run by the EmbedResources and EmbedVersion build-tool plugins (Plugins/), never by hand:
//
//   witaj-embed resources FOLDER OUTPUT.swift   every file under FOLDER (the default theme, the schema), base64
//   witaj-embed version PACKAGE OUTPUT.swift    the commit PACKAGE's git checkout is at, read from .git without git
//
// OUTPUT is rewritten only when its text changes, so that an unchanged file is not compiled again.
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("witaj-embed: \(message)\n".utf8))
    exit(1)
}

/// A Swift string literal of any text: escaped the way the compiler reads it back.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7f: out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// Every regular file under `folder`, by its path relative to it, sorted; names starting with a dot (editors'
/// swap files, .DS_Store) are left out.
func files(under folder: URL) -> [(path: String, url: URL)] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                      options: [.skipsHiddenFiles]) else { fail("cannot list \(folder.path)") }
    let prefix = folder.standardizedFileURL.path + "/"
    var found: [(path: String, url: URL)] = []
    for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(prefix) else { fail("\(path) is not under \(prefix)") }
        found.append((String(path.dropFirst(prefix.count)), url))
    }
    return found.sorted { $0.path < $1.path }
}

func resources(_ folder: URL) -> String {
    var lines = [
        "// Generated at build time by witaj-embed (the EmbedResources plugin) from the files under Resources/: do not edit.",
        "enum EmbeddedResources {",
        "    /// Each file under Resources/ by its path there, base64-encoded.",
        "    static let files: [(path: String, base64: String)] = [",
    ]
    for file in files(under: folder) {
        guard let data = FileManager.default.contents(atPath: file.url.path) else { fail("cannot read \(file.url.path)") }
        lines.append("        (\(literal(file.path)), \(literal(data.base64EncodedString()))),")
    }
    lines += ["    ]", "}"]
    return lines.joined(separator: "\n") + "\n"
}

/// The commit HEAD names in the git checkout at `package`, or nil: a `.git` folder, or a `.git` file naming one
/// (a worktree, whose branches live in the common folder); HEAD is a commit id or `ref: refs/heads/NAME`, found as
/// a file of its own or a line of packed-refs.
func commit(_ package: URL) -> String? {
    func read(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    func isCommit(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
    let dotGit = package.appendingPathComponent(".git")
    var gitDir = dotGit
    if let text = read(dotGit), text.hasPrefix("gitdir:") {
        let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
        gitDir = path.hasPrefix("/") ? URL(fileURLWithPath: path) : package.appendingPathComponent(path)
    }
    var common = gitDir
    if let path = read(gitDir.appendingPathComponent("commondir")) {
        common = path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDir.appendingPathComponent(path)
    }
    guard var head = read(gitDir.appendingPathComponent("HEAD")) else { return nil }
    // A symbolic ref may name another (rarely): follow a few.
    for _ in 0..<5 {
        if isCommit(head) { return head }
        guard head.hasPrefix("ref:") else { return nil }
        let ref = head.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
        if let text = read(gitDir.appendingPathComponent(ref)) ?? read(common.appendingPathComponent(ref)) {
            head = text
            continue
        }
        let packed = read(common.appendingPathComponent("packed-refs")) ?? ""
        guard let line = packed.split(separator: "\n").first(where: { $0.hasSuffix(" " + ref) }) else { return nil }
        head = String(line.prefix { $0 != " " })
    }
    return nil
}

func version(_ package: URL) -> String {
    """
    // Generated at build time by witaj-embed (the EmbedVersion plugin) from the git checkout: do not edit.
    enum BuildInfo {
        /// The commit witaj was built from, or "unknown" outside a git checkout.
        static let commit = \(literal(commit(package) ?? "unknown"))
    }

    """
}

#if WITAJ_EMBED_UNDER_LIBFUZZER
/// script/fuzz builds every target with libFuzzer, this tool too (SwiftPM builds a plugin's tool with the package's
/// flags), and libFuzzer brings its own main(): it calls LLVMFuzzerInitialize first, where the tool does its job and
/// leaves at once (`_exit`: the leak checker's report at exit would fail the build).
@_cdecl("LLVMFuzzerInitialize")
func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    WitajEmbed.main()
    _exit(0)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { 0 }
#else
@main
extension WitajEmbed {}
#endif

enum WitajEmbed {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 3, let mode = arguments.first else {
            fail("usage: witaj-embed resources FOLDER OUTPUT.swift | witaj-embed version PACKAGE OUTPUT.swift")
        }
        let input = URL(fileURLWithPath: arguments[arguments.startIndex + 1])
        let output = URL(fileURLWithPath: arguments[arguments.startIndex + 2])
        let text: String
        switch mode {
        case "resources": text = resources(input)
        case "version": text = version(input)
        default: fail("unknown mode \(mode): resources or version")
        }
        if (try? String(contentsOf: output, encoding: .utf8)) != text {
            do {
                try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: output, options: .atomic)
            } catch {
                fail("cannot write \(output.path): \(error)")
            }
        }
    }
}
