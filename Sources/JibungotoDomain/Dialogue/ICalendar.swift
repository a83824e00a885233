import Foundation

/// One event of an iCalendar file: a dialogue session as a groupware calendar shows it.
public struct ICalendarEvent: Sendable, Equatable {
    public enum Status: String, Sendable {
        case confirmed = "CONFIRMED"
        case tentative = "TENTATIVE"
    }

    /// Stable across downloads and feeds, so a calendar updates the event instead of adding a copy.
    public var uid: String
    public var time: DialogueSessionTime
    public var summary: String
    public var description: String?
    public var location: String?
    /// A link (the online meeting's, for those holding a seat).
    public var url: String?
    public var status: Status?

    public init(uid: String, time: DialogueSessionTime, summary: String, description: String? = nil, location: String? = nil,
                url: String? = nil, status: Status? = nil) {
        self.uid = uid
        self.time = time
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.status = status
    }
}

/// An iCalendar document (RFC 5545) for the groupware calendar: lines end in CRLF and are folded
/// at 75 octets (never inside a UTF-8 character), TEXT values escape backslash, semicolon, comma
/// and line breaks, times are local to Asia/Tokyo with its VTIMEZONE (Japan has kept +09:00 without
/// daylight saving since 1951), and each event has its UID and a DTSTAMP in UTC.
public enum ICalendar {
    public static let timeZoneID = "Asia/Tokyo"
    public static let productID = "-//Jibungoto//Dialogue//JA"

    /// `stamp` is when the document is made (DTSTAMP); `name` names a feed in the calendar's list.
    public static func document(events: [ICalendarEvent], name: String? = nil, stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let name { lines.append("X-WR-CALNAME:" + escapeText(name)) }
        lines += [
            "BEGIN:VTIMEZONE", "TZID:" + timeZoneID,
            "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD",
            "END:VTIMEZONE",
        ]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + escapeText(event.uid), "DTSTAMP:" + utcStamp(stamp),
                      "DTSTART;TZID=\(timeZoneID):" + localDateTime(event.time.date, minute: event.time.start),
                      "DTEND;TZID=\(timeZoneID):" + localDateTime(event.time.date, minute: event.time.end),
                      "SUMMARY:" + escapeText(event.summary)]
            if let description = event.description, !description.isEmpty { lines.append("DESCRIPTION:" + escapeText(description)) }
            if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + escapeText(location)) }
            if let url = event.url, !url.isEmpty { lines.append("URL:" + uri(url)) }
            if let status = event.status { lines.append("STATUS:" + status.rawValue) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// A TEXT value (§3.3.11): `\` `;` `,` escaped, every line break as `\n`, other control
    /// characters but tab left out.
    public static func escapeText(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r\n", "\n", "\r": result += "\\n"
            default:
                if character.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) { continue }
                result.append(character)
            }
        }
        return result
    }

    /// A URI value: taken as it is, but a line break or control character could end the line and
    /// start a property of its own, so those are left out.
    static func uri(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// A content line folded (§3.1): at most 75 octets per line, each continuation starting with
    /// one space (which counts toward its 75), and a UTF-8 character never split.
    public static func fold(_ line: String) -> String {
        var result = ""
        var current = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > limit {
                result += current + "\r\n "
                current = ""
                octets = 0
                limit = 74
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        return result + current
    }

    /// A local date-time (form 2, §3.3.5): `20261201T133000`.
    static func localDateTime(_ date: LocalDate, minute: Int) -> String {
        let compact = date.iso.replacingOccurrences(of: "-", with: "")
        return compact + "T" + pad(minute / 60) + pad(minute % 60) + "00"
    }

    /// A UTC date-time (form 1): `20261130T030000Z`.
    static func utcStamp(_ moment: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
        let year = String(parts.year ?? 1970)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + pad(parts.month ?? 1) + pad(parts.day ?? 1)
            + "T" + pad(parts.hour ?? 0) + pad(parts.minute ?? 0) + pad(parts.second ?? 0) + "Z"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
