import CWitajICU

/// Calls a bridge function that writes UTF-8 into a buffer and returns the length it needs, growing once if needed.
func icuString(capacity: Int32 = 256, _ body: (UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String? {
    var capacity = capacity
    while true {
        var buffer = [CChar](repeating: 0, count: Int(capacity))
        let needed = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, capacity) }
        if needed < 0 { return nil }
        if needed < capacity {
            return buffer.withUnsafeBufferPointer { String(decoding: UnsafeRawBufferPointer($0).prefix(Int(needed)), as: UTF8.self) }
        }
        capacity = needed + 1
    }
}

/// Passes a Swift string to ICU as UTF-8 bytes with their length.
func withUTF8<R>(_ text: String, _ body: (UnsafePointer<CChar>, Int32) -> R) -> R {
    text.withCString { body($0, Int32(text.utf8.count)) }
}

package struct ICUError: Error, CustomStringConvertible, Sendable {
    package let operation: String
    package let status: Int32
    package var description: String { "ICU \(operation) failed (status \(status))" }
}
