import RotationSolver

/// Two solutions for one transfer date, person by person, and where one person may go: the
/// rules behind the comparison page and the answer to a refused pin.
public enum ScenarioComparison {
    /// The people placed differently by the two solutions (in one and not the other, or in a
    /// different seat), by staff number.
    public static func differingStaff(_ first: [StaffNumber: SeatPool], _ second: [StaffNumber: SeatPool]) -> [StaffNumber] {
        Set(first.keys).union(second.keys).filter { first[$0] != second[$0] }.sorted()
    }

    /// The sections a mover of `model` may be placed in other than their own: every section
    /// with an open seat the planner allows them (job type, rules and pins already applied),
    /// by code. Empty for someone who is not on the movers' list.
    public static func possibleSections(of staffNumber: StaffNumber, model: PlannerModel) -> [SectionCode] {
        guard let m = model.moverIndex[staffNumber] else { return [] }
        let problem = model.problem
        let own = model.currentSection(of: staffNumber)
        var codes: Set<SectionCode> = []
        for pair in Int(problem.rowStart[m])..<Int(problem.rowStart[m + 1]) {
            let pool = Int(problem.pairSection[pair])
            guard problem.capacities[pool] > 0 else { continue }
            let code = model.pools[pool].sectionCode
            if code != own { codes.insert(code) }
        }
        return codes.sorted()
    }
}
