/// An administrative procedure: prose is segments, everything invariant is typed and formatted by ICU.
public struct Procedure: Sendable {
    public struct Requirement: Sendable {
        public let text: Segment
        public let optional: Bool
    }
    public struct Fee: Sendable {
        /// Decimal text as written ("340", "17.50"), never a binary float in the model.
        public let amount: String
        public let currency: String
        public let label: Segment
    }
    public enum Fees: Sendable {
        case free(Segment?)
        case amounts([Fee])
    }
    public struct Deadline: Sendable {
        public enum Unit: String, Sendable { case day, week, month, year }
        public let count: Int?
        public let unit: Unit?
        public let text: Segment
    }
    public struct Service: Sendable {
        public let url: String
        public let text: Segment
    }
    public struct Act: Sendable {
        public let url: String?
        public let text: Segment
    }
    /// A reference to something described elsewhere (an office id, a document path), with where it was written.
    public struct Reference: Sendable {
        public let target: String
        public let location: SourceLocation
    }

    public let audience: [Segment]
    public let steps: [Segment]
    public let documents: [Requirement]
    public let fees: Fees
    public let deadlines: [Deadline]
    public let offices: [Reference]
    public let online: [Service]
    public let notes: [Segment]
    public let legal: [Act]
    public let related: [Reference]

    var segments: [Segment] {
        var result = audience + steps + documents.map(\.text)
        switch fees {
        case .free(let text): result += text.map { [$0] } ?? []
        case .amounts(let fees): result += fees.map(\.label)
        }
        return result + deadlines.map(\.text) + online.map(\.text) + notes + legal.map(\.text)
    }
}

/// An office or help point, described once and referenced by procedures.
public struct Office: Sendable {
    public struct Address: Sendable {
        public let street: String, postcode: String, city: String
    }
    public struct Opening: Sendable {
        /// ISO weekdays, 1 Monday ... 7 Sunday.
        public let days: [Int]
        public let from: (hour: Int, minute: Int)
        public let to: (hour: Int, minute: Int)
    }

    public let id: String
    public let name: Segment
    public let description: Segment?
    public let address: Address
    public let hours: [Opening]
    public let hoursNote: Segment?
    public let phones: [String]
    public let emails: [String]
    public let websites: [String]
    public let languages: [String]
    public let location: SourceLocation

    var segments: [Segment] {
        [name] + [description, hoursNote].compactMap { $0 }
    }
}
