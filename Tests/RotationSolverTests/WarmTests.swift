import PropertyBased
import Testing
@testable import RotationSolver

@Suite struct WarmResolveTests {
    /// Random changes (pin, unpin, remove a pair, change a capacity) after a solve: each warm
    /// re-solve must give the same result as a cold solve of the changed problem.
    @Test func warmEqualsColdOverRandomChanges() async {
        var repairs = 0, infeasible = 0
        await propertyCheck(count: 300, input: Gen.int(in: 2...25), Gen.int(in: 1...8), Gen.int(in: 0...1_000_000)) { S, J, seed in
            let style = CostStyle(rawValue: seed % 5)!
            let p = randomProblem(staff: S, sections: J, maxCap: 2 + 2 * S / J, density: 25 + seed % 60, style: style, seed: seed)
            let solver = AssignmentSolver(p)
            _ = solver.solve()
            var rng = SplitMix(seed &+ 99)
            for _ in 0..<8 {
                applyRandomChange(solver, &rng)
                let current = solver.currentProblem
                let warm = solver.solve()
                repairs += solver.lastStats.repairs
                let cold = AssignmentSolver.solve(current)
                switch (warm, cold) {
                case (.optimal(let w), .optimal(let c)):
                    #expect(w.totalCost == c.totalCost)
                    if case .failure(let why) = w.verify(against: current) { Issue.record("warm certificate: \(why)") }
                case (.infeasible(let v), .infeasible):
                    infeasible += 1
                    expectValidViolator(v, current)
                default:
                    Issue.record("warm \(warm) vs cold \(cold)")
                }
            }
        }
        #expect(repairs > 40, "priced sections with free seats must be exercised: \(repairs)")
        #expect(infeasible > 10)
    }

    /// Warm changes checked against brute force on tiny instances.
    @Test func warmEqualsBruteForceOnTinyInstances() async {
        await propertyCheck(count: 150, input: Gen.int(in: 1...6), Gen.int(in: 1...4), Gen.int(in: 0...1_000_000)) { S, J, seed in
            let p = randomProblem(staff: S, sections: J, maxCap: 3, density: 60, style: CostStyle(rawValue: seed % 5)!, seed: seed)
            let solver = AssignmentSolver(p)
            _ = solver.solve()
            var rng = SplitMix(seed &+ 7)
            for _ in 0..<5 {
                applyRandomChange(solver, &rng)
                let current = solver.currentProblem
                expectOutcome(solver.solve(), matches: bruteForce(current), current)
            }
        }
    }

    /// Longer change sequences on bigger instances (certificate + cold comparison each step).
    @Test(arguments: [1, 2, 3, 4])
    func warmEqualsColdOnLargerInstances(_ seed: Int) {
        let p = randomProblem(staff: 300, sections: 40, maxCap: 12, density: 20, style: CostStyle(rawValue: seed % 5)!, seed: seed)
        let solver = AssignmentSolver(p)
        _ = solver.solve()
        var rng = SplitMix(seed)
        for _ in 0..<25 {
            applyRandomChange(solver, &rng)
            let current = solver.currentProblem
            switch (solver.solve(), AssignmentSolver.solve(current)) {
            case (.optimal(let w), .optimal(let c)):
                #expect(w.totalCost == c.totalCost)
                if case .failure(let why) = w.verify(against: current) { Issue.record("warm certificate: \(why)") }
            case (.infeasible(let v), .infeasible):
                expectValidViolator(v, current, checkMinimal: v.staff.count <= 12)
            case (let w, let c):
                Issue.record("warm \(w) vs cold \(c)")
            }
        }
    }

    @Test func pinMovesStaffAndKeepsOptimality() throws {
        let p = randomProblem(staff: 60, sections: 10, maxCap: 20, density: 80, style: .normal, seed: 11)
        let solver = AssignmentSolver(p)
        guard case .optimal(let before) = solver.solve() else { Issue.record("expected optimum"); return }
        let s = 5
        let target = try #require(p.pairs(ofStaff: s).first(where: { $0.section != before.assignment[s] }), "staff \(s) has another section to be pinned to")
        try solver.pin(staff: s, section: target.section)
        guard case .optimal(let after) = solver.solve() else { Issue.record("expected optimum"); return }
        #expect(after.assignment[s] == target.section)
        #expect(after.totalCost >= before.totalCost)
        #expect((try? after.verify(against: solver.currentProblem).get()) != nil)
        #expect(throws: AssignmentSolver.ChangeError.sectionOutOfRange(99)) { try solver.pin(staff: 0, section: 99) }
    }
}

/// One random change: pin, unpin, remove a pair or change a capacity.
func applyRandomChange(_ solver: AssignmentSolver, _ rng: inout SplitMix) {
    let S = solver.staffCount, J = solver.sectionCount
    let s = Int.random(in: 0..<S, using: &rng)
    switch Int.random(in: 0..<4, using: &rng) {
    case 0:
        let pairs = solver.activePairs(ofStaff: s)
        if let pick = pairs.randomElement(using: &rng) { try! solver.pin(staff: s, section: pick.section) }
    case 1:
        try! solver.unpin(staff: s)
    case 2:
        let pairs = solver.activePairs(ofStaff: s)
        if pairs.count > 1 || Int.random(in: 0..<4, using: &rng) == 0, let pick = pairs.randomElement(using: &rng) {
            try! solver.removePair(staff: s, section: pick.section)
        }
    default:
        let j = Int.random(in: 0..<J, using: &rng)
        try! solver.setCapacity(section: j, to: Int.random(in: 0...(2 + 2 * S / max(J, 1)), using: &rng))
    }
}
