import FuzzSupport
import WitajCore
import WitajSources

/// A procedure or offices file as the loader reads it: libxml2's safe parsing, RELAX NG validation against
/// witaj.rng, then the model. Laws:
/// - the reader gives a document whenever it reported no error, and none when the file is not XML it may read (a
///   document that only breaks the schema is still read, so that its links and offices are checked in the same run);
/// - every diagnostic and every segment points to a line of the file (libxml2's columns are its own: after a bad
///   XML declaration it counts on from the first line).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    var diagnostics = Diagnostics()
    let document = XMLDocumentReader.read(bytes, source: "content/guide/fuzz.xml", path: "guide/fuzz",
                                          into: &diagnostics)
    Fuzz.law(document != nil || diagnostics.hasErrors, "a document whenever no error was reported",
             diagnostics.sorted.map(\.description).joined(separator: "\n"))
    let lines = Lines(bytes)
    for diagnostic in diagnostics.items {
        Fuzz.law(lines.contains(diagnostic.location, checkingColumn: false),
                 "a diagnostic points to a line of the file", diagnostic.description)
    }
    for segment in document?.segments ?? [] {
        Fuzz.law(lines.contains(segment.location, checkingColumn: false), "a segment points to a line of the file",
                 "\(segment.location) \(segment.text)")
    }
    return 0
}
