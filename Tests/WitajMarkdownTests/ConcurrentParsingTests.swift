import Dispatch
import Testing
@testable import WitajMarkdown

/// cmark-gfm 0.29 switches a process-wide table of special characters on and off around each parse with
/// extensions attached: parsing on several cores at once must still give every parse the same result.
@Suite struct ConcurrentParsingTests {
    /// Texts heavy in what the extensions find: autolinks (":", "w", "@"), strikethrough ("~") and tables.
    static let texts: [String] = (0..<200).map { i in
        "Akapit \(i) **b** zob. https://example.org/d/\(i) oraz www.example.com/\(i) i ~~skreślone \(i)~~ *e* "
            + "albo x\(i)@example.org, [link](../d\(i).md) i ~~znów~~ https://example.net/\(i)?q=1."
    }

    @Test func parsesOnEveryCoreGiveWhatOneCoreGives() {
        let expected = Self.texts.map { MarkdownReader.parsedInlines($0) }
        // Every text must have kept its links and strikethrough when parsed alone.
        for inlines in expected {
            let found = inlines.map(Self.kinds) ?? []
            #expect(found.filter { $0 == "link" }.count == 5, "\(found)")
            #expect(found.filter { $0 == "strikethrough" }.count == 2, "\(found)")
        }
        let rounds = 40
        let results = UnsafeMutableBufferPointer<[[Inline]?]>.allocate(capacity: rounds)
        results.initialize(repeating: [])
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: rounds) { round in
            slots[round] = Self.texts.map { MarkdownReader.parsedInlines($0) }
        }
        let differing = results.filter { $0 != expected }.count
        #expect(differing == 0, "\(differing) of \(rounds) parallel rounds parsed some text differently")
    }

    @Test func documentBodiesParsedOnEveryCoreAreTheSame() {
        let body = Self.texts.prefix(40).joined(separator: "\n\n")
            + "\n\n| a | b |\n|---|---|\n| https://x.example ~~c~~ | www.y.example |\n"
        let expected = MarkdownReader.blocks(body).blocks
        let rounds = 24
        let results = UnsafeMutableBufferPointer<[Block]>.allocate(capacity: rounds)
        results.initialize(repeating: [])
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: rounds) { round in
            slots[round] = MarkdownReader.blocks(body).blocks
        }
        #expect(results.allSatisfy { $0 == expected })
    }

    static func kinds(_ inlines: [Inline]) -> [String] {
        inlines.flatMap { inline -> [String] in
            switch inline {
            case .link(_, _, let c): ["link"] + kinds(c)
            case .strikethrough(let c): ["strikethrough"] + kinds(c)
            case .emphasis(let c), .strong(let c): kinds(c)
            default: []
            }
        }
    }
}
