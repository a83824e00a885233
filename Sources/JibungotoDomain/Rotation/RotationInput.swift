/// One wish from the self-report: rank 1 is the first wish (第1希望).
public struct RotationWish: Sendable, Hashable, Codable {
    public var rank: Int
    public var sectionCode: SectionCode

    public init(rank: Int, sectionCode: SectionCode) {
        self.rank = rank
        self.sectionCode = sectionCode
    }
}

/// An HR decision about one staff member for a scenario.
public enum RotationPin: Sendable, Hashable, Codable {
    /// 残留: the staff member stays where they are (not a mover; keeps their seat).
    case stays
    /// Must go to this section (overrides the soft rules and no-return; job type and free seats still apply).
    case mustGoTo(SectionCode)
    /// Must not go to this section.
    case mustNotGoTo(SectionCode)
}

/// A seat pool: the open seats of one tier in one section (tier 0 = ordinary members;
/// > 0 = a post tier such as 課長-level, see ``PostTiers``). These are the solver's "sections".
public struct SeatPool: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var sectionCode: SectionCode
    public var tier: Int

    public init(sectionCode: SectionCode, tier: Int) {
        self.sectionCode = sectionCode
        self.tier = tier
    }

    public static func < (a: SeatPool, b: SeatPool) -> Bool { (a.sectionCode, a.tier) < (b.sectionCode, b.tier) }

    public var description: String { tier == 0 ? sectionCode.rawValue : "\(sectionCode)#\(tier)" }
}

/// Everything a scenario needs, as plain values (the app loads it from the database).
public struct RotationInput: Sendable {
    /// 異動日, normally April 1. Placements are read on the day before.
    public var transferDate: LocalDate
    public var staff: [StaffRecord]
    /// The assignment history of the staff (any order).
    public var assignments: [AssignmentRecord]
    /// The organization in effect on the transfer date.
    public var sections: [SectionRecord]
    /// Self-report wishes by 職員番号.
    public var wishes: [StaffNumber: [RotationWish]]
    /// Staff who asked to move in the self-report (異動希望あり). Someone whose wishes name a
    /// section other than the current one also counts as asking to move.
    public var wantsToMove: Set<StaffNumber>
    /// HR pins by 職員番号.
    public var pins: [StaffNumber: [RotationPin]]
    /// 定数 edited for the scenario, by section code.
    public var headcountOverrides: [SectionCode: Int]
    /// Post seats (tier > 0) per section, by code and tier; by default the number of current
    /// holders of posts of that tier (so a vacated head post is refilled).
    public var postSeatOverrides: [SectionCode: [Int: Int]]
    /// Open seats edited directly (after stayers), by pool; wins over everything else.
    public var openSeatOverrides: [SeatPool: Int]
    public var jobTypeFit: JobTypeFit
    /// Which past assignments were to collaboration posts (every recorded organization year);
    /// nil takes ``sections`` as the organization of every year.
    public var collaborationHistory: CollaborationPosts?
    /// The last approved transfer date; a scenario must be later.
    public var lastApprovedTransferDate: LocalDate?

    public init(
        transferDate: LocalDate, staff: [StaffRecord], assignments: [AssignmentRecord], sections: [SectionRecord],
        wishes: [StaffNumber: [RotationWish]] = [:], wantsToMove: Set<StaffNumber> = [], pins: [StaffNumber: [RotationPin]] = [:],
        headcountOverrides: [SectionCode: Int] = [:], postSeatOverrides: [SectionCode: [Int: Int]] = [:],
        openSeatOverrides: [SeatPool: Int] = [:], jobTypeFit: JobTypeFit? = nil,
        collaborationHistory: CollaborationPosts? = nil, lastApprovedTransferDate: LocalDate? = nil
    ) {
        self.transferDate = transferDate
        self.staff = staff
        self.assignments = assignments
        self.sections = sections
        self.wishes = wishes
        self.wantsToMove = wantsToMove
        self.pins = pins
        self.headcountOverrides = headcountOverrides
        self.postSeatOverrides = postSeatOverrides
        self.openSeatOverrides = openSeatOverrides
        self.jobTypeFit = jobTypeFit ?? .inferred(sections: sections)
        self.collaborationHistory = collaborationHistory
        self.lastApprovedTransferDate = lastApprovedTransferDate
    }
}

/// A problem with the scenario's input, naming the person or section.
public struct RotationIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var staffNumber: StaffNumber?
    public var sectionCode: SectionCode?
    public var message: Bilingual

    public init(_ severity: Severity, staffNumber: StaffNumber? = nil, sectionCode: SectionCode? = nil, _ message: Bilingual) {
        self.severity = severity
        self.staffNumber = staffNumber
        self.sectionCode = sectionCode
        self.message = message
    }

    public var description: String { "\(severity): \(message.en)" }
}

/// Thrown by ``RotationPlanner/build(_:movers:rules:)`` when the input has errors; nothing is built.
public struct RotationInputError: Error, Sendable, CustomStringConvertible {
    public var issues: [RotationIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
