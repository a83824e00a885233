import Foundation
import Testing
@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Calendar months")
struct YearMonthTests {
    @Test("typed forms are read; impossible or other text is not")
    func parsing() {
        #expect(YearMonth(text: "2026-11") == YearMonth(year: 2026, month: 11))
        #expect(YearMonth(text: "2026/1") == YearMonth(year: 2026, month: 1))
        #expect(YearMonth(text: "２０２６年１１月") == YearMonth(year: 2026, month: 11))
        #expect(YearMonth(text: " 2026-04 ") == YearMonth(year: 2026, month: 4))
        #expect(YearMonth(text: "2026-13") == nil)
        #expect(YearMonth(text: "2026-00") == nil)
        #expect(YearMonth(text: "26-11") == nil)
        #expect(YearMonth(text: "2026-11-01") == nil)
        #expect(YearMonth(text: "") == nil)
    }

    @Test("months across a year end, their first and last days, and their text")
    func arithmeticAndText() throws {
        let months = YearMonth.months(from: day("2026-11-20"), through: day("2027-02-01"))
        #expect(months.map(\.iso) == ["2026-11", "2026-12", "2027-01", "2027-02"])
        #expect(YearMonth.months(from: day("2026-11-20"), through: day("2026-11-01")).isEmpty)
        let february = try #require(YearMonth(year: 2028, month: 2))
        #expect(february.firstDay == day("2028-02-01"))
        #expect(february.lastDay == day("2028-02-29"))
        #expect(february.adding(months: -3).iso == "2027-11")
        #expect(YearMonth(year: 2026, month: 11)!.formatted(language: "ja", display: .wareki) == "令和8年11月")
        #expect(YearMonth(year: 2019, month: 4)!.formatted(language: "ja", display: .wareki) == "平成31年4月")
        #expect(YearMonth(year: 2019, month: 5)!.formatted(language: "ja", display: .wareki) == "令和元年5月")
        #expect(YearMonth(year: 2026, month: 11)!.formatted(language: "ja", display: .gregorian) == "2026年11月")
        #expect(YearMonth(year: 2026, month: 11)!.formatted(language: "en", display: .gregorian) == "November 2026")
        #expect(YearMonth(year: 2026, month: 11)!.formatted(language: "en", display: .wareki) == "November Reiwa 8 (2026)")
    }

    @Test("stored as YYYY-MM, and a stored value that is not one fails to decode")
    func coding() throws {
        let data = try JSONEncoder().encode([YearMonth(year: 2026, month: 4)!])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-04\"]")
        #expect(try JSONDecoder().decode([YearMonth].self, from: data) == [YearMonth(year: 2026, month: 4)!])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([YearMonth].self, from: Data("[\"2026-4\"]".utf8)) }
    }
}
