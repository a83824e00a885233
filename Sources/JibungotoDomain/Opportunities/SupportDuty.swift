import Foundation

// Support duty (イベント応援・選挙事務): events with shifts and headcounts; staff sign up for
// shifts first, HR then allocates the seats left over across sections (`SupportAllocation`),
// and two staff may swap shifts with their managers' approval (`SupportSwap`).

/// What an event is: a city event that needs helpers (行事応援) or an election (選挙事務).
public enum SupportEventKind: String, CaseIterable, Codable, Sendable {
    case event
    case election
}

/// Where an event stands: open for volunteers, or allocated with its roster published.
public enum SupportEventStatus: String, CaseIterable, Codable, Sendable {
    case signUp
    case allocated
}

/// Why HR exempts one person from one event's allocation (employment types exempt from every
/// allocation are in the Opportunities settings instead).
public enum SupportExemptionReason: String, CaseIterable, Codable, Sendable {
    /// 休職.
    case leaveOfAbsence
    /// 育児休業.
    case childcareLeave
    /// 介護休業.
    case familyCareLeave
    /// 病気休暇.
    case sickLeave
    /// 育児短時間勤務・部分休業など、勤務時間が短い.
    case reducedHours
    /// その他 (the note says what).
    case other
}

/// A shift's day and hours.
public typealias SupportShiftTime = TimeSlot

extension TimeSlot {
    /// The first of `holds` (in time order) that this shift clashes with.
    public func firstClash(in holds: [SupportCommitment]) -> SupportCommitment? {
        holds.sorted { $0.time < $1.time }.first { $0.time.overlaps(self) }
    }
}

/// A shift a person holds (in any event): the clash rules compare the person's shifts by these.
public struct SupportCommitment: Sendable, Equatable {
    public let shiftID: String
    public let time: SupportShiftTime

    public init(shiftID: String, time: SupportShiftTime) {
        self.shiftID = shiftID
        self.time = time
    }
}

/// Whether a staff member may sign up for a shift as a volunteer.
public enum SupportSignUp {
    public enum Refusal: Sendable, Equatable {
        /// The event is no longer taking volunteers (its seats have been allocated).
        case closed
        case alreadySignedUp
        /// Every seat of the shift is taken.
        case full
        /// The person already holds a shift at the same time (in this event or another).
        case clash(SupportCommitment)
    }

    /// `holds` are every shift the person holds in any event; `taken` the seats already taken.
    public static func refusal(isOpen: Bool, shiftID: String, time: SupportShiftTime, headcount: Int, taken: Int,
                               holds: [SupportCommitment]) -> Refusal? {
        guard isOpen else { return .closed }
        if holds.contains(where: { $0.shiftID == shiftID }) { return .alreadySignedUp }
        if taken >= headcount { return .full }
        if let clash = time.firstClash(in: holds) { return .clash(clash) }
        return nil
    }
}

/// The unit a person's support duty is apportioned to.
public enum SupportUnit {
    /// The 課, 室 or センター directly below the 部 on the way to where the person works: staff
    /// of a 係 count for its 課, so the quotas stay few and large enough to share fairly; someone
    /// placed in the 部 itself (a 部長) counts for the 部. `path` runs from the 部 down.
    public static func unit(onPath path: [SectionCode]) -> SectionCode? {
        path.count >= 2 ? path[1] : path.first
    }
}
