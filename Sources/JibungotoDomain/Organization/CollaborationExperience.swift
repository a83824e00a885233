/// A staff member's experience of citizen-collaboration posts (市民協働ポスト) as the staff page
/// shows it: the total time spent in them over the whole career.
///
/// An assignment counts when its section was a collaboration post in the fiscal year the
/// assignment started (the caller resolves that). Its length is `PeriodLength.days(of:today:)`:
/// first to last day inclusive, an open assignment up to `today` (a future end date counts up
/// to that end). Overlapping assignments are not merged; the city's history has none.
///
/// This differs from `CollaborationCompliance` (Rotation), which asks only *whether* a
/// collaboration assignment started before the 10th anniversary of hiring and on or before
/// its date, and which takes a set of section codes rather than a per-assignment decision.
public enum CollaborationExperience {
    /// Total days in collaboration posts; 0 when there were none.
    public static func days(
        in assignments: [AssignmentRecord], today: LocalDate, isCollaborationPost: (AssignmentRecord) -> Bool
    ) -> Int {
        assignments.filter(isCollaborationPost).reduce(0) { $0 + PeriodLength.days(of: $1, today: today) }
    }
}
