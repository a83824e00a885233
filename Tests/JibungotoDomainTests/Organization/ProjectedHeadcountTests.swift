import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Projected headcount on a coming April 1")
struct ProjectedHeadcountTests {
    let rules = RetirementRules.localPublicService2023
    let april = day("2027-04-01")

    @Test("assignments covering the day count once per person, less regular staff retired by then")
    func placed() {
        let staff: [StaffRecord] = [
            .fixture("A0001"), .fixture("A0002"),
            .fixture("A0003", born: day("1964-04-02")),  // retires 2027-03-31
            .fixture("A0004", born: day("1964-04-02"), employmentType: .reappointed),  // not under the retirement age rule
        ]
        let assignments: [AssignmentRecord] = [
            .fixture("A0001", "101010", start: day("2024-04-01"), end: day("2027-03-31")),
            .fixture("A0001", "2010", start: april),  // an approved transfer
            .fixture("A0002", "101010", start: day("2024-04-01")),
            .fixture("A0003", "101010", start: day("2020-04-01")),
            .fixture("A0004", "2010", start: day("2025-04-01")),
            .fixture("A0002", "1010", start: day("2027-10-01")),  // after the day: not yet
        ]
        let counts = ProjectedHeadcount.placed(on: april, assignments: assignments, staff: staff, rules: rules)
        #expect(counts == ["101010": 1, "2010": 2])
    }

    @Test("totals add each unit's figure to every unit above it; a shortfall is never negative")
    func totals() {
        let units: [SectionRecord] = [
            .fixture("10", nameJa: "総務部", kind: .department), .fixture("1010", nameJa: "人事課", kind: .division, parent: "10"),
            .fixture("101010", nameJa: "人事係", parent: "1010"), .fixture("20", nameJa: "市民協働部", kind: .department),
        ]
        let totals = ProjectedHeadcount.totals(units: units, values: ["10": 1, "1010": 2, "101010": 4, "20": 3])
        #expect(totals == ["10": 7, "1010": 6, "101010": 4, "20": 3])
        #expect(ProjectedHeadcount.shortfall(authorized: 5, placed: 3) == 2)
        #expect(ProjectedHeadcount.shortfall(authorized: 3, placed: 5) == 0)
    }
}
