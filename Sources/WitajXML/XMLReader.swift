import CWitajXML

/// Parses XML safely (no network, no DTD, no external entity: nothing is read but the bytes given)
/// and optionally validates it against a RELAX NG schema.
package enum XMLReader {
    package struct Result: Sendable {
        /// nil when the document is not well-formed (or refused: a DOCTYPE, entities); a document that breaks the
        /// schema has its root, and issues `fromSchema`.
        package let root: XMLElement?
        package let issues: [XMLIssue]
        package var hasErrors: Bool { issues.contains { !$0.isWarning } }
    }

    package static func read(_ bytes: [UInt8], path: String, schema: RelaxNGSchema? = nil) -> Result {
        // witaj_xml_parse never returns NULL: a document that failed has issues instead of a root.
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { witaj_xml_parse($0.baseAddress, Int32($0.count), path) }
        }!
        defer { witaj_xml_free(doc) }
        // A document with a DOCTYPE or entities is rejected before validation so nothing of it is trusted.
        let wellFormed = witaj_xml_has_errors(doc) == 0
        let parseIssues = witaj_xml_issue_count(doc)
        if wellFormed, let schema { _ = schema.validate(doc) }
        let issues = (0..<witaj_xml_issue_count(doc)).map { i in
            let issue = witaj_xml_issue_at(doc, i)
            return XMLIssue(line: Int(issue.line), column: Int(issue.column), isWarning: issue.is_warning != 0,
                            message: String(cString: issue.message), fromSchema: i >= parseIssues)
        }
        // A well-formed document is read even when the schema finds problems: they can be explained, and the rest
        // of the document still checked.
        let root = wellFormed ? witaj_xml_root(doc).map(convert) : nil
        return Result(root: root, issues: issues)
    }

    private static func convert(_ node: witaj_xml_node) -> XMLElement {
        var attributes: [String: String] = [:]
        var attribute = witaj_xml_first_attribute(node)
        while let a = attribute {
            if let value = witaj_xml_attribute_value(a) {
                attributes[String(cString: witaj_xml_name(a))] = String(cString: value)
                witaj_xml_string_free(value)
            }
            attribute = witaj_xml_next_attribute(a)
        }
        var children: [XMLElement.Child] = []
        var child = witaj_xml_first_child(node)
        while let c = child {
            switch witaj_xml_kind(c) {
            case 1: children.append(.element(convert(c)))
            case 2: if let text = witaj_xml_text(c) { children.append(.text(String(cString: text))) }
            default: break
            }
            child = witaj_xml_next(c)
        }
        return XMLElement(name: String(cString: witaj_xml_name(node)), attributes: attributes, children: children,
                          line: Int(witaj_xml_line(node)))
    }
}

/// A compiled RELAX NG schema; owns its libxml2 handle. Validation makes its own context, so sharing is safe.
package final class RelaxNGSchema: @unchecked Sendable {
    private let handle: OpaquePointer
    package let issues: [XMLIssue]

    package init(_ text: String) {
        let handle = text.withCString { witaj_xml_schema_open($0, Int32(text.utf8.count)) }!
        self.handle = handle
        issues = (0..<witaj_xml_schema_issue_count(handle)).map { i in
            let issue = witaj_xml_schema_issue_at(handle, i)
            return XMLIssue(line: Int(issue.line), column: Int(issue.column), isWarning: issue.is_warning != 0,
                            message: String(cString: issue.message))
        }
    }

    deinit { witaj_xml_schema_close(handle) }

    fileprivate func validate(_ doc: OpaquePointer) -> Bool { witaj_xml_validate(handle, doc) != 0 }
}
