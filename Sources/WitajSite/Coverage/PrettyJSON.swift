import WitajCore
/// JSON laid out as JSONEncoder lays it out with `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes`:
/// two spaces a level, `"key" : value`, keys in order, an empty container as an empty line. Written field by field
/// for the coverage report (`Coverage.json`), whose fields it lists in sorted order.
package struct PrettyJSON {
    private var bytes: [UInt8] = []
    private var level = 0
    /// The current container has no member yet.
    private var empty = true

    package static func coverage(_ coverage: Coverage) -> String {
        var json = PrettyJSON()
        json.object {
            $0.field("definition", coverage.definition)
            $0.key("documents")
            $0.array(coverage.documents) { json, row in
                json.object {
                    $0.field("id", row.id)
                    $0.field("kind", row.kind)
                    $0.key("languages")
                    $0.object(row.languages) { json, e in
                        json.object {
                            $0.field("catalog", e.catalog)
                            $0.key("changes")
                            $0.array(e.changes) { json, change in
                                json.object {
                                    $0.field("current", change.current)
                                    $0.field("previous", change.previous)
                                    $0.field("translation", change.translation)
                                }
                            }
                            $0.field("exists", e.exists)
                            $0.field("fuzzy", e.segments.fuzzy)
                            $0.field("nothingToTranslate", e.segments.nothingToTranslate)
                            $0.field("status", e.status.rawValue)
                            $0.field("total", e.segments.total)
                            $0.field("translated", e.segments.translated)
                            $0.field("untranslated", e.segments.untranslated)
                            $0.counts("words", e.words)
                        }
                    }
                    $0.field("segments", row.segments)
                    $0.field("source", row.source)
                    $0.field("title", row.title)
                    $0.field("words", row.words)
                }
            }
            $0.key("drafts")
            $0.array(coverage.drafts) { json, draft in json.value(draft) }
            let i = coverage.indicator
            $0.key("indicator")
            $0.object {
                $0.group("articles", i.articles)
                $0.group("navigation", i.navigation)
                $0.group("procedures", i.procedures)
            }
            $0.key("languages")
            $0.array(coverage.languages) { json, l in
                json.object {
                    $0.field("code", l.code)
                    $0.key("documents")
                    $0.object(l.documents) { $0.value($1) }
                    $0.counts("interface", l.interface)
                    $0.key("kinds")
                    $0.object(l.kinds) { json, kind in
                        json.object {
                            $0.key("documents")
                            $0.object(kind.documents) { $0.value($1) }
                            $0.counts("segments", kind.segments)
                            $0.counts("words", kind.words)
                        }
                    }
                    $0.field("name", l.name)
                    $0.counts("segments", l.segments)
                    $0.counts("words", l.words)
                }
            }
            if let r = coverage.revision {
                $0.key("revision")
                $0.object {
                    if let asOf = r.asOf { $0.field("asOf", asOf) }
                    $0.field("commit", r.commit)
                    $0.field("date", r.date)
                    $0.field("uncommitted", r.uncommitted)
                }
            }
            $0.field("sourceLanguage", coverage.sourceLanguage)
            $0.key("targets")
            $0.array(coverage.targets) { json, target in
                json.object {
                    $0.field("by", target.by)
                    $0.field("group", target.group)
                    $0.key("languages")
                    $0.array(target.languages) { json, p in
                        json.object {
                            $0.field("code", p.code)
                            $0.field("complete", p.complete)
                            $0.field("documents", p.documents)
                            $0.field("met", p.met)
                            $0.field("needed", p.needed)
                        }
                    }
                    $0.field("share", target.share)
                }
            }
        }
        json.bytes.append(0x0A)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private mutating func group(_ name: String, _ group: Coverage.Indicator.Group) {
        key(name)
        object {
            $0.field("completeInAtLeastOneLanguage", group.completeInAtLeastOneLanguage)
            $0.field("documents", group.documents)
            $0.key("languages")
            $0.object(group.languages) { json, tally in
                json.object {
                    $0.field("complete", tally.complete)
                    $0.field("missing", tally.missing)
                    $0.field("outdated", tally.outdated)
                    $0.field("partial", tally.partial)
                    $0.counts("words", tally.words)
                }
            }
        }
    }

    // MARK: - Containers and members

    private mutating func object(_ members: (inout PrettyJSON) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    /// A dictionary as an object, its keys in order.
    private mutating func object<Value>(_ dictionary: [String: Value], _ value: (inout PrettyJSON, Value) -> Void) {
        object {
            for key in dictionary.keys.sorted() {
                $0.key(key)
                value(&$0, dictionary[key]!)
            }
        }
    }

    private mutating func array<Element>(_ elements: [Element], _ element: (inout PrettyJSON, Element) -> Void) {
        open(UInt8(ascii: "["))
        for e in elements {
            newMember()
            element(&self, e)
        }
        close(UInt8(ascii: "]"))
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        level += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        bytes.append(0x0A)
        if empty { bytes.append(0x0A) }
        indent()
        bytes.append(bracket)
        empty = false
    }

    private mutating func newMember() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(0x0A)
        indent()
        empty = false
    }

    private mutating func indent() {
        for _ in 0..<2 * level { bytes.append(0x20) }
    }

    private mutating func key(_ name: String) {
        newMember()
        value(name)
        bytes.append(0x20)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
    }

    private mutating func field(_ name: String, _ text: String) { key(name); value(text) }
    private mutating func field(_ name: String, _ number: Int) { key(name); value(number) }
    private mutating func field(_ name: String, _ flag: Bool) { key(name); bytes.append(contentsOf: (flag ? "true" : "false").utf8) }

    private mutating func counts(_ name: String, _ counts: Coverage.Counts) {
        key(name)
        object {
            $0.field("fuzzy", counts.fuzzy)
            $0.field("nothingToTranslate", counts.nothingToTranslate)
            $0.field("total", counts.total)
            $0.field("translated", counts.translated)
            $0.field("untranslated", counts.untranslated)
        }
    }

    // MARK: - Values

    /// Decimal digits, written straight into the bytes (no String per number).
    private mutating func value(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude, digits = 1, scale: UInt = 1
        while magnitude / scale >= 10 { scale *= 10; digits += 1 }
        for _ in 0..<digits {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / scale))
            magnitude %= scale
            scale /= 10
        }
    }

    private mutating func value(_ text: String) { Self.append(text, to: &bytes) }

    /// A JSON string literal of `text` (the search index's).
    package static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as a JSON string literal, appended to `bytes`.
    package static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        // Most texts (paths, ids, codes) have nothing to escape: copied in one go.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return bytes.append(contentsOf: text.utf8)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
    }
}
