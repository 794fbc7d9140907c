import WitajCore
import WitajICU

/// Checks news posts and events against the rest of the site and the build's day: each event's place is an office
/// of the register and its languages are languages ICU knows (errors); an event with no place that is not online,
/// and a past event still kept on the home page (`pinned: true`), are warnings, from `witaj check` too.
package enum DatedValidator {
    /// `skipping`: documents not read again (a rebuild of others), not checked again.
    package static func validate(_ site: Site, today: Day, languages: [LanguageProfile], skipping: Set<String> = []) -> Diagnostics {
        var diagnostics = Diagnostics()
        let english = Formatters(locale: "en")
        for document in site.documents where !skipping.contains(document.source) {
            guard let event = document.event else { continue }
            if let place = event.place, site.offices[place.target] == nil {
                let known = site.offices.keys.sorted()
                diagnostics.error(place.location, "unknown office '\(place.target)' as the event's 'place'"
                    + (known.isEmpty ? " (no offices are described)" : " (known: \(known.joined(separator: ", ")))"))
            }
            for code in event.languages where !isKnownLanguage(code.target, english) {
                diagnostics.error(code.location, "'\(code.target)' is not a language code ICU knows (write BCP 47 codes such as pl, uk, en)")
            }
            if event.place == nil, event.address == nil, !event.online {
                diagnostics.warning(SourceLocation(document.source, line: 1),
                                    "the event has no 'place' (an office), no 'address' and is not 'online: true': readers cannot tell where it is")
            }
            if event.pinned, event.isPast(on: today) {
                diagnostics.warning(SourceLocation(document.source, line: 1),
                                    "the event ended on \(event.lastDay) but 'pinned: true' keeps it on the home page; remove 'pinned' (its page stays, marked as past)")
            }
        }
        // A link on the home page to a past event (the home page lists the next events by itself).
        if let home = site.documents.first(where: { $0.kind == .home }), !skipping.contains(home.source) {
            let resolver = LinkResolver(site: site)
            for segment in home.segments {
                guard segment.parsed.pointsSomewhere, let inlines = segment.parsed.inlines(of: segment.text) else { continue }
                for destination in SiteValidator.destinations(in: inlines) {
                    guard case .document(let path, _) = resolver.resolve(destination, from: home),
                          let event = site.documents.first(where: { $0.path == path })?.event, event.isPast(on: today) else { continue }
                    diagnostics.warning(segment.location, "the home page links to an event that ended on \(event.lastDay) ('\(destination)'); the home page lists the next events by itself")
                }
            }
        }
        return diagnostics
    }

    /// A code ICU has a name for ("uk" -> "Ukrainian"): ICU gives an unknown code back as it is.
    static func isKnownLanguage(_ code: String, _ english: Formatters) -> Bool {
        let name = english.displayName(of: code)
        return !name.isEmpty && name != code && !code.isEmpty
    }
}
