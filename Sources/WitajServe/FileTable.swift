import WitajCore

/// The files of the site the server shows, by path ("en/guide/lekarz/index.html"): those a rebuild made over those of
/// the builds before. The server holds the last table while a rebuild makes the next, so putting a few pages in one
/// table of thousands would copy it all with each edit; they are put over it, and the two made one table again later
/// (`compact`), once browsers are told.
package struct FileTable: Sendable {
    private var base: [String: Later<[UInt8]>]
    private var over: [String: Later<[UInt8]>] = [:]

    package init(_ files: [String: Later<[UInt8]>] = [:]) {
        base = files
    }

    package subscript(path: String) -> Later<[UInt8]>? { over[path] ?? base[path] }

    package var isEmpty: Bool { base.isEmpty && over.isEmpty }

    /// Every file, by path.
    package var all: [String: Later<[UInt8]>] { over.isEmpty ? base : base.merging(over) { _, new in new } }

    /// These files, in place of those at their paths.
    package mutating func put(_ files: [String: Later<[UInt8]>]) {
        over.merge(files) { _, new in new }
    }

    /// One table again, when the files put over it are an eighth of it: finding a file costs two lookups until then.
    package mutating func compact() {
        guard over.count * 8 > base.count else { return }
        base = all
        over = [:]
    }
}
