import Foundation
import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("iCalendar (RFC 5545): line endings, folding, TEXT escaping, local times with VTIMEZONE")
struct ICalendarTests {
    let stamp = Date(timeIntervalSince1970: 1_796_007_600)  // 2026-11-30 03:00:00 UTC (12:00 in Japan)

    func event(summary: String = "若手職員ワークショップ", description: String? = nil, location: String? = nil, url: String? = nil) -> ICalendarEvent {
        ICalendarEvent(uid: "5f0c7c1e-0000-4000-8000-000000000001@jibungoto",
                       time: DialogueSessionTime(date: day("2026-12-10"), start: 13 * 60 + 30, end: 16 * 60)!,
                       summary: summary, description: description, location: location, url: url, status: .confirmed)
    }

    /// The document's content lines, unfolded (§3.1: a CRLF followed by one space is removed).
    func unfolded(_ document: String) -> [String] {
        document.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast().map { $0 }
    }

    @Test("every line ends in CRLF, none in a bare LF or CR, and the document ends with a line break")
    func lineEndings() {
        let document = ICalendar.document(events: [event(description: "一行目\n二行目\r\n三行目")], name: "対話の予定", stamp: stamp)
        let bytes = Array(document.utf8)
        #expect(bytes.suffix(2) == [13, 10])
        for (index, byte) in bytes.enumerated() {
            if byte == 10 { #expect(index > 0 && bytes[index - 1] == 13, "a LF at \(index) without its CR") }
            if byte == 13 { #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "a CR at \(index) without its LF") }
        }
    }

    @Test("the calendar, its time zone and the event's required properties")
    func structure() {
        let lines = unfolded(ICalendar.document(events: [event(location: "本庁舎 4階 大会議室")], name: "対話の予定", stamp: stamp))
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0") && lines.contains("PRODID:-//Jibungoto//Dialogue//JA"))
        let zone = lines.drop(while: { $0 != "BEGIN:VTIMEZONE" }).prefix(while: { $0 != "END:VTIMEZONE" })
        #expect(Array(zone) == ["BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                                "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD"])
        #expect(lines.contains("UID:5f0c7c1e-0000-4000-8000-000000000001@jibungoto"))
        #expect(lines.contains("DTSTAMP:20261130T030000Z"))
        #expect(lines.contains("DTSTART;TZID=Asia/Tokyo:20261210T133000"))
        #expect(lines.contains("DTEND;TZID=Asia/Tokyo:20261210T160000"))
        #expect(lines.contains("SUMMARY:若手職員ワークショップ"))
        #expect(lines.contains("LOCATION:本庁舎 4階 大会議室"))
        #expect(lines.contains("STATUS:CONFIRMED"))
        #expect(lines.contains("X-WR-CALNAME:対話の予定"))
        #expect(lines.firstIndex(of: "END:VTIMEZONE")! < lines.firstIndex(of: "BEGIN:VEVENT")!, "the time zone comes before the events that use it")
        #expect(!lines.contains { $0.hasPrefix("DESCRIPTION") || $0.hasPrefix("URL") }, "empty properties are left out")
    }

    @Test("TEXT values escape backslash, semicolon, comma and every kind of line break")
    func escaping() {
        #expect(ICalendar.escapeText(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendar.escapeText("一\n二\r\n三\r四") == #"一\n二\n三\n四"#)
        #expect(ICalendar.escapeText("タブ\tは残し\u{7}ベルは除く") == "タブ\tは残しベルは除く")
        let lines = unfolded(ICalendar.document(events: [event(summary: "対話, 気づき; そして\\問い")], stamp: stamp))
        #expect(lines.contains(#"SUMMARY:対話\, 気づき\; そして\\問い"#))
    }

    @Test("a link cannot start a property of its own")
    func uriValues() {
        let lines = unfolded(ICalendar.document(events: [event(url: "https://meet.example.jp/a?b=1,2\r\nATTENDEE:x")], stamp: stamp))
        #expect(lines.contains("URL:https://meet.example.jp/a?b=1,2ATTENDEE:x"))
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") })
    }

    @Test("long lines fold at 75 octets, never inside a UTF-8 character, and unfold to the original")
    func folding() {
        let long = String(repeating: "対話と問いから気づきが生まれる。", count: 12) + " ASCII tail, with commas"
        let document = ICalendar.document(events: [event(description: long)], stamp: stamp)
        for line in document.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)")
            #expect(String(decoding: Array(line.utf8), as: UTF8.self) == line)
        }
        #expect(unfolded(document).contains("DESCRIPTION:" + ICalendar.escapeText(long)))
        let ascii = String(repeating: "x", count: 200)
        let folded = ICalendar.fold(ascii)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.map { $0.utf8.count } == [75, 75, 52])
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(ICalendar.fold("short") == "short")
        // A 3-octet character that would straddle octet 75 moves to the next line whole.
        let straddling = String(repeating: "a", count: 74) + "気" + "b"
        #expect(ICalendar.fold(straddling) == String(repeating: "a", count: 74) + "\r\n 気b")
    }
}
