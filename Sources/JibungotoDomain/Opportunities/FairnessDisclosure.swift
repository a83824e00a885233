/// Why a group of the fairness figures shows no figures.
public enum FairnessHiding: Sendable, Equatable {
    /// The group has 1 to `minimumGroupSize − 1` staff.
    case fewerThanMinimum
    /// The group is large enough, but with its figures shown a smaller group's could be worked
    /// out by subtraction (the whole minus the other groups, a route minus its other age bands).
    case protectsSmallerGroup
}

/// Which groups of the fairness figures may be shown, decided once for the whole report with the
/// surveys' statistical disclosure control (``DisclosureControl``), so that the minimum group size
/// holds across every table of the page and its CSV, not only cell by cell.
///
/// The additive structure the figures have: each dimension's groups add up to all staff (with
/// the people whose attribute is not known as one more group that is never shown), and a route's
/// age bands add up to the route. Hiding a group of 4 is not enough when the whole and the other
/// groups are shown: their difference is the group. So after the small groups (primary
/// suppression), the smallest further group of such a sum is hidden too, until the hidden part of
/// every sum is 0 or at least the minimum, and two shown groups one inside the other differ by 0
/// or at least the minimum. Staff counts are the groups' sizes; every other figure of a group
/// (activity, selection, routes) is taken from the same people, so hiding the group hides them.
public struct FairnessDisclosure: Sendable {
    /// The whole and the groups of every dimension, decided together.
    private let groups: SuppressionResult
    /// The routes and their age bands. Decided apart from the groups: people come through
    /// several routes, so no route is a part of the whole that subtraction could work with.
    private let routes: SuppressionResult

    public init(people: [FairnessPerson], minimumGroupSize: Int = FairnessFigures.minimumGroupSize) {
        self.init(people: people, groupSizes: FairnessDimension.allCases.map { FairnessFigures.tallies(people, by: $0).mapValues(\.counts.count) },
                  minimumGroupSize: minimumGroupSize)
    }

    /// - Parameter groupSizes: each dimension's groups and their staff (``FairnessFigures/tallies(_:by:)``),
    ///   in `FairnessDimension.allCases` order, as the report has already tallied them.
    init(people: [FairnessPerson], groupSizes: [[FairnessGroupKey: Int]], minimumGroupSize: Int) {
        let policy = DisclosurePolicy(k: minimumGroupSize)
        var counts: [CellSpec: Int] = [.all: people.count]
        var partitions: [CellPartition] = []
        var cells: [CellSpec] = [.all]
        for (dimension, groups) in zip(FairnessDimension.allCases, groupSizes) {
            var children: [CellSpec] = []
            for (key, size) in groups {
                let cell = Self.cell(key, in: dimension)
                counts[cell] = size
                children.append(cell)
            }
            cells += children.sorted()
            let unknown = people.count - groups.values.reduce(0, +)
            if unknown > 0 {
                let cell = Self.cell(nil, in: dimension)
                counts[cell] = unknown
                children.append(cell)
            }
            partitions.append(CellPartition(parent: .all, children: children.sorted()))
        }
        groups = Self.suppress(cells: cells, counts: counts, partitions: partitions, policy: policy)

        counts = [:]
        partitions = []
        cells = []
        for route in ParticipationRoute.allCases {
            let routeCell = Self.cell(route)
            var bandCounts: [AgeBand: Int] = [:]
            var through = 0
            for person in people where person.entries[route] > 0 {
                through += 1
                bandCounts[person.ageBand, default: 0] += 1
            }
            counts[routeCell] = through
            let bands = AgeBand.allCases.map { Self.cell(route, band: $0) }
            for (band, cell) in zip(AgeBand.allCases, bands) { counts[cell] = bandCounts[band] ?? 0 }
            cells.append(routeCell)
            // An empty band is shown as 0 and is no cell to decide: hiding it would protect
            // nothing, and the control hides the smallest shown cell first.
            cells += bands.filter { counts[$0, default: 0] > 0 }
            partitions.append(CellPartition(parent: routeCell, children: bands))
        }
        routes = Self.suppress(cells: cells, counts: counts, partitions: partitions, policy: policy)
    }

    private static func suppress(cells: [CellSpec], counts: [CellSpec: Int], partitions: [CellPartition], policy: DisclosurePolicy) -> SuppressionResult {
        // A group's size is known exactly, so members equal respondents: an empty group is shown
        // as 0 (nobody is no one to single out), a group of 1 to k − 1 is hidden.
        DisclosureControl.suppress(
            cells: cells, counts: counts.mapValues { CellCount(respondents: $0, members: $0) },
            hierarchy: CellHierarchy(partitions: partitions), policy: policy)
    }

    /// Whether the whole population shows no figures (it is below the minimum).
    public var hidesWhole: Bool { Self.hiding(.all, in: groups) != nil }

    public func hiding(_ key: FairnessGroupKey) -> FairnessHiding? {
        Self.hiding(Self.cell(key, in: key.dimension), in: groups)
    }

    public func hiding(route: ParticipationRoute) -> FairnessHiding? { Self.hiding(Self.cell(route), in: routes) }

    public func hiding(route: ParticipationRoute, band: AgeBand) -> FairnessHiding? {
        Self.hiding(Self.cell(route, band: band), in: routes)
    }

    private static func hiding(_ cell: CellSpec, in result: SuppressionResult) -> FairnessHiding? {
        guard let reason = result.suppressed[cell] else { return nil }
        return reason.isPrimary ? .fewerThanMinimum : .protectsSmallerGroup
    }

    // MARK: - Cells

    /// The value of the people whose attribute is not known: a group of every sum, never shown.
    private static let unknown = "?"
    private static let route = CellDimension(rawValue: "route")

    private static func dimension(_ dimension: FairnessDimension) -> CellDimension {
        CellDimension(rawValue: "fairness.\(dimension.rawValue)")
    }

    private static func cell(_ key: FairnessGroupKey?, in dimension: FairnessDimension) -> CellSpec {
        let value: String
        switch key {
        case .department(let code): value = code.rawValue
        case .ageBand(let band): value = band.rawValue
        case .gender(let gender): value = gender.rawValue
        case .employmentType(let type): value = type.rawValue
        case nil: value = unknown
        }
        return CellSpec([Self.dimension(dimension): value])
    }

    private static func cell(_ route: ParticipationRoute) -> CellSpec { CellSpec([Self.route: route.rawValue]) }

    private static func cell(_ route: ParticipationRoute, band: AgeBand) -> CellSpec {
        CellSpec([Self.route: route.rawValue, CellDimension.ageBand: band.rawValue])
    }
}
