/// One staff member of a fiscal year's population, with what the ledger says about them.
public struct FairnessPerson: Sendable, Hashable {
    public var staffNumber: StaffNumber
    /// Their department; nil when it is not known (they are then in no department group).
    public var departmentCode: SectionCode?
    public var ageBand: AgeBand
    /// nil where the staff master records none: such staff are in no gender group.
    public var gender: Gender?
    public var employmentType: EmploymentType
    /// Their cross-section ledger entries in the fiscal year, by route.
    public var entries: RouteCounts
    /// Whether they were selected (``FairnessFigures/selectionRoutes``) for a cross-section
    /// activity in the fiscal year before.
    public var selectedYearBefore: Bool
    /// Whether they had any cross-section entry in the look-back years before the fiscal year
    /// (``FairnessFigures/lookBackYears(before:newFacesYears:)``): if not, they are a new face.
    public var activeBefore: Bool

    public init(
        staffNumber: StaffNumber, departmentCode: SectionCode?, ageBand: AgeBand, gender: Gender?, employmentType: EmploymentType,
        entries: RouteCounts = RouteCounts(), selectedYearBefore: Bool = false, activeBefore: Bool = false
    ) {
        self.staffNumber = staffNumber
        self.departmentCode = departmentCode
        self.ageBand = ageBand
        self.gender = gender
        self.employmentType = employmentType
        self.entries = entries
        self.selectedYearBefore = selectedYearBefore
        self.activeBefore = activeBefore
    }

    /// Whether they were selected this fiscal year (an entry through a selection route).
    public var isSelected: Bool { FairnessFigures.selectionRoutes.contains { entries[$0] > 0 } }
}

/// Entries per ``ParticipationRoute``: four numbers, not a dictionary, because a city's
/// population is tens of thousands of people.
public struct RouteCounts: Sendable, Hashable {
    private var applied = 0, nominated = 0, allocated = 0, volunteered = 0

    public init() {}

    public init(_ counts: [ParticipationRoute: Int]) {
        for (route, count) in counts { self[route] = count }
    }

    public subscript(route: ParticipationRoute) -> Int {
        get {
            switch route {
            case .applied: applied
            case .nominated: nominated
            case .allocated: allocated
            case .volunteered: volunteered
            }
        }
        set {
            switch route {
            case .applied: applied = newValue
            case .nominated: nominated = newValue
            case .allocated: allocated = newValue
            case .volunteered: volunteered = newValue
            }
        }
    }

    public var total: Int { applied + nominated + allocated + volunteered }
}

/// What the population is split by on the figures page, in its order.
public enum FairnessDimension: String, Sendable, Hashable, Codable, DeclarationOrdered {
    case department
    case ageBand
    case gender
    case employmentType
}

/// One group of a ``FairnessDimension``.
public enum FairnessGroupKey: Sendable, Hashable, Comparable {
    case department(SectionCode)
    case ageBand(AgeBand)
    case gender(Gender)
    case employmentType(EmploymentType)

    public var dimension: FairnessDimension {
        switch self {
        case .department: .department
        case .ageBand: .ageBand
        case .gender: .gender
        case .employmentType: .employmentType
        }
    }

    /// The person's group in `dimension`; nil when the attribute is not known (no department,
    /// no recorded gender).
    public static func of(_ person: FairnessPerson, in dimension: FairnessDimension) -> FairnessGroupKey? {
        switch dimension {
        case .department: person.departmentCode.map(FairnessGroupKey.department)
        case .ageBand: FairnessGroupKey.ageBand(person.ageBand)
        case .gender: person.gender.map(FairnessGroupKey.gender)
        case .employmentType: FairnessGroupKey.employmentType(person.employmentType)
        }
    }

    /// Dimension order, then departments by code and the other attributes in their declared order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.department(let a), .department(let b)): a < b
        case (.ageBand(let a), .ageBand(let b)): a < b
        case (.gender(let a), .gender(let b)): Gender.allCases.firstIndex(of: a)! < Gender.allCases.firstIndex(of: b)!
        case (.employmentType(let a), .employmentType(let b)):
            EmploymentType.allCases.firstIndex(of: a)! < EmploymentType.allCases.firstIndex(of: b)!
        default: lhs.dimension < rhs.dimension
        }
    }
}

/// The fairness figures of one fiscal year (PRODUCT.md "Opportunities"): who takes part in
/// cross-section activities, how concentrated the activity is, whether the same people are
/// selected year after year, and through which route people come. Read from the participation
/// ledger only; pure, so the Opportunities page and later the Policy module's KPIs compute the
/// same numbers with the same functions.
///
/// Every figure is over the fiscal year's *population* (``FairnessPerson``), people without any
/// activity included as zeros: a figure over participants alone could not see who is left out.
public enum FairnessFigures {
    /// The fewest staff a group may have for its figures to be shown. The platform's one minimum
    /// for showing figures about a group of people is the surveys' default k (5); the fairness
    /// figures take the same, so no page shows a smaller group than another would.
    public static let minimumGroupSize = DisclosurePolicy.standard.k

    /// The routes by which someone is *selected* from candidates: an open call they applied to,
    /// or a nomination. Allocated support duty and volunteering are not selections.
    public static let selectionRoutes: [ParticipationRoute] = [.applied, .nominated]

    /// The age band the figures of `fiscalYear` use: the age on the fiscal year's first day
    /// (April 1), as personnel statistics count it, so nobody moves between bands during a year.
    public static func ageBand(birthDate: LocalDate, fiscalYear: Int) -> AgeBand {
        AgeBand.of(age: birthDate.age(on: FiscalYear(startYear: fiscalYear).start))
    }

    /// The fiscal years before `fiscalYear` in which an entry means someone is not a new face:
    /// the candidate suggestions' "new faces" years (the setting counts the current year, so
    /// one fewer before it), and at least the year before.
    public static func lookBackYears(before fiscalYear: Int, newFacesYears: Int) -> ClosedRange<Int> {
        (fiscalYear - max(1, newFacesYears - 1))...(fiscalYear - 1)
    }

    // MARK: - One function per figure

    /// The share of staff with at least one cross-section entry; nil for an empty population.
    public static func shareWithActivity(_ counts: [Int]) -> Double? {
        guard !counts.isEmpty else { return nil }
        return Double(counts.count(where: { $0 > 0 })) / Double(counts.count)
    }

    /// The share of all entries held by the top 10 % of staff, ranked by their number of entries.
    ///
    /// The top 10 % of `n` staff is `n / 10` people, a fraction when `n` is not a multiple of 10:
    /// the `⌊n / 10⌋` largest counts are taken whole, and the next largest count for the
    /// remaining fraction `(n mod 10) / 10` of a person. So 15 staff: the largest count plus half
    /// the second largest; 4 staff: 0.4 of the largest. This is the Lorenz curve's reading at
    /// 90 %: equal counts give exactly 10 % for every `n`, one holder among 10 or more gives
    /// 100 %, and ties at the boundary do not matter (only the sorted counts are read).
    /// nil for an empty population or when nobody has an entry.
    public static func topDecileShare(_ counts: [Int]) -> Double? {
        topDecileShare(ascending: ascending(counts))
    }

    static func topDecileShare(ascending: [Int]) -> Double? {
        let total = ascending.reduce(0, +)
        guard !ascending.isEmpty, total > 0 else { return nil }
        let whole = ascending.count / 10, fraction = ascending.count % 10
        // In tenths of an entry, so the fraction stays exact.
        var heldTenths = 10 * ascending.suffix(whole).reduce(0, +)
        if whole < ascending.count { heldTenths += fraction * ascending[ascending.count - 1 - whole] }
        return Double(heldTenths) / Double(10 * total)
    }

    /// The Gini coefficient of the entries over all staff, those without entries included:
    /// Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n Σ x), computed from the ascending counts as
    /// (2 Σ i·x₍ᵢ₎ − (n + 1) Σ x) / (n Σ x). Equal counts give 0; one holder among n gives
    /// (n − 1) / n, its largest value. nil for an empty population or when nobody has an entry.
    public static func gini(_ counts: [Int]) -> Double? {
        gini(ascending: ascending(counts))
    }

    static func gini(ascending: [Int]) -> Double? {
        let total = ascending.reduce(0, +)
        guard !ascending.isEmpty, total > 0 else { return nil }
        var rankWeighted = 0
        for (index, count) in ascending.enumerated() { rankWeighted += (index + 1) * count }
        let n = ascending.count
        return Double(2 * rankWeighted - (n + 1) * total) / Double(n * total)
    }

    /// Entry counts in ascending order. Counts are small and many (most staff have 0 to a few
    /// entries), so they are counted rather than compared: a city's 50,000 people, in each of
    /// its groups, would otherwise be sorted twice per group.
    static func ascending(_ counts: [Int]) -> [Int] {
        guard let largest = counts.max(), largest <= 4 * counts.count, counts.allSatisfy({ $0 >= 0 }) else { return counts.sorted() }
        var people = [Int](repeating: 0, count: largest + 1)
        for count in counts { people[count] += 1 }
        var sorted: [Int] = []
        sorted.reserveCapacity(counts.count)
        for (count, number) in people.enumerated() where number > 0 { sorted.append(contentsOf: repeatElement(count, count: number)) }
        return sorted
    }

    /// Of the staff selected this fiscal year (an entry through a ``selectionRoutes`` route),
    /// the share who were also selected in the fiscal year before; nil when nobody was selected.
    public static func repeatSelectionRate(_ people: [FairnessPerson]) -> Double? {
        GroupTally(people).repeatSelectionRate
    }

    /// How people came to activities, one profile per route in ``ParticipationRoute`` order:
    /// how many took part through it, their entries, how many were new faces, and their age
    /// bands. What ``FairnessDisclosure`` hides shows no figures: a route through which 1 to
    /// `minimumGroupSize − 1` people came, an age band with that few people, and any band whose
    /// count would give a hidden band away by subtraction from the route's total.
    public static func routeProfiles(_ people: [FairnessPerson], minimumGroupSize: Int = minimumGroupSize) -> [RouteProfile] {
        routeProfiles(people, disclosure: FairnessDisclosure(people: people, minimumGroupSize: minimumGroupSize))
    }

    static func routeProfiles(_ people: [FairnessPerson], disclosure: FairnessDisclosure) -> [RouteProfile] {
        ParticipationRoute.allCases.map { route in
            if let hidden = disclosure.hiding(route: route) { return RouteProfile(route: route, figures: nil, hidden: hidden) }
            // Counted in one pass, without copying the people who came through the route.
            var through = 0, entries = 0, newFaces = 0
            var bands: [AgeBand: Int] = [:]
            for person in people where person.entries[route] > 0 {
                through += 1
                entries += person.entries[route]
                if !person.activeBefore { newFaces += 1 }
                bands[person.ageBand, default: 0] += 1
            }
            return RouteProfile(route: route, figures: RouteProfile.Figures(
                people: through,
                entries: entries,
                newFaces: newFaces,
                newFaceShare: through == 0 ? nil : Double(newFaces) / Double(through),
                ageBands: AgeBand.allCases.map { band in
                    RouteProfile.AgeBandCount(band: band, people: disclosure.hiding(route: route, band: band) == nil ? bands[band] ?? 0 : nil)
                }), hidden: nil)
        }
    }

    // MARK: - Together

    /// Every figure of one group of people.
    public static func summary(of people: [FairnessPerson]) -> FairnessSummary {
        GroupTally(people).summary
    }

    /// The groups of `dimension` that have at least one person, in order. A group that
    /// ``FairnessDisclosure`` hides is listed without figures: one of 1 to `minimumGroupSize − 1`
    /// staff, or one whose figures would give such a group away by subtraction (the groups of a
    /// dimension add up to the whole). People whose attribute is not known (no department, no
    /// recorded gender) are in no group of that dimension.
    public static func groups(_ people: [FairnessPerson], by dimension: FairnessDimension, minimumGroupSize: Int = minimumGroupSize) -> [FairnessGroup] {
        groups(tallies(people, by: dimension), disclosure: FairnessDisclosure(people: people, minimumGroupSize: minimumGroupSize))
    }

    static func groups(_ tallies: [FairnessGroupKey: GroupTally], disclosure: FairnessDisclosure) -> [FairnessGroup] {
        tallies.keys.sorted().map { key in
            let hidden = disclosure.hiding(key)
            return FairnessGroup(key: key, summary: hidden == nil ? tallies[key]!.summary : nil, hidden: hidden)
        }
    }

    /// Each group of `dimension`, tallied; those whose attribute is not known are in none. One
    /// pass that keeps numbers, not people: a city's 50,000 are tallied in four dimensions.
    static func tallies(_ people: [FairnessPerson], by dimension: FairnessDimension) -> [FairnessGroupKey: GroupTally] {
        var tallies: [FairnessGroupKey: GroupTally] = [:]
        for person in people {
            if let key = FairnessGroupKey.of(person, in: dimension) { tallies[key, default: GroupTally()].add(person) }
        }
        return tallies
    }

    /// What every figure of a group is computed from: each person's number of entries, and
    /// how many were selected, and selected again.
    struct GroupTally {
        private(set) var counts: [Int] = []
        private(set) var selected = 0, selectedAgain = 0

        init() {}

        init(_ people: [FairnessPerson]) {
            counts.reserveCapacity(people.count)
            for person in people { add(person) }
        }

        mutating func add(_ person: FairnessPerson) {
            counts.append(person.entries.total)
            if person.isSelected {
                selected += 1
                if person.selectedYearBefore { selectedAgain += 1 }
            }
        }

        var repeatSelectionRate: Double? { selected == 0 ? nil : Double(selectedAgain) / Double(selected) }

        var summary: FairnessSummary {
            let sorted = FairnessFigures.ascending(counts)
            return FairnessSummary(
                staff: counts.count, withActivity: counts.count(where: { $0 > 0 }), entries: counts.reduce(0, +),
                shareWithActivity: shareWithActivity(counts), topDecileShare: topDecileShare(ascending: sorted), gini: gini(ascending: sorted),
                selected: selected, selectedAgain: selectedAgain, repeatSelectionRate: repeatSelectionRate)
        }
    }

    /// The whole page: overall, by every dimension, and by route, with one disclosure decision
    /// over all of them (a group hidden on one table cannot be recovered from another).
    public static func report(fiscalYear: Int, people: [FairnessPerson], minimumGroupSize: Int = minimumGroupSize) -> FairnessReport {
        let tallies = FairnessDimension.allCases.map { Self.tallies(people, by: $0) }
        let disclosure = FairnessDisclosure(people: people, groupSizes: tallies.map { $0.mapValues(\.counts.count) }, minimumGroupSize: minimumGroupSize)
        return FairnessReport(
            fiscalYear: fiscalYear, minimumGroupSize: minimumGroupSize,
            overall: disclosure.hidesWhole ? nil : summary(of: people),
            groups: tallies.flatMap { groups($0, disclosure: disclosure) },
            routes: routeProfiles(people, disclosure: disclosure))
    }
}

/// The figures of one group of people (the whole population or one group of a dimension).
public struct FairnessSummary: Sendable, Equatable {
    public let staff: Int
    /// Staff with at least one cross-section entry.
    public let withActivity: Int
    /// Cross-section entries of the group's staff.
    public let entries: Int
    public let shareWithActivity: Double?
    public let topDecileShare: Double?
    public let gini: Double?
    /// Staff selected this fiscal year, and of them those also selected the year before.
    public let selected: Int
    public let selectedAgain: Int
    public let repeatSelectionRate: Double?
}

/// One group of a dimension; `summary` is nil when the group is hidden, and `hidden` says why.
public struct FairnessGroup: Sendable, Equatable {
    public let key: FairnessGroupKey
    public let summary: FairnessSummary?
    public let hidden: FairnessHiding?
}

/// How people came to activities through one route.
public struct RouteProfile: Sendable, Equatable {
    public let route: ParticipationRoute
    /// nil when the route is hidden (``hidden`` says why).
    public let figures: Figures?
    public let hidden: FairnessHiding?

    public struct Figures: Sendable, Equatable {
        /// Staff with at least one entry through the route, and those entries.
        public let people: Int
        public let entries: Int
        /// Of the people, those with no cross-section entry in the look-back years.
        public let newFaces: Int
        /// nil when nobody came through the route.
        public let newFaceShare: Double?
        /// People per age band, every band in order; nil for a band with too few to show.
        public let ageBands: [AgeBandCount]
    }

    public struct AgeBandCount: Sendable, Equatable {
        public let band: AgeBand
        public let people: Int?
    }
}

/// The fairness figures of one fiscal year.
public struct FairnessReport: Sendable, Equatable {
    public let fiscalYear: Int
    public let minimumGroupSize: Int
    /// nil when the whole population is hidden (below the minimum group size).
    public let overall: FairnessSummary?
    /// Every dimension's groups, in dimension order.
    public let groups: [FairnessGroup]
    public let routes: [RouteProfile]

    public func groups(in dimension: FairnessDimension) -> [FairnessGroup] {
        groups.filter { $0.key.dimension == dimension }
    }

    /// Counts kept per department (the managers' refusals) as this report may show them: a
    /// department whose group is shown keeps its own count; every other department, and the
    /// people in none, are one total, which covers 0 or at least the minimum group size of staff
    /// (the hidden part of the departments, ``FairnessDisclosure``).
    public func byShownDepartment(_ counts: [SectionCode?: Int]) -> (departments: [SectionCode: Int], others: Int) {
        var departments: [SectionCode: Int] = [:]
        var others = 0
        for (code, count) in counts {
            if let code, groups.contains(where: { $0.key == .department(code) && $0.summary != nil }) {
                departments[code, default: 0] += count
            } else {
                others += count
            }
        }
        return (departments, others)
    }
}
