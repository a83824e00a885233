/// A staff member's experience of citizen-collaboration posts (市民協働ポスト) as the staff page
/// shows it: the total time spent in them over the whole career. Which assignments count is
/// `CollaborationPosts` (shared with the compliance view and the planner); each one's length is
/// `PeriodLength.of(_:today:)`, and the lengths add up by `PeriodLength.total`.
public enum CollaborationExperience {
    /// The total length of the collaboration-post assignments; zero when there were none.
    public static func length(of assignments: [AssignmentRecord], posts: CollaborationPosts, today: LocalDate) -> PeriodLength {
        PeriodLength.total(assignments.filter(posts.contains).map { PeriodLength.of($0, today: today) })
    }
}
