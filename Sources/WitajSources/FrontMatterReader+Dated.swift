import Foundation
import Yams
import WitajCore

/// The typed front matter of news posts (`content/news/`) and events (`content/events/`): every value checked where
/// it is written. Only `audience` is text to translate (a segment); the rest is invariant data.
extension MarkdownDocumentReader {
    package static let postFields = ["date", "expires"]
    package static let eventFields = ["start", "end", "timeZone", "place", "address", "online", "registration", "fee",
                                      "languages", "audience", "pinned"]

    /// The fields a document at `path` may have besides the common ones: a post's or an event's (not their
    /// sections' index pages).
    static func datedFields(path: String, kind: Document.Kind) -> [String] {
        guard kind == .article else { return [] }
        switch path.split(separator: "/").first {
        case Dated.newsSection[...]: return postFields
        case Dated.eventsSection[...]: return eventFields
        default: return []
        }
    }

    static func readPost(_ fields: [String: Node], source: String, at: (Node) -> SourceLocation,
                         into diagnostics: inout Diagnostics) -> NewsPost? {
        if fields["date"] == nil {
            diagnostics.error(SourceLocation(source, line: 1), "a news post needs its publication 'date', written like 2026-04-15")
        }
        let date = fields["date"].flatMap { day($0, "date", at: at, into: &diagnostics) }
        let expires = fields["expires"].flatMap { day($0, "expires", at: at, into: &diagnostics) }
        if let date, let expires, expires < date, let node = fields["expires"] {
            diagnostics.error(at(node), "'expires' (\(expires)) is before the post's 'date' (\(date))")
            return nil
        }
        return date.map { NewsPost(date: $0, expires: expires) }
    }

    static func readEvent(_ fields: [String: Node], source: String, at: (Node) -> SourceLocation,
                          into diagnostics: inout Diagnostics) -> Event? {
        let errorsBefore = diagnostics.errors.count
        func scalar(_ name: String) -> (String, Node)? {
            guard let node = fields[name] else { return nil }
            guard let text = node.scalar?.string else {
                diagnostics.error(at(node), "'\(name)' must be a single value")
                return nil
            }
            return (text, node)
        }
        func moment(_ name: String) -> LocalDateTime? {
            guard let (text, node) = scalar(name) else { return nil }
            guard let value = LocalDateTime(text) else {
                diagnostics.error(at(node), "'\(name)' must be a date and time that exist, written like 2026-04-14T10:00 (or a day, 2026-04-14, for a whole day), not '\(text)'")
                return nil
            }
            return value
        }
        func flag(_ name: String) -> Bool {
            guard let (text, node) = scalar(name) else { return false }
            switch text.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default:
                diagnostics.error(at(node), "'\(name)' is true or false, not '\(text)'")
                return false
            }
        }
        let start = moment("start")
        if fields["start"] == nil {
            diagnostics.error(SourceLocation(source, line: 1), "an event needs its 'start', written like 2026-04-14T10:00")
        }
        let end = moment("end")
        if let start, let end, let node = fields["end"] {
            if end.isAllDay != start.isAllDay {
                diagnostics.error(at(node), "'end' and 'start' must both be days (a whole-day event) or both dates with a time")
            } else if end < start {
                diagnostics.error(at(node), "the event ends (\(end)) before it starts (\(start))")
            }
        }
        var timeZone = Event.defaultTimeZone
        if let (text, node) = scalar("timeZone") {
            if TimeZone(identifier: text) == nil || !text.contains("/") {
                diagnostics.error(at(node), "'timeZone' must be an IANA time zone such as Europe/Warsaw, not '\(text)'")
            } else {
                timeZone = text
            }
        }
        let place = scalar("place").map { Procedure.Reference(target: $0.0, location: at($0.1)) }
        let address = scalar("address").map(\.0)
        if let node = fields["address"], place != nil {
            diagnostics.error(at(node), "an event has a 'place' (an office) or an 'address', not both")
        }
        let online = flag("online")
        var registration: String?
        if let (text, node) = scalar("registration") {
            if let url = URL(string: text), ["https", "http"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false,
               !text.contains(where: \.isWhitespace) {
                registration = text
            } else {
                diagnostics.error(at(node), "'registration' must be a web address starting with https://, not '\(text)'")
            }
        }
        let fee = fields["fee"].flatMap { readFee($0, at: at, into: &diagnostics) }
        var languages: [Procedure.Reference] = []
        if let node = fields["languages"] {
            for item in node.sequence.map(Array.init) ?? [node] {
                if let code = item.string, !code.isEmpty, !code.contains(where: \.isWhitespace) {
                    languages.append(Procedure.Reference(target: code, location: at(item)))
                } else {
                    diagnostics.error(at(item), "'languages' lists language codes such as [pl, uk, en]")
                }
            }
        }
        let audience = scalar("audience").flatMap { text, node in
            text.isEmpty ? nil : Segment(text, role: .audience, location: at(node))
        }
        let pinned = flag("pinned")
        guard let start, diagnostics.errors.count == errorsBefore else { return nil }
        return Event(start: start, end: end, timeZone: timeZone, place: place, address: address, online: online,
                     registration: registration, fee: fee, languages: languages, audience: audience, pinned: pinned)
    }

    /// `free`, or `{amount: 20, currency: PLN}`.
    static func readFee(_ node: Node, at: (Node) -> SourceLocation, into diagnostics: inout Diagnostics) -> Event.Fee? {
        let help = "'fee' is free, or an amount such as {amount: 20, currency: PLN}"
        if let text = node.scalar?.string {
            if text.lowercased() == "free" { return .free }
            diagnostics.error(at(node), help + ", not '\(text)'")
            return nil
        }
        guard let mapping = node.mapping else {
            diagnostics.error(at(node), help)
            return nil
        }
        var amount: String?, currency: String?
        let errorsBefore = diagnostics.errors.count
        for (key, value) in mapping {
            switch key.string {
            case "amount":
                let text = value.scalar?.string ?? ""
                if let number = Decimal(string: text), number >= 0, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
                    amount = text
                } else {
                    diagnostics.error(at(value), "the fee's 'amount' is a number such as 20 or 17.50, not '\(text)'")
                }
            case "currency":
                let text = value.scalar?.string ?? ""
                if text.count == 3, text.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                    currency = text
                } else {
                    diagnostics.error(at(value), "the fee's 'currency' is an ISO 4217 code such as PLN, not '\(text)'")
                }
            default:
                diagnostics.error(at(key), "a fee has an 'amount' and a 'currency', not '\(key.string ?? "")'")
            }
        }
        guard let amount, let currency else {
            if diagnostics.errors.count > errorsBefore { return nil }
            diagnostics.error(at(node), help)
            return nil
        }
        return .amount(amount, currency: currency)
    }

    private static func day(_ node: Node, _ name: String, at: (Node) -> SourceLocation, into diagnostics: inout Diagnostics) -> Day? {
        let text = node.scalar?.string ?? ""
        guard let day = Day(text) else {
            diagnostics.error(at(node), "'\(name)' must be a date that exists, written like 2026-04-15, not '\(text)'")
            return nil
        }
        return day
    }
}
