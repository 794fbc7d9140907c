import Foundation
import WitajCore
import WitajSources
import WitajSite

/// What the last successful build read and wrote: every input file's size and modification time, a digest of the
/// output's listing, the book cache it goes with, its warnings, and a record of every document (`DocumentRecord`).
/// Kept in the site's root, in the output's `StateFolder`.
///
/// From it a rebuild knows what to do (`plan`): nothing when no input changed; only the documents that changed
/// when nothing but documents and their catalogs did; else everything.
package struct BuildState {
    package struct Warning {
        package let path: String, line: Int, column: Int, message: String
    }

    package let output: String
    /// Every input by name ("site.yml", "content/a.md", "locales/en/a.po", "witaj"): "size mtime", or a text.
    package let inputs: [String: String]
    package let outputs: UInt64
    /// The book cache written with this state (`identity`): a build that died after writing newer chapters, before
    /// its state, left another one.
    package let books: String
    package let warnings: [Warning]
    /// The sources of the book's chapters, in order.
    package let chapters: [String]
    /// Read only when needed (a rebuild of some documents): the rest of the file is much smaller.
    package let documents: @Sendable () -> [DocumentRecord]?

    /// What a build has to make.
    package enum Plan {
        /// Nothing changed: the last build's warnings are all there is to say.
        case upToDate(Diagnostics)
        /// Only these documents (sources) or their catalogs changed: their pages are made again. `read` are the
        /// documents read in full: those and the offices register.
        /// The others are kept, with the warnings the last build gave about their files. `records` are the last
        /// build's, of every document. `outputs`, the output's listing before this build, is walked meanwhile:
        /// nil when the output is not as the last build left it (see `Walk`).
        /// When a chapter of the book changed, `chapters` are the last build's, read meanwhile (`BookChapters`).
        case documents(records: [String: DocumentRecord], changed: Set<String>, read: Set<String>, warnings: Diagnostics,
                       outputs: Walk, chapters: Pending<BookChapters?>?)
        case everything
    }

    /// Everything a build reads: site.yml, content/, locales/, theme/, static/, witaj itself (its default theme and
    /// schema are compiled into it: a changed built-in file is a new binary), SOURCE_DATE_EPOCH, and the commit checked
    /// out (the coverage report names it and draws its history).
    package static func inputs(root: URL, sourceDateEpoch: Int?) -> Listing {
        var listing = Listing()
        // On every core: content/ and each language's catalogs are about the same size.
        var parts = ["site.yml", "content", "theme", "static"]
        // The templates (POT) are for translators' tools: the build does not read them.
        let templates = String(CatalogStore.templatesFolder.dropFirst("locales/".count))
        let languages = FileTree.names(in: root.path + "/locales")
        if languages.isEmpty {
            parts.append("locales")
        } else {
            listing.add("locales/", "folder")
            parts += languages.filter { $0 != templates }.map { "locales/" + $0 }
        }
        listing.add(parts.map { (root.path + "/" + $0, $0) })
        // witaj itself counts as an input, but not as an edit that could race with the build.
        listing.tracksNewest = false
        if let executable = Bundle.main.executablePath { listing.add(executable, as: "witaj") }
        listing.entries["SOURCE_DATE_EPOCH"] = sourceDateEpoch.map(String.init) ?? ""
        // News and events pages show what is current on the build's day: a new day is a new input.
        listing.entries["build day"] = Pipeline.buildDay(sourceDateEpoch: sourceDateEpoch).description
        listing.entries[commitInput] = GitRepository.headCommit(root) ?? ""
        return listing
    }

    /// The input that is the commit checked out: when only it changed, only the reports are made again.
    static let commitInput = "git HEAD"

    /// Compares the inputs with the last build's. A document counts as changed when its source or one of its
    /// catalogs (in any language: others fall back to it) changed, or a catalog of it appeared or went. Anything
    /// else (site.yml, the theme, interface strings, witaj, a document added or removed, the offices register,
    /// an edited output, a book cache the last build did not write) makes the whole site again.
    package static func plan(_ folder: StateFolder, inputs: Listing) -> Plan {
        let output = folder.output
        // The output is walked on another core while the build goes on (`Walk`).
        guard let state = BuildState.read(folder), state.output == output.path else { return .everything }
        let outputs = Walk(pending: Pending { BuildState.outputs(output, cores: 1) }, expected: state.outputs)
        if state.inputs == inputs.entries {
            return outputs.listing == nil ? .everything : .upToDate(state.diagnostics { _ in true })
        }
        guard state.books == identity(folder.books), let documents = state.documents() else { return .everything }
        let records = Dictionary(documents.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        // "locales/uk/a/b.po" -> "content/a/b.md", when the record knows the language.
        let stems = Dictionary(documents.map { (CatalogStore.stem(of: $0.source), $0.source) }, uniquingKeysWith: { a, _ in a })
        func source(ofCatalog name: String) -> String? {
            let parts = name.split(separator: "/", maxSplits: 2)
            guard parts.count == 3, parts[0] == "locales", name.hasSuffix(".po"), let source = stems[String(parts[2].dropLast(3))],
                  records[source]?.languages[String(parts[1])] != nil else { return nil }
            return source
        }
        var differing = inputs.entries.compactMap { name, value in state.inputs[name] == value ? nil : name }
        if state.inputs.count != inputs.entries.count || differing.contains(where: { state.inputs[$0] == nil }) {
            differing += state.inputs.keys.filter { inputs.entries[$0] == nil }
        }
        var changed: Set<String> = []
        var committed = false
        for name in differing {
            if name == commitInput {
                committed = true
            } else if records[name] != nil, state.inputs[name] != nil, inputs.entries[name] != nil {
                changed.insert(name)
            } else if let source = source(ofCatalog: name) {
                changed.insert(source)
            } else {
                return .everything
            }
        }
        // Procedure pages show the offices register's offices: it is always read, and when it changed, every
        // procedure page changes with it.
        let offices = records.values.filter { $0.kind == Document.Kind.offices.rawValue }.map(\.source)
        if !changed.isDisjoint(with: offices) { return .everything }
        // The home page and the news and events pages show the dated documents: any of them changed makes everything.
        if Dated.remakesEverything(changed, sources: records.keys) { return .everything }
        // A commit alone changes no page: the coverage report (and the sitemap with it) is made again.
        if changed.isEmpty && !committed { return .everything }
        let read = changed.union(offices)
        // A changed chapter remakes the books, from the last build's other chapters (`BookChapters`).
        let booksKept = changed.isDisjoint(with: state.chapters)
        // The warnings about files no one reads this time: the kept documents' sources and catalogs, the books.
        let warnings = state.diagnostics { path in
            guard let source = records[path] != nil ? path : source(ofCatalog: path) else { return booksKept && path.contains(".epub/") }
            return !read.contains(source)
        }
        return .documents(records: records, changed: changed, read: read, warnings: warnings, outputs: outputs,
                          chapters: booksKept ? nil : Pending { BookChapters.read(folder) })
    }

    /// The output's listing, walked while the build goes on. The build takes it before it writes anything: when
    /// the output is not as the last build left it (a file edited, added or removed by hand), `listing` is nil and
    /// the whole site is made instead.
    package struct Walk: Sendable {
        fileprivate let pending: Pending<Listing>
        fileprivate let expected: UInt64

        package var listing: Listing? {
            let listing = pending.value
            return listing.digest == expected ? listing : nil
        }
    }

    /// Records a successful build, once the books' chapters are written (`BookChapters`). `outputs`: the output's
    /// listing as it is now, when the build knows it without walking the output again. A file changed in the second
    /// the build started could change again unseen: then no state is kept, and the next build is a full one.
    package static func remember(_ folder: StateFolder, inputs: Listing, outputs: Listing? = nil, started: Double, warnings: Diagnostics,
                                 made: Pipeline.Made, coverageRows: [String: String], chapters: Pending<Bool>? = nil) {
        let site = made.input.site
        // The books' chapters first (`BookChapters.writing`; nil: the books were kept, and so are they): a state
        // never refers to older ones.
        let output = folder.output
        guard chapters?.value ?? true, inputs.newest < started - 1 else { return forget(folder) }
        // The records of documents not read again stand as they were; each half is written on its own core.
        let documents = made.records(coverageRows: coverageRows)
        let half = documents.count / 2
        let lines = parallelMap([documents[..<half], documents[half...]]) { part in
            var out = StateFile.Writer()
            for record in part { record.write(to: &out) }
            return out.bytes
        }
        var out = StateFile.Writer()
        out.field(Self.format); out.endLine()
        out.field(output.path); out.field(String((outputs ?? Self.outputs(output)).digest))
        out.field(identity(folder.books)); out.endLine()
        for chapter in site.config.pack?.chapters ?? [] { out.field(chapter.source) }
        out.endLine()
        out.field(inputs.entries.count); out.endLine()
        for (name, value) in inputs.entries.sorted(by: { $0.key < $1.key }) { out.field(name); out.field(value); out.endLine() }
        let kept = warnings.items.filter { $0.severity == .warning }
        out.field(kept.count); out.endLine()
        for w in kept {
            out.field(w.location.path); out.field(w.location.line); out.field(w.location.column); out.field(w.message); out.endLine()
        }
        out.field(documents.count); out.endLine()
        var bytes = out.bytes
        for part in lines { bytes += part }
        if !folder.write(bytes, to: folder.state) { forget(folder) }
    }

    package static let format = "witaj-state 8"

    /// The recorded warnings about the paths `about` accepts.
    package func diagnostics(about: (String) -> Bool) -> Diagnostics {
        var diagnostics = Diagnostics()
        for w in warnings where about(w.path) {
            diagnostics.warning(SourceLocation(w.path, line: w.line, column: w.column), w.message)
        }
        return diagnostics
    }

    /// The output's listing, its top-level folders walked on `cores` cores.
    package static func outputs(_ output: URL, cores: Int = 2) -> Listing {
        var listing = Listing()
        var info = stat()
        guard lstat(output.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            listing.add(output.path, as: "")
            return listing
        }
        listing.add("/", "folder")
        listing.add(FileTree.names(in: output.path).map { (output.path + "/" + $0, "/" + $0) }, cores: cores)
        return listing
    }

    package static func read(_ folder: StateFolder) -> BuildState? {
        guard let data = FileManager.default.contents(atPath: folder.state.path) else { return nil }
        var r = StateFile.Reader([UInt8](data))
        do throws(StateFile.Malformed) {
            try r.nextLine()
            guard try r.string() == format else { return nil }
            try r.nextLine()
            let path = try r.string()
            guard let outputs = UInt64(try r.string()) else { return nil }
            let books = try r.string()
            try r.nextLine()
            var chapters: [String] = []
            while let chapter = try? r.string() { if !chapter.isEmpty { chapters.append(chapter) } }
            try r.nextLine()
            var inputs: [String: String] = [:]
            for _ in 0..<(try r.int()) {
                try r.nextLine()
                inputs[try r.string()] = try r.string()
            }
            try r.nextLine()
            var warnings: [Warning] = []
            for _ in 0..<(try r.int()) {
                try r.nextLine()
                warnings.append(Warning(path: try r.string(), line: try r.int(), column: try r.int(), message: try r.string()))
            }
            let rest = r
            return BuildState(output: path, inputs: inputs, outputs: outputs, books: books, warnings: warnings, chapters: chapters) {
                var r = rest
                do throws(StateFile.Malformed) {
                    try r.nextLine()
                    var documents: [DocumentRecord] = []
                    for _ in 0..<(try r.int()) { documents.append(try DocumentRecord(reading: &r)) }
                    return r.isComplete ? documents : nil
                } catch {
                    return nil
                }
            }
        } catch {
            return nil
        }
    }

    /// A file as it is on disk: inode, size and modification time (a file written again, even with the same bytes,
    /// is another); "absent" when there is none.
    package static func identity(_ file: URL) -> String {
        var info = stat()
        guard lstat(file.path, &info) == 0 else { return "absent" }
        return "\(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    package static func forget(_ folder: StateFolder) {
        try? FileManager.default.removeItem(at: folder.state)
        try? FileManager.default.removeItem(at: folder.books)
    }

    /// Every file's relative path, size and modification time (ns) under some paths, walked by system calls, with
    /// a digest of it all.
    package struct Listing: Sendable {
        package var entries: [String: String] = [:]
        package private(set) var digest: UInt64 = 0
        /// The newest modification time seen (seconds): a file changed in the same clock tick as a build could
        /// change again unseen, so such a listing is not trusted (git's "racily clean" rule).
        package private(set) var newest: Double = 0
        package var tracksNewest = true

        /// The digest is the sum of the entries' hashes: it does not depend on their order, and an entry can be
        /// replaced without walking the rest again (`refresh`).
        fileprivate mutating func add(_ name: String, _ value: String) {
            if let old = entries.updateValue(value, forKey: name) { digest &-= Self.hash(name, old) }
            digest &+= Self.hash(name, value)
        }

        /// Lists each path (as its name), one per core when `cores` is more than 1, and takes them all in.
        package mutating func add(_ parts: [(path: String, name: String)], cores: Int = 2) {
            guard cores > 1 else { return parts.forEach { add($0.path, as: $0.name) } }
            for listed in parallelMap(parts, { part -> Listing in
                var listing = Listing()
                listing.add(part.path, as: part.name)
                return listing
            }) {
                merge(listed)
            }
        }

        /// Takes in another listing of other paths.
        private mutating func merge(_ other: Listing) {
            entries.merge(other.entries) { a, _ in a }
            digest &+= other.digest
            newest = max(newest, other.newest)
        }

        /// Takes in files written since the listing was made (relative paths under the listed folder `root`),
        /// and their folders.
        package mutating func refresh(_ paths: [String], under root: String) {
            for path in paths {
                var folder = ""
                for part in path.split(separator: "/").dropLast() {
                    folder += "/" + part
                    if entries[folder + "/"] == nil { add(folder + "/", "folder") }
                }
                add(root + "/" + path, as: "/" + path)
            }
        }

        package mutating func add(_ path: String, as name: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return add(name, "absent") }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                addFolder(open(path, O_RDONLY | O_DIRECTORY), as: name)
            } else {
                addFile(info, as: name)
            }
        }

        private mutating func addFile(_ info: stat, as name: String) {
            add(name, "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            if tracksNewest { newest = max(newest, Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9) }
        }

        /// A folder and what it holds, by calls relative to its descriptor: no path is looked up again, and
        /// folders the directory entry names as such are not stat'ed.
        private mutating func addFolder(_ fd: Int32, as name: String) {
            add(name + "/", "folder")
            guard fd >= 0, let dir = fdopendir(fd) else {
                if fd >= 0 { close(fd) }
                return
            }
            defer { closedir(dir) }
            for (child, kind) in FileTree.entries(dir) {
                let isFolder = kind.map { $0 == .folder }
                let childName = name + "/" + child
                var info = stat()
                if isFolder != true, fstatat(fd, child, &info, AT_SYMLINK_NOFOLLOW) != 0 {
                    add(childName, "absent")
                } else if isFolder == true || (info.st_mode & S_IFMT) == S_IFDIR {
                    addFolder(openat(fd, child, O_RDONLY | O_DIRECTORY | O_NOFOLLOW), as: childName)
                } else {
                    addFile(info, as: childName)
                }
            }
        }

        /// FNV-1a (64 bits) of an entry.
        private static func hash(_ name: String, _ value: String) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            func mix(_ byte: UInt8) {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            for byte in name.utf8 { mix(byte) }
            mix(0)
            for byte in value.utf8 { mix(byte) }
            return hash
        }
    }
}
