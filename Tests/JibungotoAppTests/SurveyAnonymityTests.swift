import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The attacks that broke survey anonymity, played through HTTP and against the database: each
/// must learn nothing about a group smaller than k (docs/surveys-anonymity.md).
@Suite("Survey anonymity across time, pages, exports, readers and database copies")
struct SurveyAnonymityTests {
    static let k = 5
    static let comment = "上司との面談が形だけになっていると感じます（匿名性テスト）"

    /// The fixture city grown to 46 people: 人事係 (101010) 16, 人事課 itself (1010) 8,
    /// 総務部 itself (10) 8, 中央地区市民センター (2010) 14; an anonymous survey recording the
    /// department and the age band, k = 5, open since three days ago.
    func withOpenSurvey(_ body: (Application, Survey) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let extra: [(String, String, Int)] = (0..<14).map { ("P\($0)", "101010", 1970 + $0 * 2) }
                + (0..<7).map { ("Q\($0)", "1010", 1975 + $0 * 3) } + (0..<7).map { ("R\($0)", "10", 1968 + $0) }
                + (0..<13).map { ("S\($0)", "2010", 1972 + $0 * 2) }
            let start = FiscalYear(startYear: OrganizationFixture.thisYear - 1).start
            var histories: [StaffNumber: [AssignmentRecord]] = [:]
            for (number, section, born) in extra {
                var record = OrganizationFixture.staff(number, "職員 \(number)", "ショクイン")
                record.birthDate = LocalDate(year: born, month: 6, day: 1)!
                try await StaffMember(record: record).create(on: app.db)
                histories[StaffNumber(number)] = [.fixture(StaffNumber(number), SectionCode(section), start: start)]
            }
            try await histories.values.flatMap { $0 }.map(Assignment.init(record:)).create(on: app.db)
            try await OrganizationImporter.refreshCurrentPlacement(of: histories, today: TestClock.today, on: app.db)
            let survey = try await SurveyTests.openSurvey(on: app, k: Self.k, freeTextK: 10, attributes: "department,ageBand", title: "匿名性テスト調査")
            try await body(app, survey)
        }
    }

    /// Answers as `number` without the pages (the same storage the pages use), on `day`.
    func submit(_ app: Application, _ survey: Survey, _ numbers: [String], a: Int = 3, day: LocalDate = TestClock.today) async throws {
        for number in numbers {
            try await SurveySubmission.store(["q.a": .likert(a), "q.b": .likert(4)], survey: survey, staffNumber: StaffNumber(number), on: app.db, today: day)
        }
    }

    static let readers = [Demo.hr, Demo.promotionTeam, Demo.departmentHead, Demo.sectionManager]

    /// Every page and export a reader can reach for the survey: what it answered, keyed by path.
    func snapshot(_ app: Application, _ surveyID: UUID) async throws -> [String: PageResponse] {
        let surveyRef = RouteParameter.id(surveyID)
        let paths = [SurveysRoute.list.path, SurveysRoute.manage(surveyRef).path, SurveysRoute.rate(surveyRef).path, SurveysRoute.results(surveyRef).path, SurveysRoute.results(surveyRef).path(query: [("department", "10"), ("by", "ageBand")]),
                     SurveysRoute.results(surveyRef).path(query: [("by", "ageBand")]), SurveysRoute.resultsExport(surveyRef).path]
        var pages: [String: PageResponse] = [:]
        for reader in Self.readers {
            let browser = Browser(app)
            try await browser.logIn(reader)
            for path in paths { pages[reader + " " + path] = try await browser.get(path) }
        }
        return pages
    }

    /// The page without what changes on every request (tokens, request ids).
    static func content(_ page: PageResponse) -> String {
        page.body.string
            .replacing(/name="_csrf" value="[^"]+"/, with: "")
            .replacing(/<code>[0-9A-F-]{36}<\/code>/, with: "")
    }

    @Test("before/after differencing: a colleague's submission changes no result, export or small figure anywhere")
    func beforeAndAfterOneSubmission() async throws {
        try await withOpenSurvey { app, survey in
            let surveyID = try survey.requireID()
            let others = (0..<14).map { "P\($0)" } + (0..<7).map { "Q\($0)" } + (0..<13).map { "S\($0)" }
            try await submit(app, survey, others)
            let releaseBefore = try await SurveyReleases.current(survey, today: TestClock.today, on: app.db)
            let before = try await snapshot(app, surveyID)

            // The colleague answers through the pages, with a comment only they would write.
            let colleague = Browser(app)
            try await colleague.logIn(Demo.staff)
            let path = SurveysRoute.answer(.id(surveyID)).path
            try await colleague.get(path)
            let second = try await colleague.post(path, [("_page", "1"), ("_nav", "next"), ("q.a", "1")])
            #expect(second.status == .ok)
            let stored = try await StoredSession.query(on: app.db).all().map(\.data).joined()
            #expect(!stored.contains("q.a") && !stored.contains("survey-"), "the server keeps no unsubmitted answer in any session")
            let submitted = try await colleague.post(path, [("_page", "2"), ("_nav", "submit"), ("_kept.q.a", "1"), ("q.b", "1"), ("q.c", Self.comment)])
            #expect(submitted.status == .seeOther)

            let releaseAfter = try await SurveyReleases.current(survey, today: TestClock.today, on: app.db)
            let after = try await snapshot(app, surveyID)
            #expect(before.count == after.count)
            for (key, page) in after {
                let earlier = try #require(before[key])
                #expect(page.status == earlier.status, "\(key)")
                #expect(!page.body.string.contains(Self.comment), "\(key) shows the comment")
                if key.contains("/results") {
                    // While open, results and exports do not exist: nothing to difference.
                    #expect(Self.content(page) == Self.content(earlier), "\(key) changed after one submission")
                    #expect(!page.body.string.contains("肯定的回答率"), "\(key) shows a result while the survey is open")
                }
            }
            // What did change: response figures only, each in a group that was and is safe.
            #expect(releaseBefore.summaries.isEmpty && releaseAfter.summaries.isEmpty)
            let policy = survey.policy
            for (cell, figure) in releaseAfter.figures where releaseBefore.figures[cell] != figure {
                #expect(policy.isSafe(figure), "\(cell) \(figure)")
                if let earlier = releaseBefore.figures[cell] { #expect(policy.isSafe(earlier), "\(cell) \(earlier)") }
            }
        }
    }

    @Test("sub-k counts: with two respondents no page shows a count, a rate or a day's answers")
    func fewRespondentsShowNothingAnywhere() async throws {
        try await withOpenSurvey { app, survey in
            try await submit(app, survey, ["P0", "P1"])
            let pages = try await snapshot(app, try survey.requireID())
            let manage = try #require(pages[Demo.hr + " /surveys/\(try survey.requireID().uuidString.lowercased())"])
            #expect(manage.body.string.contains("非表示（回答者または未回答者が5人未満になるため）"))
            for (key, page) in pages where page.status == .ok {
                let body = page.body.string
                // (The manage page's question table numbers pages, so its cells are not counts.)
                if key.contains("/rate") || key.contains("/results") {
                    #expect(!body.contains("<td class=\"numeric\">2</td>"), "\(key) shows 2 respondents")
                }
                #expect(!body.contains("<dd>2</dd>"), "\(key) shows 2 respondents")
                #expect(!body.contains(ResponseRate.percentText(2.0 / 46.0)), "\(key) shows the rate of 2")
            }
        }
    }

    @Test("two readers combined: a department head's, a manager's and HR's views pool into nothing smaller than k")
    func readersCombined() async throws {
        try await withOpenSurvey { app, survey in
            // 総務部 itself and 人事課 itself answer in full, 人事係 10 of 16, the center 9 of 14.
            try await submit(app, survey, (0..<7).map { "R\($0)" } + ["D0003"] + (0..<7).map { "Q\($0)" } + ["D0002"]
                             + (0..<10).map { "P\($0)" } + (0..<9).map { "S\($0)" })
            let input = try await SurveyReleases.input(for: survey, withResults: false, on: app.db, today: TestClock.today)
            let plan = try SurveyReleaseBuilder.plan(input)
            let release = try SurveyReleaseBuilder.build(input)
            let viewers: [SurveyReader] = [.organization, .department("10"), .unit(department: "10", unit: "1010"), .unit(department: "10", unit: "101010")]
            var pooled = Set<CellSpec>()
            for viewer in viewers { pooled.formUnion(release.view(viewer).filter(release.isShown)) }
            #expect(pooled.count > 3, "the readers see several figures")
            #expect(DisclosureControl.violations(shown: Array(pooled), counts: plan.counts, hierarchy: plan.hierarchy, policy: survey.policy).isEmpty)
            // The same figure for the same group on every reader's page.
            let hr = Browser(app), head = Browser(app)
            try await hr.logIn(Demo.hr)
            try await head.logIn(Demo.departmentHead)
            let ratePage = try SurveysRoute.rate(.id(survey.requireID())).path
            let department = try #require(release.figures[.department("10")])
            let row = "<th scope=\"row\">総務部</th><td class=\"numeric\">\(department.respondents)</td>"
            #expect(try await hr.get(ratePage).body.string.contains(row))
            #expect(try await head.get(ratePage).body.string.contains(row))
        }
    }

    @Test("export counts: after closing, the export holds exactly the page's groups and never a hidden count")
    func exportAfterClosing() async throws {
        try await withOpenSurvey { app, survey in
            try await submit(app, survey, (0..<14).map { "P\($0)" } + (0..<8).map { "S\($0)" } + ["Q0", "Q1"], a: 4)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let surveyRef = try RouteParameter.id(survey.requireID())
            try await hr.get(SurveysRoute.manage(surveyRef).path)
            #expect(try await hr.post(SurveysRoute.close(surveyRef).path, []).status == .seeOther)
            let closed = try #require(try await Survey.find(survey.requireID(), on: app.db))
            let release = try #require(try await SurveyReleases.stored(closed, on: app.db))
            let export = try await hr.get(SurveysRoute.resultsExport(surveyRef).path)
            #expect(export.status == .ok)
            let lines = export.body.string.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(!lines.isEmpty)
            var hiddenRows = 0
            for columns in lines {
                if columns.count > 2, columns[2] == "非表示" {
                    hiddenRows += 1
                    #expect(columns[3].isEmpty && columns[4].isEmpty && columns[5].isEmpty, "a hidden group's row carries no figure: \(columns)")
                    #expect(columns[6].firstMatch(of: /回答者[0-9０-９]/) == nil, "no count in the note: \(columns)")
                }
            }
            #expect(hiddenRows == release.hidden.keys.filter { Set($0.filters.keys).isSubset(of: [.department, .ageBand]) && !$0.filters.isEmpty }.count)
            #expect(!export.body.string.contains("回答者1人") && !export.body.string.contains("回答者2人"))
            // Frozen: more data in the tables cannot change a closed survey's results.
            try await hr.get(SurveysRoute.manage(surveyRef).path)
            let results = try await hr.get(SurveysRoute.results(surveyRef).path)
            try await SurveyAnswerCount.query(on: app.db).filter(\.$surveyID == survey.requireID()).set(\.$count, to: 99).update()
            #expect(Self.content(try await hr.get(SurveysRoute.results(surveyRef).path)) == Self.content(results))
            // A closed survey cannot open again.
            #expect(try await hr.post(SurveysRoute.open(surveyRef).path, []).status == .conflict)
            // An answer that passed the page's check just before closing is refused when stored.
            let sheets = try await SurveyResponseRecord.query(on: app.db).count()
            await #expect(throws: SurveySubmission.Failure.self) {
                try await SurveySubmission.store(["q.a": .likert(2)], survey: closed, staffNumber: "S12", on: app.db, today: TestClock.today)
            }
            #expect(try await SurveyResponseRecord.query(on: app.db).count() == sheets)
            #expect(try await SurveyCompletion.query(on: app.db).filter(\.$staffNumber == "S12").count() == 0)
        }
    }

    @Test("a database copy after one submission cannot order submissions or date a sheet")
    func oneDatabaseCopy() async throws {
        try await withOpenSurvey { app, survey in
            let surveyID = try survey.requireID()
            try await submit(app, survey, (0..<10).map { "P\($0)" }, day: TestClock.today.adding(days: -2))
            let sql = app.db as! any SQLDatabase
            struct Row: Decodable, Equatable { let id: UUID }
            let countsBefore = try await SurveyAnswerCount.query(on: app.db).filter(\.$surveyID == surveyID).count()
            let dailyBefore = try await SurveyDailyCount.query(on: app.db).filter(\.$surveyID == surveyID).count()
            let physicalBefore = try await sql.raw("SELECT id FROM survey_answer_counts WHERE survey_id = \(bind: surveyID)").all(decoding: Row.self)
            try await submit(app, survey, ["S0"], a: 1)
            // Submissions only count up rows made when the survey opened: no new row, no new place.
            #expect(try await SurveyAnswerCount.query(on: app.db).filter(\.$surveyID == surveyID).count() == countsBefore)
            #expect(try await SurveyDailyCount.query(on: app.db).filter(\.$surveyID == surveyID).count() == dailyBefore)
            let physicalAfter = try await sql.raw("SELECT id FROM survey_answer_counts WHERE survey_id = \(bind: surveyID)").all(decoding: Row.self)
            if sql.dialect.name == "sqlite" {
                #expect(physicalAfter == physicalBefore, "SQLite keeps each updated total where it was")
                struct Table: Decodable { let name: String; let sql: String }
                let tables = try await sql.raw("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('survey_completions', 'survey_responses', 'survey_answers')").all(decoding: Table.self)
                #expect(tables.count == 3)
                for table in tables { #expect(table.sql.contains("WITHOUT ROWID"), "\(table.name) has no insertion-ordered rowid") }
            } else {
                #expect(Set(physicalAfter.map(\.id)) == Set(physicalBefore.map(\.id)))
            }
            // Every counter takes the same stored size (six bytes in SQLite), so an update never moves it.
            struct Range: Decodable { let low: Int; let high: Int }
            let range = try #require(try await sql.raw("SELECT MIN(count) AS low, MAX(count) AS high FROM survey_answer_counts WHERE survey_id = \(bind: surveyID)").first(decoding: Range.self))
            #expect(range.low >= 1 << 40 && range.high < 1 << 47)
            // No sheet carries a date, before or after closing.
            #expect(try await SurveyResponseRecord.query(on: app.db).filter(\.$surveyID == surveyID).all(\.$day).allSatisfy(\.isEmpty))
            try await SurveyReleases.close(survey, today: TestClock.today, on: app.db)
            #expect(try await SurveyDailyCount.query(on: app.db).filter(\.$surveyID == surveyID).count() == 0, "the days live only in the frozen release")
            if sql.dialect.name == "postgresql" {
                // Closing rewrote every row of the survey in one transaction, in random-id order.
                struct Distinct: Decodable { let n: Int }
                for table in ["survey_completions", "survey_responses", "survey_answer_counts"] {
                    let transactions = try await sql.raw("SELECT COUNT(DISTINCT xmin::text) AS n FROM \(ident: table) WHERE survey_id = \(bind: surveyID)").first(decoding: Distinct.self)
                    #expect(transactions?.n == 1, "\(table): one writing transaction left, no submission order")
                }
            }
        }
    }
}
