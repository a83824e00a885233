import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

/// The surveys' daily work through HTTP: draft settings, question order, 開始前, the results'
/// question texts, eNPS and grouped comments, and reminders (督促) that never name anyone.
@Suite("Surveys: settings, order, 開始前, eNPS, grouped comments and reminders")
struct SurveyDailyWorkTests {
    static let recommend = SurveyQuestion(id: "q.n", kind: .scale0to10, text: Bilingual(ja: "この職場を友人に勧めたい", en: "Recommend"), page: 0)

    /// A survey of the 46-person city (SurveyAnonymityTests), made as HR makes one.
    func draft(on app: Application, title: String, opensOn: LocalDate, questions: [SurveyQuestion]) async throws -> Survey {
        let survey = Survey(fiscalYear: opensOn.fiscalYear.startYear, titleJa: title, titleEn: "Survey", opensOn: opensOn,
                            closesOn: TestClock.today.adding(days: 10), reportingAttributes: "department", k: 5, freeTextK: 10,
                            questions: questions, createdBy: Demo.hr)
        try await survey.create(on: app.db)
        return survey
    }

    func settingsForm(title: String) -> [(String, String)] {
        [("title_ja", title), ("title_en", "Settings test"), ("series", "staff-survey"), ("opens_on", "2026-12-01"), ("closes_on", "2026-12-20"),
         ("anonymity", "anonymous"), ("attributes[]", "department"), ("k", "5"), ("free_text_k", "10"), ("target_rate", "80")]
    }

    @Test("settings change while 作成中 and are refused once the survey is opened")
    func settingsEditableUntilOpening() async throws {
        try await SurveyAnonymityTests().withOpenSurvey { app, _ in
            let survey = try await draft(on: app, title: "設定テスト", opensOn: TestClock.today, questions: [SurveyTests.likertA])
            let id = try survey.requireID()
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let path = SurveysRoute.settings(.id(id)).path
            let form = try await hr.get(path)
            #expect(form.status == .ok)
            #expect(form.body.string.contains("value=\"設定テスト\""))
            let saved = try await hr.post(path, settingsForm(title: "設定テスト（改）"))
            #expect(saved.status == .seeOther)
            let changed = try #require(try await Survey.find(id, on: app.db))
            #expect(changed.titleJa == "設定テスト（改）")
            #expect(changed.closesOn == LocalDate(iso: "2026-12-20"))
            // A bad field is named and nothing is saved.
            let bad = try await hr.post(path, settingsForm(title: ""))
            #expect(bad.status == .unprocessableEntity)
            #expect(try await Survey.find(id, on: app.db)?.titleJa == "設定テスト（改）")

            _ = try await SurveyAccess.open(changed, today: TestClock.today, on: app.db)
            let refused = try await hr.post(path, settingsForm(title: "開始後の変更"))
            #expect(refused.status == .seeOther)
            #expect(refused.headers.first(name: .location) == SurveysRoute.manage(.id(id)).path)
            #expect(try await Survey.find(id, on: app.db)?.titleJa == "設定テスト（改）")
            let manage = try await hr.get(SurveysRoute.manage(.id(id)).path)
            #expect(manage.body.string.contains("実施を開始したアンケートの設定は変更できません。変更する場合は複製してください。"))
            #expect(!manage.body.string.contains(path), "no settings link once opened")
            #expect(try await hr.get(path).status == .seeOther)
        }
    }

    @Test("questions move up and down while they may change, and the order persists")
    func reorderPersists() async throws {
        try await SurveyAnonymityTests().withOpenSurvey { app, _ in
            let survey = try await draft(on: app, title: "並べ替えテスト", opensOn: TestClock.today,
                                         questions: [SurveyTests.likertA, SurveyTests.likertB, SurveyTests.comment])
            let id = try survey.requireID()
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let move = SurveysRoute.moveQuestion(.id(id)).path
            _ = try await hr.get(SurveysRoute.manage(.id(id)).path)  // the form's CSRF token
            #expect(try await hr.post(move, [("question_id", "q.c"), ("direction", "up")]).status == .seeOther)
            let moved = try #require(try await Survey.find(id, on: app.db))
            #expect(moved.questions.map(\.id) == ["q.a", "q.c", "q.b"])
            #expect(moved.questions.map(\.page) == [0, 1, 1], "each place keeps its page")
            #expect(try await hr.post(move, [("question_id", "q.a"), ("direction", "down")]).status == .seeOther)
            #expect(try await Survey.find(id, on: app.db)?.questions.map(\.id) == ["q.c", "q.a", "q.b"])
            #expect(try await hr.post(move, [("question_id", "q.x"), ("direction", "down")]).status == .badRequest)
            let page = try await hr.get(SurveysRoute.manage(.id(id)).path).body.string
            #expect(page.contains("「自由記述」を上へ移動") == false, "the first question cannot move up")
            #expect(page.contains("「自由記述」を下へ移動"))
            _ = try await SurveyAccess.open(try #require(try await Survey.find(id, on: app.db)), today: TestClock.today, on: app.db)
            #expect(try await hr.post(move, [("question_id", "q.b"), ("direction", "up")]).status == .conflict)
        }
    }

    @Test("an opened survey before its first day shows 開始前, not 実施中")
    func notStartedIsNotRunning() async throws {
        try await SurveyAnonymityTests().withOpenSurvey { app, _ in
            let survey = try await draft(on: app, title: "来月の調査", opensOn: TestClock.today.adding(days: 2), questions: [SurveyTests.likertA])
            _ = try await SurveyAccess.open(survey, today: TestClock.today, on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let list = try await hr.get(SurveysRoute.list.path).body.string
            let row = try #require(list.split(separator: "<tr>").first { $0.contains("来月の調査") })
            #expect(row.contains("<td>開始前</td>"))
            #expect(!row.contains("実施中"))
            let manage = try await hr.get(SurveysRoute.manage(.id(try survey.requireID())).path).body.string
            #expect(manage.contains("<dd>開始前</dd>"))
            let rate = try await hr.get(SurveysRoute.rate(.id(try survey.requireID())).path).body.string
            #expect(rate.contains("開始前：このアンケートは"))
            #expect(rate.contains("督促は、回答の受付期間中にだけ送れます。"))
        }
    }

    /// Ten answers to a survey of a Likert, a 0–10 and a free-text question, then closed by HR.
    func closedSurvey(on app: Application, title: String, scores: [Int], comments: [String]) async throws -> UUID {
        let survey = try await draft(on: app, title: title, opensOn: TestClock.today.adding(days: -3),
                                     questions: [SurveyTests.likertA, Self.recommend, SurveyTests.comment])
        _ = try await SurveyAccess.open(survey, today: TestClock.today, on: app.db)
        for (index, score) in scores.enumerated() {
            var values: [String: SurveyAnswerValue] = ["q.a": .likert(4), "q.n": .scale(score)]
            if index < comments.count { values["q.c"] = .text(comments[index]) }
            try await SurveySubmission.store(values, survey: survey, staffNumber: StaffNumber("P\(index)"), on: app.db, today: TestClock.today)
        }
        let hr = Browser(app)
        try await hr.logIn(Demo.hr)
        _ = try await hr.get(SurveysRoute.manage(.id(try survey.requireID())).path)  // the form's CSRF token
        #expect(try await hr.post(SurveysRoute.close(.id(try survey.requireID())).path, []).status == .seeOther)
        return try survey.requireID()
    }

    @Test("results: question texts on the heatmap, eNPS from k answers, identical comments counted once")
    func resultsShowTextENPSAndGroupedComments() async throws {
        try await SurveyAnonymityTests().withOpenSurvey { app, _ in
            // 5 promoters (9–10), 3 passives (7–8), 2 detractors (0–6): 50 % − 20 % = +30.
            let id = try await closedSurvey(on: app, title: "eNPSテスト", scores: [10, 10, 9, 9, 9, 8, 8, 7, 6, 0],
                                            comments: ["残業が多い", " 残業が多い", "残業が多い　", "ＯＪＴが足りない", "OJTが足りない", "研修を増やしてほしい"])
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let results = try await hr.get(SurveysRoute.results(.id(id)).path)
            #expect(results.status == .ok)
            let page = results.body.string
            #expect(page.contains("<th scope=\"col\" class=\"heatmap-question\">仕事にやりがいがある</th>"))
            #expect(page.contains("<th scope=\"col\" class=\"heatmap-question\">この職場を友人に勧めたい</th>"))
            #expect(!page.contains(">Q1<"), "the heatmap heads are the questions, not numbers")
            #expect(page.contains("eNPS：+30"))
            #expect(page.contains("<li>残業が多い<span class=\"tag\">同じ意見 3件</span></li>"))
            #expect(page.contains("<li>OJTが足りない<span class=\"tag\">同じ意見 2件</span></li>"))
            #expect(page.contains("<li>研修を増やしてほしい</li>"))
            #expect(page.contains("回答の分布（左が否定的、右が肯定的）"), "the stacked bar with its caption")
        }
    }

    @Test("eNPS is hidden when the group is under the minimum")
    func netPromoterHiddenUnderMinimum() async throws {
        try await SurveyAnonymityTests().withOpenSurvey { app, _ in
            let id = try await closedSurvey(on: app, title: "少人数テスト", scores: [10, 10, 9, 0], comments: [])
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let page = try await hr.get(SurveysRoute.results(.id(id)).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("この職場を友人に勧めたい"))
            #expect(!page.body.string.contains("eNPS："))
        }
    }

    @Test("a reminder shows the sender a count only, reaches non-respondents of the sender's part, and names nobody")
    func remindersReachNonRespondentsOnly() async throws {
        try await SurveyAnonymityTests().withOpenSurvey { app, survey in
            let id = try survey.requireID()
            // Demo.hr (D0004) has answered; Demo.staff (D0001, same unit) has not.
            try await SurveyAnonymityTests().submit(app, survey, [Demo.hr] + (0..<10).map { "P\($0)" })
            let staff = Browser(app), head = Browser(app)
            try await staff.logIn(Demo.staff)
            try await head.logIn(Demo.departmentHead)
            #expect(!(try await staff.get(PlatformRoute.home.path).body.string.contains("【督促】")))

            // The manager of 人事課 reminds their own unit: 人事係 is in it, the department head is not.
            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            let release = try await SurveyReleases.current(survey, today: TestClock.today, on: app.db)
            let unitCount = SurveyReminderRule.nonRespondents(in: SurveyReminderRule.scope(for: .unit(department: "10", unit: "1010")), release: release)
            _ = try await manager.get(SurveysRoute.rate(.id(id)).path)  // the form's CSRF token
            #expect(try await manager.post(SurveysRoute.remind(.id(id)).path, []).status == .seeOther)
            let managerPage = try await manager.get(SurveysRoute.rate(.id(id)).path).body.string
            let expected = unitCount.map { "「人事課」の未回答の方（\($0)人）に督促を送りました。" } ?? "「人事課」の未回答の方に督促を送りました（人数は表示しません）。"
            #expect(managerPage.contains(expected))
            let stored = try #require(try await SurveyReminder.query(on: app.db).first())
            #expect(stored.scopeUnit == "1010" && stored.sentBy == Demo.sectionManager && stored.shownCount == unitCount)
            #expect(try await staff.get(PlatformRoute.home.path).body.string.contains("【督促】「匿名性テスト調査」の回答がまだのようでしたら"))
            #expect(!(try await head.get(PlatformRoute.home.path).body.string.contains("【督促】")), "outside the manager's unit")

            // HR reminds everyone: the sender sees the whole's non-respondents as a number, no names.
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let whole = try #require(SurveyReminderRule.nonRespondents(in: SurveyReminderRule.scope(for: .organization), release: release))
            #expect(whole == 35)
            _ = try await hr.get(SurveysRoute.rate(.id(id)).path)  // the form's CSRF token
            #expect(try await hr.post(SurveysRoute.remind(.id(id)).path, []).status == .seeOther)
            let hrPage = try await hr.get(SurveysRoute.rate(.id(id)).path).body.string
            #expect(hrPage.contains("「全体」の未回答の方（35人）に督促を送りました。"))
            for name in ["青木", "D0001", "上野", "D0003", "P10", "職員 S0"] {
                #expect(!hrPage.contains(name), "\(name) must not appear on the sender's page")
                #expect(!managerPage.contains(name), "\(name) must not appear on the manager's page")
            }
            #expect(try await head.get(PlatformRoute.home.path).body.string.contains("【督促】"))
            let respondentHome = try await hr.get(PlatformRoute.home.path).body.string
            #expect(!respondentHome.contains("【督促】"), "a respondent gets no reminder")
            #expect(!respondentHome.contains(SurveysRoute.answer(.id(id)).path), "no notice asks a respondent to answer (HR's own tasks list the survey's rate)")
            let audit = try await AuditEvent.query(on: app.db).filter(\.$subjectType == "survey_reminder").all()
            #expect(audit.count == 2)
            #expect(audit.contains { $0.detail == "scope=all non_respondents=35" })
            // Staff without the right to read rates cannot remind.
            #expect(try await staff.post(SurveysRoute.remind(.id(id)).path, []).status == .forbidden)
        }
    }
}
