import FuzzSupport
import WitajCore
import WitajGettext
import WitajSources

/// The PO reader on any bytes, and the catalog laws on every catalog it accepts:
/// - write then read gives the same entries (less what the writer is meant to drop, see `expected`);
/// - writing is a fixed point: what was read back from a written catalog writes the same bytes;
/// - `witaj update` is idempotent: merging the same segments into its own output changes nothing.
/// Input: a PO file; after a NUL byte, optionally, the segments of the document's new version, NUL-separated
/// (without them, the catalog's own msgids with some changed, some removed and one added).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Fuzz.bytes(start, count)
    let parts = input.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    guard let catalog = read(Array(parts[0])) else { return 0 }

    let written = POWriter.write(catalog)
    guard let reread = read(Array(written.utf8)) else {
        Fuzz.law(false, "the reader accepts what the writer wrote", written)
        return 0
    }
    Fuzz.law(same(reread, expected(catalog)), "write then read gives the same entries", written)
    let rewritten = POWriter.write(reread)
    Fuzz.law(Fuzz.same(rewritten, written), "writing what was read back writes the same bytes",
             written + "\n----\n" + rewritten)

    let segments = parts.count > 1 ? segments(Array(parts[1])) : changedSegments(catalog)
    let fresh = CatalogUpdater.entries(for: segments)
    var header = POEntry(msgid: "", msgstr: "Language: uk\nContent-Type: text/plain; charset=UTF-8\n")
    header.comments = [" Written by the fuzzer."]
    let once = POWriter.write(CatalogUpdater.merge(fresh, into: catalog, header: header))
    guard let updated = read(Array(once.utf8)) else {
        Fuzz.law(false, "the reader accepts what update wrote", once)
        return 0
    }
    let twice = POWriter.write(CatalogUpdater.merge(fresh, into: updated, header: header))
    Fuzz.law(Fuzz.same(once, twice), "update twice writes what update once wrote", once + "\n----\n" + twice)
    return 0
}

/// As `witaj update` and a build read a catalog file: decoded as UTF-8 (line ends, byte order mark), then parsed.
private func read(_ bytes: [UInt8]) -> POCatalog? {
    var diagnostics = Diagnostics()
    guard let text = SiteLoader.decode(bytes, path: "fuzz.po", into: &diagnostics) else { return nil }
    return POReader.read(text, path: "fuzz.po", into: &diagnostics)
}

/// The catalog as the writer keeps it: the header first, then current entries, then the obsolete entries that
/// have a translation, without their `#.` and `#:` lines and with no flag but fuzzy; a message without
/// msgid_plural keeps only its first msgstr. Line numbers are where the entries were read, so they are left out.
private func expected(_ catalog: POCatalog) -> POCatalog {
    var entries = catalog.entries.filter { !$0.obsolete } + catalog.entries.filter { $0.obsolete && $0.hasTranslation }
    for i in entries.indices {
        if entries[i].obsolete {
            entries[i].extracted = []
            entries[i].references = []
            entries[i].flags = entries[i].flags.filter { $0 == "fuzzy" }
        }
        if entries[i].plural == nil { entries[i].msgstr = [entries[i].translation] }
    }
    return POCatalog(header: catalog.header.map { header in
        var header = header
        if header.plural == nil { header.msgstr = [header.translation] }
        return header
    }, entries: entries)
}

/// Equal entries, byte for byte, wherever they were read.
private func same(_ a: POCatalog, _ b: POCatalog) -> Bool {
    func same(_ x: POEntry?, _ y: POEntry?) -> Bool {
        guard let x, let y else { return x == nil && y == nil }
        return Fuzz.same(x.comments, y.comments) && Fuzz.same(x.extracted, y.extracted)
            && Fuzz.same(x.references, y.references) && Fuzz.same(x.flags, y.flags) && Fuzz.same(x.previous, y.previous)
            && Fuzz.same(x.context, y.context) && Fuzz.same(x.msgid, y.msgid) && Fuzz.same(x.plural, y.plural)
            && Fuzz.same(x.msgstr, y.msgstr) && x.obsolete == y.obsolete
    }
    return same(a.header, b.header) && a.entries.count == b.entries.count
        && zip(a.entries, b.entries).allSatisfy { same($0, $1) }
}

private func segment(_ text: String, _ i: Int) -> Segment {
    Segment(text, role: .paragraph, location: SourceLocation("content/fuzz.md", line: i + 1))
}

private func segments(_ bytes: [UInt8]) -> [Segment] {
    bytes.split(separator: 0, omittingEmptySubsequences: false).enumerated().map {
        segment(String(decoding: $0.element, as: UTF8.self), $0.offset)
    }
}

/// A new version of the catalog's document: every third message edited (a fuzzy match when it stays similar),
/// every fifth removed (obsolete), one added.
private func changedSegments(_ catalog: POCatalog) -> [Segment] {
    var texts: [String] = []
    for (i, entry) in catalog.entries.enumerated() where !entry.obsolete && entry.context == nil {
        if i % 5 == 4 { continue }
        texts.append(i % 3 == 1 ? entry.msgid + " (zmienione)" : entry.msgid)
    }
    texts.append("Nowy akapit.")
    return texts.enumerated().map { segment($0.element, $0.offset) }
}
