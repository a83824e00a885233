import Testing
@testable import JibungotoDomain

/// The attacks of issue 8, written out against the disclosure rules and the release production builds.
@Suite struct DisclosureAttackTests {
    let policy = DisclosurePolicy()  // k = 5

    // MARK: - A 4-person section under a department (response rates)

    /// Department 10 has sections 1010 (4 staff, all answered), 1020 and 1030. The manager of
    /// 1010 sees the department's figures and may see other reports; subtracting the other
    /// sections from the department must not give 1010. Run through the release production builds.
    @Test func fourPersonSectionCannotBeRecoveredBySubtraction() throws {
        // (department, section, members, respondents)
        let sections: [(String, String, Int, Int)] = [
            ("10", "1010", 4, 4), ("10", "1020", 16, 11), ("10", "1030", 12, 7),
            ("20", "2010", 21, 16), ("20", "2020", 35, 24),
        ]
        var targets: [TargetPlacement] = []
        var completed: Set<String> = []
        for (department, code, members, respondents) in sections {
            for n in 0..<members {
                targets.append(TargetPlacement(staffNumber: "\(code)-\(n)", path: [department, code]))
                if n < respondents { completed.insert("\(code)-\(n)") }
            }
        }
        let input = SurveyReleaseInput(
            policy: policy, questions: [], targets: targets, completed: completed, recorded: [], sheets: [:],
            answerTotals: nil, answersPerDay: [:], days: nil, freeTexts: [], seed: 1)
        let plan = try SurveyReleaseBuilder.plan(input)
        let release = try SurveyReleaseBuilder.build(input)
        let counts = plan.counts
        #expect(counts[.all] == CellCount(respondents: 62, members: 88))
        #expect(counts[.department("10")] == CellCount(respondents: 22, members: 32))

        #expect(release.hidden[section("10", "1010")] == .smallGroup)
        let manager = SurveyReaderScope.view(of: release, for: .unit(department: "10", unit: "1010"))
        #expect(manager.figures[section("10", "1010")] == nil, "the manager of 1010 does not see 1010's rate")
        #expect(manager.figures[.department("10")] != nil, "…only the department's")
        // The attack: department minus the shown sections.
        let shownSections = ["1020", "1030"].map { section("10", $0) }.filter(release.isShown)
        let remainder = counts[.department("10")]!.respondents - shownSections.map { counts[$0]!.respondents }.reduce(0, +)
        #expect(remainder >= policy.k, "what subtraction leaves covers at least k people, not just section 1010")
        #expect(release.hidden[section("10", "1030")] == .complementary(protecting: section("10", "1010")))
        // Non-respondents: 1010's members all answered, 1030 has 5 non-respondents; the remainder
        // of both together has 5 non-respondents, not fewer.
        let hiddenMembers = 4 + 12, hiddenRespondents = remainder
        #expect(hiddenMembers - hiddenRespondents >= policy.k)
        // Any linear combination, for respondents and for non-respondents.
        for value in [{ (c: CellCount) in c.respondents }, { (c: CellCount) in c.members! - c.respondents }] {
            let attacker = LinearAttacker(partitions: plan.hierarchy.partitions, shown: release.figures.mapValues(value))
            #expect(attacker.determined()[section("10", "1010")] == nil)
        }
        #expect(DisclosureControl.violations(shown: Array(release.figures.keys), counts: counts, hierarchy: plan.hierarchy).isEmpty)
    }

    // MARK: - Intersecting two filters (department × age band against the department alone)

    /// Four people in their thirties in department 10 all answered "1"; everyone else "5".
    /// The release shows departments, age bands and department × age band with all margins.
    @Test func intersectingFiltersDoesNotRevealASmallGroupsAnswers() throws {
        let question = SurveyQuestion(id: "q", kind: .likert5, text: Bilingual(ja: "q", en: "q"))
        let sizes: [(String, AgeBand, Int)] = [
            ("10", .upTo29, 9), ("10", .thirties, 4), ("10", .forties, 8), ("10", .fifties, 6), ("10", .from60, 5),
            ("20", .upTo29, 12), ("20", .thirties, 10), ("20", .forties, 7), ("20", .fifties, 11), ("20", .from60, 6),
            ("30", .upTo29, 6), ("30", .thirties, 9), ("30", .forties, 2), ("30", .fifties, 8), ("30", .from60, 7),
        ]
        var targets: [TargetPlacement] = []
        var sheets: [RecordedAttributes: Int] = [:]
        var totals: [RecordedAttributes: [String: [String: Int]]] = [:]
        for (department, band, n) in sizes {
            targets += (0..<n).map { TargetPlacement(staffNumber: "\(department)-\(band.rawValue)-\($0)", path: [department]) }
            let attributes = RecordedAttributes(departmentCode: department, ageBand: band.rawValue, serviceBand: nil)
            let secret = department == "10" && band == .thirties
            sheets[attributes] = n
            totals[attributes] = ["q": [secret ? "1" : "5": n]]
        }
        let input = SurveyReleaseInput(
            policy: policy, questions: [question], targets: targets, completed: Set(targets.map(\.staffNumber)),
            recorded: [.department, .ageBand], sheets: sheets, answerTotals: totals, answersPerDay: [:], days: nil,
            freeTexts: [], seed: 1)
        let plan = try SurveyReleaseBuilder.plan(input)
        let release = try SurveyReleaseBuilder.build(input)
        let counts = plan.counts.mapValues(\.respondents)

        let secretCell = CellSpec.department("10").with(.ageBand, AgeBand.thirties.rawValue)
        #expect(release.hidden[secretCell] == .smallGroup)
        #expect(counts[secretCell] == 4)
        #expect(release.hidden[CellSpec.department("30").with(.ageBand, AgeBand.forties.rawValue)] == .smallGroup)
        checkReleased(release, plan: plan, k: policy.k)

        // The attacker works on the shown "answered 1" counts, which add up like respondents.
        let ones = release.summaries.mapValues { $0["q"]!.counts["1"] ?? 0 }
        #expect(ones[.all] == 4, "the whole's distribution is shown")
        #expect(LinearAttacker(partitions: plan.hierarchy.partitions, shown: ones).determined()[secretCell] == nil)
        // Every pair of nested shown cells differs by 0 or ≥ k respondents, so a difference of
        // distributions always mixes the four with at least one other person.
        for outer in release.figures.keys {
            for inner in release.figures.keys where inner != outer && inner.isWithin(outer) {
                let gap = counts[outer]! - counts[inner]!
                #expect(gap == 0 || gap >= policy.k)
            }
        }
        // The privacy note names every hidden cell with a rule, in both languages, without counts.
        for (cell, reason) in release.hidden {
            #expect(!reason.message(k: 5, label: \.description).ja.contains("4人"), "\(cell)")
            #expect(!reason.message(k: 5, label: \.description).en.isEmpty)
        }
    }

    // MARK: - Comparing two filter settings

    /// Department 10 alone shows 12 respondents; department 10 ∧ regular staff shows 10. The
    /// difference, 2 non-regular staff, must not be released.
    @Test func twoFilterSettingsThatDifferByFewerThanK() {
        let outer = CellSpec.department("10")
        let inner = outer.with(.employmentType, EmploymentType.regular.rawValue)
        let counts: [CellSpec: Int] = [outer: 12, inner: 10]
        // With no partition given, only the difference rule can see it.
        let bare = DisclosureControl.suppress(cells: [outer, inner], counts: counts, hierarchy: CellHierarchy(partitions: []))
        #expect(bare.suppressed == [inner: .difference(with: outer)])
        #expect(DisclosureControl.safeDifference(outer: CellCount(respondents: 12), inner: CellCount(respondents: 10)) == false)
        #expect(DisclosureControl.safeDifference(outer: CellCount(respondents: 15), inner: CellCount(respondents: 10)))
        // With the employment-type partition the remainder rule finds it first.
        let hierarchy = CellHierarchy.crossClassified(
            cells: [outer, inner], domains: [.employmentType: EmploymentType.allCases.map(\.rawValue)])
        let result = DisclosureControl.suppress(cells: [outer, inner], counts: counts, hierarchy: hierarchy)
        #expect(result.shown == [outer])
        // A difference of 0 is fine when the groups are known to coincide (no non-regular members)…
        let same: [CellSpec: CellCount] = [outer: CellCount(respondents: 12, members: 20),
                                           inner: CellCount(respondents: 12, members: 20)]
        #expect(DisclosureControl.suppress(cells: [outer, inner], counts: same, hierarchy: CellHierarchy(partitions: [])).shown
            == [outer, inner])
        // …but not when it says "none of the 3 non-regular staff answered".
        let silent: [CellSpec: CellCount] = [outer: CellCount(respondents: 12, members: 23),
                                             inner: CellCount(respondents: 12, members: 20)]
        #expect(DisclosureControl.suppress(cells: [outer, inner], counts: silent, hierarchy: CellHierarchy(partitions: [])).shown
            == [outer])
    }

    // MARK: - Comparing two cycles

    /// The change from the previous cycle exists only for cells shown in both cycles, and a
    /// group small in either cycle stays hidden in the comparison.
    @Test func comparingCyclesNeedsBothCyclesShown() throws {
        let question = SurveyQuestion(id: "q", kind: .likert5, text: Bilingual(ja: "q", en: "q"))
        /// One closed cycle in which everyone asked (department → people) answered `value`.
        func cycle(_ sizes: [String: Int], value: Int) throws -> SurveyRelease {
            var targets: [TargetPlacement] = []
            var sheets: [RecordedAttributes: Int] = [:]
            var totals: [RecordedAttributes: [String: [String: Int]]] = [:]
            for (department, n) in sizes {
                targets += (0..<n).map { TargetPlacement(staffNumber: "\(department)-\($0)", path: [department]) }
                let attributes = RecordedAttributes(departmentCode: department, ageBand: nil, serviceBand: nil)
                sheets[attributes] = n
                totals[attributes] = ["q": [String(value): n]]
            }
            let input = SurveyReleaseInput(
                policy: policy, questions: [question], targets: targets, completed: Set(targets.map(\.staffNumber)),
                recorded: [.department], sheets: sheets, answerTotals: totals, answersPerDay: [:], days: nil, freeTexts: [], seed: 1)
            let release = try SurveyReleaseBuilder.build(input)
            checkReleased(release, plan: try SurveyReleaseBuilder.plan(input), k: 5)
            return release
        }
        let previous = try cycle(["10": 4, "20": 20, "30": 30], value: 4)
        let current = try cycle(["10": 6, "20": 22, "30": 30], value: 2)
        let change = { (cell: CellSpec) in
            SurveyAggregation.favorableChange(current: current.summaries[cell]?["q"], previous: previous.summaries[cell]?["q"])
        }
        #expect(previous.summaries[.department("10")] == nil, "4 respondents last cycle")
        #expect(change(.department("10")) == nil, "so no change figure this cycle either")
        #expect(change(.all) == -100)
    }

    // MARK: - Zero respondents

    @Test func zeroRespondentsIsShownOnlyForAnEmptyGroup() {
        let empty = CellSpec.department("10").with(.ageBand, AgeBand.from60.rawValue)
        let silent = CellSpec.department("10").with(.ageBand, AgeBand.fifties.rawValue)
        let counts: [CellSpec: CellCount] = [
            empty: CellCount(respondents: 0, members: 0),
            silent: CellCount(respondents: 0, members: 6),
        ]
        let result = DisclosureControl.suppress(cells: [empty, silent], counts: counts, hierarchy: CellHierarchy(partitions: []))
        #expect(result.shown == [empty])
        #expect(result.suppressed[silent] == .belowThreshold(respondents: 0))
        // Without member counts 0 is always hidden.
        #expect(DisclosureControl.suppress(cells: [empty], counts: [empty: 0], hierarchy: CellHierarchy(partitions: [])).shown.isEmpty)
    }

    /// Two hidden 2×2 blocks of a cross table joined by one hidden cell: peeling rows and columns
    /// one unknown at a time finds nothing (every row and column has two or more hidden cells),
    /// but adding up the first block's rows and subtracting its columns gives the joining cell.
    @Test func cellsDeterminedOnlyByTheWholeSystemAreCaught() {
        let rows = ["r1", "r2", "r3", "r4"], cols = ["c1", "c2", "c3", "c4", "c5"]
        let hidden: Set<String> = ["r1c1", "r1c2", "r2c1", "r2c2", "r3c3", "r3c4", "r4c3", "r4c4", "r2c3"]
        var people: [[CellDimension: String]] = []
        for r in rows { for c in cols {
            people += Array(repeating: [.department: r, .ageBand: c], count: r + c == "r2c3" ? 2 : 9)
        } }
        var cells: [CellSpec] = [.all] + rows.map(CellSpec.department) + cols.map { CellSpec([.ageBand: $0]) }
        for r in rows { for c in cols { cells.append(CellSpec.department(r).with(.ageBand, c)) } }
        let hierarchy = CellHierarchy.crossClassified(cells: cells, domains: [.department: rows, .ageBand: cols])
        let counts = Population(respondents: people).counts(cells)
        let bridge = CellSpec.department("r2").with(.ageBand, "c3")
        let shown = cells.filter { cell in
            !hidden.contains((cell.filters[.department] ?? "") + (cell.filters[.ageBand] ?? "-"))
        }
        let attacker = LinearAttacker(partitions: hierarchy.partitions,
                                      shown: Dictionary(uniqueKeysWithValues: shown.map { ($0, counts[$0]!) }))
        #expect(attacker.determined() == [bridge: 2], "the attack works on this pattern")
        let found = DisclosureControl.violations(
            shown: shown, counts: counts.mapValues { CellCount(respondents: $0) }, hierarchy: hierarchy)
        #expect(found.contains(.derivableSmallGroup(cell: bridge, count: CellCount(respondents: 2))))
        // And the full algorithm releases a safe table for the same counts.
        let result = DisclosureControl.suppress(cells: cells, counts: counts, hierarchy: hierarchy)
        checkReleased(result, counts: counts, hierarchy: hierarchy, k: 5)
    }

    func section(_ department: String, _ code: String) -> CellSpec {
        CellSpec.department(department).with(.section, code)
    }
}
