import Testing
@testable import JibungotoDomain

@Suite struct ImportSummaryTests {
    func staff(_ number: StaffNumber, grade: String = "主事") -> StaffRecord {
        StaffRecord(staffNumber: number, name: "山田", nameKana: "ヤマダ", birthDate: importDate("1988-01-09"),
                    gender: nil, hireDate: importDate("2010-04-01"), jobType: "事務", grade: grade,
                    employmentType: .regular)
    }

    @Test func staffAddChangeUnchanged() {
        let existing: [StaffNumber: StaffRecord] = ["1": staff("1"), "2": staff("2"), "9": staff("9")]
        let summary = ImportSummary.staff(
            incoming: [staff("1"), staff("2", grade: "主任"), staff("3"), staff("4")], existing: existing)
        #expect(summary == ImportSummary(toAdd: 2, toChange: 1, unchanged: 1, addedKeys: ["3", "4"], changedKeys: ["2"]))
    }

    @Test func assignmentsKeyedByStaffAndStart() {
        let a = AssignmentRecord(staffNumber: "1", sectionCode: "A", post: "主事", start: importDate("2020-04-01"), end: nil)
        var closed = a
        closed.end = importDate("2023-03-31")
        let b = AssignmentRecord(staffNumber: "1", sectionCode: "B", post: "主事", start: importDate("2023-04-01"), end: nil)
        let other = AssignmentRecord(staffNumber: "2", sectionCode: "A", post: "主事", start: importDate("2020-04-01"), end: nil)
        let summary = ImportSummary.assignments(incoming: [closed, b, other], existing: [a, other])
        #expect(summary.toAdd == 1 && summary.toChange == 1 && summary.unchanged == 1)
        #expect(summary.changedKeys == ["1@2020-04-01"])
        #expect(summary.addedKeys == ["1@2023-04-01"])
    }
}
