import Foundation
import Testing
@testable import JibungotoDomain
import JibungotoTestSupport

@Suite struct LocalDateTests {
    @Test func isoRoundTrip() {
        #expect(day("2026-04-01").iso == "2026-04-01")
        #expect(LocalDate(year: 7, month: 1, day: 9)?.iso == "0007-01-09")
        #expect(day("2026-04-01").description == "2026-04-01")
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "0000-01-01",
                      "2025-4-1", "2025/04/01", "20250401", " 2025-04-01", "2025-04-01T00:00", ""])
    func strictIsoRejects(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func leapYears() {
        #expect(LocalDate.isLeapYear(2024))
        #expect(LocalDate.isLeapYear(2000))
        #expect(!LocalDate.isLeapYear(1900))
        #expect(!LocalDate.isLeapYear(2025))
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
    }

    @Test func ordering() {
        #expect(day("2025-12-31") < day("2026-01-01"))
        #expect(day("2026-01-31") < day("2026-02-01"))
        #expect(day("2026-02-01") < day("2026-02-02"))
        #expect([day("2026-04-01"), day("1999-12-31"), day("2026-03-31")].sorted()
            == [day("1999-12-31"), day("2026-03-31"), day("2026-04-01")])
    }

    @Test func codableAsIsoString() throws {
        struct Box: Codable, Equatable { var date: LocalDate }
        let data = try JSONEncoder().encode(Box(date: day("2026-04-01")))
        #expect(String(decoding: data, as: UTF8.self) == #"{"date":"2026-04-01"}"#)
        #expect(try JSONDecoder().decode(Box.self, from: data) == Box(date: day("2026-04-01")))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Box.self, from: Data(#"{"date":"2026-02-30"}"#.utf8))
        }
    }

    @Test func dayArithmetic() {
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("2026-04-01").adding(days: -1) == day("2026-03-31"))
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2025-02-28").adding(days: 1) == day("2025-03-01"))
        #expect(day("2025-12-31").adding(days: 1) == day("2026-01-01"))
        #expect(day("2026-04-01").days(until: day("2027-04-01")) == 365)
        #expect(day("2027-04-01").days(until: day("2028-04-01")) == 366)
        #expect(day("2026-04-01").adding(days: Int.max) == .latest)
        #expect(day("2026-04-01").adding(days: Int.min) == .earliest)
    }

    /// Every day from 1868 to 2100 against Foundation's Gregorian calendar: the day-number
    /// conversion is the base of all other arithmetic.
    @Test func dayNumbersMatchFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var mismatches = 0
        var date = day("1868-01-01")
        var instant = calendar.date(from: DateComponents(year: 1868, month: 1, day: 1))!
        while date.year <= 2100 {
            let parts = calendar.dateComponents([.year, .month, .day], from: instant)
            if parts.year != date.year || parts.month != date.month || parts.day != date.day
                || Int((instant.timeIntervalSince1970 / 86_400).rounded()) != date.dayNumber
                || LocalDate(dayNumber: date.dayNumber) != date {
                mismatches += 1
            }
            date = date.adding(days: 1)
            instant += 86_400
        }
        #expect(mismatches == 0)
    }

    @Test func monthAndYearArithmetic() {
        #expect(day("2026-01-31").adding(months: 1) == day("2026-02-28"))
        #expect(day("2024-01-31").adding(months: 1) == day("2024-02-29"))
        #expect(day("2026-03-31").adding(months: -1) == day("2026-02-28"))
        #expect(day("2026-11-15").adding(months: 3) == day("2027-02-15"))
        #expect(day("2026-02-15").adding(months: -14) == day("2024-12-15"))
        #expect(day("2024-02-29").adding(years: 1) == day("2025-02-28"))
        #expect(day("2024-02-29").adding(years: 4) == day("2028-02-29"))
        #expect(day("2024-02-29").adding(years: 3) == day("2027-02-28"))
        #expect(day("2026-04-01").adding(years: -10) == day("2016-04-01"))
        #expect(day("2026-04-01").adding(years: Int.max) == .latest)
        #expect(day("2026-04-01").adding(years: Int.min) == .earliest)
    }

    @Test func dateConversionInTokyo() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        // 2026-03-31T15:00:00Z is midnight starting April 1 in Tokyo.
        let instant = Date(timeIntervalSince1970: 1_774_969_200)
        #expect(LocalDate(instant, in: tokyo) == day("2026-04-01"))
        #expect(LocalDate(instant, in: TimeZone(identifier: "UTC")!) == day("2026-03-31"))
        #expect(LocalDate(instant - 1, in: tokyo) == day("2026-03-31"))
        #expect(day("2026-04-01").startOfDay(in: tokyo) == instant)
        #expect(FiscalYear.containing(instant, in: tokyo) == FiscalYear(startYear: 2026))
        #expect(FiscalYear.containing(instant - 1, in: tokyo) == FiscalYear(startYear: 2025))
    }
}
