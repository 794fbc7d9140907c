import Foundation
import WitajCore
import WitajSite

/// Kept in the output's `StateFolder` (`books`). Written before the build state: a state never refers to older
/// chapters.
extension BookChapters {
    package static let format = "witaj-books 2"

    package static func read(_ folder: StateFolder) -> BookChapters? {
        guard let data = FileManager.default.contents(atPath: folder.books.path) else { return nil }
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
    package func writing(_ folder: StateFolder) -> Pending<Bool> {
        Pending { self.write(folder) }
    }

    /// Atomically; when it cannot be written, none is left.
    package func write(_ folder: StateFolder) -> Bool {
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
        if folder.write(out.bytes, to: folder.books) { return true }
        try? FileManager.default.removeItem(at: folder.books)
        return false
    }
}
