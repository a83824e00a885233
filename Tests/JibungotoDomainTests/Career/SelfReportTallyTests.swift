import Testing

@testable import JibungotoDomain

@Suite("Self-report completion: submitted, drafts and the submitted share")
struct SelfReportTallyTests {
    @Test("counts submitted and drafts among the group only; a missing status is not started")
    func counts() {
        let statuses: [StaffNumber: Bool] = ["A1": true, "A2": false, "A3": true, "B9": true]
        let tally = SelfReportTally(staffNumbers: ["A1", "A2", "A3", "A4"], statuses: statuses)
        #expect(tally.targets == 4)
        #expect(tally.submitted == 2)
        #expect(tally.drafts == 1)
        #expect(tally.submittedPercent == 50)
    }

    @Test("a group without targets has no share; everyone submitted is 100 %, nobody 0 %")
    func bounds() {
        let empty = SelfReportTally(staffNumbers: [], statuses: ["A1": true])
        #expect(empty.targets == 0)
        #expect(empty.submitted == 0)
        #expect(empty.submittedPercent == nil)
        #expect(SelfReportTally(staffNumbers: ["A1"], statuses: ["A1": true]).submittedPercent == 100)
        #expect(SelfReportTally(staffNumbers: ["A1", "A2"], statuses: ["A2": false]).submittedPercent == 0)
    }

    @Test("the share is not rounded: 2 of 3 is 66.67 % to two places")
    func share() {
        let percent = SelfReportTally(staffNumbers: ["A1", "A2", "A3"], statuses: ["A1": true, "A2": true]).submittedPercent
        #expect(percent.map { ($0 * 100).rounded() / 100 } == 66.67)
    }
}
