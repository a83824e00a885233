import Testing
@testable import JibungotoDomain
import JibungotoTestSupport

@Suite struct DateParsingTests {
    @Test(arguments: [
        ("2025-04-01", "2025-04-01"),
        ("2025/4/1", "2025-04-01"),
        ("2025/04/01", "2025-04-01"),
        ("2025.4.1", "2025-04-01"),
        ("2025年4月1日", "2025-04-01"),
        ("20250401", "2025-04-01"),
        ("  2025/4/1 ", "2025-04-01"),
        ("２０２５年４月１日", "2025-04-01"),
        ("２０２５／０４／０１", "2025-04-01"),
        ("2024-02-29", "2024-02-29"),
        ("昭和63年1月9日", "1988-01-09"),
        ("昭和64年1月7日", "1989-01-07"),
        ("平成元年1月8日", "1989-01-08"),
        ("平成31年4月30日", "2019-04-30"),
        ("令和元年5月1日", "2019-05-01"),
        ("令和1年5月1日", "2019-05-01"),
        ("令和 8年 4月 1日", "2026-04-01"),
        ("令和８年４月１日", "2026-04-01"),
        ("明治45年7月29日", "1912-07-29"),
        ("大正元年7月30日", "1912-07-30"),
        ("S63.1.9", "1988-01-09"),
        ("H31.4.30", "2019-04-30"),
        ("R7.4.1", "2025-04-01"),
        ("R07.04.01", "2025-04-01"),
        ("S63/1/9", "1988-01-09"),
        ("H1-1-8", "1989-01-08"),
        ("s63.1.9", "1988-01-09"),
        ("r7.4.1", "2025-04-01"),
        ("Ｒ７．４．１", "2025-04-01"),
        ("ｒ７．４．１", "2025-04-01"),
        ("R7。4。1", "2025-04-01"),
        ("H元.1.8", "1989-01-08"),
        ("R7年4月1日", "2025-04-01"),
        ("令和7.4.1", "2025-04-01"),
        ("㋿7.4.1", "2025-04-01"),
        ("㍻31年4月30日", "2019-04-30"),
        ("M45.7.29", "1912-07-29"),
        ("T15.12.24", "1926-12-24"),
        ("R6.2.29", "2024-02-29"),
    ])
    func accepts(_ text: String, _ expected: String) {
        #expect(LocalDate.parseJapanese(text) == .success(day(expected)))
    }

    @Test(arguments: [
        "2025-02-30", "2025/2/29", "2025-13-01", "2025-00-01", "2025年4月31日", "20250230",
        "R7.13.1", "R7.2.29", "R0.5.1", "令和0年5月1日", "S63.2.30", "R7.4.0",
    ])
    func rejectsNonexistentDays(_ text: String) {
        #expect(LocalDate.parseJapanese(text) == .failure(.nonexistentDate(text: text)))
    }

    @Test(arguments: [
        ("H31.5.1", JapaneseEra.heisei, "2019-05-01"),
        ("平成31年5月1日", .heisei, "2019-05-01"),
        ("S64.1.8", .showa, "1989-01-08"),
        ("昭和65年1月1日", .showa, "1990-01-01"),
        ("R1.4.30", .reiwa, "2019-04-30"),
        ("令和元年4月30日", .reiwa, "2019-04-30"),
        ("T1.7.29", .taisho, "1912-07-29"),
        ("M46.1.1", .meiji, "1913-01-01"),
    ])
    func rejectsDatesOutsideTheirEra(_ text: String, _ era: JapaneseEra, _ gregorian: String) {
        #expect(LocalDate.parseJapanese(text)
            == .failure(.outsideEra(text: text, era: era, gregorian: day(gregorian))))
    }

    @Test(arguments: [
        "4/1/2025", "25/4/1", "2025/4", "2025年4月", "2025年4月1", "2025-4/1", "2025/4/1/",
        "R7", "R7.4", "X7.4.1", "R123.4.1", "R7.123.1", "元.4.1", "2025年元月1日", "令和7年4-1",
        "2025-04-01T09:00", "abc", "202504011", "R7.4.1日",
    ])
    func rejectsUnrecognizedForms(_ text: String) {
        #expect(LocalDate.parseJapanese(text) == .failure(.unrecognizedFormat(text: text)))
    }

    @Test(arguments: ["", "   ", "\u{3000}", "\t"])
    func rejectsEmpty(_ text: String) {
        #expect(LocalDate.parseJapanese(text) == .failure(.empty))
    }

    @Test func errorTextIsTrimmedInput() {
        #expect(LocalDate.parseJapanese(" R7.13.1\u{3000}") == .failure(.nonexistentDate(text: "R7.13.1")))
    }

    @Test func messages() {
        let outside = DateParseError.outsideEra(text: "H31.5.1", era: .heisei, gregorian: day("2019-05-01"))
        #expect(outside.message.ja
            == "「H31.5.1」は平成の期間外の日付です（平成は1989年1月8日～2019年4月30日）。2019年5月1日は令和元年5月1日です。")
        #expect(outside.message.en
            == "\"H31.5.1\" is outside the Heisei era (1989-01-08 to 2019-04-30). 2019-05-01 is R1.5.1 (令和元年5月1日).")
        let beforeReiwa = DateParseError.outsideEra(text: "R1.4.30", era: .reiwa, gregorian: day("2019-04-30"))
        #expect(beforeReiwa.message.ja
            == "「R1.4.30」は令和の期間外の日付です（令和は2019年5月1日～）。2019年4月30日は平成31年4月30日です。")
        #expect(beforeReiwa.message.en.contains("(from 2019-05-01)"))

        #expect(DateParseError.nonexistentDate(text: "2025-02-30").message.ja
            .hasPrefix("「2025-02-30」は存在しない日付です"))
        #expect(DateParseError.nonexistentDate(text: "2025-02-30").message.en
            .hasPrefix("\"2025-02-30\" is not a real date"))
        #expect(DateParseError.unrecognizedFormat(text: "4/1/2025").message.ja
            .hasPrefix("「4/1/2025」は日付として読み取れません。"))
        #expect(DateParseError.unrecognizedFormat(text: "4/1/2025").message.en
            .hasPrefix("\"4/1/2025\" is not a recognized date."))
        #expect(DateParseError.empty.message.ja == "日付が入力されていません。")
        #expect(DateParseError.empty.message.en == "The date is empty.")
        let long = String(repeating: "あ", count: 60)
        #expect(DateParseError.unrecognizedFormat(text: long).message.ja
            .hasPrefix("「" + String(repeating: "あ", count: 40) + "…」"))
    }

    /// Everything the app prints in either display form reads back as the same day.
    @Test func formattedDatesParseBack() {
        var date = day("1900-01-01")
        while date.year < 2101 {
            for display in DateDisplay.allCases {
                #expect(LocalDate.parseJapanese(date.formatted(language: "ja", display: display)) == .success(date))
            }
            #expect(LocalDate.parseJapanese(WarekiDate(date)!.abbreviated) == .success(date))
            date = date.adding(days: 97)
        }
    }
}
