import Foundation
import JibungotoDomain
import Testing

/// The release: one disclosure run over every cell any reader sees, checked partitions,
/// readers' views as subsets, results only with the totals, the response curve as a chain.
@Suite("Survey release: one suppression for every reader, page and export")
struct SurveyReleaseTests {
    static let question = SurveyQuestion(id: "q", kind: .likert5, text: Bilingual(ja: "やりがい", en: "Q"), isRequired: true)
    static let policy = DisclosurePolicy(k: 5, freeTextK: 10)

    /// Department 10: 課 1010 (2 people placed in the 課 itself, 係 101010 with 4, 係 101020 with
    /// 12), 課 1020 (14), 3 people placed in the department itself. Department 20: 20 people.
    static func city() -> [TargetPlacement] {
        func people(_ prefix: String, _ count: Int, _ path: [String]) -> [TargetPlacement] {
            (0..<count).map { TargetPlacement(staffNumber: "\(prefix)\($0)", path: path) }
        }
        return people("A", 2, ["10", "1010"]) + people("B", 4, ["10", "1010", "101010"]) + people("C", 12, ["10", "1010", "101020"])
            + people("D", 14, ["10", "1020"]) + people("E", 3, ["10"]) + people("F", 20, ["20"])
    }

    /// Everyone in the list answered, each sheet with the department only, all answering 4.
    static func input(completed: Set<String>, withResults: Bool = true, days: ClosedRange<LocalDate>? = nil, perDay: [LocalDate: Int] = [:]) -> SurveyReleaseInput {
        let targets = city()
        var sheets: [RecordedAttributes: Int] = [:]
        var totals: [RecordedAttributes: [String: [String: Int]]] = [:]
        for target in targets where completed.contains(target.staffNumber) {
            let key = RecordedAttributes(departmentCode: target.path[0], ageBand: nil, serviceBand: nil)
            sheets[key, default: 0] += 1
            totals[key, default: [:]]["q", default: [:]]["4", default: 0] += 1
        }
        return SurveyReleaseInput(
            policy: policy, questions: [question], targets: targets, completed: completed, recorded: [.department],
            sheets: sheets, answerTotals: withResults ? totals : nil, answersPerDay: perDay, days: days,
            freeTexts: withResults ? ["意見"] : [], seed: 7)
    }

    static var everyone: Set<String> { Set(city().map(\.staffNumber)) }

    @Test func theOrganizationIsSplitIntoTrueParts() throws {
        let plan = try SurveyReleaseBuilder.plan(Self.input(completed: Self.everyone))
        let department = CellSpec.department("10")
        let division = SurveyReleaseBuilder.unitCell(department: "10", unit: "1010")
        #expect(plan.organizationChildren[.all] == [.department("10"), .department("20")])
        #expect(Set(plan.organizationChildren[department] ?? []) == [
            CellSpec([.department: "10", SurveyReleaseBuilder.direct: "10"]), division,
            SurveyReleaseBuilder.unitCell(department: "10", unit: "1020"),
        ], "a department splits into the people placed in it and its 課 — never a 係 beside its own 課, nor itself")
        #expect(Set(plan.organizationChildren[division] ?? []) == [
            CellSpec([.department: "10", SurveyReleaseBuilder.direct: "1010"]),
            SurveyReleaseBuilder.unitCell(department: "10", unit: "101010"), SurveyReleaseBuilder.unitCell(department: "10", unit: "101020"),
        ])
        #expect(plan.counts[division] == CellCount(respondents: 18, members: 18))
        #expect(plan.counts[department] == CellCount(respondents: 35, members: 35))
    }

    @Test func sheetsThatDoNotAddUpToTheCompletionsAreRefused() {
        var broken = Self.input(completed: Self.everyone)
        broken.sheets[RecordedAttributes(departmentCode: "20", ageBand: nil, serviceBand: nil)] = 19
        #expect(throws: SurveyReleaseError.notAPartition(parent: .all)) { try SurveyReleaseBuilder.build(broken) }
    }

    @Test func everyReaderSeesPartOfOneSafeReportAndNoCombinationOfReadersRevealsASmallGroup() throws {
        // Everyone but two of 係 101010 answered: the 係 has 2 respondents and 2 non-respondents.
        let completed = Self.everyone.subtracting(["B0", "B1"])
        let input = Self.input(completed: completed)
        let plan = try SurveyReleaseBuilder.plan(input)
        let release = try SurveyReleaseBuilder.build(input)
        let readers: [SurveyReader] = [
            .organization, .department("10"), .department("20"),
            .unit(department: "10", unit: "1010"), .unit(department: "10", unit: "101010"), .unit(department: "10", unit: "101020"),
        ]
        #expect(!release.isShown(SurveyReleaseBuilder.unitCell(department: "10", unit: "101010")))
        // Any set of readers pooling what they saw: the union must still disclose nothing.
        for first in readers {
            for second in readers {
                let pooled = Array(Set(release.view(first) + release.view(second)).filter(release.isShown))
                let violations = DisclosureControl.violations(shown: pooled, counts: plan.counts, hierarchy: plan.hierarchy, policy: Self.policy)
                #expect(violations.isEmpty, "\(first) + \(second): \(violations)")
            }
        }
        let everything = Array(release.figures.keys)
        #expect(DisclosureControl.violations(shown: everything, counts: plan.counts, hierarchy: plan.hierarchy, policy: Self.policy).isEmpty)
    }

    @Test func aSmallUnitAndWhatWouldRevealItByDifferenceAreHidden() throws {
        let release = try SurveyReleaseBuilder.build(Self.input(completed: Self.everyone))
        let smallUnit = SurveyReleaseBuilder.unitCell(department: "10", unit: "101010")
        let division = SurveyReleaseBuilder.unitCell(department: "10", unit: "1010")
        #expect(!release.isShown(smallUnit), "4 people")
        #expect(release.hidden[smallUnit] == .smallGroup)
        // 課 1010 = 2 (direct) + 4 + 12: with the 課 and 係 101020 shown, the two small groups
        // together (6) may be derived, but neither alone.
        #expect(release.isShown(division))
        #expect(release.isShown(SurveyReleaseBuilder.unitCell(department: "10", unit: "101020")))
        #expect(!release.isShown(CellSpec([.department: "10", SurveyReleaseBuilder.direct: "1010"])))
        #expect(release.view(.unit(department: "10", unit: "101010")).filter(release.isShown) == [.department("10")],
                "the small unit's manager sees their department only")
    }

    @Test func resultsExistOnlyInTheFinalReleaseAndOnlyForShownGroups() throws {
        let live = try SurveyReleaseBuilder.build(Self.input(completed: Self.everyone, withResults: false))
        #expect(live.summaries.isEmpty)
        #expect(live.comments == nil)
        #expect(!live.hasResults)
        let final = try SurveyReleaseBuilder.build(Self.input(completed: Self.everyone))
        #expect(final.hasResults)
        #expect(final.summaries[.all]?["q"]?.answered == 55)
        #expect(final.summaries[.all]?["q"]?.favorableShare == 1)
        #expect(final.comments == ["意見"])
        for cell in final.summaries.keys { #expect(final.isShown(cell)) }
        #expect(final.summaries[SurveyReleaseBuilder.unitCell(department: "10", unit: "1010")] == nil, "sheets carry no section")
    }

    @Test func anOptionalMultipleChoiceQuestionIsSharedOverThoseWhoAnsweredIt() throws {
        let choice = SurveyQuestion(id: "m", kind: .multipleChoice, text: Bilingual(ja: "参加したい場", en: "M"),
                                    options: [SurveyOption(key: "a", ja: "研修", en: "Training"), SurveyOption(key: "b", ja: "対話", en: "Dialogue")])
        var input = Self.input(completed: Self.everyone)
        input.questions = [choice]
        // 55 respondents; 20 answered the question, 12 chose a, 15 chose b.
        let key = RecordedAttributes(departmentCode: "20", ageBand: nil, serviceBand: nil)
        input.answerTotals = [key: ["m": ["a": 12, "b": 15, SurveyReleaseBuilder.answeredValue: 20]]]
        let summary = try #require(try SurveyReleaseBuilder.build(input).summaries[.all]?["m"])
        #expect(summary.answered == 20)
        #expect(summary.respondents == 55)
        #expect(summary.counts == ["a": 12, "b": 15], "the answered mark is not an option")
        #expect(summary.share(of: "a") == 12.0 / 20.0)
    }

    @Test func theResponseCurveMovesOnlyInStepsOfKOrNone() throws {
        let opens = LocalDate(iso: "2026-11-02")!
        let days = opens...opens.adding(days: 5)
        // 55 answers: 30, 2, 0, 12, 3, 8 per day.
        let perDay = Dictionary(uniqueKeysWithValues: zip((0...5).map { opens.adding(days: $0) }, [30, 2, 0, 12, 3, 8]))
        let release = try SurveyReleaseBuilder.build(Self.input(completed: Self.everyone, days: days, perDay: perDay))
        #expect(release.daily.map(\.cumulative) == [30, nil, nil, 44, nil, 55])
        var previous = 0
        for value in release.daily.compactMap(\.cumulative) {
            #expect(value - previous == 0 || value - previous >= 5)
            previous = value
        }
        // The whole hidden: no point of the curve either.
        let few = Set(Self.city().prefix(3).map(\.staffNumber))
        let hidden = try SurveyReleaseBuilder.build(Self.input(completed: few, days: days, perDay: [opens: 3]))
        #expect(!hidden.isShown(.all))
        #expect(hidden.daily.allSatisfy { $0.cumulative == nil })
    }

    @Test func aReleaseSurvivesStorageUnchanged() throws {
        let release = try SurveyReleaseBuilder.build(Self.input(completed: Self.everyone.subtracting(["F1"])))
        let data = try JSONEncoder().encode(release)
        #expect(try JSONDecoder().decode(SurveyRelease.self, from: data) == release)
        #expect(!String(decoding: data, as: UTF8.self).contains("belowThreshold"), "hidden cells are stored without their counts")
    }
}
