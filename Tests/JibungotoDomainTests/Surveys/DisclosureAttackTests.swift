import Testing
@testable import JibungotoDomain

/// The attacks of issue 8, written out against the disclosure rules.
@Suite struct DisclosureAttackTests {
    let policy = DisclosurePolicy()  // k = 5

    // MARK: - A 4-person section under a department (response rates)

    /// Department 10 has sections 1010 (4 staff, all answered), 1020 and 1030. The manager of
    /// 1010 sees the department's figures and may see other reports; subtracting the other
    /// sections from the department must not give 1010.
    @Test func fourPersonSectionCannotBeRecoveredBySubtraction() {
        let counts: [CellSpec: CellCount] = [
            .all: CellCount(respondents: 62, members: 88),
            .department("10"): CellCount(respondents: 22, members: 32),
            section("10", "1010"): CellCount(respondents: 4, members: 4),
            section("10", "1020"): CellCount(respondents: 11, members: 16),
            section("10", "1030"): CellCount(respondents: 7, members: 12),
            .department("20"): CellCount(respondents: 40, members: 56),
            section("20", "2010"): CellCount(respondents: 16, members: 21),
            section("20", "2020"): CellCount(respondents: 24, members: 35),
        ]
        let hierarchy = CellHierarchy.organization(sectionsByDepartment: ["10": ["1010", "1020", "1030"], "20": ["2010", "2020"]])
        let rates = ResponseRate.byUnit(counts: counts, hierarchy: hierarchy, policy: policy)
        let byUnit = Dictionary(uniqueKeysWithValues: rates.map { ($0.unit, $0) })

        #expect(byUnit[section("10", "1010")]?.suppression == .belowThreshold(respondents: 4))
        #expect(byUnit[section("10", "1010")]?.rate == nil, "the manager of 1010 does not see 1010's rate")
        #expect(byUnit[.department("10")]?.rate != nil, "…only the department's")
        // The attack: department minus the shown sections.
        let shownSections = ["1020", "1030"].map { section("10", $0) }.filter { byUnit[$0]?.isShown == true }
        let remainder = counts[.department("10")]!.respondents - shownSections.map { counts[$0]!.respondents }.reduce(0, +)
        #expect(remainder >= policy.k, "what subtraction leaves covers at least k people, not just section 1010")
        #expect(byUnit[section("10", "1030")]?.suppression == .complementary(protecting: section("10", "1010")))
        // Non-respondents: 1010's members all answered, 1030 has 5 non-respondents; the remainder
        // of both together has 5 non-respondents, not fewer.
        let hiddenMembers = 4 + 12, hiddenRespondents = remainder
        #expect(hiddenMembers - hiddenRespondents >= policy.k)
        // Any linear combination, for respondents and for non-respondents.
        let shown = rates.filter(\.isShown)
        for value in [{ (c: CellCount) in c.respondents }, { (c: CellCount) in c.members! - c.respondents }] {
            let attacker = LinearAttacker(
                partitions: hierarchy.partitions,
                shown: Dictionary(uniqueKeysWithValues: shown.map { ($0.unit, value($0.count)) }))
            #expect(attacker.determined()[section("10", "1010")] == nil)
        }
        #expect(DisclosureControl.violations(shown: shown.map(\.unit), counts: counts, hierarchy: hierarchy).isEmpty)
    }

    // MARK: - Intersecting two filters (department × age band against the department alone)

    /// Four people in their thirties in department 10 all answered "1"; everyone else "5".
    /// The report shows departments, age bands and department × age band with all margins.
    @Test func intersectingFiltersDoesNotRevealASmallGroupsAnswers() {
        let question = SurveyQuestion(id: "q", kind: .likert5, text: Bilingual(ja: "q", en: "q"))
        var responses: [SurveyResponse] = []
        let sizes: [(String, AgeBand, Int)] = [
            ("10", .upTo29, 9), ("10", .thirties, 4), ("10", .forties, 8), ("10", .fifties, 6),
            ("20", .upTo29, 12), ("20", .thirties, 10), ("20", .forties, 7), ("20", .fifties, 11),
            ("30", .upTo29, 6), ("30", .thirties, 9), ("30", .forties, 2), ("30", .fifties, 8),
        ]
        for (department, band, n) in sizes {
            for _ in 0..<n {
                let secret = department == "10" && band == .thirties
                responses.append(SurveyResponse(
                    attributes: RespondentAttributes(departmentCode: department, ageBand: band),
                    answers: ["q": .likert(secret ? 1 : 5)]))
            }
        }
        let departments = ["10", "20", "30"]
        let bands = [AgeBand.upTo29, .thirties, .forties, .fifties].map(\.rawValue)
        var cells: [CellSpec] = [.all] + departments.map(CellSpec.department) + bands.map { CellSpec([.ageBand: $0]) }
        for d in departments { for b in bands { cells.append(CellSpec.department(d).with(.ageBand, b)) } }
        let hierarchy = CellHierarchy.crossClassified(cells: cells, domains: [.department: departments, .ageBand: bands])
        let counts = SurveyAggregation.respondentCounts(cells: cells, responses: responses)
        let result = DisclosureControl.suppress(cells: cells, counts: counts, hierarchy: hierarchy, policy: policy)

        let secretCell = CellSpec.department("10").with(.ageBand, AgeBand.thirties.rawValue)
        #expect(result.suppressed[secretCell] == .belowThreshold(respondents: 4))
        #expect(result.suppressed[CellSpec.department("30").with(.ageBand, AgeBand.forties.rawValue)]
            == .belowThreshold(respondents: 2))
        checkReleased(result, counts: counts, hierarchy: hierarchy, k: policy.k)

        // The attacker works on the shown "answered 1" counts, which add up like respondents.
        let table = SurveyAggregation.table(questions: [question], responses: responses, suppression: result)
        let ones = table.mapValues { $0["q"]!.counts["1"] ?? 0 }
        #expect(LinearAttacker(partitions: hierarchy.partitions, shown: ones).determined()[secretCell] == nil)
        // Every pair of nested shown cells differs by 0 or ≥ k respondents, so a difference of
        // distributions always mixes the four with at least one other person.
        for outer in result.shown {
            for inner in result.shown where inner != outer && inner.isWithin(outer) {
                let gap = counts[outer]! - counts[inner]!
                #expect(gap == 0 || gap >= policy.k)
            }
        }
        // The privacy note names every hidden cell with a rule, in both languages, without counts.
        for (cell, reason) in result.privacyNote {
            #expect(!reason.message(language: "ja", k: 5).contains("4人"), "\(cell)")
            #expect(!reason.message(language: "en", k: 5).isEmpty)
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
    @Test func comparingCyclesNeedsBothCyclesShown() {
        let question = SurveyQuestion(id: "q", kind: .likert5, text: Bilingual(ja: "q", en: "q"))
        func responses(_ sizes: [String: Int], value: Int) -> [SurveyResponse] {
            sizes.flatMap { department, n in
                (0..<n).map { _ in SurveyResponse(attributes: RespondentAttributes(departmentCode: department),
                                                  answers: ["q": .likert(value)]) }
            }
        }
        let departments = ["10", "20", "30"]
        let cells = [CellSpec.all] + departments.map(CellSpec.department)
        let hierarchy = CellHierarchy.crossClassified(cells: cells, domains: [.department: departments])
        let previous = responses(["10": 4, "20": 20, "30": 30], value: 4)
        let current = responses(["10": 6, "20": 22, "30": 30], value: 2)
        var tables: [[CellSpec: [String: QuestionSummary]]] = []
        for cycle in [previous, current] {
            let counts = SurveyAggregation.respondentCounts(cells: cells, responses: cycle)
            let result = DisclosureControl.suppress(cells: cells, counts: counts, hierarchy: hierarchy)
            checkReleased(result, counts: counts, hierarchy: hierarchy, k: 5)
            tables.append(SurveyAggregation.table(questions: [question], responses: cycle, suppression: result))
        }
        let change = { (cell: CellSpec) in
            SurveyAggregation.favorableChange(current: tables[1][cell]?["q"], previous: tables[0][cell]?["q"])
        }
        #expect(tables[0][.department("10")] == nil, "4 respondents last cycle")
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
