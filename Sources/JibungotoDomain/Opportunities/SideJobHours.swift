/// Hours on internal side jobs (庁内副業): logged per person, job and month, in half hours, and
/// capped per person and month across all their side jobs — the cap protects the person's own
/// work, so two jobs in one month share it.
public enum SideJobHours {
    /// Hours are logged in half hours (7.5, not 7.25).
    public static let step = 0.5
    /// Hours are sums of half hours, exact in binary; the tolerance only guards the comparison.
    static let tolerance = 1e-9

    /// Why hours cannot be logged.
    public enum Refusal: Sendable, Equatable {
        /// The person's side-job hours in the month would pass the cap: `logged` are already
        /// logged on their other side jobs (and other months' logs do not count), `left` remain.
        case overCap(cap: Double, logged: Double, left: Double)
        /// The month is not one of the job's period.
        case outsidePeriod(first: YearMonth, last: YearMonth)
        /// The month has not begun; `current` is this month.
        case futureMonth(current: YearMonth)
        /// The host has written the closing report: the job takes no more hours.
        case closed
    }

    /// A positive whole number of half hours.
    public static func isValidAmount(_ hours: Double) -> Bool {
        guard hours.isFinite, hours >= step else { return false }
        let halves = hours / step
        return halves == halves.rounded()
    }

    /// The months of a period that may be logged today: the period's months up to this one.
    public static func loggableMonths(start: LocalDate, end: LocalDate, today: LocalDate) -> [YearMonth] {
        YearMonth.months(from: start, through: end).filter { $0 <= YearMonth(today) }
    }

    /// Why `month` cannot be logged on a job with this period, or nil when it can.
    public static func monthRefusal(_ month: YearMonth, start: LocalDate, end: LocalDate, isClosed: Bool, today: LocalDate) -> Refusal? {
        if isClosed { return .closed }
        let first = YearMonth(start), last = YearMonth(end)
        if month < first || month > last { return .outsidePeriod(first: first, last: last) }
        if month > YearMonth(today) { return .futureMonth(current: YearMonth(today)) }
        return nil
    }
}

/// The most hours one person may spend on side jobs in one month.
public struct SideJobHourCap: Sendable, Equatable {
    public let hours: Double

    public init(hours: Double) {
        self.hours = hours
    }

    /// The municipality's rule: at most `sharePercent` % of the regular monthly working hours and
    /// never more than `maximumHours` — the smaller of the two (20 % of 155 h is 31 h, so a
    /// maximum of 20 h applies).
    public init(sharePercent: Int, regularMonthlyHours: Int, maximumHours: Int) {
        self.init(hours: min(Double(regularMonthlyHours * sharePercent) / 100, Double(maximumHours)))
    }

    /// The hours still free in a month in which `logged` hours are already logged (never negative).
    public func hoursLeft(afterLogged logged: Double) -> Double {
        max(0, hours - logged)
    }

    /// Why logging `hours` in a month cannot be accepted when the person already has
    /// `loggedElsewhere` hours in that month (on their other side jobs; a log that replaces an
    /// earlier one of the same job and month does not count that earlier one), or nil: exactly at
    /// the cap is allowed.
    public func refusal(logging hours: Double, loggedElsewhere: Double) -> SideJobHours.Refusal? {
        guard loggedElsewhere + hours > self.hours + SideJobHours.tolerance else { return nil }
        return .overCap(cap: self.hours, logged: loggedElsewhere, left: hoursLeft(afterLogged: loggedElsewhere))
    }

    /// Whether a posting's planned hours per month fit one person's cap.
    public func admits(plannedHours: Double) -> Bool {
        plannedHours <= hours + SideJobHours.tolerance
    }
}
