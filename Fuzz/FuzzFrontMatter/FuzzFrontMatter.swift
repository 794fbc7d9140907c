import FuzzSupport
import WitajCore
import WitajSources

/// A Markdown document's file as the loader reads it: UTF-8 decoding, then the YAML front matter (Yams) and the
/// body's blocks. Laws:
/// - the reader never fails silently: without an error reported, it gives a document. (A document whose fields are
///   wrong, an impossible date or no `reviewed`, is still given with its errors, so that its links are checked in the
///   same run: the build stops on the errors.)
/// - every diagnostic and every segment points inside the file.
/// Bounded by script/fuzz to 4 KB (-max_len), as the Markdown fuzzer, since the body goes through the same reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    let source = "content/guide/fuzz.md"
    var diagnostics = Diagnostics()
    let document = SiteLoader.decode(bytes, path: source, loneCR: true, into: &diagnostics).flatMap {
        MarkdownDocumentReader.read($0, source: source, path: "guide/fuzz", kind: .article, into: &diagnostics)
    }
    Fuzz.law(document != nil || diagnostics.hasErrors, "no document without an error reported",
             diagnostics.sorted.map(\.description).joined(separator: "\n"))
    let lines = Lines(bytes, cmark: true)
    for diagnostic in diagnostics.items {
        Fuzz.law(lines.contains(diagnostic.location), "a diagnostic points inside the file", diagnostic.description)
    }
    for segment in document?.segments ?? [] {
        Fuzz.law(lines.contains(segment.location), "a segment points inside the file",
                 "\(segment.location) \(segment.text)")
    }
    return 0
}
