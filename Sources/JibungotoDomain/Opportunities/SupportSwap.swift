import Foundation

/// Swapping shifts once the roster is published: two staff exchange their shifts, or one hands
/// their shift to a colleague. The change needs the colleague's agreement and the approval of the
/// manager on each side, and is refused when it would put someone on two shifts at once or leave
/// a unit with fewer allocated seats than its quota.
public enum SupportSwap {
    /// One person's seat on one shift of the event.
    public struct Holding: Sendable, Equatable {
        public let shiftID: String
        public let time: SupportShiftTime
        public let staffNumber: StaffNumber
        /// The unit the seat counts for; nil for someone with no placement.
        public let unit: SectionCode?
        public let route: ParticipationRoute

        public init(shiftID: String, time: SupportShiftTime, staffNumber: StaffNumber, unit: SectionCode?, route: ParticipationRoute) {
            self.shiftID = shiftID
            self.time = time
            self.staffNumber = staffNumber
            self.unit = unit
            self.route = route
        }
    }

    public enum Change: Sendable, Equatable {
        /// Two people exchange shifts; each keeps their own route and unit, so the units' seats stay as they were.
        case exchange(Holding, Holding)
        /// A person hands their shift to a colleague, who takes it on the same route for the colleague's own unit.
        case handover(Holding, to: StaffNumber, unit: SectionCode?)
    }

    public enum Refusal: Sendable, Equatable {
        /// A swap with oneself.
        case samePerson
        /// Two seats of the same shift: nothing would change.
        case sameShift
        /// The person receiving the shift already holds it.
        case alreadyOnShift(StaffNumber)
        /// The person receiving the shift holds another one at that time (in this event or another).
        case clash(StaffNumber, with: SupportCommitment)
        /// The unit would hold fewer allocated seats than its quota.
        case underQuota(SectionCode, seats: Int, quota: Int)
    }

    /// Which approval a manager gives: for the proposer's side or the colleague's side.
    public enum Side: String, CaseIterable, Sendable {
        case proposer
        case counterpart
    }

    /// The holdings after the change.
    public static func applying(_ change: Change, to holdings: [Holding]) -> [Holding] {
        holdings.map { holding -> Holding in
            switch change {
            case .exchange(let first, let second):
                if holding == first { return moved(first, onto: second) }
                if holding == second { return moved(second, onto: first) }
            case .handover(let given, let colleague, let unit):
                if holding == given {
                    return Holding(shiftID: given.shiftID, time: given.time, staffNumber: colleague, unit: unit, route: given.route)
                }
            }
            return holding
        }
    }

    private static func moved(_ holding: Holding, onto other: Holding) -> Holding {
        Holding(shiftID: other.shiftID, time: other.time, staffNumber: holding.staffNumber, unit: holding.unit, route: holding.route)
    }

    /// Allocated seats per unit (volunteered seats are not part of any quota).
    public static func allocatedSeats(_ holdings: [Holding]) -> [SectionCode: Int] {
        var seats: [SectionCode: Int] = [:]
        for holding in holdings where holding.route == .allocated {
            if let unit = holding.unit { seats[unit, default: 0] += 1 }
        }
        return seats
    }

    /// Why the change cannot be made, or nil. `holdings` are every seat of the event, `quotas` the
    /// units' quotas from the allocation, `otherShifts` the shifts each person holds in other events.
    public static func refusal(_ change: Change, holdings: [Holding], quotas: [SectionCode: Int],
                               otherShifts: [StaffNumber: [SupportCommitment]]) -> Refusal? {
        // Who receives which shift, and which one they give up for it.
        let moves: [(receiver: StaffNumber, gives: Holding?, takes: Holding)]
        switch change {
        case .exchange(let first, let second):
            if first.staffNumber == second.staffNumber { return .samePerson }
            if first.shiftID == second.shiftID { return .sameShift }
            moves = [(receiver: first.staffNumber, gives: first, takes: second), (receiver: second.staffNumber, gives: second, takes: first)]
        case .handover(let given, let colleague, _):
            if colleague == given.staffNumber { return .samePerson }
            moves = [(receiver: colleague, gives: nil, takes: given)]
        }
        for move in moves {
            let kept = holdings.filter { $0.staffNumber == move.receiver && $0 != move.gives }
            if kept.contains(where: { $0.shiftID == move.takes.shiftID }) { return .alreadyOnShift(move.receiver) }
            let busy = kept.map { SupportCommitment(shiftID: $0.shiftID, time: $0.time) } + (otherShifts[move.receiver] ?? [])
            if let clash = move.takes.time.firstClash(in: busy) { return .clash(move.receiver, with: clash) }
        }
        let before = allocatedSeats(holdings), after = allocatedSeats(applying(change, to: holdings))
        for unit in before.keys.sorted() {
            let seats = after[unit] ?? 0, quota = quotas[unit] ?? 0
            if seats < (before[unit] ?? 0) && seats < quota { return .underQuota(unit, seats: seats, quota: quota) }
        }
        return nil
    }

    /// The sides a manager may approve: each party's side whose section their consent reaches
    /// (HR's reaches every section), never a side of a swap they are a party to.
    public static func sides(approver: StaffNumber, proposer: StaffNumber, proposerSection: SectionCode?,
                             counterpart: StaffNumber, counterpartSection: SectionCode?, reaches: (SectionCode) -> Bool) -> [Side] {
        guard approver != proposer, approver != counterpart else { return [] }
        var sides: [Side] = []
        if let section = proposerSection, reaches(section) { sides.append(.proposer) }
        if let section = counterpartSection, reaches(section) { sides.append(.counterpart) }
        return sides
    }
}

/// Where a proposed swap stands.
public enum SupportSwapStatus: String, CaseIterable, Codable, Sendable {
    /// Waiting for the colleague's agreement and the managers' approvals.
    case proposed
    /// Approved on every side and made: the roster and the ledger changed.
    case approved
    /// Declined by the colleague, refused by a manager, or withdrawn by the proposer.
    case refused
}
