import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

/// A survey reported by section (所属（課）): the 課 goes onto each sheet and counter, and after
/// closing a department head and a section manager read their groups' results on the rate page,
/// cut from the one frozen release.
@Suite("Surveys reported by section: a manager's 課 results")
struct SurveyResultsBySectionTests {
    /// The fixture city grown so that 人事課 has 6 people and 総務部 3 of its own (k = 3).
    func withCity(_ body: (Application) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            for (number, section) in [("T0001", "101010"), ("T0002", "101010"), ("T0003", "1010"), ("T0004", "10"), ("T0005", "10")] {
                try await SupportDutyTests.addStaff(number, "試験 \(number)", section: SectionCode(section), on: app.db)
                try await SupportDutyTests.addAccount(number, name: "試験 \(number)", app: app)
            }
            try await body(app)
        }
    }

    @Test("section cannot be chosen with the age band: the field is named and no survey is made")
    func sectionWithBandsIsRefused() async throws {
        try await withCity { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            try await hr.get(SurveysRoute.new.path)
            let refused = try await hr.post(SurveysRoute.new.path, [
                ("title_ja", "所属別調査"), ("title_en", "By section"), ("series", "by-section"), ("opens_on", "2026-12-01"), ("closes_on", "2026-12-20"),
                ("anonymity", "anonymous"), ("attributes[]", "department"), ("attributes[]", "section"), ("attributes[]", "ageBand"),
                ("k", "5"), ("free_text_k", "10"), ("target_rate", "80"),
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("「所属（課）」は「年齢」「勤続年数」と同時には選べません"))
            #expect(try await Survey.query(on: app.db).count() == 0)
            let made = try await hr.post(SurveysRoute.new.path, [
                ("title_ja", "所属別調査"), ("title_en", "By section"), ("series", "by-section"), ("opens_on", "2026-12-01"), ("closes_on", "2026-12-20"),
                ("anonymity", "anonymous"), ("attributes[]", "department"), ("attributes[]", "section"),
                ("k", "5"), ("free_text_k", "10"), ("target_rate", "80"),
            ])
            #expect(made.status == .seeOther)
            #expect(try await Survey.query(on: app.db).first()?.attributes == [.department, .section])
        }
    }

    @Test("after closing, the manager of a large enough 課 reads its results beside the department's; before, nobody does")
    func managerReadsTheirSectionsResults() async throws {
        try await withCity { app in
            let survey = try await SurveyTests.openSurvey(on: app, k: 3, freeTextK: 3, attributes: "department,section")
            let id = try survey.requireID()
            // 人事課 (6 people, its 係 included) all agree; 総務部's own 3 people disagree.
            let division = [Demo.staff, Demo.sectionManager, Demo.hr, "T0001", "T0002", "T0003"]
            for number in division {
                #expect(try await SurveyTests().answer(app, number, surveyID: id, a: "5").status == .seeOther)
            }
            for number in [Demo.departmentHead, "T0004", "T0005"] {
                #expect(try await SurveyTests().answer(app, number, surveyID: id, a: "2").status == .seeOther)
            }
            // Each sheet carries its 課 (or the department, for people placed in it), nothing finer.
            let sheets = try await SurveyResponseRecord.query(on: app.db).filter(\.$surveyID == id).all()
            #expect(Dictionary(grouping: sheets, by: { $0.sectionCode ?? "" }).mapValues(\.count) == ["1010": 6, "10": 3])

            // That year's organization is edited meanwhile: 人事係 moves up beside 人事課. The 課 frozen
            // at opening still holds its people, so the release adds up and nothing is refused.
            try await OrganizationUnit.query(on: app.db).filter(\.$code == "101010").set(\.$parentCode, to: "10").update()
            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            let surveyRef = RouteParameter.id(id)
            let open = try await manager.get(SurveysRoute.rate(surveyRef).path)
            #expect(open.status == .ok)
            #expect(!open.body.string.contains("所属の集計結果"), "no results while the survey is open")

            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            try await hr.get(SurveysRoute.manage(surveyRef).path)
            #expect(try await hr.post(SurveysRoute.close(surveyRef).path, []).status == .seeOther)

            let closed = try await manager.get(SurveysRoute.rate(surveyRef).path).body.string
            #expect(closed.contains("所属の集計結果"))
            #expect(closed.contains("<th scope=\"col\" class=\"numeric\">総務部／人事課</th>"))
            // 仕事にやりがいがある: 6 of 9 in the department agree, all 6 of 人事課.
            let row = try #require(closed.components(separatedBy: "<th scope=\"row\">仕事にやりがいがある</th>").dropFirst().first)
            #expect(row.hasPrefix("<td class=\"numeric\">\(ResponseRate.percentText(6.0 / 9.0))</td><td class=\"numeric\">\(ResponseRate.percentText(1))</td>"))
            #expect(try await manager.get(SurveysRoute.results(surveyRef).path).status == .forbidden, "the full results page stays HR's")

            let head = Browser(app)
            try await head.logIn(Demo.departmentHead)
            let headPage = try await head.get(SurveysRoute.rate(surveyRef).path).body.string
            #expect(headPage.contains("<th scope=\"col\" class=\"numeric\">総務部／人事課</th>"))
            #expect(headPage.contains("<th scope=\"col\" class=\"numeric\">総務部（配下の課・係に属さない職員）</th>"), "the department's own 3 people")

            // HR splits the results by section too, and the CSV holds the same groups.
            let bySection = try await hr.get(SurveysRoute.results(surveyRef).path + "?by=section&department=10").body.string
            #expect(bySection.contains("<th scope=\"row\">総務部／人事課</th>"))
            let noDepartment = try await hr.get(SurveysRoute.results(surveyRef).path + "?by=section").body.string
            #expect(noDepartment.contains("課ごとの内訳は、表示する部を選ぶと表示します。"))
            #expect(!noDepartment.contains("<th scope=\"row\">総務部／人事課</th>"))
            let export = try await hr.get(SurveysRoute.resultsExport(surveyRef).path).body.string
            #expect(export.contains("総務部／人事課"))
        }
    }

    @Test("migration 030 re-keys the answer totals without losing a count, and back")
    func migrationKeepsEveryCounter() async throws {
        try await withCity { app in
            let survey = try await SurveyTests.openSurvey(on: app, k: 3, freeTextK: 3, attributes: "department")
            let id = try survey.requireID()
            #expect(try await SurveyTests().answer(app, Demo.staff, surveyID: id, a: "5").status == .seeOther)
            struct Total: Decodable, Hashable { let department_code: String; let question_id: String; let value: String; let count: Int }
            @Sendable func totals(on database: any Database) async throws -> Set<Total> {
                let sql = try #require(database as? any SQLDatabase)
                return Set(try await sql.raw("SELECT department_code, question_id, value, count FROM survey_answer_counts").all(decoding: Total.self))
            }
            let before = try await totals(on: app.db)
            #expect(before.contains(Total(department_code: "10", question_id: "q.a", value: "5", count: SurveyCounter.zero + 1)))
            // On one connection, as the migrator runs them: SQLite checks a statement against the
            // schema its connection last read, so a second connection could still see the column
            // the revert dropped.
            try await app.db.withConnection { connection in
                try await AddSurveySections().revert(on: connection)
                #expect(try await totals(on: connection) == before)
                try await AddSurveySections().prepare(on: connection)
            }
            #expect(try await totals(on: app.db) == before)
            // Counting goes on in place under the new key.
            #expect(try await SurveyTests().answer(app, Demo.sectionManager, surveyID: id, a: "5").status == .seeOther)
            #expect(try await totals(on: app.db).contains(Total(department_code: "10", question_id: "q.a", value: "5", count: SurveyCounter.zero + 2)))
            #expect(try await totals(on: app.db).count == before.count, "no row added: every counter was made at opening")
        }
    }
}
