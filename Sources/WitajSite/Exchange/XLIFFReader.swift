import WitajCore
import WitajXML

/// Reads an XLIFF 1.2 file back (one witaj wrote, edited by an agency's tool): for each `<file>` its catalog and
/// target language, for each `<trans-unit>` its source and target as Markdown again (the tags' contents put back),
/// whether it is done, and the translator's notes.
package enum XLIFFReader {
    package struct Unit: Sendable {
        package let source: String
        /// nil when the unit has no target.
        package let target: String?
        /// Approved, or in a state that says the translation is done (translated, final, signed-off).
        package let done: Bool
        package let translatorNote: String?
        package let line: Int
    }

    package struct File: Sendable {
        package let original: String
        package let targetLanguage: String?
        package let line: Int
        package let units: [Unit]
    }

    package static func read(_ bytes: [UInt8], path: String, into diagnostics: inout Diagnostics) -> [File]? {
        let result = XMLReader.read(bytes, path: path)
        for issue in result.issues where !issue.isWarning {
            diagnostics.error(SourceLocation(path, line: issue.line, column: issue.column), issue.message)
        }
        guard let root = result.root, !result.hasErrors else { return nil }
        guard root.name == "xliff", root.attributes["version"]?.hasPrefix("1.") ?? true else {
            diagnostics.error(SourceLocation(path, line: root.line), "this is not an XLIFF 1.2 file (its root is <\(root.name)>)")
            return nil
        }
        return root.elements(named: "file").map { file in
            var units: [Unit] = []
            func collect(_ element: XMLElement) {
                for child in element.elements {
                    if child.name == "group" { collect(child) }
                    guard child.name == "trans-unit" else { continue }
                    guard let sourceElement = child.element(named: "source") else {
                        diagnostics.warning(SourceLocation(path, line: child.line), "this trans-unit has no <source>; it is skipped")
                        continue
                    }
                    let targetElement = child.element(named: "target")
                    let target = targetElement.map(text)
                    guard let source = text(sourceElement), target == nil || target! != nil else {
                        diagnostics.warning(SourceLocation(path, line: child.line),
                                            "this trans-unit has a tag witaj did not write (<x/>, <bx/>, <ex/> or <g>), so its Markdown cannot be put back; it is not imported: keep the tags as they came")
                        continue
                    }
                    // The target's state says more than the unit's approved flag, which tools do not always reset.
                    let done = targetElement?.attributes["state"].map { ["translated", "final", "signed-off"].contains($0) }
                        ?? (child.attributes["approved"] == "yes")
                    let notes = child.elements(named: "note").filter { ["translator", "po-translator"].contains($0.attributes["from"] ?? "") }
                    units.append(Unit(source: source, target: target ?? nil, done: done,
                                      translatorNote: notes.isEmpty ? nil : notes.map(text).compactMap { $0 }.joined(separator: "\n"),
                                      line: child.line))
                }
            }
            if let body = file.element(named: "body") { collect(body) }
            return File(original: file.attributes["original"] ?? "", targetLanguage: file.attributes["target-language"],
                        line: file.line, units: units)
        }
    }

    /// The element's text with the tags' contents in place (what `XLIFFWriter.inline` wrote); nil when it has a tag
    /// that stands for text it does not hold.
    private static func text(_ element: XMLElement) -> String? {
        var out = ""
        for child in element.children {
            switch child {
            case .text(let t): out += t
            case .element(let e):
                switch e.name {
                case "ph", "bpt", "ept", "it", "mrk", "sub":
                    guard let inner = text(e) else { return nil }
                    out += inner
                default: return nil
                }
            }
        }
        return out
    }
}
