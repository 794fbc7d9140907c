import Foundation
import WitajCore
import WitajSite

/// Kept beside the output (`.site-out.witaj-books`). Written before the build state: a state never refers to older
/// chapters.
extension BookChapters {
    package static func file(output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).witaj-books")
    }

    package static let format = "witaj-books 2"

    package static func read(output: URL) -> BookChapters? {
        guard let data = FileManager.default.contents(atPath: file(output: output).path) else { return nil }
        var r = StateFile.Reader([UInt8](data))
        var chapters = BookChapters()
        do throws(StateFile.Malformed) {
            try r.nextLine()
            guard try r.string() == format else { return nil }
            while !r.atEnd {
                try r.nextLine()
                let language = try r.string(), name = try r.string(), xhtml = try r.string()
                var failures: [String] = [], images: [String] = []
                for _ in 0..<(try r.int()) { failures.append(try r.string()) }
                for _ in 0..<(try r.int()) { images.append(try r.string()) }
                chapters.languages[language, default: [:]][name] = Chapter(xhtml: xhtml, failures: failures, images: images)
            }
        } catch {
            return nil
        }
        return chapters
    }

    /// Written on another core while the build goes on; false when it could not be (`write`).
    package func writing(output: URL) -> Pending<Bool> {
        Pending { self.write(output: output) }
    }

    /// Atomically; when it cannot be written, none is left.
    package func write(output: URL) -> Bool {
        var out = StateFile.Writer()
        out.field(Self.format); out.endLine()
        for (language, chapters) in languages.sorted(by: { $0.key < $1.key }) {
            for (name, chapter) in chapters.sorted(by: { $0.key < $1.key }) {
                out.field(language); out.field(name); out.field(chapter.xhtml); out.field(chapter.failures.count)
                for failure in chapter.failures { out.field(failure) }
                out.field(chapter.images.count)
                for image in chapter.images { out.field(image) }
                out.endLine()
            }
        }
        if (try? Data(out.bytes).write(to: Self.file(output: output), options: .atomic)) != nil { return true }
        try? FileManager.default.removeItem(at: Self.file(output: output))
        return false
    }
}
