/// Where a staff member works on a given day, and since when they have been in that section
/// (a change of post inside the same section does not restart the count of years in post).
public struct CurrentPlacement: Sendable, Equatable {
    public let sectionCode: SectionCode
    public let post: String
    public let since: LocalDate

    /// The placement on `date` from an assignment history in any order; nil when none is open that day.
    public static func on(_ date: LocalDate, from assignments: [AssignmentRecord]) -> CurrentPlacement? {
        let ordered = assignments.sorted { $0.start < $1.start }
        guard let index = ordered.lastIndex(where: { $0.start <= date && ($0.end.map { $0 >= date } ?? true) }) else {
            return nil
        }
        let current = ordered[index]
        var since = current.start
        var cursor = index
        while cursor > 0 {
            let previous = ordered[cursor - 1]
            guard previous.sectionCode == current.sectionCode,
                  let end = previous.end, end.adding(days: 1) >= ordered[cursor].start else { break }
            since = previous.start
            cursor -= 1
        }
        return CurrentPlacement(sectionCode: current.sectionCode, post: current.post, since: since)
    }
}
