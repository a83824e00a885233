import Foundation

/// The dialogue figures the Policy module reads for its KPIs (the paper's change to create, §6-2:
/// more opportunities for dialogue), each one rule so the dashboard and any list agree.
public enum DialogueFigures {
    /// A session as the figures see it: its day and whether its closing report is written.
    public struct Session: Sendable, Equatable {
        public let date: LocalDate
        public let isReported: Bool

        public init(date: LocalDate, isReported: Bool) {
            self.date = date
            self.isReported = isReported
        }
    }

    /// Sessions held in the fiscal year: those whose organizer wrote the closing report (a session
    /// without one may not have taken place), counted in the fiscal year of the session's day.
    public static func sessionsHeld(_ sessions: [Session], fiscalYear: Int) -> Int {
        sessions.filter { $0.isReported && FiscalYear.containing($0.date).startYear == fiscalYear }.count
    }

    /// The staff who attended at least one dialogue session in the fiscal year, each once (実人数),
    /// from the participation ledger's dialogue entries.
    public static func participants(_ entries: [ParticipationEntry], fiscalYear: Int) -> Set<StaffNumber> {
        Set(entries.filter { $0.kind == .dialogueSession && $0.fiscalYear == fiscalYear }.map(\.staffNumber))
    }

    /// The share of `staff` (0…1) who are among the participants; nil when there are no staff to count.
    public static func shareOfStaff(participants: Set<StaffNumber>, staff: Set<StaffNumber>) -> Double? {
        guard !staff.isEmpty else { return nil }
        return Double(staff.intersection(participants).count) / Double(staff.count)
    }
}
