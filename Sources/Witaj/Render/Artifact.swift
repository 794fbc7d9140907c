/// A file of the output, in memory: only the publisher writes to disk.
public struct Artifact: Sendable {
    /// Relative to the output folder ("pl/first-steps/pesel/index.html").
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
