/// An administrative procedure: prose is segments, everything invariant is typed and formatted by ICU.
package struct Procedure: Sendable {
    package struct Requirement: Sendable {
        package let text: Segment
        package let optional: Bool

        package init(text: Segment, optional: Bool) {
            self.text = text
            self.optional = optional
        }
    }
    package struct Fee: Sendable {
        /// Decimal text as written ("340", "17.50"), never a binary float in the model.
        package let amount: String
        package let currency: String
        package let label: Segment

        package init(amount: String, currency: String, label: Segment) {
            self.amount = amount
            self.currency = currency
            self.label = label
        }
    }
    package enum Fees: Sendable {
        case free(Segment?)
        case amounts([Fee])
    }
    package struct Deadline: Sendable {
        package enum Unit: String, Sendable { case day, week, month, year }
        package let count: Int?
        package let unit: Unit?
        package let text: Segment

        package init(count: Int?, unit: Unit?, text: Segment) {
            self.count = count
            self.unit = unit
            self.text = text
        }
    }
    package struct Service: Sendable {
        package let url: String
        package let text: Segment

        package init(url: String, text: Segment) {
            self.url = url
            self.text = text
        }
    }
    package struct Act: Sendable {
        package let url: String?
        package let text: Segment

        package init(url: String?, text: Segment) {
            self.url = url
            self.text = text
        }
    }
    /// A reference to something described elsewhere (an office id, a document path), with where it was written.
    package struct Reference: Sendable {
        package let target: String
        package let location: SourceLocation

        package init(target: String, location: SourceLocation) {
            self.target = target
            self.location = location
        }
    }

    package let audience: [Segment]
    package let steps: [Segment]
    package let documents: [Requirement]
    package let fees: Fees
    package let deadlines: [Deadline]
    package let offices: [Reference]
    package let online: [Service]
    package let notes: [Segment]
    package let legal: [Act]
    package let related: [Reference]

    package init(audience: [Segment], steps: [Segment], documents: [Requirement], fees: Fees, deadlines: [Deadline], offices: [Reference], online: [Service], notes: [Segment], legal: [Act], related: [Reference]) {
        self.audience = audience
        self.steps = steps
        self.documents = documents
        self.fees = fees
        self.deadlines = deadlines
        self.offices = offices
        self.online = online
        self.notes = notes
        self.legal = legal
        self.related = related
    }

    package var segments: [Segment] {
        var result = audience + steps + documents.map(\.text)
        switch fees {
        case .free(let text): result += text.map { [$0] } ?? []
        case .amounts(let fees): result += fees.map(\.label)
        }
        return result + deadlines.map(\.text) + online.map(\.text) + notes + legal.map(\.text)
    }
}

/// An office or help point, described once and referenced by procedures.
package struct Office: Sendable {
    package struct Address: Sendable {
        package let street: String, postcode: String, city: String

        package init(street: String, postcode: String, city: String) {
            self.street = street
            self.postcode = postcode
            self.city = city
        }
    }
    package struct Opening: Sendable {
        /// ISO weekdays, 1 Monday ... 7 Sunday.
        package let days: [Int]
        package let from: (hour: Int, minute: Int)
        package let to: (hour: Int, minute: Int)

        package init(days: [Int], from: (hour: Int, minute: Int), to: (hour: Int, minute: Int)) {
            self.days = days
            self.from = from
            self.to = to
        }
    }

    package let id: String
    package let name: Segment
    package let description: Segment?
    package let address: Address
    package let hours: [Opening]
    package let hoursNote: Segment?
    package let phones: [String]
    package let emails: [String]
    package let websites: [String]
    package let languages: [String]
    package let location: SourceLocation

    package init(id: String, name: Segment, description: Segment?, address: Address, hours: [Opening], hoursNote: Segment?, phones: [String], emails: [String], websites: [String], languages: [String], location: SourceLocation) {
        self.id = id
        self.name = name
        self.description = description
        self.address = address
        self.hours = hours
        self.hoursNote = hoursNote
        self.phones = phones
        self.emails = emails
        self.websites = websites
        self.languages = languages
        self.location = location
    }

    package var segments: [Segment] {
        [name] + [description, hoursNote].compactMap { $0 }
    }
}
