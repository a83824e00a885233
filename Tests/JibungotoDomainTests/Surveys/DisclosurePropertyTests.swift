import Testing
@testable import JibungotoDomain

/// Random reports from a fixed-seed generator: whatever the counts, the released cells satisfy
/// the invariants and no linear combination recovers a group below k.
@Suite struct DisclosurePropertyTests {
    /// Small counts are common in real department × band tables; draw many of them.
    static func draw(_ generator: inout SeededGenerator) -> Int {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<2: 0
        case 2..<5: Int.random(in: 1...4, using: &generator)
        case 5..<8: Int.random(in: 5...12, using: &generator)
        default: Int.random(in: 13...60, using: &generator)
        }
    }

    @Test(arguments: 0..<12)
    func crossTables(batch: Int) {
        var generator = SeededGenerator(seed: 0x5EED_0000 + UInt64(batch))
        var (shownCells, allCells) = (0, 0)
        for _ in 0..<25 {
            let k = Int.random(in: 3...6, using: &generator)
            let rows = (0..<Int.random(in: 1...6, using: &generator)).map { "d\($0)" }
            let cols = (0..<Int.random(in: 2...5, using: &generator)).map { "b\($0)" }
            var people: [[CellDimension: String]] = []
            for r in rows { for c in cols {
                people += Array(repeating: [.department: r, .ageBand: c], count: Self.draw(&generator))
            } }
            var cells: [CellSpec] = []
            if Bool.random(using: &generator) { cells.append(.all) }
            if Bool.random(using: &generator) { cells += rows.map(CellSpec.department) }
            if Bool.random(using: &generator) { cells += cols.map { CellSpec([.ageBand: $0]) } }
            for r in rows { for c in cols where Int.random(in: 0..<8, using: &generator) > 0 {
                cells.append(CellSpec.department(r).with(.ageBand, c))
            } }
            cells.shuffle(using: &generator)
            let hierarchy = CellHierarchy.crossClassified(cells: cells, domains: [.department: rows, .ageBand: cols])
            let population = Population(respondents: people)
            let counts = population.counts(cells + hierarchy.partitions.flatMap { [$0.parent] + $0.children })
            let result = DisclosureControl.suppress(
                cells: cells, counts: counts.filter { cells.contains($0.key) }, hierarchy: hierarchy,
                policy: DisclosurePolicy(k: k, protectsNonRespondents: false))
            checkReleased(result, counts: counts, hierarchy: hierarchy, k: k)
            shownCells += result.shown.count
            allCells += cells.count
            #expect(DisclosureControl.violations(
                shown: result.shown, counts: counts.mapValues { CellCount(respondents: $0) }, hierarchy: hierarchy,
                policy: DisclosurePolicy(k: k)).isEmpty)
        }
        // Not a vacuous pass: most cells of these small, sparse tables remain visible.
        #expect(Double(shownCells) / Double(allCells) > 0.3, "\(shownCells) of \(allCells) shown")
    }

    @Test(arguments: 0..<6)
    func threeWayTables(batch: Int) {
        var generator = SeededGenerator(seed: 0x3_0000 + UInt64(batch))
        for _ in 0..<8 {
            let dims: [(CellDimension, [String])] = [
                (.department, (0..<Int.random(in: 2...3, using: &generator)).map { "d\($0)" }),
                (.ageBand, (0..<Int.random(in: 2...3, using: &generator)).map { "a\($0)" }),
                (.employmentType, ["regular", "fiscalYearAppointed"]),
            ]
            var people: [[CellDimension: String]] = []
            for d in dims[0].1 { for a in dims[1].1 { for e in dims[2].1 {
                people += Array(repeating: [.department: d, .ageBand: a, .employmentType: e], count: Self.draw(&generator))
            } } }
            // Every combination of filters: all filter settings of a page at once.
            var cells: [CellSpec] = [.all]
            for (dimension, values) in dims {
                cells = cells.flatMap { cell in [cell] + values.map { cell.with(dimension, $0) } }
            }
            let domains = Dictionary(uniqueKeysWithValues: dims.map { ($0.0, $0.1) })
            let hierarchy = CellHierarchy.crossClassified(cells: cells, domains: domains)
            let counts = Population(respondents: people).counts(cells)
            let result = DisclosureControl.suppress(cells: cells, counts: counts, hierarchy: hierarchy)
            checkReleased(result, counts: counts, hierarchy: hierarchy, k: 5)
        }
    }

    /// Response rates over a random organization (departments → sections), with members known,
    /// released as production builds them: neither respondents nor non-respondents of a hidden
    /// group below k can be recovered.
    @Test(arguments: 0..<8)
    func organizationRates(batch: Int) throws {
        var generator = SeededGenerator(seed: 0x0_4A7E + UInt64(batch))
        for _ in 0..<20 {
            var targets: [TargetPlacement] = []
            var completed: Set<String> = []
            for d in 0..<Int.random(in: 1...5, using: &generator) {
                let department = "D\(d)"
                for s in 0..<Int.random(in: 1...5, using: &generator) {
                    let code = "\(department)S\(s)"
                    let members = Int.random(in: 1...30, using: &generator)
                    let respondents = Int.random(in: 0...members, using: &generator)
                    for n in 0..<members {
                        targets.append(TargetPlacement(staffNumber: "\(code)-\(n)", path: [department, code]))
                        if n < respondents { completed.insert("\(code)-\(n)") }
                    }
                }
            }
            let input = SurveyReleaseInput(
                policy: DisclosurePolicy(), questions: [], targets: targets, completed: completed, recorded: [], sheets: [:],
                answerTotals: nil, answersPerDay: [:], days: nil, freeTexts: [], seed: 1)
            let plan = try SurveyReleaseBuilder.plan(input)
            let release = try SurveyReleaseBuilder.build(input)
            let (counts, hierarchy, shown) = (plan.counts, plan.hierarchy, release.figures)
            for (cell, count) in shown {
                let nonRespondents = count.members! - count.respondents
                #expect(count.respondents >= 5 && (nonRespondents == 0 || nonRespondents >= 5), "\(cell)")
            }
            for (name, value) in [("respondents", { (c: CellCount) in c.respondents }),
                                  ("non-respondents", { (c: CellCount) in c.members! - c.respondents })] {
                let attacker = LinearAttacker(partitions: hierarchy.partitions, shown: shown.mapValues(value))
                for (cell, recovered) in attacker.determined() {
                    let count = counts[cell]!
                    let safe = DisclosurePolicy().isSafe(count)
                    #expect(safe, "\(name) of \(cell) recovered as \(recovered) from \(count)")
                }
                for partition in hierarchy.partitions where shown[partition.parent] != nil {
                    let hidden = partition.children.filter { shown[$0] == nil }
                    guard !hidden.isEmpty else { continue }
                    let sum = hidden.reduce(CellCount(respondents: 0, members: 0)) { $0 + counts[$1]! }
                    #expect(DisclosurePolicy().isSafe(sum), "hidden remainder of \(partition.parent): \(sum)")
                }
            }
        }
    }
}
