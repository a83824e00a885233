import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Organization: tree, fiscal years, staff pages and scopes")
struct OrganizationTests {
    func withCity(_ body: (Application) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await body(app)
        }
    }

    @Test func theTreeShowsTheYearWithHeadcounts() async throws {
        try await withCity { app in
            let browser = Browser(app)
            try await browser.logIn(Demo.staff)
            let page = try await browser.get(OrganizationRoute.tree.path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("人事係"))
            #expect(page.body.string.contains("中央地区市民センター"))
            #expect(!page.body.string.contains(OrganizationRoute.cloneYear.path), "only HR may clone")
        }
    }

    @Test func cloningAYearLeavesTheOldYearUntouchedAndEditsOnlyTheNewOne() async throws {
        try await withCity { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            try await hr.get(OrganizationRoute.tree.path)
            let year = OrganizationFixture.thisYear
            let cloned = try await hr.post(OrganizationRoute.cloneYear.path, [("from", String(year))])
            #expect(cloned.status == .seeOther)
            #expect(try await OrganizationUnit.query(on: app.db).filter(\.$fiscalYear == year + 1).count() == OrganizationFixture.units.count)
            #expect(try await hr.post(OrganizationRoute.cloneYear.path, [("from", String(year))]).status == .seeOther)
            #expect(try await OrganizationUnit.query(on: app.db).filter(\.$fiscalYear == year + 1).count() == OrganizationFixture.units.count)

            let editPath = OrganizationRoute.editSection(.value("101010")).path(query: [("fy", "\(year + 1)")])
            try await hr.get(editPath)
            let renamed = try await hr.post(editPath, [
                ("name_ja", "人事企画係"), ("name_en", "Personnel Planning Unit"), ("kind", "unit"), ("parent_code", "1010"),
                ("authorized_headcount", "5"), ("disposition", "keep"),
            ])
            #expect(renamed.status == .seeOther)
            let old = try await OrganizationUnit.query(on: app.db).filter(\.$fiscalYear == year).filter(\.$code == "101010").first()
            let new = try await OrganizationUnit.query(on: app.db).filter(\.$fiscalYear == year + 1).filter(\.$code == "101010").first()
            #expect(old?.nameJa == "人事係")
            #expect(old?.authorizedHeadcount == 4)
            #expect(new?.nameJa == "人事企画係")
            #expect(try await hr.get(OrganizationRoute.section(.value("101010")).path(query: [("fy", "\(year + 1)")])).body.string.contains("人事係 → 人事企画係"))

            // Merge the center into the division next year; this year keeps it.
            try await hr.get(OrganizationRoute.editSection(.value("2010")).path(query: [("fy", "\(year + 1)")]))
            let merged = try await hr.post(OrganizationRoute.editSection(.value("2010")).path(query: [("fy", "\(year + 1)")]), [
                ("name_ja", "中央地区市民センター"), ("name_en", "Chuo"), ("kind", "center"), ("parent_code", "20"),
                ("authorized_headcount", "5"), ("disposition", "merge"), ("merge_into", "1010"),
            ])
            #expect(merged.status == .seeOther)
            #expect(try await OrganizationUnit.query(on: app.db).filter(\.$fiscalYear == year + 1).filter(\.$code == "2010").count() == 0)
            #expect(try await OrganizationUnit.query(on: app.db).filter(\.$fiscalYear == year).filter(\.$code == "2010").count() == 1)
        }
    }

    @Test func closedYearsAndBadSectionInputAreRefused() async throws {
        try await withCity { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let year = OrganizationFixture.thisYear
            #expect(try await hr.get(OrganizationRoute.editSection(.value("101010")).path(query: [("fy", "\(year - 1)")])).status == .forbidden)
            try await hr.get(OrganizationRoute.newSection.path(query: [("fy", "\(year)")]))
            let bad = try await hr.post(OrganizationRoute.newSection.path(query: [("fy", "\(year)")]), [
                ("code", "1010"), ("name_ja", ""), ("name_en", "x"), ("kind", "unit"), ("parent_code", ""), ("authorized_headcount", "-1"),
            ])
            #expect(bad.status == .unprocessableEntity)
            let body = bad.body.string
            #expect(body.contains("部署コード 1010 はこの年度に既にあります。"))
            #expect(body.contains("名称（日本語）を入力してください。"))
            #expect(body.contains("部以外は上位の部署を選んでください。"))
            #expect(body.contains("定数は0以上の整数で入力してください。"))
            // Abolishing a unit people work in this year is refused.
            try await hr.get(OrganizationRoute.editSection(.value("2010")).path(query: [("fy", "\(year)")]))
            let abolish = try await hr.post(OrganizationRoute.editSection(.value("2010")).path(query: [("fy", "\(year)")]), [
                ("name_ja", "中央地区市民センター"), ("name_en", "Chuo"), ("kind", "center"), ("parent_code", "20"),
                ("authorized_headcount", "5"), ("disposition", "abolish"),
            ])
            #expect(abolish.status == .unprocessableEntity)
            #expect(abolish.body.string.contains("現在1人が所属している"))
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            #expect(try await staff.get(OrganizationRoute.newSection.path(query: [("fy", "\(year)")])).status == .forbidden)
        }
    }

    @Test func staffSeeOnlyTheirOwnPage() async throws {
        try await withCity { app in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            let list = try await staff.get(OrganizationRoute.staffList.path)
            #expect(list.headers.first(name: .location) == OrganizationRoute.staff(.value("D0001")).path)
            let own = try await staff.get(OrganizationRoute.staff(.value("D0001")).path)
            #expect(own.status == .ok)
            #expect(own.body.string.contains("人事係"))
            #expect(own.body.string.contains("市民協働部署"))
            // Born 1990-05-10: retires at 65 at the end of FY2055 (2056-03-31).
            #expect(own.body.string.contains("令和38年3月31日（65歳の年度末）"))
            #expect(try await staff.get(OrganizationRoute.staff(.value("D0004")).path).status == .forbidden)
            #expect(try await staff.get(OrganizationRoute.staffExport.path).status == .forbidden)
        }
    }

    @Test func managersSeeTheirSectionAndHeadsTheirDepartment() async throws {
        try await withCity { app in
            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            #expect(try await manager.get(OrganizationRoute.staff(.value("D0001")).path).status == .ok, "a unit below the division is the manager's section")
            #expect(try await manager.get(OrganizationRoute.staff(.value("X0001")).path).status == .forbidden)
            let list = try await manager.get(OrganizationRoute.staffList.path)
            #expect(list.body.string.contains("D0004"))
            #expect(!list.body.string.contains("X0001"))
            #expect(!list.body.string.contains("D0003"), "the department head sits above the division")

            let head = Browser(app)
            try await head.logIn(Demo.departmentHead)
            let headList = try await head.get(OrganizationRoute.staffList.path)
            #expect(headList.body.string.contains("D0002"))
            #expect(!headList.body.string.contains("X0001"))
            #expect(try await head.get(OrganizationRoute.staff(.value("X0001")).path).status == .forbidden)

            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            #expect(try await hr.get(OrganizationRoute.staff(.value("X0001")).path).status == .ok)
            let views = try await AuditEvent.query(on: app.db).filter(\.$subjectType == "staff").filter(\.$action == "view").all()
            #expect(views.contains { $0.subjectID == "X0001" && $0.actorStaffNumber == Demo.hr })
            #expect(views.contains { $0.subjectID == "D0001" && $0.actorStaffNumber == Demo.sectionManager })
        }
    }

    @Test func sectionMembersFollowTheScope() async throws {
        try await withCity { app in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            let page = try await staff.get(OrganizationRoute.section(.value("2010")).path)
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("佐藤 一郎"), "staff see a section's profile, not its members")
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            #expect(try await hr.get(OrganizationRoute.section(.value("2010")).path).body.string.contains("佐藤 一郎"))
        }
    }

    @Test func searchFindsKanaInHiraganaAndFiltersCombine() async throws {
        try await withCity { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let hiragana = try await hr.get(OrganizationRoute.staffList.path(query: [("q", "さとう")]))
            #expect(hiragana.body.string.contains("X0001"))
            #expect(!hiragana.body.string.contains("D0001"))
            let halfWidth = try await hr.get(OrganizationRoute.staffList.path(query: [("q", "ｱｵｷ")]))
            #expect(halfWidth.body.string.contains("D0001"))
            let bySection = try await hr.get(OrganizationRoute.staffList.path(query: [("section", "1010"), ("sort", "kana")]))
            #expect(bySection.body.string.contains("D0001"))
            #expect(!bySection.body.string.contains("X0001"))
            let cohort = try await hr.get(OrganizationRoute.staffList.path(query: [("cohort", "2019")]))
            #expect(cohort.body.string.contains("D0001"))
            #expect(!cohort.body.string.contains("X0001"))
            let bad = try await hr.get(OrganizationRoute.staffList.path(query: [("min_years", "abc")]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("在課年数は0〜50の整数で入力してください。"))
        }
    }

    @Test func exportsAreExcelReadyAndAudited() async throws {
        try await withCity { app in
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let staff = try await hr.get(OrganizationRoute.staffExport.path)
            #expect(Array(staff.body.readableBytesView).starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(staff.body.string.contains("職員番号,氏名,氏名カナ"))
            let assignments = try await hr.get(OrganizationRoute.assignmentsExport.path(query: [("encoding", "cp932")]))
            let text = String(data: Data(assignments.body.readableBytesView), encoding: .shiftJIS)
            #expect(text?.contains("2010") == true)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "export").count() == 2)
        }
    }
}

@Suite("Retirement outlook")
struct RetirementOutlookTests {
    @Test func hrSeesWhoRetiresAndOthersAreRefused() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            // Someone whose retirement date is the end of this fiscal year (e.g. born 1964-04-02:
            // 62 under the 2023 amendment, retiring 2027-03-31 at the end of FY2026).
            let thisYear = TestClock.today.fiscalYear
            let rules = RetirementRules.localPublicService2023
            let birth = try #require(stride(from: 0, to: 365 * 30, by: 1).lazy
                .map { day("1950-01-01").adding(days: $0) }
                .first { rules.retirementFiscalYear(birth: $0) == thisYear })
            let veteran = StaffRecord.fixture("V0001", name: "古参 太郎", nameKana: "コサン タロウ", born: birth, hired: day("1985-04-01"), grade: "課長")
            try await StaffMember(record: veteran).create(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let page = try await hr.get(RetirementRoute.outlook.path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("古参 太郎"))
            #expect(page.body.string.contains(DateFormatting.format(date: rules.retirementDate(birth: birth), preferences: DisplayPreferences(language: .ja, dateDisplay: .wareki))))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "retirement_outlook").count() == 1)
            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            #expect(try await manager.get(RetirementRoute.outlook.path).status == .forbidden)
        }
    }
}
