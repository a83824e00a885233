import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Support duty allocation: quotas by unit, least duty first, exemptions, no clashes")
struct SupportAllocationTests {
    let sunday = day("2026-12-06")

    func time(_ date: LocalDate, _ start: String, _ end: String) -> SupportShiftTime {
        SupportShiftTime(date: date, start: SupportShiftTime.minutes(from: start)!, end: SupportShiftTime.minutes(from: end)!)!
    }

    func shift(_ id: String, _ start: String, _ end: String, headcount: Int, volunteers: [StaffNumber] = []) -> SupportAllocation.Shift {
        SupportAllocation.Shift(id: id, time: time(sunday, start, end), headcount: headcount, volunteers: volunteers)
    }

    func person(_ number: StaffNumber, _ unit: SectionCode, hours: Double = 0, type: EmploymentType = .regular,
                busy: [SupportCommitment] = []) -> SupportAllocation.Person {
        SupportAllocation.Person(staffNumber: number, unit: unit, employmentType: type, recentHours: hours, otherShifts: busy)
    }

    let noExemptions = SupportAllocation.Exemptions(employmentTypes: [], individuals: [])

    @Test("the seats are shared by unit headcount (3 and 1 → 3 and 1 of 4) and go to the least duty, then the smaller staff number")
    func quotasAndOrderWithinAUnit() {
        // Unit A has 3, unit B 1. Webster: A 6, then A 2 and B 2 tie (A is larger), then B 2, A 1.2 → A 3, B 1.
        let plan = SupportAllocation.plan(
            shifts: [shift("morning", "8:30", "12:00", headcount: 2), shift("afternoon", "13:00", "17:00", headcount: 2)],
            people: [person("A003", "A", hours: 6), person("A001", "A", hours: 3.5), person("A002", "A", hours: 3.5), person("B001", "B", hours: 20)],
            exemptions: noExemptions)
        #expect(plan.apportionment.shares.map(\.seats) == [3, 1])
        #expect(plan.apportionment.awardOrder == ["A", "A", "B", "A"])
        // A's seats: A001 and A002 (3.5 h each, by number), then A003 (6 h); B's only member takes B's seat.
        #expect(plan.placements.map(\.staffNumber) == ["A001", "A002", "B001", "A003"])
        #expect(plan.placements.map(\.shiftID) == ["morning", "morning", "afternoon", "afternoon"])
        #expect(plan.placements.map(\.dutyHours) == [3.5, 3.5, 20, 6])
        #expect(plan.shortfalls.isEmpty)
        #expect(plan.unfilled.isEmpty)
    }

    @Test("someone just given a shift comes after those with less duty: a unit's second seat goes to the next person")
    func dutyGrowsWithEachSeat() {
        let plan = SupportAllocation.plan(
            shifts: [shift("first", "8:00", "10:00", headcount: 1), shift("second", "10:00", "12:00", headcount: 1), shift("third", "13:00", "15:00", headcount: 1)],
            people: [person("S001", "A"), person("S002", "A", hours: 1), person("S003", "A", hours: 3)],
            exemptions: noExemptions)
        // S001 (0 h) takes the first; then S002 (1 h) is below S001 (now 2 h); then S001 (2 h) is below S003 (3 h) and S002 (3 h).
        #expect(plan.placements.map(\.staffNumber) == ["S001", "S002", "S001"])
        #expect(plan.placements.map(\.shiftID) == ["first", "second", "third"])
    }

    @Test("exempt employment types and people exempted for the event are not counted and never chosen, whatever their duty")
    func exemptions() {
        let plan = SupportAllocation.plan(
            shifts: [shift("desk", "9:00", "12:00", headcount: 2)],
            people: [person("E001", "A", type: .shortTimeReappointed), person("E002", "A"), person("E003", "A", hours: 10), person("E004", "A", hours: 10),
                     person("E005", "B", type: .fiscalYearAppointed)],
            exemptions: SupportAllocation.Exemptions(employmentTypes: [.shortTimeReappointed, .fiscalYearAppointed], individuals: ["E002"]))
        #expect(plan.units == [SupportAllocation.UnitCount(unit: "A", placed: 4, exempt: 2), SupportAllocation.UnitCount(unit: "B", placed: 1, exempt: 1)])
        #expect(plan.apportionment.shares.map(\.headcount) == [2, 0])
        #expect(plan.placements.map(\.staffNumber) == ["E003", "E004"])
    }

    @Test("volunteers take their seats first; only the rest is apportioned, and a volunteer's hours count before a second shift")
    func volunteersFirst() {
        let plan = SupportAllocation.plan(
            shifts: [shift("morning", "8:30", "12:00", headcount: 2, volunteers: ["V001"]), shift("afternoon", "13:00", "16:30", headcount: 1)],
            people: [person("V001", "A"), person("V002", "A", hours: 2)],
            exemptions: noExemptions)
        #expect(plan.totalSeats == 3)
        #expect(plan.volunteerSeats == 1)
        #expect(plan.seatsToAllocate == 2)
        // V001 volunteered 3.5 h, so V002 (2 h) comes first and takes the morning; V001 the afternoon.
        #expect(plan.placements.map(\.staffNumber) == ["V002", "V001"])
        #expect(plan.placements.map(\.shiftID) == ["morning", "afternoon"])
        #expect(plan.placements.map(\.dutyHours) == [2, 3.5])
    }

    @Test("nobody is given a shift that clashes with one they hold here or in another event; a seat nobody can take stays open")
    func noClashes() {
        let elsewhere = SupportCommitment(shiftID: "other-event", time: time(sunday, "11:00", "14:00"))
        let plan = SupportAllocation.plan(
            shifts: [shift("early", "8:00", "12:00", headcount: 1), shift("late", "10:00", "15:00", headcount: 1), shift("evening", "18:00", "20:00", headcount: 1)],
            people: [person("C001", "A", busy: [elsewhere]), person("C002", "A", hours: 1)],
            exemptions: noExemptions)
        // C001 (least duty) is busy 11:00–14:00: not early, not late, but evening. C002 takes early; then
        // late overlaps C002's early and C001's other event: nobody left for it.
        #expect(plan.placements.map(\.staffNumber) == ["C001", "C002"])
        #expect(plan.placements.map(\.shiftID) == ["evening", "early"])
        #expect(plan.shortfalls == ["A": 1])
        #expect(plan.unfilled == ["late": 1])
        for placement in plan.placements {
            let mine = plan.placements.filter { $0.staffNumber == placement.staffNumber && $0.shiftID != placement.shiftID }
            #expect(mine.isEmpty, "one shift each here")
        }
    }
}
