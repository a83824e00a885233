/// The tier of a district liaison's post (職層), which sets the usual length of the term.
public enum LiaisonTier: String, CaseIterable, Codable, Sendable {
    /// 管理職: 課長補佐 and above, and the heads of centers and offices.
    case manager
    /// 係長・主査: the supervisory middle.
    case supervisor
    /// 主事・主任 and other young staff.
    case junior

    /// The grades (職位/職層) of the staff master by tier; a grade not listed is `junior`.
    static let managerGrades: Set<String> = ["部長", "次長", "参事", "課長", "室長", "館長", "所長", "署長", "事務局長", "主幹", "課長補佐", "副署長", "園長"]
    static let supervisorGrades: Set<String> = ["係長", "主査", "出張所長"]

    /// The tier of a staff member with this grade.
    public static func of(grade: String) -> LiaisonTier {
        if managerGrades.contains(grade) { return .manager }
        if supervisorGrades.contains(grade) { return .supervisor }
        return .junior
    }
}

/// How long a liaison is usually assigned, by tier: managers three years, supervisors two, young
/// staff one (a young member of staff learns the district in a year and makes room for the next).
/// HR may set another end date on any one assignment.
public struct LiaisonTermRule: Sendable, Equatable {
    public var years: [LiaisonTier: Int]

    public init(years: [LiaisonTier: Int]) {
        self.years = years
    }

    public static let standard = LiaisonTermRule(years: [.manager: 3, .supervisor: 2, .junior: 1])

    /// The usual length of the term in years.
    public func length(of tier: LiaisonTier) -> Int { years[tier] ?? 1 }

    /// The last day of a term of the usual length starting on `start` (a term from April 1 for one
    /// year ends on March 31).
    public func standardEnd(start: LocalDate, tier: LiaisonTier) -> LocalDate {
        start.adding(years: length(of: tier)).adding(days: -1)
    }
}

/// One liaison assignment's term: from its first to its last day.
public struct LiaisonTerm: Sendable, Equatable {
    public var start: LocalDate
    public var end: LocalDate

    public init(start: LocalDate, end: LocalDate) {
        self.start = start
        self.end = end
    }

    public enum Phase: String, Sendable, CaseIterable {
        case upcoming, current, ended
    }

    public func phase(on day: LocalDate) -> Phase {
        if day < start { return .upcoming }
        if day <= end { return .current }
        return .ended
    }

    /// Whether the liaison serves the district on `day` (the first and last days included).
    public func isCurrent(on day: LocalDate) -> Bool { phase(on: day) == .current }

    public func overlaps(_ other: LiaisonTerm) -> Bool {
        start <= other.end && other.start <= end
    }

    public enum Problem: Error, Sendable, Equatable {
        /// The term ends before it starts.
        case endsBeforeStart
        /// The same person already serves the same district during part of the term.
        case overlaps(LiaisonTerm)
    }

    /// What is wrong with the term, given the same person's other terms in the same district.
    public func problem(otherTermsOfTheSamePerson others: [LiaisonTerm]) -> Problem? {
        if end < start { return .endsBeforeStart }
        if let clash = others.first(where: { overlaps($0) }) { return .overlaps(clash) }
        return nil
    }
}
