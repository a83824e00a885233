import Foundation
import Testing
@testable import JibungotoDomain
import JibungotoTestSupport

@Suite struct JapaneseEraTests {
    @Test(arguments: [
        ("1989-01-07", "昭和64年1月7日", "S64.1.7"),
        ("1989-01-08", "平成元年1月8日", "H1.1.8"),
        ("2019-04-30", "平成31年4月30日", "H31.4.30"),
        ("2019-05-01", "令和元年5月1日", "R1.5.1"),
        ("2026-04-01", "令和8年4月1日", "R8.4.1"),
        ("1926-12-24", "大正15年12月24日", "T15.12.24"),
        ("1926-12-25", "昭和元年12月25日", "S1.12.25"),
        ("1912-07-29", "明治45年7月29日", "M45.7.29"),
        ("1912-07-30", "大正元年7月30日", "T1.7.30"),
        ("1868-01-01", "明治元年1月1日", "M1.1.1"),
    ])
    func boundaries(iso: String, japanese: String, abbreviated: String) throws {
        let wareki = try #require(WarekiDate(day(iso)))
        #expect(wareki.japanese == japanese)
        #expect(wareki.abbreviated == abbreviated)
        #expect(wareki.localDate == day(iso))
        #expect(day(iso).formatted(language: "ja", display: .wareki) == japanese)
    }

    @Test func eraRanges() {
        #expect(JapaneseEra.containing(day("1867-12-31")) == nil)
        #expect(WarekiDate(day("1867-12-31")) == nil)
        #expect(JapaneseEra.showa.end == day("1989-01-07"))
        #expect(JapaneseEra.heisei.end == day("2019-04-30"))
        #expect(JapaneseEra.reiwa.end == nil)
        #expect(JapaneseEra.heisei.next == .reiwa)
        #expect(JapaneseEra.showa < JapaneseEra.heisei)
        #expect(JapaneseEra.reiwa.gregorianYear(eraYear: 8) == 2026)
        #expect(JapaneseEra.eraYear(forGregorianYear: 2019)! == (JapaneseEra.reiwa, 1))
        #expect(JapaneseEra.eraYear(forGregorianYear: 1989)! == (JapaneseEra.heisei, 1))
        #expect(JapaneseEra.eraYear(forGregorianYear: 1867) == nil)
    }

    @Test func warekiDateValidation() {
        #expect(WarekiDate(era: .heisei, year: 31, month: 4, day: 30)?.localDate == day("2019-04-30"))
        #expect(WarekiDate(era: .heisei, year: 31, month: 5, day: 1) == nil)
        #expect(WarekiDate(era: .reiwa, year: 1, month: 4, day: 30) == nil)
        #expect(WarekiDate(era: .reiwa, year: 0, month: 5, day: 1) == nil)
        #expect(WarekiDate(era: .reiwa, year: 7, month: 2, day: 29) == nil)
        #expect(WarekiDate(era: .reiwa, year: 6, month: 2, day: 29)?.localDate == day("2024-02-29"))
    }

    @Test func displayFormats() {
        let date = day("2026-04-01")
        #expect(date.formatted(language: "ja", display: .gregorian) == "2026年4月1日")
        #expect(date.formatted(language: "ja", display: .wareki) == "令和8年4月1日")
        #expect(date.formatted(language: "en", display: .gregorian) == "1 April 2026")
        #expect(date.formatted(language: "en", display: .wareki) == "1 April Reiwa 8 (2026)")
        #expect(day("2019-05-01").formatted(language: "en", display: .wareki) == "1 May Reiwa 1 (2019)")
        #expect(day("2019-05-01").formatted(language: "ja", display: .wareki) == "令和元年5月1日")
        #expect(day("1850-12-25").formatted(language: "ja", display: .wareki) == "1850年12月25日")
        #expect(day("1850-12-25").formatted(language: "en", display: .wareki) == "25 December 1850")
        #expect(date.formatted(language: "fr", display: .gregorian) == "1 April 2026")
    }

    /// The era table is our own; ICU's Japanese calendar must agree on every boundary and on a
    /// spread of ordinary days. ICU starts Meiji on 1868-09-08 (a lunar date read as
    /// Gregorian), so the comparison begins after the 1873 calendar reform.
    @Test func agreesWithFoundationJapaneseCalendar() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        var japanese = Calendar(identifier: .japanese)
        japanese.timeZone = tokyo
        let formatter = DateFormatter()
        formatter.calendar = japanese
        formatter.locale = Locale(identifier: "ja_JP")
        formatter.timeZone = tokyo

        var dates: [LocalDate] = []
        for era in JapaneseEra.allCases where era != .meiji {
            for offset in -3...3 { dates.append(era.start.adding(days: offset)) }
        }
        var seed: UInt64 = 0x5EED
        let first = day("1873-01-01").dayNumber
        let span = day("2100-12-31").dayNumber - first
        for _ in 0..<400 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            dates.append(LocalDate(dayNumber: first + Int((seed >> 33) % UInt64(span))))
        }

        var mismatches: [String] = []
        for date in dates {
            let instant = date.startOfDay(in: tokyo)
            let wareki = WarekiDate(date)!
            formatter.dateFormat = "GGGGy年M月d日"
            let full = formatter.string(from: instant)
            formatter.dateFormat = "GGGGGy.M.d"
            let short = formatter.string(from: instant)
            if full != wareki.japanese || short != wareki.abbreviated {
                mismatches.append("\(date): ours \(wareki.japanese) \(wareki.abbreviated), ICU \(full) \(short)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
