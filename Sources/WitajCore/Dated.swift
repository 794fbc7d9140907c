/// A wall-clock time of day in an event's time zone: events are written as local times, never as instants.
package struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let day: Day
    /// nil for an all-day event (`start: 2026-04-14`).
    package let hour: Int?
    package let minute: Int

    package init(day: Day, hour: Int?, minute: Int = 0) {
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// "2026-04-14T10:00" or "2026-04-14"; nil for a date or time that does not exist.
    package init?(_ text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count <= 2, let day = Day(String(parts[0])) else { return nil }
        self.day = day
        guard parts.count == 2 else {
            hour = nil
            minute = 0
            return
        }
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 2 || (time.count == 3 && time[2] == "00"), time[0].count == 2, time[1].count == 2,
              let h = Int(time[0]), let m = Int(time[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        hour = h
        minute = m
    }

    package var isAllDay: Bool { hour == nil }

    package var description: String {
        guard let hour else { return day.description }
        return day.description + "T" + (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    package static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.day, a.hour ?? -1, a.minute) < (b.day, b.hour ?? -1, b.minute)
    }
}

extension Day {
    /// Days from `self` to `other` (negative when `other` is earlier), in the Gregorian calendar.
    package func days(to other: Day) -> Int { other.ordinal - ordinal }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    package var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `ordinal` days after 1970-01-01.
    package init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }
}

/// A dated post of the news section (`content/news/`): its typed front matter.
package struct NewsPost: Sendable {
    /// The day it was published.
    package let date: Day
    /// After this day it leaves the lists and the feed; its page stays, marked as archived.
    package let expires: Day?

    package init(date: Day, expires: Day?) {
        self.date = date
        self.expires = expires
    }

    /// Shown in the lists on `today`.
    package func isCurrent(on today: Day) -> Bool { expires.map { today <= $0 } ?? true }
}

/// An event (`content/events/`): when and where, typed; only its audience is text (a segment).
package struct Event: Sendable {
    package enum Fee: Sendable, Equatable {
        case free
        /// A decimal amount as written ("20", "17.50").
        case amount(String, currency: String)
    }

    package let start: LocalDateTime
    package let end: LocalDateTime?
    /// An IANA zone: the times are wall-clock times there.
    package let timeZone: String
    /// An office of the offices register, with where it was named (checked by the site validator).
    package let place: Procedure.Reference?
    /// An address written in the source language, kept as it is.
    package let address: String?
    package let online: Bool
    package let registration: String?
    package let fee: Fee?
    /// BCP 47 codes of the languages the event is held in, with where each was written.
    package let languages: [Procedure.Reference]
    package let audience: Segment?
    /// Kept on the home page until it is over, whatever comes sooner.
    package let pinned: Bool

    package init(start: LocalDateTime, end: LocalDateTime?, timeZone: String, place: Procedure.Reference?, address: String?,
                 online: Bool, registration: String?, fee: Fee?, languages: [Procedure.Reference], audience: Segment?,
                 pinned: Bool) {
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.place = place
        self.address = address
        self.online = online
        self.registration = registration
        self.fee = fee
        self.languages = languages
        self.audience = audience
        self.pinned = pinned
    }

    /// The last day it takes place.
    package var lastDay: Day { end?.day ?? start.day }

    /// Over on `today`: its last day is before it (an event of today is not past yet; the build knows days only,
    /// so that a build of the same day gives the same bytes).
    package func isPast(on today: Day) -> Bool { lastDay < today }

    package static let defaultTimeZone = "Europe/Warsaw"
}

/// The sections whose documents are dated, and what pages show them.
package enum Dated {
    package static let newsSection = "news"
    package static let eventsSection = "events"

    /// A post or an event, or a page of their sections.
    package static func isDated(_ source: String) -> Bool {
        source.hasPrefix("content/\(newsSection)/") || source.hasPrefix("content/\(eventsSection)/")
    }

    /// Whether a rebuild of only the `changed` documents must make the whole site instead: a post, an event or their
    /// sections' pages changed, or the home page of a site that has them (it shows the next events). Each of those
    /// pages shows other dated documents, which stand-ins do not carry.
    package static func remakesEverything(_ changed: some Collection<String>, sources: some Sequence<String>) -> Bool {
        changed.contains(where: isDated) || (changed.contains("content/index.md") && sources.contains(where: isDated))
    }
}
