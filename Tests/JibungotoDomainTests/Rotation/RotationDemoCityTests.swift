import RotationSolver
import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

private let city = DemoCityGenerator.generate()

/// The demo city's scenario for 2027-04-01, with self-report wishes for every third regular
/// staff member (three sections that take their job type, chosen deterministically).
private func demoInput() -> RotationInput {
    let sections = city.organizations[2026] ?? []
    let fit = JobTypeFit.observed(sections: sections, staff: city.staff, assignments: city.assignments)
    let members = sections.filter { $0.kind == .unit || $0.kind == .center || $0.kind == .office }.map(\.code)
    var wishes: [StaffNumber: [RotationWish]] = [:]
    for (index, person) in city.staff.enumerated() where index % 3 == 0 && person.employmentType == .regular {
        let fitting = members.filter { fit.accepts(jobType: person.jobType, section: $0) }
        guard fitting.count >= 3 else { continue }
        var picks: [SectionCode] = []
        var k = index
        while picks.count < 3 {
            k = (k &* 1_103_515_245 &+ 12_345) & 0x7fff_ffff
            let code = fitting[k % fitting.count]
            if !picks.contains(code) { picks.append(code) }
        }
        wishes[person.staffNumber] = picks.enumerated().map { RotationWish(rank: $0.offset + 1, sectionCode: $0.element) }
    }
    return RotationInput(
        transferDate: day("2027-04-01"), staff: city.staff, assignments: city.assignments, sections: sections,
        wishes: wishes, jobTypeFit: fit)
}

@Suite("Rotation planner on the demo city")
struct RotationDemoCityTests {
    // The times are printed, not asserted: a unit test on a shared runner is no stopwatch.
    // `swift run -c release PlannerBench` measures them (docs: Benchmarks/planner).
    @Test("about 250 movers for 2027-04-01, solved exactly, certificate verified")
    func endToEnd() throws {
        let clock = ContinuousClock()
        let input = demoInput()
        var model: PlannerModel?
        var outcome: RotationPlanner.PlanOutcome?
        var movers: [Mover] = []
        let elapsed = try clock.measure {
            movers = MoverSelection.propose(input)
            model = try RotationPlanner.build(input, movers: movers)
            outcome = RotationPlanner.solve(model!)
        }
        let built = try #require(model)
        print("demo: \(movers.count) movers, \(built.pools.count) seat pools, \(built.problem.pairCount) pairs, "
              + "propose+build+solve \(elapsed)")
        #expect((180...400).contains(movers.count))
        guard case .optimal(let result) = outcome else {
            if case .infeasible(let why) = outcome {
                Issue.record("infeasible: \(why.text.en)")
            } else {
                Issue.record("expected an optimum, got \(String(describing: outcome))")
            }
            return
        }
        #expect(throws: Never.self) { try result.verification.get() }
        #expect(result.placements.count == movers.count)

        var rows: [MoveExplanation] = []
        let explainTime = clock.measure { rows = RotationPlanner.explain(result, model: built) }
        print("demo: explain all rows with 3 alternatives \(explainTime)")
        #expect(rows.count == movers.count)
        for row in rows {
            #expect(!row.reasonText.ja.isEmpty)
            #expect(row.alternatives.compactMap(\.reducedCost).allSatisfy { $0 >= 0 })
            if !row.stays { #expect(row.fromSection != row.to.sectionCode) }
        }
        let metrics = RotationPlanner.metrics(result, model: built)
        print("demo metrics: moved \(metrics.moved), stayed \(metrics.stayed), wishes met \(metrics.wishesMetByRank.sorted { $0.key < $1.key }) "
              + "of \(metrics.moversWithWishes), early-career \(metrics.earlyCareerPlacedInCollaboration)/\(metrics.earlyCareerMovers) "
              + "in collaboration posts, soft rules bent \(metrics.softRulesBent), score \(metrics.score)")
        #expect(metrics.earlyCareerPlacedInCollaboration > 0)
        #expect(metrics.wishesMet > 0)
        for row in rows.prefix(5) {
            print("  \(row.name) \(row.fromName.ja) → \(row.toName.ja): \(row.reasonText.ja)"
                  + (row.alternatives.first.map { " | 次点 \($0.sectionName.ja): \($0.text.ja)" } ?? ""))
        }

        // Why not my wish, for everyone with wishes: always an answer per wish.
        for number in input.wishes.keys.prefix(200) {
            let answers = RotationPlanner.whyNotMyWish(staffNumber: number, result, model: built)
            #expect(answers.count == input.wishes[number]?.count)
        }

        // Pin and re-solve warm: well under a second, verified, with a diff.
        let solver = AssignmentSolver(built.problem)
        _ = solver.solve()
        let first = try #require(rows.first { !$0.stays && !$0.alternatives.isEmpty })
        let m = try #require(built.moverIndex[first.staffNumber])
        let target = try #require(built.poolIndex[first.alternatives[0].pool])
        try solver.pin(staff: m, section: target)
        var again: RotationPlanner.PlanOutcome?
        let warm = clock.measure { again = RotationPlanner.outcome(solver.solve(), model: built, problem: solver.currentProblem) }
        #expect(warm < .milliseconds(500))
        guard case .optimal(let pinned) = again else { Issue.record("pinned re-solve not optimal"); return }
        #expect(throws: Never.self) { try pinned.verification.get() }
        #expect(pinned.totalCost >= result.totalCost)
        let changes = RotationPlanner.changes(from: result, to: pinned)
        #expect(changes.contains { $0.staffNumber == first.staffNumber })
    }

    @Test("a collaboration-first scenario places more early-career staff in collaboration posts than wishes-first")
    func scenarioComparison() throws {
        let input = demoInput()
        let movers = MoverSelection.propose(input)
        var wishesFirst = RotationRules()
        wishesFirst.weights.wishes = [900, 600, 300]
        wishesFirst.weights.collaborationPerYear = 5
        wishesFirst.weights.collaborationLastChance = 0
        var collaborationFirst = RotationRules()
        collaborationFirst.weights.collaborationPerYear = 100
        collaborationFirst.weights.collaborationLastChance = 1000
        func run(_ rules: RotationRules) throws -> ScenarioMetrics {
            let model = try RotationPlanner.build(input, movers: movers, rules: rules)
            guard case .optimal(let result) = RotationPlanner.solve(model) else { throw TinyCityError.stopped }
            return RotationPlanner.metrics(result, model: model)
        }
        let a = try run(wishesFirst), b = try run(collaborationFirst)
        print("wishes first: wishes \(a.wishesMet), collaboration \(a.earlyCareerPlacedInCollaboration); "
              + "collaboration first: wishes \(b.wishesMet), collaboration \(b.earlyCareerPlacedInCollaboration)")
        #expect(a.wishesMet >= b.wishesMet)
        #expect(b.earlyCareerPlacedInCollaboration >= a.earlyCareerPlacedInCollaboration)
    }

    @Test("compliance by hiring cohort on the demo city")
    func compliance() {
        let posts = CollaborationPosts(versions: city.organizations.flatMap { year, units in units.map { (year, $0) } })
        let report = CollaborationCompliance.report(
            staff: city.staff, assignments: city.assignments, posts: posts, asOf: day("2026-04-01"))
        #expect(!report.cohorts.isEmpty)
        #expect(report.cohorts.reduce(0) { $0 + $1.staff } == report.people.count)
        let recent = report.cohorts.filter { $0.fiscalYear.startYear >= 2017 }
        #expect(recent.allSatisfy { $0.missed == 0 })
        print("compliance: " + report.cohorts.suffix(12).map {
            "FY\($0.fiscalYear.startYear) \($0.achieved)/\($0.staff) at risk \($0.atRisk)"
        }.joined(separator: ", "))
    }
}

@Suite("Collaboration compliance")
struct CollaborationComplianceTests {
    @Test("achieved, missed, pending and at risk by cohort")
    func statuses() {
        func person(_ n: StaffNumber, hired: String) -> StaffRecord {
            StaffRecord(staffNumber: n, name: n.rawValue, nameKana: "ア", birthDate: day("1990-01-01"), gender: nil,
                        hireDate: day(hired), jobType: "事務", grade: "主事", employmentType: .regular)
        }
        let staff = [person("a", hired: "2010-04-01"), person("b", hired: "2010-04-01"), person("c", hired: "2018-04-01"),
                     person("d", hired: "2024-04-01")]
        let assignments = [
            AssignmentRecord(staffNumber: "a", sectionCode: "C", post: "主事", start: day("2015-04-01"), end: day("2018-03-31")),
            AssignmentRecord(staffNumber: "b", sectionCode: "C", post: "主事", start: day("2020-04-01"), end: nil),  // after year 10
        ]
        let report = CollaborationCompliance.report(staff: staff, assignments: assignments, posts: CollaborationPosts(codes: ["C"], fiscalYear: 2026), asOf: day("2026-04-01"))
        let status = Dictionary(uniqueKeysWithValues: report.people.map { ($0.staffNumber, $0.status) })
        #expect(status == ["a": .achieved, "b": .missed, "c": .atRisk, "d": .pending])
        #expect(report.cohorts.first?.shareByDeadline == 0.5)
        #expect(report.atRisk.map(\.staffNumber) == ["c"])
        #expect(report.people.first { $0.staffNumber == "c" }?.deadline == day("2028-03-31"))
    }
}

@Suite("Candidate limit")
struct CandidateLimitTests {
    @Test("quickselect keeps exactly the smallest keys")
    func selectSmallest() {
        var state: UInt64 = 7
        for size in [1, 2, 5, 50, 500] {
            for count in [1, 2, size / 2 + 1, size] {
                var keys = (0..<size).map { _ -> UInt64 in
                    state = state &* 6_364_136_223_846_793_005 &+ 1
                    return (state >> 33) % 40  // many ties
                }
                let expected = keys.sorted().prefix(count)
                RotationPlanner.selectSmallest(&keys, count: count)
                #expect(keys.prefix(count).sorted() == Array(expected), "size \(size) count \(count)")
            }
        }
    }

    @Test("a candidate limit keeps wishes and collaboration posts and still solves the demo city")
    func demoWithLimit() throws {
        var rules = RotationRules()
        let input = demoInput()
        let movers = MoverSelection.propose(input, rules: rules)
        let full = try RotationPlanner.build(input, movers: movers, rules: rules)
        rules.candidateLimit = 10
        let limited = try RotationPlanner.build(input, movers: movers, rules: rules)
        #expect(limited.problem.pairCount < full.problem.pairCount)
        guard case .optimal(let a) = RotationPlanner.solve(full), case .optimal(let b) = RotationPlanner.solve(limited) else {
            Issue.record("not optimal"); return
        }
        #expect(throws: Never.self) { try b.verification.get() }
        #expect(b.totalCost >= a.totalCost)
        for number in input.wishes.keys where limited.moverIndex[number] != nil {
            for answer in RotationPlanner.whyNotMyWish(staffNumber: number, b, model: limited) {
                if case .notConsidered = answer.status { Issue.record("a wish was dropped by the limit: \(number)") }
            }
        }
    }
}
