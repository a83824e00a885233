import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Surveys: anonymity by construction, answering, rates and results")
struct SurveyTests {
    static let likertA = SurveyQuestion(id: "q.a", kind: .likert5, text: Bilingual(ja: "仕事にやりがいがある", en: "A"), isRequired: true, page: 0)
    static let likertB = SurveyQuestion(id: "q.b", kind: .likert5, text: Bilingual(ja: "対話の機会がある", en: "B"), isRequired: false, page: 1)
    static let comment = SurveyQuestion(id: "q.c", kind: .freeText, text: Bilingual(ja: "自由記述", en: "C"), page: 1)

    /// The fixture city plus an open anonymous survey for everyone; returns its id.
    func withSurvey(k: Int = 3, _ body: (Application, UUID) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let survey = try await Self.openSurvey(on: app, k: k, freeTextK: max(k, 3), attributes: "department")
            try await body(app, try survey.requireID())
        }
    }

    /// An anonymous survey of the three test questions for every staff member, open since three
    /// days ago for another three, opened as the builder opens it (targets frozen, counters made).
    static func openSurvey(on app: Application, k: Int, freeTextK: Int, attributes: String, title: String = "テスト調査") async throws -> Survey {
        let today = TestClock.today
        let survey = Survey(
            fiscalYear: today.fiscalYear.startYear, titleJa: title, titleEn: "Test survey", opensOn: today.adding(days: -3),
            closesOn: today.adding(days: 3), reportingAttributes: attributes, k: k, freeTextK: freeTextK,
            questions: [likertA, likertB, comment], createdBy: Demo.hr
        )
        try await survey.create(on: app.db)
        _ = try await SurveyAccess.open(survey, today: TestClock.today, on: app.db)
        return survey
    }

    func answer(_ app: Application, _ staffNumber: String, surveyID: UUID, a: String = "4", b: String = "5", comment: String = "") async throws -> PageResponse {
        let browser = Browser(app)
        try await browser.logIn(staffNumber)
        let path = SurveysRoute.answer(.id(surveyID)).path
        try await browser.get(path)
        let first = try await browser.post(path, [("_page", "1"), ("_nav", "next"), ("q.a", a)])
        guard first.status == .ok else { return first }
        // Page 2 carries page 1's answer in a hidden field; the server kept nothing.
        #expect(first.body.string.contains("name=\"_kept.q.a\" value=\"\(a)\""))
        return try await browser.post(path, [("_page", "2"), ("_nav", "submit"), ("_kept.q.a", a), ("q.b", b), ("q.c", comment)])
    }

    @Test func theAnswerTablesHaveNothingThatIdentifiesAPerson() async throws {
        try await withSurvey { app, id in
            #expect(try await answer(app, Demo.staff, surveyID: id).status == .seeOther)
            let sql = app.db as! any SQLDatabase
            let columns: [String]
            if sql.dialect.name == "sqlite" {
                struct Column: Decodable { let name: String }
                columns = try await sql.raw("SELECT name FROM pragma_table_info('survey_responses') UNION ALL SELECT name FROM pragma_table_info('survey_answers')").all(decoding: Column.self).map(\.name)
            } else {
                struct Column: Decodable { let column_name: String }
                columns = try await sql.raw("SELECT column_name FROM information_schema.columns WHERE table_name IN ('survey_responses', 'survey_answers') AND table_schema = current_schema()").all(decoding: Column.self).map(\.column_name)
            }
            #expect(!columns.isEmpty)
            for forbidden in ["staff_number", "user_id", "account_id", "created_at", "updated_at", "submitted_at", "ip", "address"] {
                #expect(!columns.contains(forbidden), "\(forbidden) must not be stored with answers")
            }
            #expect(Set(columns).isSubset(of: ["id", "survey_id", "day", "department_code", "age_band", "service_band", "employment_type", "section_code", "named_staff_number", "response_id", "question_id", "value"]))
            let response = try #require(try await SurveyResponseRecord.query(on: app.db).first())
            #expect(response.namedStaffNumber == nil)
            #expect(response.day.isEmpty, "no date on the sheet: the day is counted apart")
            let completionColumns: [String]
            if sql.dialect.name == "sqlite" {
                struct Column: Decodable { let name: String }
                completionColumns = try await sql.raw("SELECT name FROM pragma_table_info('survey_completions')").all(decoding: Column.self).map(\.name)
            } else {
                struct Column: Decodable { let column_name: String }
                completionColumns = try await sql.raw("SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_completions' AND table_schema = current_schema()").all(decoding: Column.self).map(\.column_name)
            }
            #expect(Set(completionColumns) == ["id", "survey_id", "staff_number"], "the completion holds no time and no link to the answers")
        }
    }

    @Test func answeringTwiceNotMeantForYouOrAfterClosingIsRefused() async throws {
        try await withSurvey { app, id in
            #expect(try await answer(app, Demo.staff, surveyID: id).status == .seeOther)
            let browser = Browser(app)
            try await browser.logIn(Demo.staff)
            let path = SurveysRoute.answer(.id(id)).path
            let reopened = try await browser.get(path)
            #expect(reopened.headers.first(name: .location)?.hasSuffix("/receipt") == true)
            try await browser.get(SurveysRoute.receipt(.id(id)).path)
            let again = try await browser.post(path, [("_page", "2"), ("_nav", "submit"), ("q.a", "1"), ("q.b", "1")])
            #expect(again.headers.first(name: .location)?.hasSuffix("/receipt") == true)
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 1)
            // Someone outside the target group (an account with no staff record).
            let outsider = Browser(app)
            try await outsider.logIn(Demo.promotionTeam)
            #expect(try await outsider.get(SurveysRoute.answer(.id(id)).path).status == .forbidden)
            // A tampered id.
            // Written by hand: a malformed id and an unknown one (upper-case, as no page links it).
            #expect(try await outsider.get("/surveys/not-a-survey/answer").status == .notFound)
            #expect(try await outsider.get("/surveys/\(UUID().uuidString)/answer").status == .notFound)
            // After closing.
            let survey = try #require(try await Survey.find(id, on: app.db))
            survey.closesOn = TestClock.today.adding(days: -1)
            try await survey.save(on: app.db)
            #expect(try await answer(app, Demo.hr, surveyID: id).status == .forbidden)
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func badAnswersAreNamedKeptOnThePageAndNothingIsStored() async throws {
        try await withSurvey { app, id in
            let browser = Browser(app)
            try await browser.logIn(Demo.staff)
            let path = SurveysRoute.answer(.id(id)).path
            try await browser.get(path)
            let missing = try await browser.post(path, [("_page", "1"), ("_nav", "next")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("仕事にやりがいがある"))
            let outOfRange = try await browser.post(path, [("_page", "1"), ("_nav", "next"), ("q.a", "9")])
            #expect(outOfRange.status == .unprocessableEntity)
            let unknown = try await browser.post(path, [("_page", "1"), ("_nav", "next"), ("q.a", "3"), ("q.zzz", "1")])
            #expect(unknown.status == .unprocessableEntity)
            try await browser.post(path, [("_page", "1"), ("_nav", "next"), ("q.a", "3")])
            let tooLong = try await browser.post(path, [("_page", "2"), ("_nav", "submit"), ("_kept.q.a", "3"), ("q.b", "4"), ("q.c", String(repeating: "長", count: 2_001))])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.body.string.contains("value=\"4\" checked"), "the other answers are kept")
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 0)
            #expect(try await SurveyCompletion.query(on: app.db).count() == 0)
        }
    }

    @Test func anonymousAnswersDoNotChangeWhenTheStaffMemberIsRenamedOrDeleted() async throws {
        try await withSurvey { app, id in
            #expect(try await answer(app, Demo.staff, surveyID: id, a: "2").status == .seeOther)
            let before = try await SurveyAnswerRecord.query(on: app.db).sort(\.$questionID).all().map { "\($0.questionID)=\($0.value)" }
            let member = try #require(try await StaffMember.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).first())
            member.name = "改名 花子"
            try await member.save(on: app.db)
            try await member.delete(on: app.db)
            let after = try await SurveyAnswerRecord.query(on: app.db).sort(\.$questionID).all().map { "\($0.questionID)=\($0.value)" }
            #expect(before == after)
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func smallGroupsNeverShowAndFreeTextNeedsItsThreshold() async throws {
        // k = 3: department 10 has 4 targets, department 20 has 1 (X0001).
        try await withSurvey(k: 3) { app, id in
            for number in [Demo.staff, Demo.sectionManager, Demo.departmentHead] {
                #expect(try await answer(app, number, surveyID: id, a: "5", comment: "コメント\(number)").status == .seeOther)
            }
            #expect(try await answer(app, "X0001", surveyID: id, a: "1", comment: "ひとりの意見").status != .ok)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let surveyRef = RouteParameter.id(id)
            try await hr.get(SurveysRoute.manage(surveyRef).path)
            #expect(try await hr.post(SurveysRoute.close(surveyRef).path, []).status == .seeOther)
            let results = try await hr.get(SurveysRoute.results(surveyRef).path)
            #expect(results.status == .ok)
            let body = results.body.string
            // Department 20's single respondent is hidden, and so is anything that would reveal it
            // by subtraction (the whole, since department 10 is shown).
            #expect(body.contains("市民協働部") == false || !body.contains("<th scope=\"row\">市民協働部</th><td class=\"numeric\">1</td>"))
            #expect(!body.contains("ひとりの意見"), "free text of a small group never appears")
            #expect(body.contains("プライバシーの保護について"))
            let closed = try #require(try await Survey.find(id, on: app.db))
            let release = try #require(try await SurveyReleases.stored(closed, on: app.db))
            #expect(!release.isShown(.department("20")))
            #expect(!(release.isShown(.all) && release.isShown(.department("10"))), "the whole minus department 10 would be department 20")
            let export = try await hr.get(SurveysRoute.resultsExport(surveyRef).path)
            #expect(!export.body.string.contains("ひとりの意見"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "survey_results").filter(\.$action == "export").count() == 1)
        }
    }

    @Test func aManagerOfASmallSectionSeesOnlyTheDepartmentRateAndNoNames() async throws {
        try await withSurvey(k: 5) { app, id in
            #expect(try await answer(app, Demo.staff, surveyID: id).status == .seeOther)
            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            let surveyRef = RouteParameter.id(id)
            let rate = try await manager.get(SurveysRoute.rate(surveyRef).path)
            #expect(rate.status == .ok)
            #expect(rate.body.string.contains("部の回答率を表示しています"), "the section has fewer than k members")
            #expect(!rate.body.string.contains("青木"))
            #expect(!rate.body.string.contains("人事課</th>"), "no section row")
            #expect(try await manager.get(SurveysRoute.results(surveyRef).path).status == .forbidden)
            #expect(try await manager.get(SurveysRoute.resultsExport(surveyRef).path).status == .forbidden)
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            #expect(try await staff.get(SurveysRoute.rate(surveyRef).path).status == .forbidden)
        }
    }

    @Test func questionsCannotChangeOnceTheSurveyHasOpenedAndACopyCan() async throws {
        try await withSurvey { app, id in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let surveyRef = RouteParameter.id(id)
            let page = try await hr.get(SurveysRoute.manage(surveyRef).path)
            #expect(page.body.string.contains("設問は変更できません"))
            #expect(try await hr.post(SurveysRoute.addQuestion(surveyRef).path, [("bank_id", SurveyQuestionBank.all[0].id), ("page", "1")]).status == .conflict)
            let copied = try await hr.post(SurveysRoute.copy(surveyRef).path, [])
            let copyPath = try #require(copied.headers.first(name: .location))
            try await hr.get(copyPath)
            #expect(try await hr.post(SurveysRoute.addQuestion(routeParameter(lastOf: copyPath)).path, [("bank_id", SurveyQuestionBank.all[0].id), ("page", "1")]).status == .seeOther)
            let copy = try #require(try await Survey.query(on: app.db).filter(\.$id != id).first())
            #expect(copy.questions.count == 4)
            #expect(copy.status == .draft)
        }
    }

    @Test func closingRewritesStorageWithoutLosingAnAnswer() async throws {
        try await withSurvey { app, id in
            for number in [Demo.staff, Demo.hr, Demo.sectionManager] {
                #expect(try await answer(app, number, surveyID: id, comment: "意見\(number)").status == .seeOther)
            }
            let before = (try await SurveyAnswerRecord.query(on: app.db).count(), try await SurveyCompletion.query(on: app.db).count())
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let surveyRef = RouteParameter.id(id)
            try await hr.get(SurveysRoute.manage(surveyRef).path)
            #expect(try await hr.post(SurveysRoute.close(surveyRef).path, []).status == .seeOther)
            #expect(try await Survey.find(id, on: app.db)?.status == .closed)
            let after = (try await SurveyAnswerRecord.query(on: app.db).count(), try await SurveyCompletion.query(on: app.db).count())
            #expect(before == after)
            #expect(after.1 == 3)
        }
    }

    @Test func answerTotalsKeptAtSubmissionMatchTheAnswers() async throws {
        try await withSurvey { app, id in
            for (number, value) in [(Demo.staff, "2"), (Demo.hr, "5"), (Demo.sectionManager, "5")] {
                #expect(try await answer(app, number, surveyID: id, a: value).status == .seeOther)
            }
            var fromAnswers: [String: Int] = [:]
            for answer in try await SurveyAnswerRecord.query(on: app.db).filter(\.$questionID != Self.comment.id).all() {
                fromAnswers["\(answer.questionID)=\(answer.value)", default: 0] += 1
            }
            var fromTotals: [String: Int] = [:]
            for total in try await SurveyAnswerCount.query(on: app.db).filter(\.$surveyID == id).filter(\.$count > SurveyCounter.zero).all() {
                fromTotals["\(total.questionID)=\(total.value)", default: 0] += SurveyCounter.count(total.count)
            }
            #expect(fromAnswers == fromTotals)
            #expect(fromTotals["q.a=5"] == 2)
        }
    }

    @Test func theHomePageRemindsUntilAnswered() async throws {
        try await withSurvey { app, id in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            #expect(try await staff.get(PlatformRoute.home.path).body.string.contains("テスト調査"))
            #expect(try await answer(app, Demo.staff, surveyID: id).status == .seeOther)
            #expect(!(try await staff.get(PlatformRoute.home.path).body.string.contains("テスト調査")))
        }
    }
}
