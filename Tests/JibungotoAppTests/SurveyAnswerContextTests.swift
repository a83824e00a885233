import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import SQLKit
import Testing

/// The statement every survey page runs finds its rows by index. A city of 50,000 answers a few
/// surveys a year for decades; a page that read every completion would slow with each survey.
@Suite("A survey page's one statement reads by index; storing a submission refuses what the page would")
struct SurveyAnswerContextTests {
    @Test("SQLite's plan searches every table by key and scans none, with completions stored",
          .enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"]?.isEmpty != false))
    func planSearchesByIndex() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let survey = try await SurveyTests.openSurvey(on: app, k: 5, freeTextK: 10, attributes: "department")
            for number in [Demo.sectionManager, Demo.departmentHead, Demo.hr] {
                try await SurveySubmission.store(["q.a": .likert(3)], survey: survey, staffNumber: StaffNumber(number), on: app.db, today: TestClock.today)
            }
            let sql = try #require(app.db as? any SQLDatabase)
            let statement = SurveyAnswerContext.statement(surveyID: try survey.requireID(), staffNumber: StaffNumber(Demo.staff))
            let plan = try await sql.raw("EXPLAIN QUERY PLAN \(statement)").all().map { try $0.decode(column: "detail", as: String.self) }
            // One line per table: the survey, the target row, the staff record, the completion.
            #expect(plan.count == 4, "\(plan)")
            #expect(plan.allSatisfy { $0.hasPrefix("SEARCH ") }, "\(plan)")
            #expect(plan.contains { $0.hasPrefix("SEARCH survey_completions USING COVERING INDEX") }, "\(plan)")
        }
    }

    @Test("storing refuses a second submission and a closed survey, and writes nothing for either")
    func storeRefusals() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let survey = try await SurveyTests.openSurvey(on: app, k: 5, freeTextK: 10, attributes: "department")
            let manager = StaffNumber(Demo.sectionManager)
            let respondent = try #require(try await SurveyAnswerContext.load(surveyID: survey.requireID(), staffNumber: manager, on: app.db)?.respondent)
            try await SurveySubmission.store(["q.a": .likert(3)], survey: survey, respondent: respondent, on: app.db, today: TestClock.today)
            await #expect(throws: SurveySubmission.Failure.alreadyAnswered) {
                try await SurveySubmission.store(["q.a": .likert(4)], survey: survey, respondent: respondent, on: app.db, today: TestClock.today)
            }
            let head = try #require(try await SurveyAnswerContext.load(surveyID: survey.requireID(), staffNumber: StaffNumber(Demo.departmentHead), on: app.db)?.respondent)
            try await Survey.query(on: app.db).filter(\.$id == survey.requireID()).set(\.$status, to: .closed).update()
            await #expect(throws: SurveySubmission.Failure.notOpen) {
                try await SurveySubmission.store(["q.a": .likert(2)], survey: survey, respondent: head, on: app.db, today: TestClock.today)
            }
            #expect(try await SurveyCompletion.query(on: app.db).count() == 1)
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 1)
            #expect(try await SurveyAnswerRecord.query(on: app.db).count() == 1)
        }
    }
}
