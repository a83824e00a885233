import Foundation
import JibungotoDomain
import Testing

/// Surveys reported by section (所属（課）): the 課 is copied onto each sheet, the 課 cells are the
/// organization's own cells inside the one disclosure run, and a department head or manager
/// reads the results of the shown groups of their view — nothing the release does not show.
@Suite("Survey results by section: a 課's results for its manager, under the one release")
struct SurveySectionResultsTests {
    typealias City = SurveyReleaseTests

    @Test("a section needs its department and is never crossed with the age or service bands")
    func settingRule() {
        #expect(ReportingAttribute.problem(with: [.department, .section]) == nil)
        #expect(ReportingAttribute.problem(with: [.department, .ageBand, .serviceBand]) == nil)
        #expect(ReportingAttribute.problem(with: []) == nil)
        #expect(ReportingAttribute.problem(with: [.section]) == .sectionNeedsDepartment)
        #expect(ReportingAttribute.problem(with: [.section, .ageBand]) == .sectionNeedsDepartment)
        #expect(ReportingAttribute.problem(with: [.department, .section, .ageBand]) == .sectionWithBands)
        #expect(ReportingAttribute.problem(with: [.department, .section, .serviceBand]) == .sectionWithBands)
    }

    @Test("the sheet's section is the unit below the department, or the department for its own people")
    func sectionOfAPlacement() {
        #expect(TargetPlacement.section(on: ["10", "1010", "101010"]) == "1010")
        #expect(TargetPlacement.section(on: ["10", "1020"]) == "1020")
        #expect(TargetPlacement.section(on: ["10"]) == "10")
        let direct = RespondentAttributes(departmentCode: "10", sectionCode: "10")
        #expect(direct.belongs(to: CellSpec([.department: "10", SurveyReleaseBuilder.direct: "10"])))
        #expect(!direct.belongs(to: SurveyReleaseBuilder.unitCell(department: "10", unit: "1010")))
        let member = RespondentAttributes(departmentCode: "10", sectionCode: "1010")
        #expect(member.belongs(to: SurveyReleaseBuilder.unitCell(department: "10", unit: "1010")))
        #expect(member.belongs(to: .department("10")))
    }

    /// The city of ``SurveyReleaseTests``, everyone answered, sheets with department and section;
    /// each group answers its own value: 課 1010 "5", 課 1020 "2", department 10's own people
    /// "4", department 20 (no sections) "3".
    static func input(moving: Int = 0) -> SurveyReleaseInput {
        let targets = City.city()
        var sheets: [RecordedAttributes: Int] = [:]
        var totals: [RecordedAttributes: [String: [String: Int]]] = [:]
        let answer = ["1010": "5", "1020": "2", "10": "4", "20": "3"]
        for target in targets {
            let section = TargetPlacement.section(on: target.path)!
            let key = RecordedAttributes(departmentCode: target.path[0], ageBand: nil, serviceBand: nil, sectionCode: section)
            sheets[key, default: 0] += 1
            totals[key, default: [:]]["q", default: [:]][answer[section]!, default: 0] += 1
        }
        // A sheet counted under the wrong 課, to check that the sections must match the completions.
        let from = RecordedAttributes(departmentCode: "10", ageBand: nil, serviceBand: nil, sectionCode: "1010")
        let to = RecordedAttributes(departmentCode: "10", ageBand: nil, serviceBand: nil, sectionCode: "1020")
        sheets[from, default: 0] -= moving
        sheets[to, default: 0] += moving
        return SurveyReleaseInput(
            policy: City.policy, questions: [City.question], targets: targets, completed: City.everyone, recorded: [.department, .section],
            sheets: sheets, answerTotals: totals, answersPerDay: [:], days: nil, freeTexts: [], seed: 7)
    }

    @Test("a large 課 gets its own results; a small group and what would reveal it by difference do not")
    func resultsOfSections() throws {
        let release = try SurveyReleaseBuilder.build(Self.input())
        let division = SurveyReleaseBuilder.unitCell(department: "10", unit: "1010")
        let other = SurveyReleaseBuilder.unitCell(department: "10", unit: "1020")
        let direct = CellSpec([.department: "10", SurveyReleaseBuilder.direct: "10"])
        // Department 10 = 3 (its own people) + 18 (課 1010) + 14 (課 1020): the 3 are hidden, and
        // so is the smaller 課, or the department minus 1010 minus 1020 would give the 3 back.
        #expect(release.hidden[direct] == .smallGroup)
        #expect(release.hidden[other] == .complementary(protecting: direct))
        #expect(release.isShown(division))
        let summary = try #require(release.summaries[division]?["q"])
        #expect(summary.respondents == 18)
        #expect(summary.counts == ["5": 18], "only the 課's own sheets")
        #expect(release.summaries[other] == nil)
        #expect(release.summaries[direct] == nil)
        #expect(release.summaries[.department("10")]?["q"]?.counts == ["5": 18, "2": 14, "4": 3])
        #expect(release.summaries[.department("20")]?["q"]?.counts == ["3": 20])
        let plan = try SurveyReleaseBuilder.plan(Self.input())
        #expect(DisclosureControl.violations(shown: Array(release.figures.keys), counts: plan.counts, hierarchy: plan.hierarchy, policy: City.policy).isEmpty)
    }

    @Test("sheets whose sections do not match who answered are refused")
    func sectionsMustMatchTheCompletions() {
        #expect(throws: SurveyReleaseError.notAPartition(parent: .department("10"))) { try SurveyReleaseBuilder.build(Self.input(moving: 1)) }
    }

    @Test("a manager reads the results of their shown department and 課, only when the survey reports by section")
    func readersOfSectionResults() throws {
        let release = try SurveyReleaseBuilder.build(Self.input())
        let division = SurveyReleaseBuilder.unitCell(department: "10", unit: "1010")
        #expect(SurveyReaderScope.resultCells(of: release, for: .unit(department: "10", unit: "1010"), reportsBySection: true)
                == [.department("10"), division])
        #expect(SurveyReaderScope.resultCells(of: release, for: .unit(department: "10", unit: "1020"), reportsBySection: true)
                == [.department("10")], "their 課 is hidden: the department only")
        #expect(SurveyReaderScope.resultCells(of: release, for: .unit(department: "10", unit: "101010"), reportsBySection: true)
                == [.department("10")], "a 係 has no results of its own")
        #expect(SurveyReaderScope.resultCells(of: release, for: .department("10"), reportsBySection: true) == [.department("10"), division])
        #expect(SurveyReaderScope.resultCells(of: release, for: .unit(department: "10", unit: "1010"), reportsBySection: false).isEmpty)
        #expect(SurveyReaderScope.resultCells(of: release, for: .organization, reportsBySection: true).isEmpty, "HR reads the results page")
    }
}
