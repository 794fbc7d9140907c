import Foundation
import WitajXML
import WitajCore

/// Reads a structured XML document (a procedure or the offices register), validated against witaj.rng.
package enum XMLDocumentReader {
    /// witaj.rng, built into the binary (`BuiltInFiles`).
    package static let schemaText = String(decoding: BuiltInFiles.files["witaj.rng"] ?? [], as: UTF8.self)
    package static let schema = RelaxNGSchema(schemaText)
    /// libxml2 validates; the explainer says what is wrong in editors' words (`SchemaExplainer`).
    package static let explainer = SchemaExplainer(schema: schemaText)

    /// A document that breaks the schema is still read as far as it goes (its problems are errors already), so that
    /// its links, offices and ids are checked in the same run.
    package static func read(_ bytes: [UInt8], source: String, path: String, into diagnostics: inout Diagnostics) -> Document? {
        let result = XMLReader.read(bytes, path: source, schema: schema)
        let explained = result.issues.contains(where: \.fromSchema) ? result.root.map(explainer.findings) ?? [] : []
        for issue in result.issues where !(issue.fromSchema && !explained.isEmpty) {
            let location = SourceLocation(source, line: issue.line, column: issue.column)
            let message = editorsWords(issue.message)
            if issue.isWarning { diagnostics.warning(location, message) } else { diagnostics.error(location, message) }
        }
        for finding in explained { diagnostics.error(finding.location(in: bytes, source: source), finding.message) }
        guard let root = result.root else { return nil }
        // libxml2's xsd:date takes impossible days (2026-02-30); witaj does not.
        if let text = root.attributes["reviewed"], Day(text) == nil, !explained.contains(where: { $0.attribute == "reviewed" }) {
            let finding = SchemaExplainer.Finding(line: root.line, element: root.name, attribute: "reviewed", message:
                "reviewed=\"\(text)\" is not allowed: \(SchemaExplainer.hint("reviewed", .text, [:]))")
            diagnostics.error(finding.location(in: bytes, source: source), finding.message)
        }
        let builder = Builder(source: source, bytes: bytes)
        let reviewed = root.attributes["reviewed"].flatMap(Day.init)
        let order = root.attributes["order"].flatMap { Int($0) }
        let kind: Document.Kind
        let body: Document.Body
        switch root.name {
        case "procedure":
            kind = .procedure
            body = .procedure(builder.procedure(root))
        case "offices":
            kind = .offices
            body = .offices(root.elements(named: "office").map(builder.office))
        default:
            diagnostics.error(SourceLocation(source, line: root.line), "unknown document element <\(root.name)>")
            return nil
        }
        var document = Document(
            id: root.attributes["id"] ?? path, idLocation: SourceLocation(source, line: root.line),
            path: path, source: source, kind: kind,
            title: builder.segment(root.element(named: "title"), .title) ?? Segment("", role: .title, location: SourceLocation(source)),
            summary: builder.segment(root.element(named: "summary"), .summary),
            reviewed: reviewed, order: order, review: root.element(named: "review")?.text,
            draft: ["true", "1"].contains(root.attributes["draft"] ?? ""), body: body)
        let keywords = root.element(named: "keywords")?.elements(named: "keyword") ?? []
        document.keywords = keywords.map(\.text)
        Keywords.check(keywords.map { keyword in
            (keyword.text, builder.location(keyword))
        }, title: document.title.text.isEmpty ? nil : document.title, into: &diagnostics)
        return document
    }

    /// libxml2's words for the XML mistakes editors make most, said as editors would fix them; others as they are.
    static func editorsWords(_ message: String) -> String {
        if message.hasPrefix("xmlParseEntityRef: no name") || message.hasPrefix("EntityRef: expecting ';'") {
            return "a bare '&' in the text: write it as &amp; (XML reads '&' as the start of an entity)"
        }
        if message.hasPrefix("StartTag: invalid element name") {
            return "a '<' that starts no element: write it as &lt; in the text"
        }
        if let match = message.firstMatch(of: /Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)/) {
            return "<\(match.1)> opened on line \(match.2) is closed with </\(match.3)>: close it with </\(match.1)>"
        }
        if let match = message.firstMatch(of: /Premature end of data in tag (\S+) line (\d+)/) {
            return "<\(match.1)> opened on line \(match.2) is never closed: add </\(match.1)>"
        }
        return message
    }

    /// Turns schema-valid elements into the model; the schema has already guaranteed the shape.
    package struct Builder {
        package let source: String
        /// The file, to find where an element's text starts.
        package let bytes: [UInt8]

        package func segment(_ element: XMLElement?, _ role: Segment.Role) -> Segment? {
            guard let element else { return nil }
            let text = element.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.drop { $0 == " " || $0 == "\t" } }.joined(separator: "\n")
            guard !text.isEmpty else { return nil }
            return Segment(text, role: role, location: textStart(of: element))
        }

        package func segments(_ parent: XMLElement?, _ child: String, _ role: Segment.Role) -> [Segment] {
            parent?.elements(named: child).compactMap { segment($0, role) } ?? []
        }

        /// Where an element's start tag is (or its `attribute`, when given): on its line, at its column.
        package func location(_ element: XMLElement, attribute: String? = nil) -> SourceLocation {
            SchemaExplainer.Finding(line: element.line, element: element.name, attribute: attribute, message: "").location(in: bytes, source: source)
        }

        /// Where an element's text starts: after its start tag on its line (the first such tag there) and the
        /// whitespace after it, so that a column inside the text's first line is the file's column. The element's
        /// line when the tag is not found.
        func textStart(of element: XMLElement) -> SourceLocation {
            var i = 0, line = 1
            while line < element.line, i < bytes.count {
                if bytes[i] == 0x0A { line += 1 }
                i += 1
            }
            let tag = Array("<\(element.name)".utf8)
            while i + tag.count < bytes.count, bytes[i] != 0x0A {
                let after = bytes[i + tag.count]
                if Array(bytes[i..<i + tag.count]) == tag, after == 0x3E || after == 0x20 || after == 0x09 || after == 0x0A {
                    // Past the tag's ">" (values are quoted, and witaj's prose has no ">" in attributes), then spaces.
                    var j = i + tag.count
                    while j < bytes.count, bytes[j] != 0x3E { if bytes[j] == 0x0A { line += 1 }; j += 1 }
                    j += 1
                    var lineStart = j
                    while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D {
                        if bytes[j] == 0x0A { line += 1; lineStart = j + 1 }
                        j += 1
                    }
                    return SourceLocation(source, line: line, column: j - lineStart + 1)
                }
                i += 1
            }
            return SourceLocation(source, line: element.line)
        }

        package func procedure(_ root: XMLElement) -> Procedure {
            let fees = root.element(named: "fees")
            let feeList: Procedure.Fees = if let free = fees?.element(named: "free") {
                .free(segment(free, .free))
            } else {
                .amounts(fees?.elements(named: "fee").compactMap { fee in
                    segment(fee, .fee).map {
                        Procedure.Fee(amount: fee.attributes["amount"] ?? "0", currency: fee.attributes["currency"] ?? "PLN", label: $0)
                    }
                } ?? [])
            }
            return Procedure(
                audience: segments(root.element(named: "audience"), "p", .audience),
                steps: segments(root.element(named: "steps"), "step", .step),
                documents: root.element(named: "documents")?.elements(named: "document").compactMap { d in
                    let optional = ["true", "1"].contains(d.attributes["optional"] ?? "")
                    return segment(d, optional ? .optionalDocument : .document).map {
                        Procedure.Requirement(text: $0, optional: optional)
                    }
                } ?? [],
                fees: feeList,
                deadlines: root.element(named: "deadlines")?.elements(named: "deadline").compactMap { d in
                    segment(d, .deadline).map {
                        Procedure.Deadline(count: d.attributes["count"].flatMap { Int($0) },
                                           unit: d.attributes["unit"].flatMap(Procedure.Deadline.Unit.init), text: $0)
                    }
                } ?? [],
                offices: root.element(named: "where")?.elements(named: "office").map {
                    Procedure.Reference(target: $0.attributes["ref"] ?? "", location: location($0, attribute: "ref"))
                } ?? [],
                online: root.element(named: "online")?.elements(named: "service").compactMap { s in
                    segment(s, .service).map { Procedure.Service(url: s.attributes["url"] ?? "", text: $0) }
                } ?? [],
                notes: segments(root.element(named: "notes"), "p", .note),
                legal: root.element(named: "legal")?.elements(named: "act").compactMap { a in
                    segment(a, .act).map { Procedure.Act(url: a.attributes["url"], text: $0) }
                } ?? [],
                related: root.element(named: "related")?.elements(named: "see").map {
                    Procedure.Reference(target: $0.attributes["doc"] ?? "", location: location($0, attribute: "doc"))
                } ?? [])
        }

        package func office(_ element: XMLElement) -> Office {
            let address = element.element(named: "address")
            let hours = element.element(named: "hours")
            let weekdays = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]
            func time(_ text: String?) -> (hour: Int, minute: Int) {
                let parts = (text ?? "0:0").split(separator: ":").compactMap { Int($0) }
                return (parts.first ?? 0, parts.dropFirst().first ?? 0)
            }
            return Office(
                id: element.attributes["id"] ?? "",
                name: segment(element.element(named: "name"), .officeName) ?? Segment("", role: .officeName, location: location(element)),
                description: segment(element.element(named: "description"), .officeDescription),
                address: Office.Address(street: address?.attributes["street"] ?? "", postcode: address?.attributes["postcode"] ?? "",
                                        city: address?.attributes["city"] ?? ""),
                hours: hours?.elements(named: "open").map { open in
                    Office.Opening(days: (open.attributes["days"] ?? "").split(separator: " ").compactMap { weekdays[String($0)] },
                                   from: time(open.attributes["from"]), to: time(open.attributes["to"]))
                } ?? [],
                hoursNote: segment(hours?.element(named: "note"), .hoursNote),
                phones: element.elements(named: "phone").compactMap { $0.attributes["number"] },
                emails: element.elements(named: "email").compactMap { $0.attributes["address"] },
                websites: element.elements(named: "website").compactMap { $0.attributes["url"] },
                languages: (element.element(named: "languages")?.attributes["codes"] ?? "").split(separator: " ").map(String.init),
                location: location(element))
        }
    }
}
