extension LocalDate {
    /// The earliest representable date, 0001-01-01.
    public static let earliest = LocalDate(unchecked: 1, 1, 1)
    /// The latest representable date, 9999-12-31.
    public static let latest = LocalDate(unchecked: 9999, 12, 31)

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil: years start in March so the leap day is last.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01, clamped to ``earliest``...``latest``.
    public init(dayNumber: Int) {
        let clamped = min(max(dayNumber, LocalDate.earliest.dayNumber), LocalDate.latest.dayNumber)
        let z = clamped + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The date `days` days later (earlier when negative), clamped to ``earliest``...``latest``.
    public func adding(days: Int) -> LocalDate {
        // Clamping first keeps absurd offsets from overflowing; the result is clamped anyway.
        LocalDate(dayNumber: dayNumber + Swift.min(Swift.max(days, -4_000_000), 4_000_000))
    }

    /// The same day `months` months later; a day missing from the target month becomes that
    /// month's last day (2026-01-31 + 1 month = 2026-02-28). Clamped to ``earliest``...``latest``.
    public func adding(months: Int) -> LocalDate {
        let (year, month) = Self.shift(year: year, month: month, by: months)
        guard year >= 1 else { return .earliest }
        guard year <= 9999 else { return .latest }
        return LocalDate(unchecked: year, month, Swift.min(day, Self.daysInMonth(year: year, month: month)))
    }

    /// The same day `years` years later; February 29 becomes February 28 in a common year.
    /// This is the usual rule for schedules (a review due three years after 2024-02-29 is due
    /// 2027-02-28); ages and service use the civil-law rule instead, see ``age(on:)``.
    public func adding(years: Int) -> LocalDate {
        adding(months: Self.clampedMonths(years: years))
    }

    /// Signed number of days from this date to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Age in whole years of a person born on this date, during the whole of `date`.
    ///
    /// Follows 年齢計算ニ関スル法律 with Civil Code art. 143: the day of birth counts as the
    /// first day, and a year of age is completed at 24:00 of the day before the birthday.
    /// Because that instant is the start of the birthday, the age shown for a day goes up
    /// on the birthday itself. For a person born on February 29 the year is completed at
    /// the end of February 28 in a common year (art. 143(2): the month has no matching day),
    /// so the age goes up on March 1. Returns 0 for dates before birth.
    ///
    /// Rules worded as "the day on which the age is reached" (…歳に達した日, used for
    /// retirement and school entry) need ``dayReachingAge(_:)`` instead, which is one day
    /// earlier.
    public func age(on date: LocalDate) -> Int {
        LocalDate.completedYears(from: self, to: date)
    }

    /// The day on which a person born on this date legally reaches `age` (…歳に達した日):
    /// the day before the birthday, at whose 24:00 the year is completed.
    ///
    /// Example: the retirement date under a rule "the first March 31 on or after the day the
    /// retirement age is reached" is `FiscalYear.containing(birth.dayReachingAge(60)).end`;
    /// someone born on April 1 therefore retires a fiscal year earlier than someone born on
    /// April 2 of the same year.
    public func dayReachingAge(_ age: Int) -> LocalDate {
        civilAnniversary(months: Self.clampedMonths(years: age)).adding(days: -1)
    }

    /// Completed whole years from `start` (counted as day one) to `end`, under the same
    /// civil-law rule as ``age(on:)``; this is also the years of service of someone hired
    /// on `start` (hired 2020-04-01: 1 year on 2021-04-01). Returns 0 when `end` is before `start`.
    public static func completedYears(from start: LocalDate, to end: LocalDate) -> Int {
        completedMonths(from: start, to: end) / 12
    }

    /// Completed whole months from `start` (counted as day one) to `end`: a month is completed
    /// at the end of the day before the same day of the next month, or at the end of that
    /// month when it has no such day (Civil Code art. 143). Returns 0 when `end` is before `start`.
    public static func completedMonths(from start: LocalDate, to end: LocalDate) -> Int {
        guard start < end else { return 0 }
        var months = (end.year - start.year) * 12 + (end.month - start.month)
        // The estimate overshoots by at most one: the anniversary lands in end's month or,
        // when that month lacks the day, on the 1st of the month after.
        if start.civilAnniversary(months: months) > end { months -= 1 }
        return months
    }

    // MARK: - Internals

    /// The first day on which `months` months counted from this date are complete.
    func civilAnniversary(months: Int) -> LocalDate {
        let (year, month) = Self.shift(year: year, month: month, by: months)
        guard year >= 1 else { return .earliest }
        guard year <= 9999 else { return .latest }
        if day <= Self.daysInMonth(year: year, month: month) {
            return LocalDate(unchecked: year, month, day)
        }
        // No matching day: the period ends with the month, so the next day is the 1st.
        return LocalDate(unchecked: year, month, Self.daysInMonth(year: year, month: month)).adding(days: 1)
    }

    /// Any offset beyond the representable 10 000 years behaves the same, and clamping
    /// keeps the multiplication from overflowing.
    private static func clampedMonths(years: Int) -> Int {
        Swift.min(Swift.max(years, -20_000), 20_000) * 12
    }

    private static func shift(year: Int, month: Int, by months: Int) -> (year: Int, month: Int) {
        let clampedMonths = Swift.min(Swift.max(months, -200_000), 200_000)
        let index = year * 12 + (month - 1) + clampedMonths
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        return (newYear, index - newYear * 12 + 1)
    }
}
