import Foundation
import Testing
@testable import JibungotoDomain

@Suite struct HeaderMappingTests {
    let staff = HeaderMapping.defaults(for: .staff)

    @Test func defaultHeadersResolveInAnyOrder() throws {
        let header = ["雇用区分", "職位", "職種", "採用年月日", "性別", "生年月日", "氏名カナ", "氏名", "職員番号", "備考"]
        let resolved = try staff.resolve(header: header, as: StaffField.self).get()
        #expect(resolved.columns[.staffNumber] == 8)
        #expect(resolved.columns[.employmentType] == 0)
        #expect(resolved.ignoredColumns == [9])
    }

    @Test(arguments: [
        ("職員No", StaffField.staffNumber), ("職員ＮＯ", .staffNumber), ("職員コード", .staffNumber),
        ("職員 番号", .staffNumber), ("staffNumber", .staffNumber), ("STAFF_NUMBER", .staffNumber),
        ("漢字氏名", .name), ("職員氏名", .name),
        ("カナ氏名", .nameKana), ("フリガナ", .nameKana), ("氏名（カナ）", .nameKana), ("氏名(カナ)", .nameKana),
        ("ﾌﾘｶﾞﾅ", .nameKana),
        ("採用日", .hireDate), ("任用年月日", .hireDate),
        ("職層", .grade), ("役職", .grade), ("級", .grade),
        ("任用区分", .employmentType), ("雇用形態", .employmentType),
    ])
    func staffAliases(header: String, field: StaffField) {
        #expect(staff.fieldKey(forHeader: header) == field.rawValue)
    }

    @Test(arguments: [
        ("所属CD", AssignmentField.sectionCode), ("部署コード", .sectionCode), ("所属ｺｰﾄﾞ", .sectionCode),
        ("職名", .post), ("役職", .post),
        ("発令日", .startDate), ("開始日", .startDate), ("異動日", .startDate), ("着任日", .startDate),
        ("終了日", .endDate), ("転出日", .endDate),
    ])
    func assignmentAliases(header: String, field: AssignmentField) {
        #expect(HeaderMapping.defaults(for: .assignments).fieldKey(forHeader: header) == field.rawValue)
    }

    @Test func missingRequiredColumnsAreAllReportedOnTheHeaderLine() throws {
        let failure = try #require(staff.resolve(header: ["職員番号", "氏名", "性別"], as: StaffField.self).importFailure)
        #expect(failure.issues.map(\.field) == ["nameKana", "birthDate", "hireDate", "jobType", "grade", "employmentType"])
        #expect(failure.issues.allSatisfy { $0.line == 1 && $0.column == nil })
        #expect(failure.issues[0].kind == .missingColumn(header: "氏名カナ"))
        #expect(failure.issues[0].message.ja == "1行目：必須の列「氏名カナ」がありません。見出しの対応付けを確認してください。")
        #expect(failure.issues[0].message.en == "Line 1: The required column 氏名カナ is missing. Check the header mapping.")
    }

    @Test func optionalColumnMayBeAbsent() throws {
        let header = staffHeader.split(separator: ",").map(String.init).filter { $0 != "性別" }
        let resolved = try staff.resolve(header: header, as: StaffField.self).get()
        #expect(resolved.columns[.gender] == nil)
    }

    @Test func duplicateColumnNamesBoth() throws {
        let header = staffHeader.split(separator: ",").map(String.init) + ["役職"]
        let failure = try #require(staff.resolve(header: header, as: StaffField.self).importFailure)
        #expect(failure.issues == [ImportIssue(line: 1, column: "役職", field: "grade", kind: .duplicateColumn(otherColumn: "職位"))])
        #expect(failure.issues[0].message.ja
            == "1行目「役職」：列「職位」と同じ項目に対応付けられています。どちらかの対応付けを外してください。")
    }

    @Test func customEntriesOverrideDefaultsAndCanIgnoreAColumn() throws {
        let header = ["社員CD", "氏名", "読み", "生年月日", "採用年月日", "職種", "職位", "役職", "雇用区分"]
        let custom = ["社員ＣＤ": "staffNumber", "読み": "nameKana", "役職": "", "氏名": "name"]
        let mapping = staff.merging(custom)
        let resolved = try mapping.resolve(header: header, as: StaffField.self).get()
        #expect(resolved.columns[.staffNumber] == 0)
        #expect(resolved.columns[.nameKana] == 2)
        #expect(resolved.columns[.grade] == 6)
        #expect(resolved.ignoredColumns == [7])
        #expect(mapping.fieldKey(forHeader: "役職") == nil)
    }

    @Test func unknownFieldKeysAreNotMergedAndCanBeListed() {
        let custom = ["X": "shoeSize", "Y": "sectionCode", "Z": "name"]
        #expect(staff.invalidFieldKeys(in: custom) == ["sectionCode", "shoeSize"])
        let merged = staff.merging(custom)
        #expect(merged.fieldKey(forHeader: "X") == nil)
        #expect(merged.fieldKey(forHeader: "Z") == "name")
    }

    @Test func codableRoundTrip() throws {
        let mapping = staff.merging(["読み": "nameKana"])
        let data = try JSONEncoder().encode(mapping)
        #expect(try JSONDecoder().decode(HeaderMapping.self, from: data) == mapping)
    }

    @Test func headerProblemsStopTheStaffImport() {
        let result = validateStaff(["職員番号,氏名", "1001,山田"], .cp932)
        #expect(result.records.isEmpty)
        #expect(result.issues.allSatisfy { $0.kind == .missingColumn(header: StaffField(rawValue: $0.field ?? "")!.japaneseName) })
        #expect(result.detectedEncoding == .cp932)
    }
}
