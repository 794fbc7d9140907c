/// What the fuzz targets share: the input as bytes, and laws that stop the fuzzer (a crash it saves) when broken.
public enum Fuzz {
    /// libFuzzer's input, copied: it owns the memory only for the call.
    public static func bytes(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Stops with the law's name and what broke it; libFuzzer saves the input as a crash.
    public static func law(_ holds: Bool, _ name: String, _ details: @autoclosure () -> String = "") {
        guard !holds else { return }
        fatalError("law broken: \(name)\n\(details())")
    }

    /// Byte-for-byte equality: Swift's `==` on strings compares by canonical equivalence, which would hide a
    /// reader or writer that normalizes.
    public static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    public static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): same(a, b)
        default: false
        }
    }

    public static func same(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
    }
}
