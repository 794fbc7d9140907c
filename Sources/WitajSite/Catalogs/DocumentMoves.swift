import WitajCore

/// Documents moved to new paths (`witaj mv`, or a rename `witaj update` recognised), and what that does to the links
/// written in sources and translations: a link keeps pointing at the same document (and part of it).
package struct DocumentMoves: Sendable {
    /// Old source ("content/daily-life/bank-account.md") to new source.
    package let moves: [String: String]
    /// The sources of the documents there are now.
    package let existing: Set<String>

    package init(moves: [String: String], existing: Set<String>) {
        self.moves = moves
        self.existing = existing
    }

    /// A document source's folder: "content/daily-life/bank.md" -> "content/daily-life".
    package static func folder(of source: String) -> String {
        source.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// The relative path from a folder to a file: ("content/a", "content/b/c.md") -> "../b/c.md".
    package static func relativePath(from folder: String, to target: String) -> String {
        let from = folder.split(separator: "/"), to = target.split(separator: "/")
        var common = 0
        while common < min(from.count, to.count - 1), from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    /// What a relative destination names: the source it resolves to from a folder, and its "#fragment" (with the #);
    /// nil for web addresses, in-page fragments and what leaves content/.
    package static func target(of destination: String, in folder: String) -> (source: String, fragment: String, absolute: Bool)? {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("//") else { return nil }
        if let colon = destination.firstIndex(of: ":"), !destination[..<colon].contains(where: { "/?#".contains($0) }) { return nil }
        var path = destination
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        guard !path.isEmpty else { return nil }
        let absolute = path.hasPrefix("/")
        guard let source = LinkResolver.normalize((absolute ? "content" : folder) + "/" + path) else { return nil }
        return (source, fragment, absolute)
    }

    /// Where a destination written in a document that was in `oldFolder` and is now in `newFolder` must point, so
    /// that it names the same file (or where that file moved); nil when it stays as it is.
    package func moved(_ destination: String, from oldFolder: String, to newFolder: String) -> String? {
        guard let (source, fragment, absolute) = Self.target(of: destination, in: oldFolder) else { return nil }
        let target = moves[source] ?? source
        guard target != source || oldFolder != newFolder else { return nil }
        let path = absolute ? "/" + target.dropFirst("content/".count) : Self.relativePath(from: newFolder, to: target)
        let result = path + fragment
        return result == destination ? nil : result
    }

    /// A text (a source file, a msgid or a msgstr) with its links pointing where they pointed before the moves.
    package func rewrite(_ text: String, from oldFolder: String, to newFolder: String) -> String {
        LinkDestinations.replacing(in: text) { moved($0, from: oldFolder, to: newFolder) }
    }

    /// For a segment of a document in `folder` whose text changed from `old` to `new`: when the only change is where
    /// some links go, and each such link now names the document its old target moved to (a move this run knows of,
    /// or a link to a document that is gone, now to one that exists), the changed destinations; nil otherwise.
    package func relinked(old: String, new: String, folder: String) -> [String: String]? {
        let (oldSkeleton, oldLinks) = LinkDestinations.skeleton(of: old)
        let (newSkeleton, newLinks) = LinkDestinations.skeleton(of: new)
        guard oldSkeleton == newSkeleton, oldLinks.count == newLinks.count, oldLinks != newLinks else { return nil }
        var changes: [String: String] = [:]
        for (before, after) in zip(oldLinks, newLinks) where before != after {
            guard let was = Self.target(of: before, in: folder), let now = Self.target(of: after, in: folder),
                  was.fragment == now.fragment, existing.contains(now.source),
                  moves[was.source] == now.source || !existing.contains(was.source),
                  changes[before] == nil || changes[before] == after else { return nil }
            changes[before] = after
        }
        return changes
    }
}
