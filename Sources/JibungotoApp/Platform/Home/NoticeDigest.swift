import Foundation
import JibungotoDomain

/// The daily digest of one person's home notices as an Atom feed (RFC 4287), for a groupware
/// portlet or feed reader: one entry per day that has notices — its id carries the day, so a
/// reader shows a new item each morning while something is still to do (a reminder, 督促, a
/// deadline) and none when there is nothing. Links are relative to the feed's own address.
enum NoticeDigest {
    static func atom(notices: [HomeNotice], user: SignedInUser, feedPath: String, today: LocalDate, now: Date, localizer: Localizer) -> String {
        let feedID = "tag:jibungoto,2026:notices/\(user.id.uuidString.lowercased())"
        let updated = ISO8601DateFormatter.japan.string(from: now)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(localizer.language.rawValue)">
            <id>\(feedID)</id>
            <title>\(Markup.escape(localizer.t("account.feeds.digestFeedTitle")))</title>
            <updated>\(updated)</updated>
            <author><name>\(Markup.escape(localizer.t("app.name")))</name></author>
            <link rel="self" href="\(Markup.escape(feedPath))"/>
            <link rel="alternate" type="text/html" href="\(Markup.escape(PlatformRoute.home.path))"/>

            """
        if !notices.isEmpty {
            let list = notices.map { notice in
                "<li>\(Markup.escape(notice.message)) <a href=\"\(Markup.escape(notice.href))\">\(Markup.escape(notice.linkLabel))</a></li>"
            }.joined()
            xml += """
                <entry>
                <id>\(feedID)/\(today.iso)</id>
                <title>\(Markup.escape(localizer.t("account.feeds.digestTitle", count: notices.count, localizer.date(today), String(notices.count))))</title>
                <updated>\(today.iso)T00:00:00+09:00</updated>
                <link rel="alternate" type="text/html" href="\(Markup.escape(PlatformRoute.home.path))"/>
                <content type="html">\(Markup.escape("<ul>\(list)</ul>"))</content>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }
}

extension ISO8601DateFormatter {
    /// RFC 3339 times in Japan's offset (+09:00), as the feed's readers show them.
    static var japan: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .japan
        return formatter
    }
}
