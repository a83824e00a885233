import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

/// Issue 18, Career / Retirement / Organization: the daily work of an HR office — wishes by name,
/// dates in 和暦, missing fiscal years said plainly, module roots, next year's tree against 定数,
/// the retirement outlook by fiscal year, the self-report's situation questions and 所属長所見.
@Suite("Career, Retirement and the organization tree as an HR office uses them")
struct CareerDailyWorkTests {
    static let wareki = DisplayPreferences(language: .ja, dateDisplay: .wareki)
    static let thisYear = TestClock.thisYear
    static let nextStart = FiscalYear(startYear: thisYear + 1).start

    /// The fixture city with an open self-report round.
    func withRound(adjust: (inout AppSettings) -> Void = { _ in }, _ body: (Application, UUID) async throws -> Void) async throws {
        try await withTestApp(adjust: adjust) { app in
            try await OrganizationFixture.load(on: app.db)
            let today = TestClock.today
            let cycle = SelfReportCycle(
                fiscalYear: today.fiscalYear.startYear, title: "令和8年度自己申告", opensOn: today.adding(days: -10),
                deadline: today.adding(days: 10), createdBy: Demo.hr)
            try await cycle.create(on: app.db)
            try await body(app, try cycle.requireID())
        }
    }

    /// D0001 submits a report with the situation answers.
    func submitReport(_ app: Application) async throws {
        let staff = Browser(app)
        try await staff.logIn(Demo.staff)
        try await staff.get(CareerRoute.selfReport.path)
        let response = try await staff.post(CareerRoute.selfReport.path, [
            ("wish1_section", "2010"), ("wish1_reason", "地域の方と関わりたい"), ("wish2_section", "101010"), ("move_wish", "move"),
            ("career_plan", "窓口で基礎を固め、企画に関わりたい"), ("workload", "heavy"), ("difficulty", "appropriate"),
            ("health_condition", "needsConsideration"), ("family[]", "nursingCare"), ("family[]", "childcare"),
            ("circumstances", "親の通院に付き添っています"), ("action", "submit"),
        ])
        #expect(response.status == .seeOther)
    }

    /// The table row whose text contains `marker`.
    func row(_ body: String, containing marker: String) -> String {
        body.components(separatedBy: "<tr").first { $0.contains(marker) } ?? ""
    }

    // MARK: - Staff page

    @Test("the staff page names wishes with their 部・課 path, never by code, and shows retirement dates in 和暦")
    func staffPageNamesAndDates() async throws {
        try await withRound { app, _ in
            try await submitReport(app)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let page = try await hr.get(OrganizationRoute.staff(.staff(StaffNumber(Demo.staff))).path).body.string
            #expect(page.contains("第1希望 中央地区市民センター（市民協働部）"))
            #expect(page.contains("第2希望 人事係（総務部・人事課）"))
            #expect(!page.contains("第1希望 2010"))
            #expect(!page.contains("第2希望 101010"))
            // D0002 is 課長 (a managerial post): 役職定年 and 定年 in 和暦, never ISO.
            let rules = RetirementRules.localPublicService2023
            let birth = day("1990-05-10")
            let limit = try #require(rules.managerialLimitDate(birth: birth))
            let manager = try await hr.get(OrganizationRoute.staff(.staff(StaffNumber(Demo.sectionManager))).path).body.string
            #expect(manager.contains("<dd>\(DateFormatting.format(date: limit, preferences: Self.wareki))</dd>"))
            #expect(manager.contains(DateFormatting.format(date: rules.retirementDate(birth: birth), preferences: Self.wareki)))
            #expect(!manager.contains(limit.iso))
            #expect(!manager.contains(rules.retirementDate(birth: birth).iso))
        }
    }

    // MARK: - Fiscal years and module roots

    @Test("a fiscal year without an organization is said to be missing, on the tree and on a section page")
    func missingFiscalYear() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            let tree = try await staff.get(OrganizationRoute.tree.path(query: [("fy", "2040")]))
            #expect(tree.status == .notFound)
            #expect(tree.body.string.contains("令和22年度の組織は登録されていません。表示する年度を選んでください。"))
            #expect(!tree.body.string.contains("人事係"), "no other year's tree in its place")
            let section = try await staff.get(OrganizationRoute.section(.value("101010")).path(query: [("fy", "2040")]))
            #expect(section.status == .seeOther)
            #expect(section.headers.first(name: .location) == OrganizationRoute.section(.value("101010")).path(query: [("fy", String(Self.thisYear))]))
            let shown = try await staff.get(section.headers.first(name: .location) ?? "")
            #expect(shown.body.string.contains("令和22年度の人事係はありません。令和8年度の人事係を表示しています。"))
        }
    }

    @Test("module roots send the reader to the module's main page for them")
    func moduleRootsRedirect() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            for (root, target) in [("/career", CareerRoute.selfReport.path), ("/dialogue", SessionRoute.list.path), ("/admin", PlatformRoute.home.path)] {
                let response = try await staff.get(root)
                #expect(response.status == .seeOther, "\(root)")
                #expect(response.headers.first(name: .location) == target, "\(root)")
            }
            let administrator = Browser(app)
            try await administrator.logIn(Demo.administrator)
            #expect(try await administrator.get("/admin").headers.first(name: .location) == AdminRoute.accounts.path)
            #expect(try await Browser(app).get("/career").headers.first(name: .location)?.hasPrefix("/login?next=") == true)
        }
    }

    // MARK: - Next year's tree

    @Test("next year's tree shows today's and projected headcounts against 定数, shortfalls and department totals; the clone button names its years")
    func nextYearTree() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            // V0001 in 人事係 retires at the end of this fiscal year; X0001 moves to 人事係 next April 1
            // (as an approved transfer list writes it).
            let rules = RetirementRules.localPublicService2023
            let birth = try #require(stride(from: 0, to: 365 * 30, by: 1).lazy
                .map { day("1950-01-01").adding(days: $0) }.first { rules.retirementFiscalYear(birth: $0) == TestClock.today.fiscalYear })
            try await StaffMember(record: .fixture("V0001", name: "古参 太郎", nameKana: "コサン タロウ", born: birth, hired: day("1985-04-01"))).create(on: app.db)
            let veteran = AssignmentRecord.fixture("V0001", "101010", post: "主査", start: day("2020-04-01"))
            try await Assignment(record: veteran).create(on: app.db)
            let moving = try #require(try await Assignment.query(on: app.db).filter(\.$staffNumber == "X0001").filter(\.$endDate == nil).first())
            moving.endDate = Self.nextStart.adding(days: -1)
            try await moving.save(on: app.db)
            try await Assignment(record: .fixture("X0001", "101010", post: "主査", start: Self.nextStart)).create(on: app.db)
            try await OrganizationImporter.refreshCurrentPlacement(of: ["V0001": [veteran]], today: TestClock.today, on: app.db)

            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let current = try await hr.get(OrganizationRoute.tree.path)
            #expect(current.body.string.contains("令和9年度の組織を作成（令和8年度を複製）"))
            #expect(try await hr.post(OrganizationRoute.cloneYear.path, [("from", String(Self.thisYear))]).status == .seeOther)
            // Only the newest year is copied.
            let older = try await hr.post(OrganizationRoute.cloneYear.path, [("from", String(Self.thisYear - 1))])
            #expect(older.status == .seeOther)
            #expect(try await hr.get(OrganizationRoute.tree.path).body.string.contains("令和7年度は最新の年度ではないため複製できません。"))
            #expect(try await OrganizationUnit.query(on: app.db).filter(\.$fiscalYear == Self.thisYear + 1).count() == OrganizationFixture.units.count)

            let next = try await hr.get(OrganizationRoute.tree.path(query: [("fy", String(Self.thisYear + 1))]))
            #expect(next.status == .ok)
            let body = next.body.string
            #expect(body.contains("見込みは\(DateFormatting.format(date: Self.nextStart, preferences: Self.wareki))時点の配置です"))
            // 人事係: 定数 4, today 3 (D0001, D0004, V0001), next April 3 (V0001 retired, X0001 arrived): 1 short.
            #expect(row(body, containing: ">人事係<").contains(#"<td class="numeric">4</td><td class="numeric">3</td><td class="numeric">3</td><td><span class="tag tag--overdue">1人不足</span></td>"#))
            // 中央地区市民センター: 定数 5, today 1, next April 0.
            #expect(row(body, containing: ">中央地区市民センター<").contains(#"<td class="numeric">5</td><td class="numeric">1</td><td class="numeric">0</td><td><span class="tag tag--overdue">5人不足</span></td>"#))
            // 人事課: 定数 3, D0002 alone: 2 short; 総務部 in total: 定数 8, today 5, next April 5.
            #expect(row(body, containing: ">人事課<").contains(#"<td class="numeric">3</td><td class="numeric">1</td><td class="numeric">1</td><td><span class="tag tag--overdue">2人不足</span></td>"#))
            #expect(body.contains(#"<tr><th scope="row">総務部</th><td class="numeric">8</td><td class="numeric">5</td><td class="numeric">5</td><td><span class="tag tag--overdue">3人不足</span></td></tr>"#))
            #expect(body.contains(#"<tr><th scope="row">市民協働部</th><td class="numeric">6</td><td class="numeric">1</td><td class="numeric">0</td><td><span class="tag tag--overdue">6人不足</span></td></tr>"#))
            // This year's tree has no projection.
            #expect(!current.body.string.contains("人不足"))
        }
    }

    // MARK: - Retirement outlook by fiscal year

    @Test("the outlook by fiscal year counts retirements and managerial-post exits until 65, on the page and in the CSV")
    func retirementYears() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let people: [(String, String, String?)] = [
                ("R0001", "1964-04-02", nil),   // 62 → 2027-03-31 (FY2026)
                ("R0002", "1965-04-02", nil),   // 63 → 2029-03-31 (FY2028)
                ("R0003", "1966-04-02", nil),   // 64 → 2031-03-31 (FY2030)
                ("R0004", "1967-04-02", nil),   // 65 → 2033-03-31 (FY2032)
                ("R0005", "1967-06-01", "課長"), // leaves the post 2028-04-01 (FY2028), retires 2033-03-31 (FY2032)
            ]
            var histories: [StaffNumber: [AssignmentRecord]] = [:]
            for (number, born, post) in people {
                try await StaffMember(record: .fixture(StaffNumber(number), name: "職員 \(number)", nameKana: "ショクイン", born: day(born), hired: day("1988-04-01"))).create(on: app.db)
                let assignment = AssignmentRecord.fixture(StaffNumber(number), "1010", post: post ?? "主査", start: day("2020-04-01"))
                try await Assignment(record: assignment).create(on: app.db)
                histories[StaffNumber(number)] = [assignment]
            }
            try await OrganizationImporter.refreshCurrentPlacement(of: histories, today: TestClock.today, on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            #expect(try await hr.get(RetirementRoute.outlook.path).body.string.contains(RetirementRoute.years.path))
            let page = try await hr.get(RetirementRoute.years.path)
            #expect(page.status == .ok)
            let body = page.body.string
            let expected: [(String, String, Int, Int)] = [
                ("令和8年度", "62歳", 1, 0), ("令和9年度", "63歳", 0, 0), ("令和10年度", "63歳", 1, 1), ("令和11年度", "64歳", 0, 0),
                ("令和12年度", "64歳", 1, 0), ("令和13年度", "65歳", 0, 0), ("令和14年度", "65歳", 2, 0),
            ]
            for (year, age, retiring, leaving) in expected {
                #expect(body.contains(#"<tr><th scope="row">\#(year)</th><td>\#(age)</td><td class="numeric">\#(retiring)</td><td class="numeric">\#(leaving)</td></tr>"#), "\(year)")
            }
            #expect(!body.contains("令和15年度"))
            #expect(body.contains("<svg class=\"chart\""))
            let csv = try await hr.get(RetirementRoute.yearsExport.path)
            #expect(csv.status == .ok)
            let text = csv.body.string
            #expect(text.contains("年度（西暦開始年）,年度表示,定年年齢,定年退職者数,役職定年による降任者数"))
            for line in ["2026,令和8年度,62,1,0", "2028,令和10年度,63,1,1", "2031,令和13年度,65,0,0", "2032,令和14年度,65,2,0"] {
                #expect(text.contains(line), "\(line)")
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "retirement_years").filter(\.$action == "export").count() == 1)
            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            #expect(try await manager.get(RetirementRoute.years.path).status == .forbidden)
            #expect(try await manager.get(RetirementRoute.yearsExport.path).status == .forbidden)
        }
    }

    // MARK: - Self-report

    @Test("the wish selects group the sections under their 部, each named by its full path")
    func wishSelectsGrouped() async throws {
        try await withRound { app, _ in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            let body = try await staff.get(CareerRoute.selfReport.path).body.string
            #expect(body.contains(#"<optgroup label="総務部"><option value="1010">総務部 人事課</option><option value="101010">総務部 人事課 人事係</option></optgroup>"#))
            #expect(body.contains(#"<optgroup label="市民協働部"><option value="2010">市民協働部 中央地区市民センター【市民協働】</option></optgroup>"#))
            #expect(!body.contains(#"<option value="10">"#), "a 部 itself is not a wish")
            let bad = try await staff.post(CareerRoute.selfReport.path, [("career_plan", "x"), ("health_condition", "excellent"), ("family[]", "pets"), ("action", "draft")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("健康状態の選択肢が正しくありません。"))
            #expect(bad.body.string.contains("家庭の事情（当てはまるものすべて）の選択肢が正しくありません。"))
            #expect(try await SelfReport.query(on: app.db).count() == 0)
        }
    }

    @Test("health and family answers are read by the person and HR, never by the manager; the report prints with 取扱注意")
    func sensitiveAnswers() async throws {
        try await withRound { app, cycleID in
            try await submitReport(app)
            let reportPath = CareerRoute.submittedReport(.id(cycleID), .staff(StaffNumber(Demo.staff))).path
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            let form = try await staff.get(CareerRoute.selfReport.path).body.string
            #expect(form.contains(CareerRoute.ownSubmittedReport(.id(cycleID)).path))
            let own = try await staff.get(CareerRoute.ownSubmittedReport(.id(cycleID)).path)
            #expect(own.status == .ok)
            for text in ["配慮が必要", "育児、介護", "親の通院に付き添っています", "多い", "取扱注意", "作成日：" + DateFormatting.format(date: TestClock.today, preferences: Self.wareki),
                         "中央地区市民センター（市民協働部）", "地域の方と関わりたい"] {
                #expect(own.body.string.contains(text), "own: \(text)")
            }
            #expect(try await staff.get(reportPath).status == .forbidden, "the managers' address is not the staff member's")

            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let asHR = try await hr.get(reportPath)
            #expect(asHR.status == .ok)
            for text in ["配慮が必要", "育児、介護", "親の通院に付き添っています"] { #expect(asHR.body.string.contains(text), "HR: \(text)") }

            let manager = Browser(app)
            try await manager.logIn(Demo.sectionManager)
            let asManager = try await manager.get(reportPath)
            #expect(asManager.status == .ok)
            #expect(asManager.body.string.contains("窓口で基礎を固め、企画に関わりたい"))
            #expect(asManager.body.string.contains("多い"))
            for text in ["配慮が必要", "育児", "介護", "親の通院に付き添っています", "健康状態"] {
                #expect(!asManager.body.string.contains(text), "manager: \(text)")
            }
            // The staff page leads the manager to the report, not its contents.
            let staffPage = try await manager.get(OrganizationRoute.staff(.staff(StaffNumber(Demo.staff))).path).body.string
            #expect(staffPage.contains(reportPath))
            #expect(!staffPage.contains("親の通院"))
            // Someone outside the section: not even whether it exists.
            let outsider = Browser(app)
            try await outsider.logIn(Demo.districtLiaison)
            #expect([HTTPResponseStatus.forbidden, .notFound].contains(try await outsider.get(reportPath).status))
        }
    }

    @Test("the 所属長所見 is written by the section manager and hidden from the staff member unless the municipality shows it")
    func managerComment() async throws {
        for shown in [false, true] {
            try await withRound(adjust: { $0.managerCommentVisibleToStaff = shown }) { app, cycleID in
                try await submitReport(app)
                let reportPath = CareerRoute.submittedReport(.id(cycleID), .staff(StaffNumber(Demo.staff))).path
                let commentPath = CareerRoute.managerComment(.id(cycleID), .staff(StaffNumber(Demo.staff))).path
                let manager = Browser(app)
                try await manager.logIn(Demo.sectionManager)
                try await manager.get(reportPath)
                let empty = try await manager.post(commentPath, [("comment", " ")])
                #expect(empty.status == .unprocessableEntity)
                #expect(empty.body.string.contains("所属長所見を入力してください。"))
                #expect(try await SelfReportManagerComment.query(on: app.db).count() == 0)
                let saved = try await manager.post(commentPath, [("comment", "窓口対応が丁寧で、企画部門でも力を発揮できる")])
                #expect(saved.status == .seeOther)
                #expect(try await manager.get(reportPath).body.string.contains("窓口対応が丁寧で、企画部門でも力を発揮できる"))

                let head = Browser(app)
                try await head.logIn(Demo.departmentHead)
                try await head.get(reportPath)
                #expect(try await head.post(commentPath, [("comment", "部長の意見")]).status == .forbidden, "the department head reads, the section manager writes")

                let hr = Browser(app)
                try await hr.logIn(Demo.hr)
                #expect(try await hr.get(reportPath).body.string.contains("窓口対応が丁寧で、企画部門でも力を発揮できる"))

                let staff = Browser(app)
                try await staff.logIn(Demo.staff)
                let own = try await staff.get(CareerRoute.ownSubmittedReport(.id(cycleID)).path).body.string
                #expect(own.contains("窓口対応が丁寧で、企画部門でも力を発揮できる") == shown)
                #expect(own.contains("所属長所見") == shown)
            }
        }
    }
}
