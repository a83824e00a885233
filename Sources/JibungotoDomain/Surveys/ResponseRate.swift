/// Response-rate figures: overall and per unit against a target, a daily cumulative series,
/// and the trend across survey cycles.
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

    /// The whole target group's figure. Shown under the same k rule as any unit (the whole
    /// target group is one more cell): a survey with fewer than k answers so far shows none.
    public static func overall(
        respondents: Int, members: Int, target: Double = defaultTarget, policy: DisclosurePolicy = .standard
    ) -> UnitRate {
        let result = DisclosureControl.suppress(
            cells: [.all], counts: [.all: CellCount(respondents: respondents, members: members)],
            hierarchy: CellHierarchy(partitions: []), policy: policy)
        return UnitRate(unit: .all, count: CellCount(respondents: respondents, members: members),
                        target: target, suppression: result.suppressed[.all])
    }

    /// Rates for a set of units (all staff, departments, sections) under the k rule, computed
    /// together so that no unit's counts can be worked out from the others.
    ///
    /// - Parameters:
    ///   - counts: respondents (from the completion records) and members (the target staff of
    ///     the unit, frozen when the survey opened) per unit; the units to show are its keys.
    ///   - hierarchy: how the units add up, e.g. ``CellHierarchy/organization(sectionsByDepartment:)``.
    /// - Returns: one figure per unit, coarser units first.
    public static func byUnit(
        counts: [CellSpec: CellCount], hierarchy: CellHierarchy, target: Double = defaultTarget,
        policy: DisclosurePolicy = .standard
    ) -> [UnitRate] {
        let units = counts.keys.sorted()
        let result = DisclosureControl.suppress(cells: units, counts: counts, hierarchy: hierarchy, policy: policy)
        return units.map {
            UnitRate(unit: $0, count: counts[$0]!, target: target, suppression: result.suppressed[$0])
        }
    }

    /// The cumulative series from the first to the last day, one point per calendar day (days
    /// without answers included), from the number of answers submitted each day.
    public static func cumulative(
        dailyCounts: [LocalDate: Int], from first: LocalDate, through last: LocalDate, members: Int
    ) -> [DailyPoint] {
        guard first <= last else { return [] }
        var points: [DailyPoint] = []
        var total = 0
        var day = first
        while day <= last {
            let count = dailyCounts[day] ?? 0
            total += count
            points.append(DailyPoint(day: day, submitted: count, cumulative: total,
                                     rate: rate(respondents: total, members: members)))
            day = day.adding(days: 1)
        }
        return points
    }

    /// Cycles in fiscal-year order, each with its change from the cycle before in percentage
    /// points, taken between the figures as shown (76.3 % → 67.5 % is −8.8, whatever the
    /// unrounded rates were), so a reader who subtracts gets the same number.
    public static func trend(_ cycles: [CycleRate]) -> [TrendPoint] {
        let ordered = cycles.sorted { $0.fiscalYear < $1.fiscalYear }
        return ordered.enumerated().map { number, cycle in
            let change = number == 0 ? nil : pointChange(from: ordered[number - 1].rate, to: cycle.rate)
            return TrendPoint(fiscalYear: cycle.fiscalYear, rate: cycle.rate, changeInPoints: change)
        }
    }

    /// The rate in tenths of a percent, as ``percentText(_:)`` shows it.
    static func shownTenths(_ rate: Double) -> Int { Int((rate * 1000).rounded()) }

    /// The change between two rates in percentage points, from their shown values (one decimal).
    public static func pointChange(from before: Double, to after: Double) -> Double {
        Double(shownTenths(after) - shownTenths(before)) / 10
    }

    /// "+2.5" / "−8.8" / "±0.0": the change as it agrees with the two shown rates.
    public static func pointChangeText(from before: Double, to after: Double) -> String {
        let tenths = shownTenths(after) - shownTenths(before)
        let sign = tenths > 0 ? "+" : tenths < 0 ? "−" : "±"
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// "76.3 %" style text with one decimal.
    public static func percentText(_ rate: Double) -> String {
        let tenths = shownTenths(rate)
        return "\(tenths / 10).\(tenths % 10) %"
    }
}

/// The response figure of one unit, or why it is hidden.
public struct UnitRate: Sendable, Hashable {
    public var unit: CellSpec
    /// Respondents and members. Do not display when ``suppression`` is set.
    public var count: CellCount
    public var target: Double
    /// Why the figure is hidden; nil when it may be shown.
    public var suppression: SuppressionReason?

    public var isShown: Bool { suppression == nil }

    /// The rate, only when it may be shown.
    public var rate: Double? {
        guard isShown, let members = count.members else { return nil }
        return ResponseRate.rate(respondents: count.respondents, members: members)
    }

    /// Whether the shown rate reaches the target; nil when hidden.
    public var meetsTarget: Bool? { rate.map { $0 >= target } }
}

/// One day of a cumulative response series.
public struct DailyPoint: Sendable, Hashable {
    public var day: LocalDate
    public var submitted: Int
    public var cumulative: Int
    public var rate: Double?
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
