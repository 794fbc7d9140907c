import Foundation
import WitajCore
import WitajXML

/// Says in editors' words what is wrong with an XML document that libxml2's RELAX NG validation refused: which
/// element is missing or out of place and where it goes, which attribute value is not allowed and what is. libxml2
/// stays the validator; this reads the same schema (witaj.rng) as a description of each element's content, and
/// walks the document with it.
package struct SchemaExplainer: Sendable {
    /// A piece of the schema, as far as explaining needs it. A class rather than an indirect enum: the tree is
    /// made once and kept, and LeakSanitizer (script/fuzz) does not see an indirect enum's boxes through the tag bits
    /// Swift stores in their pointers.
    final class Pattern: Sendable {
        enum Kind: Sendable { case element, attribute, group, choice, optional, oneOrMore, ref, data, value, list, text, empty }
        let kind: Kind
        /// An element's, attribute's or ref's name, a data type, a value.
        let name: String
        /// A data type's pattern.
        let regex: String?
        let children: [Pattern]

        init(_ kind: Kind, _ name: String = "", regex: String? = nil, _ children: [Pattern] = []) {
            self.kind = kind
            self.name = name
            self.regex = regex
            self.children = children
        }

        convenience init(_ kind: Kind, _ children: [Pattern]) { self.init(kind, "", regex: nil, children) }

        static let text = Pattern(.text)
        static let empty = Pattern(.empty)
        var inner: Pattern { children.first ?? .empty }
    }

    /// A problem found, before it is located in the file.
    package struct Finding: Equatable, Sendable {
        package let line: Int
        /// The element's name, to find its column on the line; with `attribute`, the attribute's.
        package let element: String
        package let attribute: String?
        package let message: String
    }

    let start: Pattern
    let defines: [String: Pattern]

    package init(schema: String) {
        var defines: [String: Pattern] = [:]
        var start = Pattern.empty
        if let root = XMLReader.read(Array(schema.utf8), path: "witaj.rng").root {
            for child in root.elements {
                if child.name == "define", let name = child.attributes["name"] { defines[name] = Self.pattern(of: child.elements) }
                if child.name == "start" { start = Self.pattern(of: child.elements) }
            }
        }
        self.start = start
        self.defines = defines
    }

    private static func pattern(of elements: [XMLElement]) -> Pattern {
        let patterns = elements.map(pattern)
        return patterns.count == 1 ? patterns[0] : Pattern(.group, patterns)
    }

    private static func pattern(_ e: XMLElement) -> Pattern {
        let name = e.attributes["name"] ?? ""
        switch e.name {
        case "element": return Pattern(.element, name, [pattern(of: e.elements)])
        case "attribute": return Pattern(.attribute, name, [e.elements.isEmpty ? .text : pattern(of: e.elements)])
        case "group": return Pattern(.group, e.elements.map(pattern))
        case "choice": return Pattern(.choice, e.elements.map(pattern))
        case "optional": return Pattern(.optional, [pattern(of: e.elements)])
        case "oneOrMore": return Pattern(.oneOrMore, [pattern(of: e.elements)])
        case "zeroOrMore": return Pattern(.optional, [Pattern(.oneOrMore, [pattern(of: e.elements)])])
        case "ref": return Pattern(.ref, name)
        case "data": return Pattern(.data, e.attributes["type"] ?? "string",
                                    regex: e.elements(named: "param").first { $0.attributes["name"] == "pattern" }?.text)
        case "value": return Pattern(.value, e.text)
        case "list": return Pattern(.list, [pattern(of: e.elements)])
        case "text": return .text
        default: return .empty
        }
    }

    // MARK: - The content of an element

    /// One place in an element's sequence of children: which elements may stand there, how many.
    struct Slot {
        var names: [String]
        var definitions: [String: Pattern]
        var required: Bool
        var repeats: Bool
    }

    struct Attribute {
        let name: String
        let value: Pattern
        let required: Bool
    }

    /// The children an element's content allows, in order, and its attributes.
    func content(_ pattern: Pattern) -> (slots: [Slot], attributes: [Attribute]) {
        var slots: [Slot] = [], attributes: [Attribute] = []
        func walk(_ p: Pattern, required: Bool, repeats: Bool) {
            switch p.kind {
            case .element:
                slots.append(Slot(names: [p.name], definitions: [p.name: p.inner], required: required, repeats: repeats))
            case .attribute:
                attributes.append(Attribute(name: p.name, value: p.inner, required: required))
            case .group: p.children.forEach { walk($0, required: required, repeats: false) }
            case .optional: walk(p.inner, required: false, repeats: repeats)
            case .oneOrMore:
                let before = slots.count
                walk(p.inner, required: required, repeats: true)
                for i in before..<slots.count { slots[i].repeats = true }
            case .ref: if let d = defines[p.name] { walk(d, required: required, repeats: repeats) }
            case .choice:
                // Alternatives of elements make one slot that takes any of them.
                let before = slots.count
                for option in p.children { walk(option, required: false, repeats: repeats) }
                if slots.count > before {
                    var merged = Slot(names: [], definitions: [:], required: required, repeats: false)
                    for slot in slots[before...] {
                        merged.names += slot.names
                        merged.definitions.merge(slot.definitions) { a, _ in a }
                        merged.repeats = merged.repeats || slot.repeats
                    }
                    slots.removeSubrange(before...)
                    slots.append(merged)
                }
            default: break
            }
        }
        walk(pattern, required: true, repeats: false)
        return (slots, attributes)
    }

    // MARK: - Explaining a document

    /// What is wrong with the document whose root is `root`, in document order; empty when this explainer sees
    /// nothing wrong (libxml2's own words are then kept).
    package func findings(_ root: XMLElement) -> [Finding] {
        var findings: [Finding] = []
        let roots = content(start).slots.flatMap { slot in slot.names.map { ($0, slot.definitions[$0]!) } }
        guard let definition = roots.first(where: { $0.0 == root.name })?.1 else {
            findings.append(Finding(line: root.line, element: root.name, attribute: nil,
                                    message: "<\(root.name)> is not a witaj document: the file must start with <procedure> or <offices>"))
            return findings
        }
        explain(root, definition, into: &findings)
        return findings.sorted { ($0.line, $0.element) < ($1.line, $1.element) }
    }

    private func explain(_ element: XMLElement, _ definition: Pattern, into findings: inout [Finding]) {
        let (slots, attributes) = content(definition)
        let what = Self.article(element.name)
        // Attributes: unknown, missing, or with a value the schema does not allow.
        for name in element.attributes.keys.sorted() where !attributes.contains(where: { $0.name == name }) {
            let known = attributes.map(\.name)
            findings.append(Finding(line: element.line, element: element.name, attribute: name, message:
                "<\(element.name)> has no attribute '\(name)'" + (known.isEmpty ? "" : " (it has: \(known.joined(separator: ", ")))")))
        }
        for attribute in attributes {
            guard let value = element.attributes[attribute.name] else {
                if attribute.required {
                    findings.append(Finding(line: element.line, element: element.name, attribute: nil, message:
                        "<\(element.name)> needs the attribute \(attribute.name)=\"…\": \(Self.hint(attribute.name, attribute.value, defines))"))
                }
                continue
            }
            if !accepts(attribute.value, value) {
                findings.append(Finding(line: element.line, element: element.name, attribute: attribute.name, message:
                    "\(attribute.name)=\"\(value)\" is not allowed: \(Self.hint(attribute.name, attribute.value, defines))"))
            }
        }
        // Text where only elements may stand.
        if slots.isEmpty == false, !allowsText(definition),
           element.children.contains(where: { if case .text(let t) = $0 { !t.allSatisfy(\.isWhitespace) } else { false } }) {
            findings.append(Finding(line: element.line, element: element.name, attribute: nil, message:
                "<\(element.name)> holds text outside its elements: put the text inside one of them (\(slots.flatMap(\.names).map { "<\($0)>" }.joined(separator: ", ")))"))
        }
        // Children, against the slots in order.
        var slot = 0, count = 0
        let order = slots.map { $0.names.map { "<\($0)>" }.joined(separator: " or ") + ($0.required ? "" : " (optional)") }
        func missing(_ s: Slot, before: XMLElement?) {
            // Present but elsewhere: said once, as out of order.
            if element.elements.contains(where: { s.names.contains($0.name) }) { return }
            let name = s.names.map { "<\($0)>" }.joined(separator: " or ")
            let place = before.map { ", before <\($0.name)>" } ?? " (at the end)"
            findings.append(Finding(line: before?.line ?? element.line, element: before?.name ?? element.name, attribute: nil, message:
                "\(name) is missing: \(what) needs \(s.repeats ? "at least one" : "one")\(place)"))
        }
        for child in element.elements {
            var placed = false
            while slot < slots.count {
                if slots[slot].names.contains(child.name), count == 0 || slots[slot].repeats {
                    count += 1
                    placed = true
                    if let definition = slots[slot].definitions[child.name] { explain(child, definition, into: &findings) }
                    break
                }
                // Does the child belong to a later slot? Then what is between is skipped, and reported if needed.
                guard let later = slots[slot...].firstIndex(where: { $0.names.contains(child.name) }), later > slot else { break }
                if count == 0 && slots[slot].required { missing(slots[slot], before: child) }
                slot += 1
                count = 0
            }
            guard !placed else { continue }
            if let earlier = slots.firstIndex(where: { $0.names.contains(child.name) }) {
                let repeated = earlier == slot && !slots[slot].repeats
                findings.append(Finding(line: child.line, element: child.name, attribute: nil, message: repeated
                    ? "<\(child.name)> appears twice: \(what) has only one"
                    : "<\(child.name)> is out of order: in \(what) the elements come in this order: \(order.joined(separator: ", "))"))
            } else {
                findings.append(Finding(line: child.line, element: child.name, attribute: nil, message:
                    "<\(child.name)> does not belong in <\(element.name)>; it may hold: \(order.joined(separator: ", "))"))
            }
        }
        // Required slots after the last child.
        while slot < slots.count {
            if count == 0 && slots[slot].required { missing(slots[slot], before: nil) }
            slot += 1
            count = 0
        }
    }

    private func allowsText(_ p: Pattern) -> Bool {
        switch p.kind {
        case .text: true
        case .group, .choice, .optional, .oneOrMore: p.children.contains(where: allowsText)
        case .ref: defines[p.name].map(allowsText) ?? false
        default: false
        }
    }

    /// Whether an attribute's value matches its pattern (the datatypes witaj.rng uses).
    func accepts(_ p: Pattern, _ value: String) -> Bool {
        switch p.kind {
        case .text: return true
        case .value: return value == p.name
        case .choice: return p.children.contains { accepts($0, value) }
        case .list:
            let items = value.split(whereSeparator: \.isWhitespace).map(String.init)
            return !items.isEmpty && items.allSatisfy { accepts(p.inner, $0) }
        case .oneOrMore, .optional: return accepts(p.inner, value)
        case .group: return p.children.allSatisfy { accepts($0, value) }
        case .ref: return defines[p.name].map { accepts($0, value) } ?? true
        case .data:
            if let regex = p.regex, value.range(of: "^(?:\(regex))$", options: .regularExpression) == nil { return false }
            switch p.name {
            case "date": return Day(value) != nil
            case "decimal": return value.range(of: #"^[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil
            case "integer": return Int(value) != nil
            case "positiveInteger": return (Int(value) ?? 0) > 0
            case "boolean": return ["true", "false", "1", "0"].contains(value)
            case "NCName": return value.range(of: #"^[A-Za-z_][A-Za-z0-9._-]*$"#, options: .regularExpression) != nil
            case "anyURI": return !value.contains(" ")
            default: return true
            }
        default: return true
        }
    }

    /// What an attribute's value must be, in words.
    static func hint(_ name: String, _ p: Pattern, _ defines: [String: Pattern]) -> String {
        switch name {
        case "currency": return "currency is a three-letter ISO 4217 code such as PLN or EUR (not zł)"
        case "amount": return "an amount such as 340 or 17.50 (digits, a dot for decimals, no currency)"
        case "reviewed": return "a date that exists, written like 2026-11-21"
        case "postcode": return "a Polish postcode like 31-549"
        case "from", "to": return "a time like 08:00 or 15:30"
        case "days": return "days like \"mon tue wed thu fri\" (mon, tue, wed, thu, fri, sat, sun)"
        case "count": return "a whole number above 0, with unit=\"day|week|month|year\""
        case "order": return "a whole number"
        case "optional", "draft": return "true or false"
        case "id", "ref": return "letters, digits, '-', '_' or '.', starting with a letter (an office's id, like urzad-miasta)"
        case "url": return "a full web address like https://www.gov.pl/… (no spaces)"
        default: break
        }
        var values: [String] = []
        func collect(_ p: Pattern) {
            switch p.kind {
            case .value: values.append(p.name)
            case .choice, .list, .oneOrMore, .optional: p.children.forEach(collect)
            case .ref: if let d = defines[p.name] { collect(d) }
            default: break
            }
        }
        collect(p)
        return values.isEmpty ? "see CONTENT-GUIDE.md for its form" : "one of \(values.joined(separator: ", "))"
    }

    /// "a procedure", "an office", "<steps>".
    static func article(_ name: String) -> String {
        switch name {
        case "procedure": "a procedure"
        case "offices": "the offices register"
        case "office": "an office"
        default: "<\(name)>"
        }
    }
}

extension SchemaExplainer.Finding {
    /// Where it is in the file: the line, and the column of the element's start tag (or of the attribute in it) on
    /// that line when it is there.
    package func location(in bytes: [UInt8], source: String) -> SourceLocation {
        var lineStart = 0, line = 1, i = 0
        while line < self.line, i < bytes.count {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        let text = Array(bytes[lineStart..<lineEnd])
        func find(_ needle: [UInt8], from: Int = 0) -> Int? {
            guard needle.count <= text.count - from else { return nil }
            return (from...(text.count - needle.count)).first { Array(text[$0..<$0 + needle.count]) == needle }
        }
        // The tag itself: "<step" followed by a space, ">" or "/", not the "<step" of "<steps>".
        func findTag(from: Int = 0) -> Int? {
            var from = from
            while let at = find(Array("<\(element)".utf8), from: from) {
                let next = at + element.utf8.count + 1
                if next >= text.count || [0x20, 0x09, 0x0D, 0x3E, 0x2F].contains(text[next]) { return at }
                from = at + 1
            }
            return nil
        }
        var column = 1
        if let tag = findTag() {
            column = tag + 1
            if let attribute, let at = find(Array(" \(attribute)=".utf8), from: tag) { column = at + 2 }
        }
        return SourceLocation(source, line: self.line, column: column)
    }
}
