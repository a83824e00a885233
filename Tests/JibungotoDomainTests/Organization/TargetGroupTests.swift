import Testing

@testable import JibungotoDomain

/// The one rule for who a self-report round or a survey counts (the manager's 21 and 22 came from
/// two rules; now both pages read this one and say which types and which day they count).
@Suite("Target groups: who a round or a survey counts")
struct TargetGroupTests {
    let placed = TargetGroup.Member(employmentType: .regular, sectionCode: "S101", departmentCode: "D1")

    @Test("everyone: every placed member of any type; never one without a section or in a unit outside the organization")
    func everyone() {
        let all = TargetGroup()
        #expect(all.includes(placed))
        #expect(all.includes(.init(employmentType: .fiscalYearAppointed, sectionCode: "S101", departmentCode: "D1")))
        #expect(!all.includes(.init(employmentType: .regular, sectionCode: nil, departmentCode: nil)))
        #expect(!all.includes(.init(employmentType: .regular, sectionCode: "S999", departmentCode: nil)))
        #expect(all.countedEmploymentTypes == EmploymentType.allCases)
    }

    @Test("named departments: only members placed in one of them")
    func departments() {
        let group = TargetGroup(departmentCodes: ["D1", "D3"])
        #expect(group.includes(placed))
        #expect(group.includes(.init(employmentType: .regular, sectionCode: "S301", departmentCode: "D3")))
        #expect(!group.includes(.init(employmentType: .regular, sectionCode: "S201", departmentCode: "D2")))
        #expect(!group.includes(.init(employmentType: .regular, sectionCode: nil, departmentCode: "D1")))
    }

    @Test("named employment types: only those, still only when placed, listed in the standard order")
    func employmentTypes() {
        let group = TargetGroup(employmentTypes: [.reappointed, .regular])
        #expect(group.includes(placed))
        #expect(group.includes(.init(employmentType: .reappointed, sectionCode: "S101", departmentCode: "D1")))
        #expect(!group.includes(.init(employmentType: .fiscalYearAppointed, sectionCode: "S101", departmentCode: "D1")))
        #expect(!group.includes(.init(employmentType: .regular, sectionCode: nil, departmentCode: nil)))
        #expect(group.countedEmploymentTypes == EmploymentType.allCases.filter { $0 == .regular || $0 == .reappointed })
        let both = TargetGroup(departmentCodes: ["D2"], employmentTypes: [.regular])
        #expect(!both.includes(placed))
    }
}
