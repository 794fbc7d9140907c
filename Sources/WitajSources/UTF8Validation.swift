import WitajCore
/// Decodes bytes as UTF-8, or says where the first byte that is not UTF-8 is.
package enum UTF8Text {
    package struct InvalidByte: Error {
        package let line: Int
        package let column: Int
    }

    /// Windows line ends become "\n" (Swift holds "\r\n" as one character, which no "\n" split would find), and
    /// a byte order mark is dropped. `loneCR`: a lone "\r" (an old Mac line end) too, as Markdown and YAML read it.
    package static func decode(_ bytes: [UInt8], loneCR: Bool = false) -> Result<String, InvalidByte> {
        let bytes = bytes.contains(0x0D) ? unixLineEnds(bytes, loneCR: loneCR) : bytes
        if var text = String(validating: bytes, as: UTF8.self) {
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return .success(text)
        }
        // Not UTF-8: find where.
        var i = 0
        var line = 1
        var lineStart = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return .failure(InvalidByte(line: line, column: i - lineStart + 1))
            }
            guard i + length <= bytes.count,
                  bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
                  !(b == 0xE0 && bytes[i + 1] < 0xA0), !(b == 0xED && bytes[i + 1] > 0x9F),
                  !(b == 0xF0 && bytes[i + 1] < 0x90), !(b == 0xF4 && bytes[i + 1] > 0x8F) else {
                return .failure(InvalidByte(line: line, column: i - lineStart + 1))
            }
            if b == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += length
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return .success(text)
    }

    /// "\r\n" becomes "\n", and so does a lone "\r" when `loneCR`. In one pass: "\r\r\n" is a lone "\r" and a line
    /// end, never a new "\r\n" that a second pass would take for one line end.
    package static func unixLineEnds(_ bytes: [UInt8], loneCR: Bool) -> [UInt8] {
        var unix: [UInt8] = []
        unix.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() {
            guard b == 0x0D else {
                unix.append(b)
                continue
            }
            if i + 1 < bytes.count && bytes[i + 1] == 0x0A { continue }
            unix.append(loneCR ? 0x0A : b)
        }
        return unix
    }
}
