import Foundation
import WitajCore

/// A language's news as an Atom feed (RFC 4287), `<lang>/news/atom.xml`: the current posts, newest first, with
/// `xml:lang`. A post that is not fully translated is not in another language's feed: a reader subscribed in
/// Ukrainian gets Ukrainian text (its page, with its notice, is in the news list).
struct AtomFeedRenderer {
    static let file = "\(Dated.newsSection)/atom.xml"
    static let entries = 20
    let renderer: PageRenderer

    func feed(_ section: LocalizedSite.Section) -> String {
        let site = renderer.site
        let config = site.site.config
        let code = site.language.code
        let home = config.baseURL + code + "/"
        let posts = renderer.currentPosts(section)
            .filter { code == config.sourceLanguage || $0.isComplete }
            .prefix(Self.entries)
        let updated = posts.map { $0.document.post!.date }.max() ?? section.index.document.reviewed ?? renderer.today
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(code))\">\n"
        xml += "  <id>\(XMLText.escape(home + Dated.newsSection + "/"))</id>\n"
        xml += "  <title type=\"text\">\(XMLText.escape(section.index.plainTitle + " – " + renderer.siteName))</title>\n"
        xml += "  <updated>\(Self.timestamp(updated))</updated>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(config.baseURL + code + "/" + Self.file))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(home + Dated.newsSection + "/"))\"/>\n"
        xml += "  <author><name>\(XMLText.escape(renderer.siteName))</name></author>\n"
        xml += "  <generator>witaj</generator>\n"
        for post in posts {
            let url = home + post.document.path + "/"
            let date = Self.timestamp(post.document.post!.date)
            xml += "  <entry>\n"
            xml += "    <id>\(XMLText.escape(url))</id>\n"
            xml += "    <title type=\"text\">\(XMLText.escape(post.plainTitle))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(url))\"/>\n"
            xml += "    <published>\(date)</published>\n"
            xml += "    <updated>\(date)</updated>\n"
            if let summary = post.summary {
                xml += "    <summary type=\"text\">\(XMLText.escape(summary.plainText))</summary>\n"
            }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    /// Midnight of the day in Warsaw, as RFC 3339 with the offset of that day ("2026-04-15T00:00:00+02:00").
    static func timestamp(_ day: Day) -> String {
        let zone = TimeZone(identifier: Event.defaultTimeZone) ?? TimeZone(identifier: "UTC")!
        let utcMidnight = Date(timeIntervalSince1970: TimeInterval(day.ordinal) * 86_400)
        let offset = zone.secondsFromGMT(for: utcMidnight.addingTimeInterval(-3 * 3600))
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T00:00:00\(sign)\(two(hours)):\(two(minutes))"
    }
}
