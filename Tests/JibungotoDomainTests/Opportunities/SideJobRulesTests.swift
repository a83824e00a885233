import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Side jobs: the schedule, who may apply, who approves, how many are selected")
struct SideJobRulesTests {
    let schedule = SideJobSchedule(
        applicationsOpen: day("2026-11-01"), applicationsClose: day("2026-11-30"), start: day("2026-12-01"), end: day("2027-03-31"))

    @Test("the window includes its first and last days; the phases follow each other")
    func phases() {
        #expect(!schedule.acceptsApplications(today: day("2026-10-31")))
        #expect(schedule.acceptsApplications(today: day("2026-11-01")))
        #expect(schedule.acceptsApplications(today: day("2026-11-30")))
        #expect(!schedule.acceptsApplications(today: day("2026-12-01")))
        #expect(schedule.phase(today: day("2026-10-31"), isClosed: false) == .announced)
        #expect(schedule.phase(today: day("2026-11-30"), isClosed: false) == .accepting)
        let early = SideJobSchedule(applicationsOpen: day("2026-11-01"), applicationsClose: day("2026-11-20"), start: day("2026-12-01"), end: day("2027-03-31"))
        #expect(early.phase(today: day("2026-11-21"), isClosed: false) == .selecting)
        #expect(schedule.phase(today: day("2026-12-01"), isClosed: false) == .running)
        #expect(schedule.phase(today: day("2027-03-31"), isClosed: false) == .running)
        #expect(schedule.phase(today: day("2027-04-01"), isClosed: false) == .ended)
        #expect(schedule.phase(today: day("2027-04-01"), isClosed: true) == .closed)
        #expect(!schedule.hasEnded(today: day("2027-03-31")))
        #expect(schedule.hasEnded(today: day("2027-04-01")))
        #expect(schedule.fiscalYear == 2026)
    }

    @Test("a posting's dates: the period in order, the window in order and closing before the work starts, not already closed")
    func problems() {
        #expect(schedule.problems(today: day("2026-11-30")).isEmpty, "closing today, the day before the work starts")
        let reversed = SideJobSchedule(applicationsOpen: day("2026-11-20"), applicationsClose: day("2026-11-10"), start: day("2027-03-01"), end: day("2026-12-01"))
        #expect(reversed.problems(today: day("2026-11-01")) == [.endsBeforeStart, .windowClosesBeforeOpening])
        let late = SideJobSchedule(applicationsOpen: day("2026-11-01"), applicationsClose: day("2026-12-01"), start: day("2026-12-01"), end: day("2027-03-31"))
        #expect(late.problems(today: day("2026-11-01")) == [.windowClosesAtOrAfterStart])
        #expect(schedule.problems(today: day("2026-12-01")) == [.windowAlreadyClosed])
    }

    @Test("applying: once, with a placement, not to one's own section or a unit above it, within the window")
    func applying() {
        let personnel: [SectionCode] = ["10", "1010", "101010"]
        func refusal(_ units: [SectionCode], host: SectionCode = "2010", today: String = "2026-11-15", applied: Bool = false) -> SideJobApplicationRule.Refusal? {
            SideJobApplicationRule.refusal(hostSection: host, applicantUnits: units, schedule: schedule, today: day(today), hasApplied: applied)
        }
        #expect(refusal(personnel) == nil)
        #expect(refusal(personnel, today: "2026-11-01") == nil, "the window's first day")
        #expect(refusal(personnel, today: "2026-11-30") == nil, "the window's last day")
        #expect(refusal(personnel, today: "2026-10-31") == .notYetOpen(opens: day("2026-11-01")))
        #expect(refusal(personnel, today: "2026-12-01") == .windowClosed(closed: day("2026-11-30")))
        #expect(refusal(personnel, host: "101010") == .ownSection)
        #expect(refusal(personnel, host: "1010") == .ownSection, "the division above one's unit")
        #expect(refusal(["10", "1010"], host: "101010") == nil, "a unit below the applicant's division is another section")
        #expect(refusal([]) == .noPlacement)
        #expect(refusal(personnel, applied: true) == .alreadyApplied)
    }

    @Test("the manager whose scope reaches the applicant's section decides, never the applicant")
    func consent() {
        let managerUnits: Set<SectionCode> = ["1010", "101010"]
        #expect(SideJobConsent.mayDecide(approver: "D0002", applicant: "D0001", applicantSection: "101010", reaches: managerUnits.contains))
        #expect(!SideJobConsent.mayDecide(approver: "X0002", applicant: "D0001", applicantSection: "101010", reaches: { $0 == "2010" }))
        #expect(!SideJobConsent.mayDecide(approver: "D0002", applicant: "D0002", applicantSection: "1010", reaches: managerUnits.contains))
        #expect(!SideJobConsent.mayDecide(approver: "D0002", applicant: "D0009", applicantSection: nil, reaches: managerUnits.contains))
    }

    @Test("selection: someone approved, within the seats, before the period ends")
    func selection() {
        #expect(SideJobSelection.refusal(chosen: 2, allChosenApproved: true, alreadySelected: 1, seats: 3, hasEnded: false) == nil)
        #expect(SideJobSelection.refusal(chosen: 3, allChosenApproved: true, alreadySelected: 1, seats: 3, hasEnded: false) == .overSeats(seats: 3, alreadySelected: 1))
        #expect(SideJobSelection.refusal(chosen: 0, allChosenApproved: true, alreadySelected: 0, seats: 3, hasEnded: false) == .nothingChosen)
        #expect(SideJobSelection.refusal(chosen: 1, allChosenApproved: false, alreadySelected: 0, seats: 3, hasEnded: false) == .notApproved)
        #expect(SideJobSelection.refusal(chosen: 1, allChosenApproved: true, alreadySelected: 0, seats: 3, hasEnded: true) == .ended)
    }
}
