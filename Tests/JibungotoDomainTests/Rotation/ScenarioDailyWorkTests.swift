import Foundation
import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Scenario approval by another person, withdrawal and comparison")
struct ScenarioDailyWorkTests {
    // MARK: - 起案/決裁

    @Test("with separation required the drafter may not approve; someone else may, and anyone may without it")
    func separation() {
        #expect(ScenarioApproval.approverRefusal(separationRequired: true, drafter: "D0004", approver: "D0004") == .drafterMayNotApprove)
        #expect(ScenarioApproval.approverRefusal(separationRequired: true, drafter: "D0004", approver: "D0008") == nil)
        #expect(ScenarioApproval.approverRefusal(separationRequired: false, drafter: "D0004", approver: "D0004") == nil)
    }

    // MARK: - Withdrawal

    @Test("an approval is withdrawn strictly before the transfer date, only when approved and its writes were kept")
    func withdrawal() {
        let transfer = day("2027-04-01")
        #expect(ScenarioApproval.withdrawalRefusal(isApproved: true, transferDate: transfer, today: day("2027-03-31"), writesRecorded: true) == nil)
        #expect(ScenarioApproval.withdrawalRefusal(isApproved: true, transferDate: transfer, today: day("2027-03-31"), writesRecorded: true,
                                                   laterApproved: day("2027-10-01")) == .laterApprovalBuildsOnIt(laterTransferDate: day("2027-10-01")),
                "a later list was approved on top of this one")
        #expect(ScenarioApproval.withdrawalRefusal(isApproved: true, transferDate: transfer, today: day("2027-03-31"), writesRecorded: true,
                                                   laterApproved: day("2026-10-01")) == nil, "an earlier approved list does not stand in the way")
        #expect(ScenarioApproval.withdrawalRefusal(isApproved: true, transferDate: transfer, today: transfer, writesRecorded: true)
            == .transferDateReached(transferDate: transfer))
        #expect(ScenarioApproval.withdrawalRefusal(isApproved: true, transferDate: transfer, today: day("2027-04-02"), writesRecorded: true)
            == .transferDateReached(transferDate: transfer))
        #expect(ScenarioApproval.withdrawalRefusal(isApproved: false, transferDate: transfer, today: day("2027-03-01"), writesRecorded: true) == .notApproved)
        #expect(ScenarioApproval.withdrawalRefusal(isApproved: true, transferDate: transfer, today: day("2027-03-01"), writesRecorded: false) == .writesNotRecorded)
    }

    // MARK: - Comparison

    @Test("the people placed differently are those in one solution only or in another seat")
    func differingStaff() {
        let a = SeatPool(sectionCode: "1010", tier: 0)
        let b = SeatPool(sectionCode: "1020", tier: 0)
        let post = SeatPool(sectionCode: "1020", tier: 1)
        let first: [StaffNumber: SeatPool] = ["S1": a, "S2": b, "S3": b, "S4": a]
        let second: [StaffNumber: SeatPool] = ["S1": a, "S2": a, "S3": post, "S5": b]
        #expect(ScenarioComparison.differingStaff(first, second) == ["S2", "S3", "S4", "S5"])
        #expect(ScenarioComparison.differingStaff(first, first).isEmpty)
    }

    @Test("where a mover may go: sections with an open seat that fit their job type, not their own; nothing for a non-mover")
    func possibleSections() throws {
        var city = TinyCity()
        city.add("A1", hired: "2005-04-01", [("1010", "主事", "2022-04-01")])
        city.filler("F1", in: "1020")
        city.open("3010", 1)
        city.open("3020", 1)
        let (model, _) = try city.solve(movers: [.addedByHR("A1")])
        // 3020 takes 保健師 only; 1020 has no open seat; 1010 is their own.
        #expect(ScenarioComparison.possibleSections(of: "A1", model: model) == ["3010"])
        #expect(ScenarioComparison.possibleSections(of: "F1", model: model).isEmpty)
    }
}

@Suite("Scenario figures an HR officer compares")
struct ScenarioFigureTests {
    @Test("a long-tenure mover who moves is counted, and the section they leave is below its headcount")
    func longTenureAndSectionsBelow() throws {
        var city = TinyCity()
        city.add("A1", hired: "2005-04-01", [("1010", "主事", "2022-04-01")])
        city.open("3010", 1)
        let (model, result) = try city.solve()
        #expect(result.placements["A1"]?.sectionCode == "3010")
        let metrics = RotationPlanner.metrics(result, model: model)
        #expect(metrics.longTenureMoved == 1)
        #expect(metrics.sectionsBelowHeadcount == 1)
    }

    @Test("figures stored before the new counts were kept read back without them")
    func olderFigures() throws {
        var metrics = ScenarioMetrics()
        metrics.moved = 1
        let data = try JSONEncoder().encode(metrics)
        let read = try JSONDecoder().decode(ScenarioMetrics.self, from: data)
        #expect(read.longTenureMoved == nil)
        #expect(read.sectionsBelowHeadcount == nil)
    }
}
