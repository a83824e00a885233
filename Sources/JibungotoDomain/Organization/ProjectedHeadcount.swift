/// Who will be placed where on a future day (next fiscal year's April 1), for the tree's
/// headcount against 定数: the assignments that cover that day — today's, and the transfers an
/// approved transfer list wrote to start on or before it — less the regular staff who will have
/// retired by then (their open assignment has no end date until the payroll import closes it).
public enum ProjectedHeadcount {
    /// Staff placed directly in each unit on `day`.
    public static func placed(
        on day: LocalDate, assignments: [AssignmentRecord], staff: [StaffRecord], rules: RetirementRules
    ) -> [SectionCode: Int] {
        let retired = Set(staff.filter { $0.employmentType == .regular && !rules.isBeforeRetirement(birth: $0.birthDate, on: day) }.map(\.staffNumber))
        var counted: Set<StaffNumber> = []
        var counts: [SectionCode: Int] = [:]
        for assignment in assignments.sorted(by: { ($0.start, $0.staffNumber) > ($1.start, $1.staffNumber) })
        where assignment.start <= day && (assignment.end.map { $0 >= day } ?? true) && !retired.contains(assignment.staffNumber) {
            // One place per person: the latest assignment covering the day.
            guard counted.insert(assignment.staffNumber).inserted else { continue }
            counts[assignment.sectionCode, default: 0] += 1
        }
        return counts
    }

    /// A unit's figure with everything below it: `units` one fiscal year's sections, `values`
    /// by unit (its own staff, or its own 定数).
    public static func totals(units: [SectionRecord], values: [SectionCode: Int]) -> [SectionCode: Int] {
        let byCode = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var totals: [SectionCode: Int] = [:]
        for unit in units {
            let value = values[unit.code] ?? 0
            var current: SectionRecord? = unit
            var seen: Set<SectionCode> = []
            while let next = current, seen.insert(next.code).inserted {
                totals[next.code, default: 0] += value
                current = next.parentCode.flatMap { byCode[$0] }
            }
        }
        return totals
    }

    /// How many are missing against 定数 (0 when the unit is full or over).
    public static func shortfall(authorized: Int, placed: Int) -> Int {
        max(0, authorized - placed)
    }
}
