import Foundation
import WitajCore
import WitajICU

/// An event as an iCalendar file (RFC 5545) in one language, `<lang>/events/<slug>/event.ics`: its UID is the same in
/// every build and language (one event, whichever language a reader imports it in); times are wall-clock times
/// with their zone (DTSTART;TZID=Europe/Warsaw and ICU's VTIMEZONE of it).
package struct CalendarRenderer {
    static let file = "event.ics"
    let renderer: PageRenderer

    func calendar(_ localized: LocalizedDocument) -> String {
        let site = renderer.site
        let config = site.site.config
        let document = localized.document
        let event = document.event!
        let code = site.language.code
        let url = config.baseURL + code + "/" + document.path + "/"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//witaj//\(Self.escape(renderer.siteName))//\(code.uppercased())",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if !event.start.isAllDay,
           let zone = TimeZoneRules.vtimezone(event.timeZone, year: event.start.day.year, month: event.start.day.month, day: event.start.day.day) {
            lines += zone.split(whereSeparator: \.isNewline).map(String.init)
        }
        lines.append("BEGIN:VEVENT")
        lines.append("UID:" + Self.escape(document.id.replacingSlashes + "@" + Self.host(config.baseURL)))
        // When the entry was made: the day its document was reviewed, else its start (the same in every build).
        let stamp = document.reviewed ?? event.start.day
        lines.append("DTSTAMP:" + Self.compact(stamp) + "T000000Z")
        if event.start.isAllDay {
            lines.append("DTSTART;VALUE=DATE:" + Self.compact(event.start.day))
            // DTEND of a whole-day event is the day after its last (exclusive).
            lines.append("DTEND;VALUE=DATE:" + Self.compact(Day(ordinal: event.lastDay.ordinal + 1)))
        } else {
            lines.append("DTSTART;TZID=\(event.timeZone):" + Self.compact(event.start))
            if let end = event.end { lines.append("DTEND;TZID=\(event.timeZone):" + Self.compact(end)) }
        }
        lines.append("SUMMARY;LANGUAGE=\(localized.title.language.code):" + Self.escape(localized.plainTitle))
        var description = localized.summary?.plainText ?? ""
        if let audience = event.audience { description += (description.isEmpty ? "" : "\n") + localized.resolve(audience.text).plainText }
        description += (description.isEmpty ? "" : "\n\n") + url
        lines.append("DESCRIPTION:" + Self.escape(description))
        if let place = event.place, let office = site.site.offices[place.target] {
            let name = site.document(path: site.site.officesDocument?.path ?? "")?.resolve(office.name.text).plainText ?? office.name.text
            lines.append("LOCATION:" + Self.escape("\(name), \(office.address.street), \(office.address.postcode) \(office.address.city)"))
        } else if let address = event.address {
            lines.append("LOCATION;LANGUAGE=\(config.sourceLanguage):" + Self.escape(address))
        }
        lines.append("URL:" + url)
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line ends.
    package static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A content line folded at 75 octets (RFC 5545 3.1): each continuation starts with a space; a UTF-8 sequence is
    /// never split.
    package static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        var count = 0
        for scalar in line.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if count + bytes.count > 75 {
                out += [0x0D, 0x0A, 0x20]
                count = 1
            }
            out += bytes
            count += bytes.count
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    static func compact(_ time: LocalDateTime) -> String {
        let hour = time.hour ?? 0
        return compact(time.day) + "T" + (hour < 10 ? "0" : "") + "\(hour)" + (time.minute < 10 ? "0" : "") + "\(time.minute)00"
    }

    /// The host of the site's address, for UIDs ("witaj.krakow.pl"); "witaj" when it has none.
    static func host(_ baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return "witaj" }
        let rest = baseURL[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? "witaj" : String(host)
    }
}

private extension String {
    var replacingSlashes: String { replacingOccurrences(of: "/", with: "-") }
}
