import Foundation
import Testing
@testable import JibungotoDomain

struct BadAssignmentRows: Sendable, CustomTestStringConvertible {
    var name: String
    var rows: [String]
    /// (line, column, kind) expected, in order.
    var expected: [ExpectedIssue]
    var testDescription: String { name }
}

struct ExpectedIssue: Sendable, Equatable {
    var line: Int
    var column: String?
    var kind: ImportIssueKind
}

@Suite struct AssignmentImportTests {
    static let cases: [BadAssignmentRows] = [
        .init(name: "unknown section", rows: ["1001,Z999,主事,R2.4.1,R5.3.31"],
              expected: [.init(line: 2, column: "所属コード", kind: .unknownSection(code: "Z999"))]),
        .init(name: "unknown staff", rows: ["9999,A100,主事,R2.4.1,"],
              expected: [.init(line: 2, column: "職員番号", kind: .unknownStaff(number: "9999"))]),
        .init(name: "end before start", rows: ["1001,A100,主事,R5.4.1,R5.3.31"],
              expected: [.init(line: 2, column: "終了日", kind: .endBeforeStart(
                  start: importDate("2023-04-01"), end: importDate("2023-03-31")))]),
        .init(name: "missing post", rows: ["1001,A100,,R5.4.1,"],
              expected: [.init(line: 2, column: "職名", kind: .missingRequired)]),
        .init(name: "bad start date", rows: ["1001,A100,主事,2025-02-30,"],
              expected: [.init(line: 2, column: "発令日", kind: .badDate(.nonexistentDate(text: "2025-02-30")))]),
        .init(name: "overlap with open-ended", rows: [
            "1001,A100,主事,H29.4.1,",
            "1001,A200,主任,R2.4.1,R5.3.31",
        ], expected: [.init(line: 3, column: "発令日", kind: .overlappingAssignment(otherLine: 2))]),
        .init(name: "overlap reported on the later line even when it starts earlier", rows: [
            "1002,A100,主事,R2.4.1,R5.3.31",
            "1003,B300,主事,R2.4.1,",
            "1002,A200,主事,H29.4.1,R2.4.1",
        ], expected: [.init(line: 4, column: "発令日", kind: .overlappingAssignment(otherLine: 2))]),
        .init(name: "same day twice", rows: [
            "1001,A100,主事,R2.4.1,R2.4.1",
            "1001,A200,主事,R2.4.1,R2.4.1",
        ], expected: [.init(line: 3, column: "発令日", kind: .overlappingAssignment(otherLine: 2))]),
        .init(name: "wrong field count", rows: ["1001,A100,主事"],
              expected: [.init(line: 2, column: nil, kind: .wrongFieldCount(expected: 5, got: 3))]),
    ]

    @Test(arguments: cases, FixtureEncoding.allCases)
    func everyBadRowKindInEveryEncoding(bad: BadAssignmentRows, encoding: FixtureEncoding) {
        let result = validateAssignments([assignmentHeader] + bad.rows, encoding)
        #expect(result.detectedEncoding == encoding.detected)
        #expect(result.issues.map { ExpectedIssue(line: $0.line, column: $0.column, kind: $0.kind) } == bad.expected)
        #expect(!result.records.contains { row in bad.expected.contains { $0.line == row.line } })
    }

    @Test(arguments: FixtureEncoding.allCases)
    func validHistoryWithAdjacentPeriods(encoding: FixtureEncoding) {
        let lines = [
            "職員番号,所属ｺｰﾄﾞ,職名,異動日,転出日,備考",
            "1001,a100,主事,H28.4.1,R1.5.31,①㈱",
            "１００１,Ａ２００,主任,令和元年6月1日,2023/3/31,髙﨑",
            "1001,B300,係長,2023-04-01,,",
            "1002,A100,主事,S63.1.9,H31.4.30,",
        ]
        let result = validateAssignments(lines, encoding)
        #expect(result.issues == [])
        #expect(result.ignoredColumns == ["備考"])
        #expect(result.records.map(\.record) == [
            AssignmentRecord(staffNumber: "1001", sectionCode: "A100", post: "主事",
                             start: importDate("2016-04-01"), end: importDate("2019-05-31")),
            AssignmentRecord(staffNumber: "1001", sectionCode: "A200", post: "主任",
                             start: importDate("2019-06-01"), end: importDate("2023-03-31")),
            AssignmentRecord(staffNumber: "1001", sectionCode: "B300", post: "係長",
                             start: importDate("2023-04-01"), end: nil),
            AssignmentRecord(staffNumber: "1002", sectionCode: "A100", post: "主事",
                             start: importDate("1988-01-09"), end: importDate("2019-04-30")),
        ])
    }

    @Test func recordsCarryTheCallersSpellingOfCodes() {
        let result = validateAssignments(
            [assignmentHeader, "s-01,ｋ１０,主事,R2.4.1,"], .utf8, sections: ["k10"], staff: ["S-01"])
        #expect(result.issues == [])
        #expect(result.records.first?.record.sectionCode == "k10")
        #expect(result.records.first?.record.staffNumber == "S-01")
    }

    @Test func overlapsAmongRowsWithOtherProblemsAreStillFound() {
        let result = validateAssignments([
            assignmentHeader,
            "1001,Z999,主事,R2.4.1,",
            "1001,A100,主事,R3.4.1,",
        ], .cp932)
        #expect(result.issues.map(\.kind) == [.unknownSection(code: "Z999"), .overlappingAssignment(otherLine: 2)])
        #expect(result.records.isEmpty)
    }

    @Test func nestedAndChainedOverlaps() {
        let result = validateAssignments([
            assignmentHeader,
            "1001,A100,主事,2010-04-01,2020-03-31",  // 2
            "1001,A200,主事,2012-04-01,2013-03-31",  // 3 inside 2
            "1001,B300,主事,2019-04-01,",            // 4 overlaps 2
            "1001,A100,主事,2030-04-01,2031-03-31",  // 5 inside open 4
            "1002,A100,主事,2010-04-01,2020-03-31",  // 6 other person: fine
        ], .utf8)
        #expect(result.issues.map(\.line) == [3, 4, 5])
        #expect(result.issues.map(\.kind) == [
            .overlappingAssignment(otherLine: 2), .overlappingAssignment(otherLine: 2),
            .overlappingAssignment(otherLine: 4),
        ])
        #expect(result.records.map(\.line) == [2, 6])
    }

    @Test func overlapMessage() {
        let issue = ImportIssue(line: 3, column: "発令日", field: "startDate", kind: .overlappingAssignment(otherLine: 2))
        #expect(issue.message.ja == "3行目「発令日」：同じ職員の2行目の配属と期間が重なっています。")
        #expect(issue.message.en == "Line 3, column 発令日: The period overlaps the assignment of the same staff member on line 2.")
    }

    @Test func missingAndDuplicateColumns() {
        let missing = validateAssignments(["職員番号,職名,発令日", "1001,主事,R2.4.1"], .cp932)
        #expect(missing.issues == [ImportIssue(line: 1, column: nil, field: "sectionCode",
                                               kind: .missingColumn(header: "所属コード"))])
        let duplicate = validateAssignments([assignmentHeader + ",開始日", "1001,A100,主事,R2.4.1,,R2.4.1"], .utf8BOM)
        #expect(duplicate.issues == [ImportIssue(line: 1, column: "開始日", field: "startDate",
                                                 kind: .duplicateColumn(otherColumn: "発令日"))])
    }

    @Test func malformedFileIsOneIssue() {
        let result = validateAssignments([assignmentHeader, "1001,A100,\"主事,R2.4.1,"], .cp932)
        #expect(result.issues == [ImportIssue(line: 2, column: nil, field: nil, kind: .malformedCSV)])
        #expect(result.detectedEncoding == .cp932)
    }
}
