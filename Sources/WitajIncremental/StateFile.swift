import WitajCore
/// The build state's file format: lines of fields separated by U+001F, with `\`, line feeds and U+001F escaped
/// (`\\`, `\n`, `\f`). Only witaj reads it, and a rebuild reads all of it, so it is plain and quick to parse:
/// JSONDecoder took 0.17 s for the 5 MB state of a 1,000-document site in 8 languages.
package enum StateFile {
    package struct Malformed: Error {}

    /// Fields in the order a `Reader` takes them back.
    package struct Writer {
        package private(set) var bytes: [UInt8] = []
        private var lineStart = true

        package init() {}

        package mutating func field(_ text: String) {
            if !lineStart { bytes.append(0x1F) }
            lineStart = false
            var text = text
            let plain = text.withUTF8 { utf8 in
                guard !utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || $0 == 0x1F }) else { return false }
                bytes.append(contentsOf: utf8)
                return true
            }
            if plain { return }
            for byte in text.utf8 {
                switch byte {
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x1F: bytes += [0x5C, 0x66]
                default: bytes.append(byte)
                }
            }
        }
        package mutating func field(_ number: Int) { field(String(number)) }
        package mutating func field(_ flag: Bool) { field(flag ? "1" : "0") }
        /// nil and "" differ: "-" or "+" first.
        package mutating func field(_ text: String?) { field(text.map { "+" + $0 } ?? "-") }
        package mutating func field(_ number: Int?) { field(number.map(String.init)) }

        package mutating func endLine() {
            bytes.append(0x0A)
            lineStart = true
        }
    }

    /// The lines of a file, then the fields of each line in turn.
    package struct Reader {
        private let bytes: [UInt8]
        /// Where the next line starts.
        private var position = 0
        private var fields: [Range<Int>] = []
        private var field = 0

        package init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        package var atEnd: Bool { position >= bytes.count }
        /// Every line is read and the last one ended with its line feed: a file cut short inside its last field
        /// would otherwise read as a shorter text.
        package var isComplete: Bool { position == bytes.count }

        /// Moves to the next line; its fields are read with `string()` and the others.
        package mutating func nextLine() throws(Malformed) {
            guard position <= bytes.count else { throw Malformed() }
            var fields = self.fields
            fields.removeAll(keepingCapacity: true)
            position = bytes.withUnsafeBufferPointer { b in
                var start = position, i = position
                while i < b.count, b[i] != 0x0A {
                    if b[i] == 0x1F {
                        fields.append(start..<i)
                        start = i + 1
                    }
                    i += 1
                }
                fields.append(start..<i)
                return i + 1
            }
            self.fields = fields
            field = 0
        }

        package mutating func string() throws(Malformed) -> String {
            guard field < fields.count else { throw Malformed() }
            let range = fields[field]
            field += 1
            return bytes.withUnsafeBufferPointer { b in
                let raw = UnsafeBufferPointer(rebasing: b[range])
                guard raw.contains(0x5C) else { return String(decoding: raw, as: UTF8.self) }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(raw.count)
                var escaped = false
                for byte in raw {
                    if escaped {
                        bytes.append(byte == 0x6E ? 0x0A : byte == 0x66 ? 0x1F : byte)
                        escaped = false
                    } else if byte == 0x5C {
                        escaped = true
                    } else {
                        bytes.append(byte)
                    }
                }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        package mutating func int() throws(Malformed) -> Int {
            guard let number = Int(try string()) else { throw Malformed() }
            return number
        }
        package mutating func bool() throws(Malformed) -> Bool { try string() == "1" }
        package mutating func optional() throws(Malformed) -> String? {
            let text = try string()
            return text.first == "+" ? String(text.dropFirst()) : nil
        }
        package mutating func optionalInt() throws(Malformed) -> Int? {
            guard let text = try optional() else { return nil }
            guard let number = Int(text) else { throw Malformed() }
            return number
        }
    }
}
