import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Support duty swaps: clashes, quotas and who approves")
struct SupportSwapTests {
    let sunday = day("2026-12-06")

    func time(_ start: Int, _ end: Int) -> SupportShiftTime {
        SupportShiftTime(date: sunday, start: start * 60, end: end * 60)!
    }

    func seat(_ shift: String, _ start: Int, _ end: Int, _ staff: StaffNumber, _ unit: SectionCode, _ route: ParticipationRoute = .allocated) -> SupportSwap.Holding {
        SupportSwap.Holding(shiftID: shift, time: time(start, end), staffNumber: staff, unit: unit, route: route)
    }

    // Two units, each at its quota of one allocated seat; one volunteer.
    var personnel: SupportSwap.Holding { seat("morning", 8, 12, "P001", "1010") }
    var center: SupportSwap.Holding { seat("afternoon", 13, 17, "C001", "2010") }
    var volunteer: SupportSwap.Holding { seat("evening", 18, 20, "V001", "1010", .volunteered) }
    var holdings: [SupportSwap.Holding] { [personnel, center, volunteer] }
    let quotas: [SectionCode: Int] = ["1010": 1, "2010": 1]

    @Test("an exchange between two units keeps each unit's seats, so it is allowed")
    func exchangeAcrossUnits() {
        let change = SupportSwap.Change.exchange(personnel, center)
        #expect(SupportSwap.refusal(change, holdings: holdings, quotas: quotas, otherShifts: [:]) == nil)
        let after = SupportSwap.applying(change, to: holdings)
        #expect(after.contains(seat("afternoon", 13, 17, "P001", "1010")))
        #expect(after.contains(seat("morning", 8, 12, "C001", "2010")))
        #expect(SupportSwap.allocatedSeats(after) == ["1010": 1, "2010": 1])
    }

    @Test("a handover to another unit that leaves a unit under its quota is refused, naming the unit and the figures")
    func handoverUnderQuota() {
        let change = SupportSwap.Change.handover(personnel, to: "C002", unit: "2010")
        #expect(SupportSwap.refusal(change, holdings: holdings, quotas: quotas, otherShifts: [:]) == .underQuota("1010", seats: 0, quota: 1))
    }

    @Test("a handover within the unit, or of a volunteered seat, leaves every quota met")
    func handoverKeepingQuotas() {
        #expect(SupportSwap.refusal(.handover(personnel, to: "P002", unit: "1010"), holdings: holdings, quotas: quotas, otherShifts: [:]) == nil)
        #expect(SupportSwap.refusal(.handover(volunteer, to: "C002", unit: "2010"), holdings: holdings, quotas: quotas, otherShifts: [:]) == nil)
        // A unit already above its quota may give a seat away.
        #expect(SupportSwap.refusal(.handover(personnel, to: "C002", unit: "2010"), holdings: holdings, quotas: ["1010": 0, "2010": 1], otherShifts: [:]) == nil)
    }

    @Test("a swap that would give someone two overlapping shifts is refused, naming the person and the shift they hold")
    func clashes() {
        let elsewhere = SupportCommitment(shiftID: "other-event", time: time(14, 16))
        #expect(SupportSwap.refusal(.exchange(personnel, center), holdings: holdings, quotas: quotas, otherShifts: ["P001": [elsewhere]])
                == .clash("P001", with: elsewhere))
        // In the same event: the volunteer V001 also holding 16:00–18:00 cannot take the afternoon.
        let late = seat("late", 16, 18, "V001", "1010", .volunteered)
        let more = holdings + [late]
        #expect(SupportSwap.refusal(.exchange(volunteer, center), holdings: more, quotas: quotas, otherShifts: [:])
                == .clash("V001", with: SupportCommitment(shiftID: "late", time: time(16, 18))))
        // The shift given away does not count against its giver: P001 may take a shift overlapping only the one they give.
        let overlapping = seat("midday", 11, 13, "C002", "2010")
        #expect(SupportSwap.refusal(.exchange(personnel, overlapping), holdings: holdings + [overlapping], quotas: quotas, otherShifts: [:]) == nil)
    }

    @Test("a swap with oneself, within one shift, or onto a shift the person already holds is refused")
    func pointlessSwaps() {
        let second = seat("evening", 18, 20, "P001", "1010")
        #expect(SupportSwap.refusal(.exchange(personnel, second), holdings: holdings + [second], quotas: quotas, otherShifts: [:]) == .samePerson)
        #expect(SupportSwap.refusal(.handover(personnel, to: "P001", unit: "1010"), holdings: holdings, quotas: quotas, otherShifts: [:]) == .samePerson)
        let sameShift = seat("morning", 8, 12, "C002", "2010")
        #expect(SupportSwap.refusal(.exchange(personnel, sameShift), holdings: holdings + [sameShift], quotas: quotas, otherShifts: [:]) == .sameShift)
        #expect(SupportSwap.refusal(.handover(personnel, to: "C003", unit: "2010"), holdings: holdings + [seat("morning", 8, 12, "C003", "2010")],
                                    quotas: [:], otherShifts: [:]) == .alreadyOnShift("C003"))
    }

    @Test("each manager approves the side of the person in their sections; HR both; a party to the swap neither")
    func approvalSides() {
        let personnelManager: Set<SectionCode> = ["1010", "101010"]
        func sides(_ approver: StaffNumber, _ reaches: @escaping (SectionCode) -> Bool) -> [SupportSwap.Side] {
            SupportSwap.sides(approver: approver, proposer: "P001", proposerSection: "101010", counterpart: "C001", counterpartSection: "2010", reaches: reaches)
        }
        #expect(sides("M001", { personnelManager.contains($0) }) == [.proposer])
        #expect(sides("M002", { $0 == "2010" }) == [.counterpart])
        #expect(sides("H001", { _ in true }) == [.proposer, .counterpart])
        #expect(sides("P001", { _ in true }) == [])
        #expect(sides("C001", { _ in true }) == [])
        #expect(sides("M003", { _ in false }) == [])
    }
}
