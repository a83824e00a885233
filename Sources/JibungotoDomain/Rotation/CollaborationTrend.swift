/// The compliance view's trend: for each recent fiscal year, of the staff whose early-career
/// period ended in it, how many had served in a citizen-collaboration post.
public enum CollaborationTrend {
    public struct Year: Sendable, Equatable {
        public var fiscalYear: FiscalYear
        /// Staff whose period ended in the year (up to `today` for the current year).
        public var due: Int
        public var achieved: Int
        /// achieved / due; nil when nobody's period ended in the year.
        public var share: Double? { due == 0 ? nil : Double(achieved) / Double(due) }
    }

    /// `count` fiscal years, oldest first, ending with today's. Each year is judged by the
    /// report as of its last day, or as of `today` for the current year, so nobody is counted
    /// as due before their deadline has passed.
    /// - Parameter report: the compliance report as of a date (who served, and each deadline).
    public static func years(today: LocalDate, count: Int = 6, report: (LocalDate) -> CollaborationCompliance.Report) -> [Year] {
        let current = FiscalYear.containing(today).startYear
        return ((current - count + 1)...current).map { startYear in
            let fiscalYear = FiscalYear(startYear: startYear)
            let end = min(fiscalYear.end, today)
            let due = report(end).people.filter { fiscalYear.contains($0.deadline) && $0.deadline <= end }
            return Year(fiscalYear: fiscalYear, due: due.count, achieved: due.filter { $0.status == .achieved }.count)
        }
    }
}
