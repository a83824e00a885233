import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Retirement outlook by fiscal year")
struct RetirementYearFiguresTests {
    let rules = RetirementRules.localPublicService2023

    @Test("the outlook runs until the first year staff retire at 65")
    func lastYear() {
        #expect(rules.firstFiscalYearAtFinalAge == FiscalYear(startYear: 2031))
        #expect(rules.lastOutlookYear(from: FiscalYear(startYear: 2026)) == FiscalYear(startYear: 2032))
        #expect(rules.lastOutlookYear(from: FiscalYear(startYear: 2040)) == FiscalYear(startYear: 2040))
    }

    @Test("retirements every other year while the age rises, managerial exits on the April 1 after 60")
    func figures() {
        let staff: [StaffRecord] = [
            .fixture("R0001", born: day("1964-04-02")), .fixture("R0002", born: day("1965-04-02")),
            .fixture("R0003", born: day("1966-04-02")), .fixture("R0004", born: day("1967-04-02")),
            .fixture("R0005", born: day("1967-06-01")),
            .fixture("R0006", born: day("1964-04-02"), employmentType: .reappointed),
        ]
        let figures = rules.yearFigures(from: FiscalYear(startYear: 2026), staff: staff) { $0.staffNumber == "R0005" }
        #expect(figures.map(\.fiscalYear.startYear) == Array(2026...2032))
        #expect(figures.map(\.ageInForce) == [62, 63, 63, 64, 64, 65, 65])
        #expect(figures.map(\.retiring) == [1, 0, 1, 0, 1, 0, 2])
        #expect(figures.map(\.leavingManagerialPosts) == [0, 0, 1, 0, 0, 0, 0])
    }
}
