import Foundation
import Testing
@testable import JibungotoDomain

/// What the dry run shows beyond counts (the columns a changed row changes), the template's
/// header row, and half-width katakana in free-text columns.
@Suite struct ImportPreviewTests {
    func staff(name: String = "山田 太郎", kana: String = "ヤマダ　タロウ", grade: String = "主事") -> StaffRecord {
        StaffRecord(staffNumber: "1", name: name, nameKana: kana, birthDate: importDate("1988-01-09"),
                    gender: nil, hireDate: importDate("2010-04-01"), jobType: "事務", grade: grade, employmentType: .regular)
    }

    @Test func aChangedStaffRowNamesItsColumnsInFileOrder() {
        #expect(ImportSummary.changedFields(from: staff(), to: staff(kana: "ヤマダ　タロ", grade: "主任")) == [.nameKana, .grade])
        #expect(ImportSummary.changedFields(from: staff(), to: staff()).isEmpty)
    }

    @Test func aChangedAssignmentNamesItsColumns() {
        let stored = AssignmentRecord(staffNumber: "1", sectionCode: "A", post: "主事", start: importDate("2020-04-01"), end: nil)
        var incoming = stored
        incoming.end = importDate("2023-03-31")
        incoming.post = "主任"
        #expect(ImportSummary.changedFields(from: stored, to: incoming) == [.post, .endDate])
        #expect(ImportSummary.key(incoming) == "1@2020-04-01")
    }

    @Test func theTemplateHeaderIsWhatTheImporterReadsWithoutAMapping() throws {
        #expect(ImportKind.staff.templateHeader == ["職員番号", "氏名", "氏名カナ", "生年月日", "性別", "採用年月日", "職種", "職位", "雇用区分"])
        #expect(ImportKind.assignments.templateHeader == ["職員番号", "所属コード", "職名", "発令日", "終了日"])
        let staffHeader = HeaderMapping.defaults(for: .staff).resolve(header: ImportKind.staff.templateHeader, as: StaffField.self)
        #expect(try staffHeader.get().columns.count == StaffField.allCases.count)
        let assignmentHeader = HeaderMapping.defaults(for: .assignments).resolve(header: ImportKind.assignments.templateHeader, as: AssignmentField.self)
        #expect(try assignmentHeader.get().columns.count == AssignmentField.allCases.count)
    }

    @Test(arguments: [
        ("ｼｮｸｲﾝ", "ショクイン"), ("ｽﾐｽ 花子", "スミス 花子"), ("ﾎﾟﾝﾀﾞ", "ポンダ"), ("ｶﾞｲﾄﾞ", "ガイド"),
        ("やまだ はなこ", "やまだ はなこ"), ("ＡＢＣ", "ＡＢＣ"), ("保健師", "保健師"),
    ])
    func freeTextWidensOnlyHalfWidthKatakana(input: String, expected: String) {
        #expect(ImportNormalization.text(input) == expected)
    }

    @Test func aStaffFileStoresHalfWidthKatakanaFullWidthInEveryTextColumn() throws {
        let table = try CSVTable.parse("職員番号,氏名,氏名カナ,生年月日,性別,採用年月日,職種,職位,雇用区分\r\n"
            + "S1,ｽﾐｽ 花子,ｼｮｸｲﾝ,1990-05-10,,2015-04-01,ｹﾝｺｳ,ｼｭﾆﾝ,常勤\r\n").get()
        let result = StaffImport.validate(table: table, mapping: .defaults(for: .staff))
        #expect(result.issues.isEmpty)
        let record = try #require(result.records.first?.record)
        #expect(record.name == "スミス 花子")
        #expect(record.nameKana == "ショクイン")
        #expect(record.jobType == "ケンコウ")
        #expect(record.grade == "シュニン")
    }
}
