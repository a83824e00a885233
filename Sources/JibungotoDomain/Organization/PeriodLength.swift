/// How long a period lasted, as the staff page shows it ("3年2か月").
public struct PeriodLength: Sendable, Equatable {
    public var years: Int
    /// Months beyond the whole years (0–11).
    public var months: Int

    /// From a day count: a month is 30.44 days (365.25 / 12) and a part month is dropped. A
    /// display figure only; eligibility rules count calendar years with `LocalDate.completedYears`.
    public init(days: Int) {
        let totalMonths = Int((Double(days) / 30.44).rounded(.down))
        years = totalMonths / 12
        months = totalMonths % 12
    }

    public init(years: Int, months: Int) {
        self.years = years
        self.months = months
    }

    /// The days an assignment covers: its first and last day both count, an open assignment
    /// runs to `today`, and an end before the start (a data error) counts as nothing.
    public static func days(of assignment: AssignmentRecord, today: LocalDate) -> Int {
        max(0, assignment.start.days(until: assignment.end ?? today) + 1)
    }
}
