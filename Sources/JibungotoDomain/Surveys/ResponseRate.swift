/// Response-rate figures: a rate, its one-decimal text, and the trend across survey cycles with
/// each change as the shown figures give it. Which rates may be shown is decided by the release
/// (``SurveyReleaseBuilder``), never here.
public enum ResponseRate {
    /// The paper's one-year goal: a response rate of at least 80 %.
    public static let defaultTarget = 0.80

    /// The rates of the cycles before Jibungoto, from the paper (§6-1): FY R3 (2021) 76.3 %,
    /// FY R4 (2022) 67.5 %.
    public static let paperHistory: [CycleRate] = [
        CycleRate(fiscalYear: FiscalYear(startYear: 2021), rate: 0.763),
        CycleRate(fiscalYear: FiscalYear(startYear: 2022), rate: 0.675),
    ]

    /// respondents ÷ members, or nil when there are no members.
    public static func rate(respondents: Int, members: Int) -> Double? {
        members > 0 ? Double(respondents) / Double(members) : nil
    }

    /// Whether a rate reaches the survey's target (the page marks the rows that do).
    public static func meetsTarget(_ rate: Double, target: Double) -> Bool { rate >= target }

    /// Cycles in fiscal-year order, each with its change from the cycle before in percentage
    /// points, taken between the figures as shown (76.3 % → 67.5 % is −8.8, whatever the
    /// unrounded rates were), so a reader who subtracts gets the same number.
    public static func trend(_ cycles: [CycleRate]) -> [TrendPoint] {
        let ordered = cycles.sorted { $0.fiscalYear < $1.fiscalYear }
        return ordered.enumerated().map { number, cycle in
            let change = number == 0 ? nil : shownChange(from: ordered[number - 1].rate, to: cycle.rate)
            return TrendPoint(fiscalYear: cycle.fiscalYear, rate: cycle.rate, changeInPoints: change)
        }
    }

    /// The rate in tenths of a percent, as ``percentText(_:)`` shows it.
    static func shownTenths(_ rate: Double) -> Int { Int((rate * 1000).rounded()) }

    /// The change between two shown percentages, in percentage points: the difference of the
    /// rounded figures (76.3 % → 67.5 % is −8.8 even when the unrounded rates differ by 8.7),
    /// so a reader who subtracts the two shown figures gets the shown change.
    public static func shownChange(from before: Double, to after: Double) -> Double {
        Double(shownTenths(after) - shownTenths(before)) / 10
    }

    /// "+2.5" / "−8.8" / "±0.0": a change in points as ``shownChange(from:to:)`` gives it.
    public static func changeText(_ points: Double) -> String {
        let tenths = Int((points * 10).rounded())
        let sign = tenths > 0 ? "+" : tenths < 0 ? "−" : "±"
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// "76.3": the rate in percent with one decimal, as every page and export shows it (a CSV
    /// cell takes the number alone).
    public static func percentFigure(_ rate: Double) -> String {
        let tenths = shownTenths(rate)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// "76.3 %" style text with one decimal.
    public static func percentText(_ rate: Double) -> String {
        percentFigure(rate) + " %"
    }
}

/// The response rate of one survey cycle.
public struct CycleRate: Sendable, Hashable, Codable {
    public var fiscalYear: FiscalYear
    public var rate: Double

    public init(fiscalYear: FiscalYear, rate: Double) {
        self.fiscalYear = fiscalYear
        self.rate = rate
    }
}

/// One point of the trend across cycles.
public struct TrendPoint: Sendable, Hashable {
    public var fiscalYear: FiscalYear
    public var rate: Double
    /// Change from the previous cycle in percentage points, to one decimal; nil for the first.
    public var changeInPoints: Double?
}
