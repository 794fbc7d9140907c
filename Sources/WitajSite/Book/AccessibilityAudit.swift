import WitajXML
import WitajCore

/// Checks behind the book's WCAG conformance claim, on each XHTML file: well-formed, language declared,
/// a title, headings that do not skip levels, images with alternative text, table headers with scope; and the
/// images a file shows.
package enum AccessibilityAudit {
    package struct Result {
        package var malformed: XMLIssue?
        package var failures: [String] = []
        /// The `src` of every image, in order: what the book must carry.
        package var images: [String] = []
    }

    package static func problems(in xhtml: String) -> Result {
        // witaj's XML reader refuses every DOCTYPE; the HTML5 one carries nothing to check.
        let body = xhtml.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let parsed = XMLReader.read(Array(body.utf8), path: "chapter.xhtml")
        var result = Result()
        guard let root = parsed.root, !parsed.hasErrors else {
            result.malformed = parsed.issues.first ?? XMLIssue(line: 1, column: 1, isWarning: false, message: "not XML")
            return result
        }
        if root.attributes["lang"]?.isEmpty != false {
            result.failures.append("the page does not declare its language")
        }
        if root.element(named: "head")?.element(named: "title")?.text.isEmpty != false {
            result.failures.append("the page has no title")
        }
        var previous = 0
        walk(root) { element in
            if element.name.count == 2, element.name.hasPrefix("h"), let level = Int(element.name.dropFirst()) {
                if previous > 0 && level > previous + 1 {
                    result.failures.append("heading h\(level) at line \(element.line) skips a level after h\(previous)")
                }
                previous = level
            }
            if element.name == "img" {
                if element.attributes["alt"] == nil {
                    result.failures.append("image at line \(element.line) has no alternative text")
                }
                if let source = element.attributes["src"] { result.images.append(source) }
            }
            if element.name == "th", element.attributes["scope"] == nil {
                result.failures.append("table header at line \(element.line) has no scope")
            }
            if element.name == "a", element.text.isEmpty {
                result.failures.append("link at line \(element.line) has no text")
            }
        }
        return result
    }

    package static func walk(_ element: XMLElement, _ visit: (XMLElement) -> Void) {
        visit(element)
        for child in element.elements { walk(child, visit) }
    }
}
