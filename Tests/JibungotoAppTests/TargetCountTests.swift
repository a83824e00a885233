import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor

/// A section manager's self-report count and survey target count differed (21 and 22 in the demo
/// city) with nothing saying why: the round counted regular staff on today's placement, the survey
/// every type as placed when it opened. Both pages now count through `TargetGroup` and say so.
@Suite("Target counts: both pages count by one rule and say whom and when")
struct TargetCountTests {
    @Test("a reappointed colleague is in the survey's count and not the regular-only round's, and each page says why")
    func countsExplainThemselves() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            // A reappointed staff member in the manager's unit (人事係 under 人事課).
            let reappointed = StaffRecord.fixture("R0001", name: "再任 太郎", employmentType: .reappointed)
            try await StaffMember(record: reappointed).create(on: app.db)
            try await Assignment(record: AssignmentRecord.fixture("R0001", "101010", start: day("2026-04-01")))
                .create(on: app.db)
            try await OrganizationImporter.refreshCurrentPlacement(
                of: ["R0001": [AssignmentRecord.fixture("R0001", "101010", start: day("2026-04-01"))]],
                today: TestClock.today, on: app.db)
            let cycle = SelfReportCycle(
                fiscalYear: TestClock.thisYear, title: "令和8年度 自己申告", opensOn: TestClock.today.adding(days: -10),
                deadline: TestClock.today.adding(days: 10), targetEmploymentTypes: EmploymentType.regular.rawValue, createdBy: Demo.hr)
            try await cycle.create(on: app.db)
            let survey = try await SurveyTests.openSurvey(on: app, k: 3, freeTextK: 3, attributes: "department")

            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            let completion = try await manager.get(CareerRoute.cycle(.id(try cycle.requireID())).path)
            #expect(completion.status == .ok)
            let completionText = completion.body.string
            #expect(completionText.contains("対象者（常勤）は、本日（令和8年11月30日）現在の所属で数えています。"))
            // The manager's own unit (人事課) has 人事係 below it: its row is its direct members only.
            #expect(completionText.contains("人事課（配下の課・係に属さない職員）"))
            #expect(!completionText.contains("再任 太郎"), "the reappointed colleague is not a target of a regular-only round")

            let rate = try await manager.get(SurveysRoute.rate(.id(try survey.requireID())).path)
            #expect(rate.status == .ok)
            #expect(rate.body.string.contains("対象者（全ての雇用区分）は、実施開始日（令和8年11月30日）時点の所属で確定しています。"))

            // The counts behind the pages: the same unit, the round one fewer (the reappointed colleague).
            let tree = try await OrganizationTree.load(fiscalYear: TestClock.thisYear, on: app.db)
            let roundTargets = try await tree.targets(of: cycle.group, on: app.db).map(\.staffNumber)
            let surveyTargets = try await SurveyTarget.query(on: app.db).filter(\.$surveyID == survey.requireID()).all(\.$staffNumber)
            let inUnit = Set(tree.subtree(of: "1010"))
            let roundInUnit = try await StaffMember.query(on: app.db).filter(\.$staffNumber ~~ roundTargets).all()
                .filter { inUnit.contains($0.currentSectionCode ?? "") }.map(\.staffNumber)
            let surveyInUnit = try await SurveyTarget.query(on: app.db).filter(\.$surveyID == survey.requireID()).filter(\.$sectionCode ~~ Array(inUnit)).all(\.$staffNumber)
            #expect(Set(surveyInUnit).subtracting(roundInUnit) == ["R0001"])
            #expect(Set(roundInUnit).isSubset(of: Set(surveyInUnit)))
            #expect(surveyTargets.count == roundTargets.count + 1)
            #expect(try await SurveyOpening.targetsFixedOn(survey.requireID(), on: app.db) == TestClock.today)
        }
    }
}
