/// Which assignments were to a citizen-collaboration post (市民協働ポスト) — the one definition the
/// staff page, the compliance view and the planner share.
///
/// An assignment counts when its section was a collaboration post in the fiscal year the
/// assignment started. A year the city has no organization for (before its recorded history)
/// takes the nearest recorded year, the later one on a tie. A section can become, or stop being,
/// a collaboration post; a code never recorded as one never counts.
public struct CollaborationPosts: Sendable, Equatable {
    /// For each section code, whether it was a collaboration post, by fiscal year (start year).
    private let flags: [SectionCode: [Int: Bool]]

    /// From every recorded version of the sections: (fiscal year, section).
    public init(versions: [(fiscalYear: Int, section: SectionRecord)]) {
        var flags: [SectionCode: [Int: Bool]] = [:]
        for (year, section) in versions { flags[section.code, default: [:]][year] = section.isCollaborationPost }
        self.flags = flags
    }

    /// Sections that are collaboration posts in every year (tests and one-year organizations).
    public init(codes: Set<SectionCode>, fiscalYear: Int) {
        flags = Dictionary(uniqueKeysWithValues: codes.map { ($0, [fiscalYear: true]) })
    }

    /// Whether `code` was a collaboration post in the fiscal year starting in `year`.
    public func isCollaborationPost(_ code: SectionCode, inFiscalYear year: Int) -> Bool {
        guard let byYear = flags[code], !byYear.isEmpty else { return false }
        if let flag = byYear[year] { return flag }
        let nearest = byYear.keys.min { a, b in
            let (da, db) = (abs(a - year), abs(b - year))
            return da != db ? da < db : a > b
        }
        return nearest.flatMap { byYear[$0] } ?? false
    }

    /// Whether the assignment was to a collaboration post (its section in the year it started).
    public func contains(_ assignment: AssignmentRecord) -> Bool {
        isCollaborationPost(assignment.sectionCode, inFiscalYear: FiscalYear.containing(assignment.start).startYear)
    }
}
