/// How long a period of service lasted, as HR states it: 「3年11か月」.
///
/// A period counts whole calendar months from its first day to the day after its last (so
/// 平成31年4月1日–令和5年3月31日 is 4年0か月, like 令和5年4月1日–令和7年3月31日 is 2年0か月), then
/// the days left over, by the civil-law rule for periods (民法143条). Several periods add their months and their days, and 30 leftover days make
/// a month (the usual rule for adding up 職歴: 日数は30日をもって1月とする). Shown without the days.
public struct PeriodLength: Sendable, Equatable {
    /// Whole months.
    public let totalMonths: Int
    /// Days beyond the whole months (0–30 for one period; below 30 for a total).
    public let days: Int

    public init(months: Int, days: Int) {
        totalMonths = months
        self.days = days
    }

    public var years: Int { totalMonths / 12 }
    /// Months beyond the whole years (0–11).
    public var months: Int { totalMonths % 12 }

    public static let zero = PeriodLength(months: 0, days: 0)

    /// From `start` through `end`, both days included; nothing when `end` is before `start`.
    public static func from(_ start: LocalDate, through end: LocalDate) -> PeriodLength {
        guard start <= end else { return .zero }
        let after = end.adding(days: 1)
        var months = (after.year - start.year) * 12 + (after.month - start.month)
        if monthsLater(start, months) > after { months -= 1 }
        return PeriodLength(months: months, days: monthsLater(start, months).days(until: after))
    }

    /// The day `months` whole months of service from `start` are complete (民法143条: a month
    /// without the corresponding day ends with its last day, so the next starts on the 1st).
    private static func monthsLater(_ start: LocalDate, _ months: Int) -> LocalDate {
        let corresponding = start.adding(months: months)
        return corresponding.day == start.day ? corresponding : corresponding.adding(days: 1)
    }

    /// An assignment's length: an open one runs to `today` (a future end counts up to that end).
    public static func of(_ assignment: AssignmentRecord, today: LocalDate) -> PeriodLength {
        from(assignment.start, through: assignment.end ?? today)
    }

    /// Several periods added up: months and days separately, 30 days making a month.
    public static func total(_ periods: [PeriodLength]) -> PeriodLength {
        let days = periods.reduce(0) { $0 + $1.days }
        return PeriodLength(months: periods.reduce(0) { $0 + $1.totalMonths } + days / 30, days: days % 30)
    }
}
