import Foundation
import Testing
@testable import JibungotoDomain

/// One bad row (line 3, after a valid line 2) and the issue it must produce.
struct BadStaffRow: Sendable, CustomTestStringConvertible {
    var name: String
    var row: String
    var column: String?
    var kind: ImportIssueKind
    var testDescription: String { name }
}

@Suite struct StaffImportTests {
    static let badRows: [BadStaffRow] = [
        .init(name: "missing name", row: "1002,,サトウ ハナコ,S63.1.9,女,2010/4/1,事務,主事,常勤",
              column: "氏名", kind: .missingRequired),
        .init(name: "missing employment type", row: "1002,佐藤,サトウ,S63.1.9,女,2010/4/1,事務,主事, ",
              column: "雇用区分", kind: .missingRequired),
        .init(name: "2025-02-30", row: "1002,佐藤,サトウ,S63.1.9,女,2025-02-30,事務,主事,常勤",
              column: "採用年月日", kind: .badDate(.nonexistentDate(text: "2025-02-30"))),
        .init(name: "R7.13.1", row: "1002,佐藤,サトウ,R7.13.1,女,2010/4/1,事務,主事,常勤",
              column: "生年月日", kind: .badDate(.nonexistentDate(text: "R7.13.1"))),
        .init(name: "H31.5.1", row: "1002,佐藤,サトウ,S63.1.9,女,H31.5.1,事務,主事,常勤",
              column: "採用年月日",
              kind: .badDate(.outsideEra(text: "H31.5.1", era: .heisei, gregorian: importDate("2019-05-01")))),
        .init(name: "S64.1.8", row: "1002,佐藤,サトウ,S64.1.8,女,2010/4/1,事務,主事,常勤",
              column: "生年月日",
              kind: .badDate(.outsideEra(text: "S64.1.8", era: .showa, gregorian: importDate("1989-01-08")))),
        .init(name: "not a date", row: "1002,佐藤,サトウ,昭和の終わり,女,2010/4/1,事務,主事,常勤",
              column: "生年月日", kind: .badDate(.unrecognizedFormat(text: "昭和の終わり"))),
        .init(name: "gender not allowed", row: "1002,佐藤,サトウ,S63.1.9,不明,2010/4/1,事務,主事,常勤",
              column: "性別", kind: .notAllowed(value: "不明", allowed: ["男", "女", "その他", "（空欄）"])),
        .init(name: "employment type not allowed", row: "1002,佐藤,サトウ,S63.1.9,女,2010/4/1,事務,主事,嘱託",
              column: "雇用区分",
              kind: .notAllowed(value: "嘱託", allowed: ["常勤", "再任用", "定年前再任用短時間", "会計年度任用"])),
        .init(name: "kana with kanji", row: "1002,佐藤,佐藤ハナコ,S63.1.9,女,2010/4/1,事務,主事,常勤",
              column: "氏名カナ", kind: .notKana(value: "佐藤ハナコ")),
        .init(name: "staff number too long", row: "123456789012345678901,佐藤,サトウ,S63.1.9,女,2010/4/1,事務,主事,常勤",
              column: "職員番号", kind: .tooLong(max: 20, length: 21)),
        .init(name: "duplicate staff number (full-width)", row: "１００１,佐藤,サトウ,S63.1.9,女,2010/4/1,事務,主事,常勤",
              column: "職員番号", kind: .duplicateStaffNumber(number: "1001", firstLine: 2)),
        .init(name: "hired before working age", row: "1002,佐藤,サトウ,2000-04-02,女,2015-04-01,事務,主事,常勤",
              column: "採用年月日", kind: .hireBeforeWorkingAge(earliest: importDate("2016-04-01"))),
        .init(name: "too few fields", row: "1002,佐藤,サトウ,S63.1.9,女,2010/4/1,事務,主事",
              column: nil, kind: .wrongFieldCount(expected: 9, got: 8)),
        .init(name: "unquoted comma", row: "1002,佐藤,花子,サトウ,S63.1.9,女,2010/4/1,事務,主事,常勤",
              column: nil, kind: .wrongFieldCount(expected: 9, got: 10)),
    ]

    @Test(arguments: badRows, FixtureEncoding.allCases)
    func everyBadRowKindInEveryEncoding(bad: BadStaffRow, encoding: FixtureEncoding) {
        let result = validateStaff([staffHeader, validStaffRow, bad.row, "1003,鈴木,スズキ,S50.5.5,,1998/4/1,技術,係長,再任用"], encoding)
        #expect(result.detectedEncoding == encoding.detected)
        #expect(result.issues.count == 1)
        let issue = result.issues.first
        #expect(issue?.line == 3)
        #expect(issue?.column == bad.column)
        #expect(issue?.kind == bad.kind)
        #expect(result.records.map(\.line) == [2, 4])
        #expect(result.rowCount == 3)
        #expect(!result.isValid)
    }

    @Test(arguments: FixtureEncoding.allCases)
    func validFileWithCP932ExtensionsAndHalfwidthKana(encoding: FixtureEncoding) throws {
        let lines = [
            staffHeader,
            "00123,髙橋　一郎①,ﾀｶﾊｼ ｲﾁﾛｳ,昭和63年1月9日,1,平成22年4月1日,事務,主事,正規",
            "a0124,\"山﨑, 花子\",やまざき　はなこ,S40.12.31,F,1988/4/1,保健師,課長,定年前再任用短時間",
            "０１２５,㈱田中,ﾎﾟﾝﾀﾞ  ﾀﾞｲｽｹ,H2.2.2,,R4.4.1,保育士,主任,会計年度任用職員",
        ]
        let result = validateStaff(lines, encoding)
        #expect(result.issues == [])
        let records = result.records.map(\.record)
        try #require(records.count == 3)
        #expect(records[0] == StaffRecord(
            staffNumber: "00123", name: "髙橋　一郎①", nameKana: "タカハシ　イチロウ",
            birthDate: importDate("1988-01-09"), gender: .male, hireDate: importDate("2010-04-01"),
            jobType: "事務", grade: "主事", employmentType: .regular))
        #expect(records[1].staffNumber == "A0124")
        #expect(records[1].name == "山﨑, 花子")
        #expect(records[1].nameKana == "ヤマザキ　ハナコ")
        #expect(records[1].gender == .female)
        #expect(records[1].employmentType == .shortTimeReappointed)
        #expect(records[2].staffNumber == "0125")
        #expect(records[2].name == "㈱田中")
        #expect(records[2].nameKana == "ポンダ　ダイスケ")
        #expect(records[2].gender == nil)
        #expect(records[2].employmentType == .fiscalYearAppointed)
        #expect(result.records.map(\.line) == [2, 3, 4])
    }

    @Test(arguments: [
        ("S63.1.9", "1988-01-09"), ("昭和63年1月9日", "1988-01-09"), ("S40.12.31", "1965-12-31"),
        ("1970/1/2", "1970-01-02"), ("1970-01-02", "1970-01-02"),
    ], FixtureEncoding.allCases)
    func birthDateForms(form: (text: String, iso: String), encoding: FixtureEncoding) {
        let (text, iso) = form
        let row = "1002,佐藤,サトウ,\(text),女,2010/4/1,事務,主事,常勤"
        let result = validateStaff([staffHeader, row], encoding)
        #expect(result.issues == [])
        #expect(result.records.first?.record.birthDate == importDate(iso))
    }

    @Test(arguments: [
        ("H31.4.30", "2019-04-30"), ("R7.4.1", "2025-04-01"), ("令和元年5月1日", "2019-05-01"),
        ("2025/4/1", "2025-04-01"), ("2025-04-01", "2025-04-01"), ("平成元年1月8日", "1989-01-08"),
    ], FixtureEncoding.allCases)
    func hireDateForms(form: (text: String, iso: String), encoding: FixtureEncoding) {
        let (text, iso) = form
        let row = "1002,佐藤,サトウ,S40.1.1,女,\(text),事務,主事,常勤"
        let result = validateStaff([staffHeader, row], encoding)
        #expect(result.issues == [])
        #expect(result.records.first?.record.hireDate == importDate(iso))
    }

    @Test func everyBadCellOfARowIsReportedInColumnOrder() {
        let row = ",佐藤,Sato,2025-02-30,?,R7.13.1,,主事,嘱託"
        let result = validateStaff([staffHeader, row], .cp932)
        #expect(result.issues.map(\.column) == ["職員番号", "氏名カナ", "生年月日", "性別", "採用年月日", "職種", "雇用区分"])
        #expect(result.issues.allSatisfy { $0.line == 2 })
        #expect(result.records.isEmpty)
    }

    @Test(arguments: [FixtureEncoding.utf8, .cp932])
    func lineNumbersAfterMultiLineQuotedFieldsAndBlankLines(encoding: FixtureEncoding) {
        let nl = encoding.newline
        let lines = [
            staffHeader,
            validStaffRow,                                                             // 2
            "1002,\"佐藤\(nl)花子\",サトウ,S63.1.9,女,2010/4/1,\"事務,一般\",主事,常勤",  // 3-4
            "1003,鈴木,スズキ,S63.1.9,女,2025-02-30,事務,主事,常勤",                      // 5
            "",                                                                        // 6
            ",,,,,,,,",                                                                // 7
            "1004,\"田中\(nl)\(nl)一郎\",タナカ,S63.1.9,男,2010/4/1,事務,主事,常勤",       // 8-10
            "1005,伊藤,イトウ,H31.5.1,男,2010/4/1,事務,主事,常勤",                         // 11
        ]
        let result = validateStaff(lines, encoding)
        #expect(result.issues.map(\.line) == [5, 11])
        #expect(result.records.map(\.line) == [2, 3, 8])
        #expect(result.records[1].record.jobType == "事務,一般")
        #expect(result.rowCount == 5)
    }

    @Test(arguments: [
        ("男", Gender.male), ("男性", .male), ("M", .male), ("m", .male), ("1", .male), ("１", .male),
        ("女", .female), ("女性", .female), ("F", .female), ("2", .female),
        ("その他", .other), ("other", .other),
    ])
    func genderValues(text: String, gender: Gender) {
        let row = "1002,佐藤,サトウ,S63.1.9,\(text),2010/4/1,事務,主事,常勤"
        #expect(validateStaff([staffHeader, row], .utf8).records.first?.record.gender == gender)
    }

    @Test(arguments: [
        ("常勤", EmploymentType.regular), ("正規", .regular), ("regular", .regular),
        ("再任用", .reappointed), ("再任用（フルタイム）", .reappointed), ("再任用(フルタイム)", .reappointed),
        ("定年前再任用短時間", .shortTimeReappointed), ("短時間再任用", .shortTimeReappointed),
        ("shortTimeReappointed", .shortTimeReappointed),
        ("会計年度任用", .fiscalYearAppointed), ("会計年度任用職員", .fiscalYearAppointed),
    ])
    func employmentTypes(text: String, type: EmploymentType) {
        let row = "1002,佐藤,サトウ,S63.1.9,女,2010/4/1,事務,主事,\(text)"
        #expect(validateStaff([staffHeader, row], .cp932).records.first?.record.employmentType == type)
    }

    @Test func trailingEmptyFieldsAreTolerated() {
        let result = validateStaff([staffHeader, validStaffRow + ",,"], .utf8)
        #expect(result.issues == [])
        #expect(result.records.count == 1)
    }

    @Test func earliestHireFollowsTheSchoolYear() {
        // Born April 1: reaches 15 on March 31 and may start work the next day.
        #expect(StaffImport.earliestHire(birth: importDate("2000-04-01")) == importDate("2015-04-01"))
        #expect(StaffImport.earliestHire(birth: importDate("2000-04-02")) == importDate("2016-04-01"))
        #expect(StaffImport.earliestHire(birth: importDate("2001-03-31")) == importDate("2016-04-01"))
        let ok = "1002,佐藤,サトウ,2000-04-01,女,2015-04-01,事務,主事,常勤"
        #expect(validateStaff([staffHeader, ok], .utf8).issues == [])
    }

    @Test func messagesNameLineAndColumn() {
        let result = validateStaff(
            [staffHeader] + Array(repeating: "", count: 10) + ["1002,佐藤,サトウ,2025-02-30,女,2010/4/1,事務,主事,常勤"], .utf8)
        let issue = result.issues[0]
        #expect(issue.line == 12)
        #expect(issue.message.ja.hasPrefix("12行目「生年月日」：「2025-02-30」は存在しない日付です"))
        #expect(issue.message.en.hasPrefix("Line 12, column 生年月日: \"2025-02-30\" is not a real date"))
    }

    @Test func everyKindHasBothMessages() {
        let kinds: [ImportIssueKind] = Self.badRows.map(\.kind) + [
            .unknownSection(code: "X"), .unknownStaff(number: "9"), .overlappingAssignment(otherLine: 4),
            .endBeforeStart(start: importDate("2025-04-01"), end: importDate("2025-03-31")),
            .missingColumn(header: "職員番号"), .duplicateColumn(otherColumn: "職位"),
            .undecodable(encoding: .utf8), .malformedCSV, .emptyFile,
        ]
        for kind in kinds {
            let issue = ImportIssue(line: 9, column: "列", field: nil, kind: kind)
            #expect(issue.message.ja.hasPrefix("9行目「列」："))
            #expect(issue.message.ja.hasSuffix("。"))
            #expect(issue.message.en.hasPrefix("Line 9, column 列: "))
            #expect(issue.message.en.hasSuffix("."))
        }
        let duplicate = ImportIssue(line: 3, column: "職員番号", field: "staffNumber",
                                    kind: .duplicateStaffNumber(number: "1001", firstLine: 2))
        #expect(duplicate.message.ja == "3行目「職員番号」：職員番号「1001」は2行目と重複しています。")
        #expect(duplicate.message.en == "Line 3, column 職員番号: Staff number 1001 already appears on line 2.")
        let notAllowed = ImportIssue(line: 5, column: "雇用区分", field: "employmentType",
                                     kind: .notAllowed(value: "嘱託", allowed: StaffImport.employmentLabels))
        #expect(notAllowed.message.ja
            == "5行目「雇用区分」：「嘱託」は使用できない値です。使用できる値：常勤、再任用、定年前再任用短時間、会計年度任用。")
    }
}
