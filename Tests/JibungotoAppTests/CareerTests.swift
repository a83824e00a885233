import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Career: section profiles and the self-report")
struct CareerTests {
    /// The fixture city with an open round (deadline in the future) unless `closed`.
    func withRound(closed: Bool = false, _ body: (Application, UUID) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let today = TestClock.today
            let cycle = SelfReportCycle(
                fiscalYear: today.fiscalYear.startYear, title: "自己申告テスト", opensOn: today.adding(days: -10),
                deadline: closed ? today.adding(days: -1) : today.adding(days: 10), createdBy: Demo.hr
            )
            try await cycle.create(on: app.db)
            try await body(app, try cycle.requireID())
        }
    }

    func form(_ extra: [(String, String)] = []) -> [(String, String)] {
        [("wish1_section", "2010"), ("wish1_reason", "地域の方と関わりたい"), ("move_wish", "move"),
         ("career_plan", "窓口で基礎を固め、企画に関わりたい"), ("circumstances", "親の介護があります"), ("action", "submit")] + extra
    }

    @Test func managersAndHRWriteProfilesAndEveryoneReadsThem() async throws {
        try await withRound { app, _ in
            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            try await manager.get(CareerRoute.editProfile(.value("101010")).path)
            let saved = try await manager.post(CareerRoute.editProfile(.value("101010")).path, [
                ("mission", "職員の任用と人事異動を担います"), ("main_work", "人事異動の調整"), ("skills", "面談の技術\n労務の知識"),
                ("busy_seasons", "2〜3月"), ("staff_voices", ""), ("career_meaning", ""),
            ])
            #expect(saved.status == .seeOther)
            #expect(try await manager.get(CareerRoute.editProfile(.value("2010")).path).status == .forbidden, "another department's section")
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            let page = try await staff.get(CareerRoute.profile(.value("101010")).path)
            #expect(page.body.string.contains("職員の任用と人事異動を担います"))
            let missing = try await staff.get(CareerRoute.profile(.value("2010")).path)
            #expect(missing.body.string.contains("この部署の紹介はまだ作成されていません"))
            #expect(try await staff.get(CareerRoute.profiles.path(query: [("skill", "面談")])).body.string.contains("人事係"))
            let collaboration = try await staff.get(CareerRoute.profiles.path(query: [("collaboration", "1")]))
            #expect(collaboration.body.string.contains("中央地区市民センター"))
            #expect(!collaboration.body.string.contains(">人事係<"))
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            #expect(try await hr.get(CareerRoute.profiles.path).body.string.contains("部署紹介がまだない部署が"))
            let tooLong = try await manager.post(CareerRoute.editProfile(.value("101010")).path, [("mission", String(repeating: "あ", count: 2_001)), ("main_work", "x")])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.body.string.contains("使命・役割は2000文字以内で入力してください。"))
        }
    }

    @Test func draftThenSubmitThenReviseUntilTheDeadline() async throws {
        try await withRound { app, cycleID in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            #expect(try await staff.get(PlatformRoute.home.path).body.string.contains("自己申告テスト"), "reminder banner before submitting")
            try await staff.get(CareerRoute.selfReport.path)
            let draft = try await staff.post(CareerRoute.selfReport.path, [("career_plan", "下書き"), ("action", "draft")])
            #expect(draft.status == .seeOther)
            #expect(try await SelfReport.query(on: app.db).filter(\.$submittedAt == nil).count() == 1)
            try await staff.get(CareerRoute.selfReport.path)
            #expect(try await staff.post(CareerRoute.selfReport.path, form()).status == .seeOther)
            #expect(!(try await staff.get(PlatformRoute.home.path).body.string.contains("自己申告テスト")), "no banner once submitted")
            try await staff.get(CareerRoute.selfReport.path)
            #expect(try await staff.post(CareerRoute.selfReport.path, form([("wish2_section", "1010")])).status == .seeOther)
            let report = try #require(try await SelfReport.query(on: app.db).filter(\.$cycle.$id == cycleID).with(\.$wishes).first())
            #expect(report.submittedAt != nil)
            #expect(report.wishes.map(\.sectionCode).sorted() == ["1010", "2010"])
        }
    }

    @Test("the staff page names wished sections, never by their codes, whatever the person held")
    func wishesShowSectionNames() async throws {
        try await withRound { app, _ in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            try await staff.get(CareerRoute.selfReport.path)
            #expect(try await staff.post(CareerRoute.selfReport.path, form()).status == .seeOther)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let page = try await hr.get(OrganizationRoute.staff(.staff(StaffNumber(Demo.staff))).path)
            #expect(page.status == .ok)
            // D0001 never worked in 2010 (中央地区市民センター); the wish still reads as its name.
            #expect(page.body.string.contains("第1希望 中央地区市民センター"))
            #expect(!page.body.string.contains("第1希望 2010"))
        }
    }

    @Test func badWishesAreNamedAndNothingIsSaved() async throws {
        try await withRound { app, _ in
            // An abolished unit: present last year only.
            let last = OrganizationFixture.thisYear - 1
            try await OrganizationUnit(fiscalYear: last, record: .fixture("3010", nameJa: "旧課", nameEn: "Old", kind: .division, parent: "10", headcount: 1, isManagerial: true)).create(on: app.db)
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            try await staff.get(CareerRoute.selfReport.path)
            let cases: [([(String, String)], String)] = [
                ([("wish2_section", "3010")], "第2希望の部署は今年度の組織にありません"),
                ([("wish2_section", "2010")], "ほかの希望と同じ部署です"),
                ([("wish2_section", "1010"), ("wish3_section", "101010"), ("wish4_section", "10")], "希望する部署は3つまでです。"),
                ([("wish2_section", "1010"), ("wish2_reason", String(repeating: "理", count: 401))], "第2希望の理由は400文字以内で入力してください。"),
            ]
            for (extra, message) in cases {
                let response = try await staff.post(CareerRoute.selfReport.path, form(extra))
                #expect(response.status == .unprocessableEntity, "\(message)")
                #expect(response.body.string.contains(message))
                #expect(response.body.string.contains("地域の方と関わりたい"), "the other answers are kept on the page")
            }
            #expect(try await SelfReport.query(on: app.db).count() == 0)
        }
    }

    @Test func afterTheDeadlineTheFormIsClosed() async throws {
        try await withRound(closed: true) { app, _ in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            let page = try await staff.get(CareerRoute.selfReport.path)
            #expect(page.body.string.contains("受付を終了しました"))
            #expect(!page.body.string.contains("name=\"career_plan\""))
            let late = try await staff.post(CareerRoute.selfReport.path, form())
            #expect(late.status == .conflict)
            #expect(try await SelfReport.query(on: app.db).count() == 0)
        }
    }

    @Test func completionFollowsScopeAndCircumstancesStayWithHR() async throws {
        try await withRound { app, cycleID in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            try await staff.get(CareerRoute.selfReport.path)
            try await staff.post(CareerRoute.selfReport.path, form())
            let path = CareerRoute.cycle(.id(cycleID)).path

            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            let own = try await manager.get(path)
            #expect(own.status == .ok)
            #expect(own.body.string.contains("江藤 美咲"), "not yet submitted, named")
            #expect(!own.body.string.contains("佐藤 一郎"), "another department")
            #expect(try await manager.get(path + "?section=2010").status == .forbidden)
            #expect(try await manager.get(CareerRoute.cycleExport(.id(cycleID)).path).status == .forbidden)
            #expect(try await manager.get(OrganizationRoute.staff(.value("D0001")).path).body.string.contains("親の介護") == false)

            let colleague = Browser(app)
            try await colleague.logIn(Demo.hr)
            let hrPage = try await colleague.get(OrganizationRoute.staff(.value("D0001")).path)
            #expect(hrPage.body.string.contains("親の介護"), "HR reads circumstances")
            let export = try await colleague.get(CareerRoute.cycleExport(.id(cycleID)).path)
            #expect(export.body.string.contains("親の介護"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "self_reports").filter(\.$action == "export").count() == 1)
            #expect(try await staff.get(OrganizationRoute.staff(.value("D0001")).path).body.string.contains("親の介護"), "the author reads their own")
            #expect(try await staff.get(path).status == .forbidden)
        }
    }

    @Test func hrOpensARoundAndBadDatesAreNamed() async throws {
        try await withRound { app, _ in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            try await hr.get(CareerRoute.cycles.path)
            let bad = try await hr.post(CareerRoute.cycles.path, [("title", "次の申告"), ("opens_on", "R8.13.1"), ("deadline", "2026-02-30")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("受付開始日"))
            #expect(bad.body.string.contains("提出期限"))
            let good = try await hr.post(CareerRoute.cycles.path, [("title", "次の申告"), ("opens_on", "R8.10.1"), ("deadline", "R8.12.20"), ("employment_types[]", "regular")])
            #expect(good.status == .seeOther)
            #expect(try await SelfReportCycle.query(on: app.db).count() == 2)
        }
    }
}
