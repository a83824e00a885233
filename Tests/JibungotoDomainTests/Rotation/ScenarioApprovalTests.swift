import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Scenario approval")
struct ScenarioApprovalTests {
    // MARK: - The scenario and its solution

    @Test("a draft with an optimal solution of its current revision may be approved")
    func readyDraft() {
        #expect(ScenarioApproval.solutionRefusal(isApproved: false, revision: 4, solvedRevision: 4, isOptimal: true) == nil)
    }

    @Test("an approved scenario is refused before anything else")
    func alreadyApproved() {
        #expect(ScenarioApproval.solutionRefusal(isApproved: true, revision: 4, solvedRevision: 4, isOptimal: true) == .alreadyApproved)
        #expect(ScenarioApproval.solutionRefusal(isApproved: true, revision: 4, solvedRevision: nil, isOptimal: false) == .alreadyApproved)
    }

    @Test("a solution of an earlier or later revision is refused")
    func staleSolution() {
        #expect(ScenarioApproval.solutionRefusal(isApproved: false, revision: 4, solvedRevision: 3, isOptimal: true) == .needsCurrentOptimalSolution)
        #expect(ScenarioApproval.solutionRefusal(isApproved: false, revision: 4, solvedRevision: 5, isOptimal: true) == .needsCurrentOptimalSolution)
    }

    @Test("a scenario never solved is refused")
    func neverSolved() {
        #expect(ScenarioApproval.solutionRefusal(isApproved: false, revision: 1, solvedRevision: nil, isOptimal: false) == .needsCurrentOptimalSolution)
    }

    @Test("a current solution that is not optimal (infeasible, stopped, input errors) is refused")
    func notOptimal() {
        #expect(ScenarioApproval.solutionRefusal(isApproved: false, revision: 2, solvedRevision: 2, isOptimal: false) == .needsCurrentOptimalSolution)
    }

    // MARK: - Where the moves go

    let sections: Set<SectionCode> = ["1010", "1020", "2010"]

    @Test("no refusal: first approval, every destination exists")
    func placementsAccepted() {
        #expect(ScenarioApproval.placementRefusals(
            transferDate: day("2027-04-01"), lastApprovedTransferDate: nil, sectionsOfFiscalYear: sections,
            destinations: ["1010", "2010", "1010"]).isEmpty)
    }

    @Test("the transfer date must be after the last approved one: the same day is refused, the next day is not")
    func dateBoundary() {
        let last = day("2027-04-01")
        #expect(ScenarioApproval.placementRefusals(
            transferDate: day("2027-04-01"), lastApprovedTransferDate: last, sectionsOfFiscalYear: sections, destinations: ["1010"])
            == [.transferDateNotAfterApproved(transferDate: day("2027-04-01"), lastApproved: last)])
        #expect(ScenarioApproval.placementRefusals(
            transferDate: day("2027-03-31"), lastApprovedTransferDate: last, sectionsOfFiscalYear: sections, destinations: ["1010"])
            == [.transferDateNotAfterApproved(transferDate: day("2027-03-31"), lastApproved: last)])
        #expect(ScenarioApproval.placementRefusals(
            transferDate: day("2027-04-02"), lastApprovedTransferDate: last, sectionsOfFiscalYear: sections, destinations: ["1010"]).isEmpty)
    }

    @Test("no organization in the transfer date's fiscal year: 3/31 belongs to the year before, 4/1 to its own")
    func noOrganizationFiscalYearBoundary() {
        #expect(ScenarioApproval.placementRefusals(
            transferDate: day("2027-03-31"), lastApprovedTransferDate: nil, sectionsOfFiscalYear: [], destinations: ["1010"])
            == [.noOrganization(fiscalYear: 2026)])
        #expect(ScenarioApproval.placementRefusals(
            transferDate: day("2027-04-01"), lastApprovedTransferDate: nil, sectionsOfFiscalYear: [], destinations: ["1010"])
            == [.noOrganization(fiscalYear: 2027)])
    }

    @Test("each missing destination is refused once, by code")
    func missingSections() {
        #expect(ScenarioApproval.placementRefusals(
            transferDate: day("2027-04-01"), lastApprovedTransferDate: nil, sectionsOfFiscalYear: sections,
            destinations: ["3020", "1010", "3010", "3020"])
            == [.sectionMissing(sectionCode: "3010", fiscalYear: 2027), .sectionMissing(sectionCode: "3020", fiscalYear: 2027)])
    }

    @Test("every refusal together: the date first, then the organization")
    func refusalsTogether() {
        let last = day("2027-04-01")
        #expect(ScenarioApproval.placementRefusals(
            transferDate: day("2026-10-01"), lastApprovedTransferDate: last, sectionsOfFiscalYear: [], destinations: ["1010"])
            == [.transferDateNotAfterApproved(transferDate: day("2026-10-01"), lastApproved: last), .noOrganization(fiscalYear: 2026)])
        #expect(ScenarioApproval.placementRefusals(
            transferDate: day("2027-04-01"), lastApprovedTransferDate: last, sectionsOfFiscalYear: sections, destinations: ["9999"])
            == [.transferDateNotAfterApproved(transferDate: day("2027-04-01"), lastApproved: last), .sectionMissing(sectionCode: "9999", fiscalYear: 2027)])
    }
}
