import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

/// The fairness figures' formulas on hand-made populations, with their boundaries: an empty
/// population, one person, nobody active, ties at the top tenth.
@Suite("Fairness figures: share with activity, top tenth, Gini, repeat selection, routes, groups")
struct FairnessFiguresTests {
    /// Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n Σ x): the definition the sorted formula must agree with.
    static func giniByDefinition(_ counts: [Int]) -> Double {
        var differences = 0
        for a in counts { for b in counts { differences += abs(a - b) } }
        return Double(differences) / Double(2 * counts.count * counts.reduce(0, +))
    }

    static func person(
        _ number: String, department: SectionCode? = "10", age: AgeBand = .thirties, gender: Gender? = nil,
        type: EmploymentType = .regular, _ routes: [ParticipationRoute: Int] = [:], selectedBefore: Bool = false, activeBefore: Bool = false
    ) -> FairnessPerson {
        FairnessPerson(staffNumber: StaffNumber(number), departmentCode: department, ageBand: age, gender: gender, employmentType: type,
                       entries: RouteCounts(routes), selectedYearBefore: selectedBefore, activeBefore: activeBefore)
    }

    // MARK: - Gini

    @Test("Gini: equal shares are 0, one holder among n is (n − 1) / n, one person is 0")
    func giniBoundaries() {
        #expect(FairnessFigures.gini([3, 3, 3, 3]) == 0)
        #expect(FairnessFigures.gini([1, 1]) == 0)
        #expect(FairnessFigures.gini([0, 0, 0, 5]) == 3.0 / 4.0)
        #expect(FairnessFigures.gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) == 9.0 / 10.0)
        #expect(FairnessFigures.gini([7]) == 0, "one person: (1 − 1) / 1")
        #expect(FairnessFigures.gini([0]) == nil, "nobody active: no concentration to measure")
        #expect(FairnessFigures.gini([0, 0, 0]) == nil)
        #expect(FairnessFigures.gini([]) == nil)
    }

    @Test("Gini: a hand-computed population, and agreement with the pairwise definition")
    func giniAgreesWithDefinition() throws {
        // Ascending 0,0,0,0,0,1,1,1,2,4: Σ i·x = 6+7+8+18+40 = 79; (2·79 − 11·9) / (10·9) = 59/90.
        #expect(FairnessFigures.gini([1, 1, 0, 2, 4, 1, 0, 0, 0, 0]) == 59.0 / 90.0)
        for counts in [[1, 2, 3], [5, 0, 0, 1, 9, 2], [0, 0, 1], [10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [2, 2, 3]] {
            let gini = try #require(FairnessFigures.gini(counts))
            #expect(abs(gini - Self.giniByDefinition(counts)) < 1e-12, "\(counts)")
        }
        // Order of the input does not matter.
        #expect(FairnessFigures.gini([4, 0, 1]) == FairnessFigures.gini([0, 1, 4]))
    }

    // MARK: - Top tenth

    @Test("top tenth: equal counts hold 10 % whatever the population, one holder among 10 or more holds all")
    func topDecileEqualAndSingle() {
        #expect(FairnessFigures.topDecileShare(Array(repeating: 2, count: 10)) == 0.1)
        #expect(FairnessFigures.topDecileShare(Array(repeating: 3, count: 15)) == 0.1)
        #expect(FairnessFigures.topDecileShare(Array(repeating: 1, count: 7)) == 0.1)
        #expect(FairnessFigures.topDecileShare([0, 0, 0, 0, 0, 0, 0, 0, 0, 6]) == 1)
        #expect(FairnessFigures.topDecileShare(Array(repeating: 0, count: 19) + [6]) == 1)
    }

    @Test("top tenth of a population not divisible by 10: the boundary person counts for the fraction")
    func topDecileFraction() {
        // 15 staff: 1.5 people, the largest (10) and half the next (5): 12.5 of 20.
        #expect(FairnessFigures.topDecileShare([10, 5, 5] + Array(repeating: 0, count: 12)) == 0.625)
        // 5 staff, one holder: half a person holds half.
        #expect(FairnessFigures.topDecileShare([0, 0, 0, 0, 8]) == 0.5)
        // 1 person: a tenth of a person holds a tenth.
        #expect(FairnessFigures.topDecileShare([3]) == 0.1)
        // 6 staff 4,1,0,0,0,0: 0.6 of the largest, 2.4 of 5.
        #expect(FairnessFigures.topDecileShare([0, 4, 0, 1, 0, 0]) == 0.48)
    }

    @Test("top tenth: ties at the boundary give the same share whoever is taken")
    func topDecileTies() {
        // 10 staff, three with 5: the top person is any of them, 5 of 15.
        let tied = [5, 5, 5, 0, 0, 0, 0, 0, 0, 0]
        #expect(FairnessFigures.topDecileShare(tied) == 1.0 / 3.0)
        #expect(FairnessFigures.topDecileShare(tied.reversed()) == 1.0 / 3.0)
        // 20 staff, the 2nd and 3rd tied: the top two hold 9 + 4 of 17.
        #expect(FairnessFigures.topDecileShare([9, 4, 4] + Array(repeating: 0, count: 17)) == 13.0 / 17.0)
    }

    @Test("top tenth: nothing to share when nobody is active or nobody is there")
    func topDecileEmpty() {
        #expect(FairnessFigures.topDecileShare([]) == nil)
        #expect(FairnessFigures.topDecileShare([0, 0, 0, 0]) == nil)
    }

    // MARK: - Share with activity

    @Test("share with activity counts everyone, those without entries included")
    func shareWithActivity() {
        #expect(FairnessFigures.shareWithActivity([0, 1, 2, 0]) == 0.5)
        #expect(FairnessFigures.shareWithActivity([0, 0, 0]) == 0)
        #expect(FairnessFigures.shareWithActivity([4]) == 1)
        #expect(FairnessFigures.shareWithActivity([]) == nil)
    }

    // MARK: - Repeat selection

    @Test("repeat selection: of those applied or nominated this year, the share also selected last year")
    func repeatSelection() {
        let people = [
            Self.person("A", [.applied: 1], selectedBefore: true),
            Self.person("B", [.nominated: 2], selectedBefore: false),
            Self.person("C", [.applied: 1, .allocated: 1], selectedBefore: true),
            Self.person("D", [.nominated: 1], selectedBefore: false),
            // Allocated or volunteered only: not selected, whatever last year was.
            Self.person("E", [.allocated: 3], selectedBefore: true),
            Self.person("F", [.volunteered: 1], selectedBefore: true),
            // Selected last year, nothing this year: not in the denominator.
            Self.person("G", selectedBefore: true),
        ]
        #expect(FairnessFigures.repeatSelectionRate(people) == 0.5)
        #expect(FairnessFigures.repeatSelectionRate(Array(people.suffix(3))) == nil, "nobody selected this year")
        #expect(FairnessFigures.repeatSelectionRate([]) == nil)
        let summary = FairnessFigures.summary(of: people)
        #expect(summary.selected == 4)
        #expect(summary.selectedAgain == 2)
    }

    // MARK: - Routes

    @Test("route profiles: people, entries, new faces and age bands; a route of 1–4 people shows nothing, none shows 0; a band that would give a hidden band away by subtraction is hidden too")
    func routeProfiles() throws {
        var people: [FairnessPerson] = []
        // Six applied: two of them new faces; ages 30s ×5, 60+ ×1.
        for index in 0..<5 { people.append(Self.person("A\(index)", [.applied: index == 0 ? 3 : 1], activeBefore: index >= 2)) }
        people.append(Self.person("A5", age: .from60, [.applied: 1], activeBefore: true))
        // Two nominated: too few.
        people.append(Self.person("N0", [.nominated: 1]))
        people.append(Self.person("N1", [.nominated: 1]))
        let profiles = FairnessFigures.routeProfiles(people)
        #expect(profiles.map(\.route) == [.applied, .nominated, .allocated, .volunteered])
        let applied = try #require(profiles[0].figures)
        #expect(applied.people == 6)
        #expect(applied.entries == 8)
        #expect(applied.newFaces == 2)
        #expect(applied.newFaceShare == 2.0 / 6.0)
        #expect(applied.ageBands.map(\.band) == [.upTo29, .thirties, .forties, .fifties, .from60])
        #expect(applied.ageBands.map(\.people) == [0, nil, 0, 0, nil],
                "60+ has one person: hidden; the 30s (5) would give it away as 6 − 5, so hidden too; empty bands show 0")
        #expect(profiles[1].figures == nil, "two nominated people are below the minimum group size")
        #expect(profiles[1].hidden == .fewerThanMinimum)
        let disclosure = FairnessDisclosure(people: people)
        #expect(disclosure.hiding(route: .applied, band: .from60) == .fewerThanMinimum)
        #expect(disclosure.hiding(route: .applied, band: .thirties) == .protectsSmallerGroup)
        let allocated = try #require(profiles[2].figures, "nobody allocated is no one to single out")
        #expect(allocated.people == 0)
        #expect(allocated.newFaceShare == nil)
    }

    // MARK: - Groups and the report

    @Test("groups below the minimum size are listed without figures; unknown attributes are in no group")
    func groupsAndMinimumSize() throws {
        #expect(FairnessFigures.minimumGroupSize == 5, "the surveys' default k")
        var people: [FairnessPerson] = []
        for index in 0..<6 { people.append(Self.person("B\(index)", department: "20", gender: index < 2 ? .female : nil, index == 0 ? [.applied: 4] : [:])) }
        for index in 0..<4 { people.append(Self.person("C\(index)", department: "10", gender: .male, [.allocated: 1])) }
        people.append(Self.person("U0", department: nil, type: .fiscalYearAppointed))
        let departments = FairnessFigures.groups(people, by: .department)
        #expect(departments.map(\.key) == [.department("10"), .department("20")], "by code; no group for the unknown department")
        #expect(departments[0].summary == nil, "4 staff")
        let twenty = try #require(departments[1].summary)
        #expect(twenty.staff == 6)
        #expect(twenty.withActivity == 1)
        #expect(twenty.entries == 4)
        let genders = FairnessFigures.groups(people, by: .gender)
        #expect(genders.map(\.key) == [.gender(.female), .gender(.male)], "only recorded genders")
        #expect(genders.allSatisfy { $0.summary == nil })
        let types = FairnessFigures.groups(people, by: .employmentType)
        #expect(types.map(\.key) == [.employmentType(.regular), .employmentType(.fiscalYearAppointed)])
        #expect(types[0].summary == nil, "10 regular staff would give the 1 other away as 11 − 10")
        #expect(types[0].hidden == .protectsSmallerGroup)
        #expect(types[1].summary == nil)
        #expect(types[1].hidden == .fewerThanMinimum)

        let report = FairnessFigures.report(fiscalYear: 2026, people: people)
        #expect(report.overall?.staff == 11)
        #expect(report.groups(in: .ageBand).map(\.key) == [.ageBand(.thirties)])
        #expect(report.groups.map(\.key.dimension) == [.department, .department, .ageBand, .gender, .gender, .employmentType, .employmentType])
        #expect(report.groups(in: .department).map(\.summary?.staff) == [nil, 6],
                "department 10 (4) is hidden; 20 (6) stays, as the hidden part (4 + 1 without a department) is 5")
        #expect(FairnessFigures.report(fiscalYear: 2026, people: Array(people.prefix(4))).overall == nil, "a population of 4 is itself too small")
    }

    @Test("an empty population has no figures and no groups; a population where nobody is active has zero share and no concentration")
    func emptyAndInactive() {
        let empty = FairnessFigures.summary(of: [])
        #expect(empty.staff == 0)
        #expect(empty.shareWithActivity == nil)
        #expect(empty.topDecileShare == nil)
        #expect(empty.gini == nil)
        #expect(empty.repeatSelectionRate == nil)
        #expect(FairnessFigures.report(fiscalYear: 2026, people: []).groups.isEmpty)
        let idle = FairnessFigures.summary(of: (0..<6).map { Self.person("I\($0)") })
        #expect(idle.shareWithActivity == 0)
        #expect(idle.topDecileShare == nil)
        #expect(idle.gini == nil)
    }

    @Test("no hidden group can be worked out by subtraction: in every dimension the hidden part of the whole is 0 or at least 5, on 200 random populations")
    func noRecoveryBySubtraction() {
        var generator = SeededGenerator(seed: 15)
        let departments: [SectionCode?] = ["10", "20", "30", "40", nil]
        for round in 0..<200 {
            let size = Int.random(in: 5...60, using: &generator)
            let people = (0..<size).map { index in
                Self.person("R\(round)-\(index)", department: departments.randomElement(using: &generator)!,
                            age: AgeBand.allCases.randomElement(using: &generator)!,
                            gender: [Gender.female, .male, nil].randomElement(using: &generator)!,
                            type: EmploymentType.allCases.randomElement(using: &generator)!,
                            Int.random(in: 0..<3, using: &generator) == 0 ? [.applied: 1] : [:])
            }
            let report = FairnessFigures.report(fiscalYear: 2026, people: people)
            guard let overall = report.overall else {
                Issue.record("a population of \(size) is shown")
                continue
            }
            for dimension in FairnessDimension.allCases {
                let shownStaff = report.groups(in: dimension).compactMap(\.summary?.staff).reduce(0, +)
                let hiddenPart = overall.staff - shownStaff
                #expect(hiddenPart == 0 || hiddenPart >= 5, "round \(round), \(dimension): \(hiddenPart) staff hidden")
                for group in report.groups(in: dimension) {
                    if let staff = group.summary?.staff { #expect(staff >= 5 && (overall.staff - staff == 0 || overall.staff - staff >= 5)) }
                }
            }
            for profile in report.routes {
                guard let figures = profile.figures else { continue }
                let hiddenBands = figures.people - figures.ageBands.compactMap(\.people).reduce(0, +)
                #expect(hiddenBands == 0 || hiddenBands >= 5, "round \(round), \(profile.route): \(hiddenBands) people in hidden bands")
            }
        }
    }

    @Test("refusals per department: shown departments keep their count, the others are one total")
    func refusalsByShownDepartment() {
        var people: [FairnessPerson] = []
        for index in 0..<8 { people.append(Self.person("B\(index)", department: "20")) }
        for index in 0..<6 { people.append(Self.person("C\(index)", department: "30")) }
        for index in 0..<3 { people.append(Self.person("D\(index)", department: "10")) }
        for index in 0..<2 { people.append(Self.person("U\(index)", department: nil)) }
        let report = FairnessFigures.report(fiscalYear: 2026, people: people)
        let shown = report.byShownDepartment(["20": 2, "30": 1, "10": 1, nil: 1])
        #expect(shown.departments == ["20": 2, "30": 1], "20 and 30 are shown; 10 (3) and no department (2) are hidden together (5)")
        #expect(shown.others == 2)
    }

    // MARK: - Age and look-back

    @Test("the age band is the age on April 1 of the fiscal year")
    func ageBandOnAprilFirst() {
        #expect(FairnessFigures.ageBand(birthDate: day("1996-04-01"), fiscalYear: 2026) == .thirties)
        #expect(FairnessFigures.ageBand(birthDate: day("1996-04-02"), fiscalYear: 2026) == .upTo29, "turns 30 a day after the year's first day")
        #expect(FairnessFigures.ageBand(birthDate: day("1966-05-10"), fiscalYear: 2026) == .fifties)
    }

    @Test("new faces look back the suggestions' years before this one, and at least one")
    func lookBack() {
        #expect(FairnessFigures.lookBackYears(before: 2026, newFacesYears: 2) == 2025...2025)
        #expect(FairnessFigures.lookBackYears(before: 2026, newFacesYears: 1) == 2025...2025)
        #expect(FairnessFigures.lookBackYears(before: 2026, newFacesYears: 4) == 2023...2025)
    }

    @Test("counts are put in order by counting them, the same order as sorting, whatever their size")
    func ascendingCounts() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 10, 1_000] {
            for largest in [0, 3, 50, 100_000] {
                let counts = (0..<size).map { _ in Int.random(in: 0...largest, using: &generator) }
                #expect(FairnessFigures.ascending(counts) == counts.sorted(), "\(size) counts up to \(largest)")
            }
        }
    }
}
