import Foundation
import WitajCore

/// Runs a real program (gettext's msgcat and msgfmt) and returns its exit status and output.
enum ExternalTool {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `environment`: variables added to this process's (XML_CATALOG_FILES for xmllint, say).
    static func run(_ tool: String, _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
                    in folder: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
