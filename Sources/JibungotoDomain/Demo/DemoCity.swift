/// The fictional demo city 「みどり市」 (Midori City) that `--demo` loads.
///
/// Midori City is invented: it is *not* the city whose staff wrote the research paper behind
/// Jibungoto, and no person in it exists. It is a mid-size Japanese city of about 1,200 staff in
/// 12 departments and about 250 organizational units, with 16 district citizen centers
/// (地区市民センター), six fiscal years of organization (FY2021–FY2026, each effective from
/// April 1, with a few reorganizations a year) and the assignment history of every staff member
/// over those years, plus one earlier assignment for those hired before FY2021.
///
/// Everything is produced by ``DemoCityGenerator/generate(seed:)``, deterministically.
public struct DemoCity: Sendable {
    /// The organization of each fiscal year, keyed by the year in which it starts
    /// (2021 … 2026), each sorted by code. A unit's code is its identity across years.
    public let organizations: [Int: [SectionRecord]]
    /// What changed in each fiscal year's organization compared with the year before, keyed
    /// like ``organizations`` (FY2021, the first year, has none).
    public let changes: [Int: [DemoOrganizationChange]]
    /// The staff master as of 2026-04-01: the seven demo login accounts D0001–D0007 first, then
    /// everyone else by 職員番号.
    public let staff: [StaffRecord]
    /// Every assignment of every staff member, in the order of ``staff``, then by start date. Each staff
    /// member's assignments are contiguous from the later of the hire date and 2021-04-01 to
    /// the open current one (end `nil`); those hired earlier also have one earlier assignment.
    public let assignments: [AssignmentRecord]

    /// The first and last fiscal years of the generated history.
    public static let firstFiscalYear = 2021
    public static let lastFiscalYear = 2026
    /// The day the city is generated "as of": April 1 of the last fiscal year. Ages, grades and
    /// employment types in ``staff`` are those of this day, and no assignment starts after it.
    public static let referenceDate = LocalDate(unchecked: 2026, 4, 1)
}

/// One change to the organization at the start of a fiscal year, as the section history shows it.
/// The fields follow the application's own change log: `detail` is the unit's name, or
/// 「旧名称 → 新名称」 for a rename.
public struct DemoOrganizationChange: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A new unit; `code` is new this year.
        case created
        /// The unit keeps its code but gets a new name (`detail` is 「old → new」).
        case renamed
        /// The unit `code` ceased and its work (and staff) went to `targetCode`.
        case merged
        /// The unit `code` ceased without a successor.
        case abolished
    }

    public let kind: Kind
    /// The unit the change is about.
    public let code: String
    /// For ``Kind/merged``: the unit that absorbed it (exists in the same fiscal year).
    public let targetCode: String?
    /// The unit's (new) Japanese name, or 「旧名称 → 新名称」 for a rename.
    public let detail: String

    public init(kind: Kind, code: String, targetCode: String? = nil, detail: String) {
        self.kind = kind
        self.code = code
        self.targetCode = targetCode
        self.detail = detail
    }
}

/// Generates ``DemoCity``: pure, deterministic (the same seed gives an identical city on every
/// platform) and fast (well under a second).
public enum DemoCityGenerator {
    /// The seed `--demo` uses.
    public static let defaultSeed: UInt64 = 20_260_401

    /// Generates Midori City. The organization is the same for every seed; the staff, their
    /// careers and the assignment history depend on `seed`.
    public static func generate(seed: UInt64 = defaultSeed) -> DemoCity {
        let plan = DemoOrganizationPlan.build()
        var simulation = DemoStaffSimulation(plan: plan, seed: seed)
        simulation.run()
        return DemoCity(
            organizations: plan.years.mapValues { $0.map(\.record) },
            changes: plan.changes,
            staff: simulation.staffRecords(),
            assignments: simulation.assignmentRecords()
        )
    }
}
