import Foundation

/// The one way witaj walks folders: by system calls, relative to open descriptors (FileManager's enumerator took
/// 30 ms for the 1,000 files of a large site).
package enum FileTree {
    package enum Kind: Sendable { case folder, file, other }

    /// The entries of an open folder (not "." and ".."), with their kind as the directory entry says it (nil:
    /// the file system does not say; `fstatat` does).
    package static func entries(_ dir: OpaquePointer) -> [(name: String, kind: Kind?)] {
        var result: [(String, Kind?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != "." && name != ".." else { continue }
            result.append((name, kind(Int32(entry.pointee.d_type))))
        }
        return result
    }

    private static func kind(_ type: Int32) -> Kind? {
        switch type {
        case Int32(DT_UNKNOWN): nil
        case Int32(DT_DIR): .folder
        case Int32(DT_REG): .file
        default: .other
        }
    }

    /// The kind of `name` in the folder `fd`, looked up (symbolic links are not followed); nil when it is gone.
    package static func kind(of name: String, in fd: Int32) -> Kind? {
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : (info.st_mode & S_IFMT) == S_IFREG ? .file : .other
    }

    /// The names in a folder, none when it cannot be read.
    package static func names(in path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        return entries(dir).map(\.name)
    }

    /// Regular files under a folder, as (path relative to it with "/", URL), sorted; hidden files and symbolic
    /// links are skipped.
    package static func files(under folder: URL) -> [(String, URL)] {
        paths(under: folder).map { ($0, folder.appendingPathComponent($0)) }
    }

    /// Regular files under a folder, as paths relative to it with "/", sorted (`files`, without making a URL of
    /// each: the preview server walks content/ after every edit).
    package static func paths(under folder: URL) -> [String] {
        var relatives: [String] = []
        walk(open(folder.path, O_RDONLY | O_DIRECTORY), "", into: &relatives)
        return relatives.sorted()
    }

    /// What follows the last "." of a path's last component ("md" for "a/b.md"), "" when none does or the name
    /// starts with it, as `URL.pathExtension` says.
    package static func pathExtension(_ relative: String) -> String {
        let name = relative.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    private static func walk(_ fd: Int32, _ prefix: String, into result: inout [String]) {
        guard fd >= 0, let dir = fdopendir(fd) else {
            if fd >= 0 { close(fd) }
            return
        }
        defer { closedir(dir) }
        for (name, listed) in entries(dir) where !name.hasPrefix(".") {
            switch listed ?? kind(of: name, in: fd) {
            case .folder: walk(openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW), prefix + name + "/", into: &result)
            case .file: result.append(prefix + name)
            case .other, nil: continue
            }
        }
    }
}
