import Foundation
import Testing
@testable import WitajXML

@Suite struct XMLReaderTests {
    let schema = RelaxNGSchema("""
        <grammar xmlns="http://relaxng.org/ns/structure/1.0">
          <start><element name="doc"><oneOrMore><element name="item"><text/></element></oneOrMore></element></start>
        </grammar>
        """)

    func read(_ text: String, schema: RelaxNGSchema? = nil) -> XMLReader.Result {
        XMLReader.read(Array(text.utf8), path: "t.xml", schema: schema)
    }

    @Test func wellFormedDocumentBecomesATreeWithLines() throws {
        let result = read("<doc a=\"1\">\n  <item>Zażółć *gęślą*</item>\n  <item>b</item>\n</doc>")
        #expect(result.issues.isEmpty)
        let root = try #require(result.root)
        #expect(root.attributes == ["a": "1"])
        #expect(root.elements.map(\.text) == ["Zażółć *gęślą*", "b"])
        #expect(root.elements.map(\.line) == [2, 3])
    }

    @Test func malformedXMLReportsItsLineAndColumn() {
        let result = read("<doc>\n  <item>a</item>\n  <item>b</itm>\n</doc>")
        #expect(result.root == nil)
        let first = try? #require(result.issues.first)
        #expect(first?.line == 3)
        #expect((first?.column ?? 0) > 0)
        #expect(first?.message.contains("mismatch") == true)
    }

    @Test func schemaViolationPointsAtTheOffendingElement() {
        let result = read("<doc>\n  <item>a</item>\n  <wrong/>\n</doc>", schema: schema)
        #expect(result.hasErrors)
        #expect(result.issues.contains { $0.line == 3 && !$0.isWarning })
    }

    @Test func externalEntityIsRejectedAndNothingIsRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("witaj-secret-\(UUID()).txt")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let result = read("""
            <?xml version="1.0"?>
            <!DOCTYPE doc [
              <!ENTITY leak SYSTEM "file://\(secret.path)">
            ]>
            <doc><item>&leak;</item></doc>
            """)
        #expect(result.root == nil)
        #expect(result.issues.contains { $0.line == 2 && $0.message.contains("DOCTYPE") })
        #expect(result.issues.contains { $0.line == 3 && $0.message.contains("external entity 'leak'") })
        #expect(!result.issues.contains { $0.message.contains("TOP-SECRET") })
    }

    @Test func dtdPointingToAURLIsRejected() {
        let result = read("<?xml version=\"1.0\"?>\n<!DOCTYPE doc SYSTEM \"http://example.com/evil.dtd\">\n<doc/>")
        #expect(result.root == nil)
        #expect(result.issues.contains { $0.line == 2 && $0.message.contains("external DTD 'http://example.com/evil.dtd'") })
    }

    @Test func brokenSchemaReportsIssues() {
        #expect(!RelaxNGSchema("<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start/></grammar>").issues.isEmpty)
    }
}
