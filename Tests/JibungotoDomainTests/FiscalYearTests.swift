import Foundation
import Testing
@testable import JibungotoDomain
import JibungotoTestSupport

@Suite struct FiscalYearTests {
    @Test func edges() {
        #expect(FiscalYear.containing(day("2026-03-31")) == FiscalYear(startYear: 2025))
        #expect(FiscalYear.containing(day("2026-04-01")) == FiscalYear(startYear: 2026))
        #expect(FiscalYear.containing(day("2026-12-31")) == FiscalYear(startYear: 2026))
        #expect(FiscalYear.containing(day("2027-01-01")) == FiscalYear(startYear: 2026))
        let fy = FiscalYear(startYear: 2026)
        #expect(fy.start == day("2026-04-01"))
        #expect(fy.end == day("2027-03-31"))
        #expect(fy.contains(day("2027-03-31")))
        #expect(!fy.contains(day("2027-04-01")))
        #expect(!fy.contains(day("2026-03-31")))
    }

    @Test func leapFiscalYearLength() {
        #expect(FiscalYear(startYear: 2023).start.days(until: FiscalYear(startYear: 2023).end) == 365)
        #expect(FiscalYear(startYear: 2025).start.days(until: FiscalYear(startYear: 2025).end) == 364)
    }

    @Test func navigationAndOrder() {
        let fy = FiscalYear(startYear: 2026)
        #expect(fy.next == FiscalYear(startYear: 2027))
        #expect(fy.previous == FiscalYear(startYear: 2025))
        #expect(fy.previous < fy && fy < fy.next)
        #expect(fy.next.start == fy.end.adding(days: 1))
        #expect(fy.description == "FY2026")
    }

    @Test func codableAsStartYear() throws {
        let data = try JSONEncoder().encode([FiscalYear(startYear: 2026)])
        #expect(String(decoding: data, as: UTF8.self) == "[2026]")
        #expect(try JSONDecoder().decode([FiscalYear].self, from: data) == [FiscalYear(startYear: 2026)])
    }

    @Test func labels() {
        let fy2026 = FiscalYear(startYear: 2026)
        #expect(fy2026.label(language: "ja", display: .gregorian) == "2026年度")
        #expect(fy2026.label(language: "ja", display: .wareki) == "令和8年度")
        #expect(fy2026.label(language: "en", display: .gregorian) == "FY2026")
        #expect(fy2026.label(language: "en", display: .wareki) == "FY Reiwa 8 (2026)")
        #expect(fy2026.label(language: "ja-JP", display: .wareki) == "令和8年度")
        // Starts in Heisei (2019-04-01) but is named by the new era.
        #expect(FiscalYear(startYear: 2019).label(language: "ja", display: .wareki) == "令和元年度")
        #expect(FiscalYear(startYear: 2019).label(language: "en", display: .wareki) == "FY Reiwa 1 (2019)")
        #expect(FiscalYear(startYear: 2018).label(language: "ja", display: .wareki) == "平成30年度")
        #expect(FiscalYear(startYear: 1989).label(language: "ja", display: .wareki) == "平成元年度")
        #expect(FiscalYear(startYear: 1988).label(language: "ja", display: .wareki) == "昭和63年度")
        #expect(FiscalYear(startYear: 1850).label(language: "ja", display: .wareki) == "1850年度")
    }
}
