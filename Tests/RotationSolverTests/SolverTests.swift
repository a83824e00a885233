import PropertyBased
import Testing
@testable import RotationSolver

@Suite struct SolverTests {
    @Test func smallRandomInstancesMatchBruteForce() async {
        var runs = 0, infeasible = 0
        await propertyCheck(count: 1500, input: Gen.int(in: 1...6), Gen.int(in: 1...4), Gen.int(in: 0...1_000_000)) { S, J, seed in
            runs += 1
            let style = CostStyle(rawValue: seed % 5)!
            let p = randomProblem(staff: S, sections: J, maxCap: 3, density: 30 + seed % 60, style: style, seed: seed)
            let expected = bruteForce(p)
            if expected == nil { infeasible += 1 }
            expectOutcome(AssignmentSolver.solve(p), matches: expected, p)
        }
        #expect(runs == 1500)
        #expect(infeasible > 100 && infeasible < 1400, "mix of feasible and infeasible cases: \(infeasible)")
    }

    @Test func mediumRandomInstancesMatchReference() async {
        await propertyCheck(count: 40, input: Gen.int(in: 5...40), Gen.int(in: 2...12), Gen.int(in: 0...1_000_000)) { S, J, seed in
            let style = CostStyle(rawValue: seed % 5)!
            let p = randomProblem(staff: S, sections: J, maxCap: 2 + S / J, density: 15 + seed % 50, style: style, seed: seed)
            expectOutcome(AssignmentSolver.solve(p), matches: referenceCost(p), p)
        }
    }

    @Test func oneStaffMember() throws {
        let p = try AssignmentProblem(staffCount: 1, capacities: [1, 0, 2],
                                      pairs: [Pair(staff: 0, section: 0, cost: 7), Pair(staff: 0, section: 2, cost: 3)])
        guard case .optimal(let sol) = AssignmentSolver.solve(p) else { Issue.record("expected optimum"); return }
        #expect(sol.assignment == [2])
        #expect(sol.totalCost == 3)
        #expect((try? sol.verify(against: p).get()) != nil)
    }

    @Test func staffWithoutPairsIsTheViolator() throws {
        let p = try AssignmentProblem(staffCount: 2, capacities: [5], pairs: [Pair(staff: 0, section: 0, cost: 1)])
        guard case .infeasible(let v) = AssignmentSolver.solve(p) else { Issue.record("expected infeasible"); return }
        #expect(v.staff == [1])
        #expect(v.sections == [])
        #expect(v.seats == 0)
    }

    @Test func zeroCapacitySectionsAndViolatorExplanation() throws {
        // Staff 0,1,2 may only go to sections 0 (1 seat) and 1 (0 seats); staff 3 is elsewhere.
        let p = try AssignmentProblem(staffCount: 4, capacities: [1, 0, 3], pairs: [
            Pair(staff: 0, section: 0, cost: 1), Pair(staff: 0, section: 1, cost: 0),
            Pair(staff: 1, section: 0, cost: 2),
            Pair(staff: 2, section: 1, cost: 2), Pair(staff: 2, section: 0, cost: 9),
            Pair(staff: 3, section: 2, cost: 2), Pair(staff: 3, section: 0, cost: 0),
        ])
        guard case .infeasible(let v) = AssignmentSolver.solve(p) else { Issue.record("expected infeasible"); return }
        expectValidViolator(v, p)
        #expect(v.seats < v.staff.count)
        #expect(!v.description.isEmpty)
    }

    @Test func hugeCostsNearInt32Max() throws {
        let big = Int(Int32.max)
        let S = 30
        var pairs: [Pair] = []
        for s in 0..<S { for j in 0..<5 { pairs.append(Pair(staff: s, section: j, cost: big - (s * 7 + j * 3) % 5)) } }
        let p = try AssignmentProblem(staffCount: S, capacities: [6, 6, 6, 6, 6], pairs: pairs)
        let out = AssignmentSolver.solve(p)
        expectOutcome(out, matches: referenceCost(p), p)
        if case .optimal(let sol) = out { #expect(sol.totalCost > Int64(Int32.max) * Int64(S - 1)) }
    }

    @Test func allTiesLargeCapacity() throws {
        var pairs: [Pair] = []
        for s in 0..<50 { for j in 0..<3 { pairs.append(Pair(staff: s, section: j, cost: 5)) } }
        let p = try AssignmentProblem(staffCount: 50, capacities: [17, 17, 1_000_000_000], pairs: pairs)
        expectOutcome(AssignmentSolver.solve(p), matches: 250, p)
    }

    @Test func cancellationStopsAndResumes() {
        let p = randomProblem(staff: 200, sections: 20, maxCap: 12, density: 40, style: .normal, seed: 42)
        let solver = AssignmentSolver(p)
        let first = solver.solve(limits: SolveLimits(shouldCancel: { true }, checkInterval: 1))
        guard case .stopped = first else { Issue.record("expected stop, got \(first)"); return }
        expectOutcome(solver.solve(), matches: referenceCost(p), p)
    }

    @Test func expiredDeadlineStops() {
        let p = randomProblem(staff: 200, sections: 20, maxCap: 12, density: 40, style: .normal, seed: 7)
        let solver = AssignmentSolver(p)
        let past = ContinuousClock.now.advanced(by: .seconds(-1))
        guard case .stopped = solver.solve(limits: SolveLimits(deadline: past, checkInterval: 1)) else {
            Issue.record("expected stop"); return
        }
        let out = solver.solve(limits: .timeLimit(.seconds(60)))
        expectOutcome(out, matches: referenceCost(p), p)
    }

    @Test func checkerRejectsWrongCertificates() {
        var rng = SplitMix(3)
        var pairs: [Pair] = []
        for s in 0..<30 { for j in 0..<6 { pairs.append(Pair(staff: s, section: j, cost: Int.random(in: 0...100, using: &rng))) } }
        let p = try! AssignmentProblem(staffCount: 30, capacities: [6, 6, 6, 6, 6, 1], pairs: pairs)
        guard case .optimal(let sol) = AssignmentSolver.solve(p) else { Issue.record("expected optimum"); return }
        #expect((try? sol.verify(against: p).get()) != nil)
        var worse = sol
        worse.totalCost += 1
        #expect((try? worse.verify(against: p).get()) == nil)
        var badDual = sol
        badDual.certificate.staffPrice[0] += 1
        #expect((try? badDual.verify(against: p).get()) == nil)
        var badPrice = sol
        badPrice.certificate.sectionPrice[0] = -1
        #expect((try? badPrice.verify(against: p).get()) == nil)
    }

    @Test func problemBuilderRejectsBadInput() {
        #expect(throws: ProblemError.duplicatePair(pairIndex: 1, staff: 0, section: 0)) {
            try AssignmentProblem(staffCount: 1, capacities: [1], pairs: [Pair(staff: 0, section: 0, cost: 1), Pair(staff: 0, section: 0, cost: 2)])
        }
        #expect(throws: ProblemError.sectionOutOfRange(pairIndex: 0, section: 3)) {
            try AssignmentProblem(staffCount: 1, capacities: [1], pairs: [Pair(staff: 0, section: 3, cost: 1)])
        }
        #expect(throws: ProblemError.costOutOfRange(pairIndex: 0, cost: Int(Int32.max) + 1)) {
            try AssignmentProblem(staffCount: 1, capacities: [1], pairs: [Pair(staff: 0, section: 0, cost: Int(Int32.max) + 1)])
        }
    }
}
