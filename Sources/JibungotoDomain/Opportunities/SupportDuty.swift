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

/// A shift's day and hours (minutes from midnight; a shift ends by midnight of its day).
public struct SupportShiftTime: Sendable, Hashable, Codable, Comparable {
    public let date: LocalDate
    public let start: Int
    public let end: Int

    /// Nil unless the shift starts before it ends, within one day.
    public init?(date: LocalDate, start: Int, end: Int) {
        guard start >= 0, start < end, end <= 24 * 60 else { return nil }
        self.date = date
        self.start = start
        self.end = end
    }

    /// A stored shift (checked by the initializer above when it was written), its hours kept
    /// within one day whatever the row holds.
    public init(date: LocalDate, clampingStart start: Int, end: Int) {
        self.date = date
        self.start = min(max(start, 0), 24 * 60 - 1)
        self.end = min(max(end, self.start + 1), 24 * 60)
    }

    /// Two shifts clash when they are on the same day and their hours overlap; one that starts
    /// when the other ends does not clash.
    public func overlaps(_ other: SupportShiftTime) -> Bool {
        date == other.date && start < other.end && other.start < end
    }

    /// The shift's length, which is also the duty it counts for in the participation ledger.
    public var hours: Double { Double(end - start) / 60 }

    /// The first of `holds` (in time order) that this shift clashes with.
    public func firstClash(in holds: [SupportCommitment]) -> SupportCommitment? {
        holds.sorted { $0.time < $1.time }.first { $0.time.overlaps(self) }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.date, lhs.start, lhs.end) < (rhs.date, rhs.start, rhs.end)
    }

    /// A time of day as written on a roster: 8:30, 13:00.
    public static func clock(_ minutes: Int) -> String {
        let minute = minutes % 60
        return "\(minutes / 60):" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// A time of day as typed (8:30, 08:30, ８：３０, 24:00), in minutes from midnight; nil otherwise.
    public static func minutes(from text: String) -> Int? {
        let parts = TextNormalization.code(text).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...59).contains(minute)
        else { return nil }
        let total = hour * 60 + minute
        return (0...24 * 60).contains(total) ? total : nil
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
