import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Self-report rounds: the window and which round is current")
struct SelfReportRoundTests {
    let round = SelfReportRound(opensOn: day("2026-10-01"), deadline: day("2026-12-11"))
    let placed = SelfReportRound.Respondent(employmentType: .regular, sectionCode: "S101", departmentCode: "D1")

    @Test("open from the opening day through the deadline, both included; closed the day before and the day after")
    func window() {
        #expect(round.isOpen(today: day("2026-09-30")) == false)
        #expect(round.isOpen(today: day("2026-10-01")) == true)
        #expect(round.isOpen(today: day("2026-11-30")) == true)
        #expect(round.isOpen(today: day("2026-12-11")) == true)
        #expect(round.isOpen(today: day("2026-12-12")) == false)
    }

    @Test("a round opening and closing on the same day is open that day only")
    func oneDayWindow() {
        let oneDay = SelfReportRound(opensOn: day("2027-01-15"), deadline: day("2027-01-15"))
        #expect(oneDay.isOpen(today: day("2027-01-14")) == false)
        #expect(oneDay.isOpen(today: day("2027-01-15")) == true)
        #expect(oneDay.isOpen(today: day("2027-01-16")) == false)
    }

    @Test("a round is for the staff its target group includes")
    func group() {
        let forD2 = SelfReportRound(opensOn: day("2026-10-01"), deadline: day("2026-12-11"), group: TargetGroup(departmentCodes: ["D2"]))
        #expect(round.isFor(placed) == true)
        #expect(forD2.isFor(placed) == false)
        #expect(forD2.isFor(.init(employmentType: .reappointed, sectionCode: "S201", departmentCode: "D2")) == true)
    }

    @Test("the current round is the newest one opened by today that is meant for the staff member")
    func current() {
        let rounds: [(String, SelfReportRound)] = [
            ("last year", SelfReportRound(opensOn: day("2025-10-01"), deadline: day("2025-11-30"))),
            ("this year", SelfReportRound(opensOn: day("2026-10-01"), deadline: day("2026-12-11"))),
            ("next", SelfReportRound(opensOn: day("2026-12-01"), deadline: day("2027-01-31"))),
            ("other department", SelfReportRound(opensOn: day("2026-11-01"), deadline: day("2026-12-31"), group: TargetGroup(departmentCodes: ["D2"]))),
        ]
        func roundOn(_ today: String) -> String? {
            SelfReportRound.current(of: rounds, round: { $0.1 }, for: placed, today: day(today))?.0
        }
        #expect(roundOn("2025-09-30") == nil)
        #expect(roundOn("2025-10-01") == "last year")
        #expect(roundOn("2026-09-30") == "last year")
        #expect(roundOn("2026-10-01") == "this year")
        #expect(roundOn("2026-11-30") == "this year")
        #expect(roundOn("2026-12-01") == "next")
    }

    @Test("a closed round stays the current one until a newer round opens; two opening the same day: the first given")
    func closedAndTies() {
        let rounds: [(String, SelfReportRound)] = [
            ("first", SelfReportRound(opensOn: day("2026-10-01"), deadline: day("2026-10-31"))),
            ("second", SelfReportRound(opensOn: day("2026-10-01"), deadline: day("2026-10-31"))),
        ]
        let current = SelfReportRound.current(of: rounds, round: { $0.1 }, for: placed, today: day("2026-11-30"))
        #expect(current?.0 == "first")
        #expect(current?.1.isOpen(today: day("2026-11-30")) == false)
    }

    @Test("the self-report's move wish reads and writes the stored values")
    func moveWish() {
        #expect(MoveWish.allCases.map(\.rawValue) == ["move", "stay", "either"])
        #expect(MoveWish(rawValue: "move") == .move)
        #expect(MoveWish(rawValue: "") == nil)
        #expect(MoveWish(rawValue: "Move") == nil)
    }
}
