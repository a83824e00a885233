import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Self-report rounds: the window and who a round is for")
struct SelfReportRoundTests {
    let round = SelfReportRound(opensOn: day("2026-10-01"), deadline: day("2026-12-11"))
    let placed = SelfReportRound.Respondent(employmentType: "regular", sectionCode: "S101", departmentCode: "D1")

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

    @Test("a round for everyone is for every placed staff member, never for one without a section")
    func everyone() {
        #expect(round.isFor(placed) == true)
        #expect(round.isFor(.init(employmentType: "fixedTerm", sectionCode: "S999", departmentCode: nil)) == true)
        #expect(round.isFor(.init(employmentType: "regular", sectionCode: nil, departmentCode: nil)) == false)
    }

    @Test("named departments: only staff placed in one of them")
    func departments() {
        let forD1 = SelfReportRound(opensOn: day("2026-10-01"), deadline: day("2026-12-11"), departmentCodes: ["D1", "D3"])
        #expect(forD1.isFor(placed) == true)
        #expect(forD1.isFor(.init(employmentType: "regular", sectionCode: "S301", departmentCode: "D3")) == true)
        #expect(forD1.isFor(.init(employmentType: "regular", sectionCode: "S201", departmentCode: "D2")) == false)
        #expect(forD1.isFor(.init(employmentType: "regular", sectionCode: "S999", departmentCode: nil)) == false)
        #expect(forD1.isFor(.init(employmentType: "regular", sectionCode: nil, departmentCode: "D1")) == false)
    }

    @Test("named employment types: only staff of one of them, and still only when placed")
    func employmentTypes() {
        let regularOnly = SelfReportRound(opensOn: day("2026-10-01"), deadline: day("2026-12-11"), employmentTypes: ["regular"])
        #expect(regularOnly.isFor(placed) == true)
        #expect(regularOnly.isFor(.init(employmentType: "fixedTerm", sectionCode: "S101", departmentCode: "D1")) == false)
        #expect(regularOnly.isFor(.init(employmentType: "regular", sectionCode: nil, departmentCode: nil)) == false)
        let both = SelfReportRound(opensOn: day("2026-10-01"), deadline: day("2026-12-11"), departmentCodes: ["D2"], employmentTypes: ["regular"])
        #expect(both.isFor(placed) == false)
    }

    @Test("the current round is the newest one opened by today that is meant for the staff member")
    func current() {
        let rounds: [(String, SelfReportRound)] = [
            ("last year", SelfReportRound(opensOn: day("2025-10-01"), deadline: day("2025-11-30"))),
            ("this year", SelfReportRound(opensOn: day("2026-10-01"), deadline: day("2026-12-11"))),
            ("next", SelfReportRound(opensOn: day("2026-12-01"), deadline: day("2027-01-31"))),
            ("other department", SelfReportRound(opensOn: day("2026-11-01"), deadline: day("2026-12-31"), departmentCodes: ["D2"])),
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
