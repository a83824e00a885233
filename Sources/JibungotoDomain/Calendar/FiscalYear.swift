import Foundation

/// A Japanese public-sector fiscal year (年度), April 1 to March 31, named by the calendar
/// year in which it starts: FY2026 runs from 2026-04-01 to 2027-03-31.
///
/// Encoded as its start year, a plain integer.
public struct FiscalYear: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The calendar year containing April 1 of this fiscal year.
    public let startYear: Int

    /// The fiscal year starting on April 1 of `startYear`.
    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// The fiscal year containing `date`.
    public static func containing(_ date: LocalDate) -> FiscalYear {
        FiscalYear(startYear: date.month >= 4 ? date.year : date.year - 1)
    }

    /// The fiscal year containing the day on which `date` falls in `timeZone`.
    public static func containing(_ date: Date, in timeZone: TimeZone) -> FiscalYear {
        containing(LocalDate(date, in: timeZone))
    }

    /// April 1 of ``startYear``.
    public var start: LocalDate {
        LocalDate(year: startYear, month: 4, day: 1) ?? (startYear < 1 ? .earliest : .latest)
    }

    /// March 31 of the following calendar year.
    public var end: LocalDate {
        LocalDate(year: startYear + 1, month: 3, day: 31) ?? (startYear < 1 ? .earliest : .latest)
    }

    /// ``start`` through ``end``.
    public var dates: ClosedRange<LocalDate> { start...end }

    /// Whether `date` falls in this fiscal year.
    public func contains(_ date: LocalDate) -> Bool {
        FiscalYear.containing(date) == self
    }

    public var next: FiscalYear { FiscalYear(startYear: startYear + 1) }
    public var previous: FiscalYear { FiscalYear(startYear: startYear - 1) }

    /// `FY2026`, for logs and debugging; user-facing labels come from
    /// ``label(language:display:)``.
    public var description: String { "FY\(startYear)" }

    public static func < (lhs: FiscalYear, rhs: FiscalYear) -> Bool {
        lhs.startYear < rhs.startYear
    }

    public init(from decoder: any Decoder) throws {
        startYear = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(startYear)
    }
}
