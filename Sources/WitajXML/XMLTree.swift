/// A parsed XML element as a Swift value: the C tree is converted at once and freed.
package struct XMLElement: Sendable, Equatable {
    package enum Child: Sendable, Equatable {
        case element(XMLElement)
        case text(String)
    }
    package let name: String
    package let attributes: [String: String]
    package let children: [Child]
    package let line: Int

    package init(name: String, attributes: [String: String] = [:], children: [Child] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    package var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    package func elements(named name: String) -> [XMLElement] { elements.filter { $0.name == name } }
    package func element(named name: String) -> XMLElement? { elements.first { $0.name == name } }

    /// The element's text content, with surrounding whitespace trimmed and inner line breaks kept.
    package var text: String {
        var result = ""
        for child in children {
            switch child {
            case .text(let t): result += t
            case .element(let e): result += e.text
            }
        }
        return result.trimmingWhitespace()
    }
}

/// A problem libxml2 reported, with its position in the file.
package struct XMLIssue: Sendable, Equatable {
    package let line: Int
    package let column: Int
    package let isWarning: Bool
    package let message: String
    /// Found by RELAX NG validation (the document itself is well-formed).
    package let fromSchema: Bool

    package init(line: Int, column: Int, isWarning: Bool, message: String, fromSchema: Bool = false) {
        self.line = line
        self.column = column
        self.isWarning = isWarning
        self.message = message
        self.fromSchema = fromSchema
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
