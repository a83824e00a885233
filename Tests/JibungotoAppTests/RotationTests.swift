import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

/// A small city for the planner pages, planned for next April 1 on this year's organization:
/// 人事係 empties (two movers), 財政係 and 警防係 are full, 健康づくり係 has one open seat, the
/// district center two.
enum RotationFixture {
    static let thisYear = TestClock.today.fiscalYear.startYear
    static let transfer = FiscalYear(startYear: thisYear + 1).start

    static func unit(_ code: SectionCode, _ name: String, _ kind: SectionKind, parent: SectionCode?, headcount: Int, collaboration: Bool = false) -> SectionRecord {
        .fixture(code, nameJa: name, kind: kind, parent: parent, isCollaborationPost: collaboration, headcount: headcount)
    }

    static let units: [SectionRecord] = [
        unit("10", "総務部", .department, parent: nil, headcount: 0),
        unit("101010", "人事係", .unit, parent: "10", headcount: 2),
        unit("101020", "財政係", .unit, parent: "10", headcount: 2),
        unit("20", "市民協働部", .department, parent: nil, headcount: 0),
        unit("2010", "中央地区市民センター", .center, parent: "20", headcount: 2, collaboration: true),
        unit("30", "健康福祉部", .department, parent: nil, headcount: 0),
        unit("3010", "健康づくり係", .unit, parent: "30", headcount: 2),
        unit("40", "消防本部", .department, parent: nil, headcount: 0),
        unit("4010", "警防係", .unit, parent: "40", headcount: 1),
    ]

    /// Number, name, job type, hired, section, years in post on the day before the transfer.
    static let people: [(StaffNumber, String, String, LocalDate, SectionCode, Int)] = [
        ("R001", "相田 一郎", "事務", day("2005-04-01"), "101010", 6),
        ("R002", "井上 二葉", "事務", transfer.adding(years: -8), "101010", 4),
        ("R003", "宇野 三郎", "事務", day("2010-04-01"), "101020", 1),
        ("R004", "江口 四季", "事務", day("2011-04-01"), "101020", 1),
        ("R005", "小田 五郎", "事務", day("2000-04-01"), "2010", 5),
        ("R006", "加納 六太", "消防", transfer.adding(years: -1), "4010", 1),
        ("R007", "菊地 七海", "事務", day("2013-04-01"), "3010", 1),
    ]

    static func load(on database: any Database) async throws {
        try await units.map { OrganizationUnit(fiscalYear: thisYear, record: $0) }.create(on: database)
        var histories: [StaffNumber: [AssignmentRecord]] = [:]
        for (number, name, jobType, hired, section, years) in people {
            let record = StaffRecord.fixture(number, name: name, nameKana: "テスト", born: day("1980-06-15"), hired: hired, jobType: jobType, grade: "主任")
            try await StaffMember(record: record).create(on: database)
            let since = transfer.adding(years: -years)
            // Before the current post: 人事係 or 財政係 (never the district center); the fire
            // officer has served in 警防係 only since hiring.
            let current = AssignmentRecord.fixture(number, section, post: "主任", start: section == "4010" ? hired : since)
            let before: SectionCode = section == "101020" || section == "3010" ? "101010" : "101020"
            histories[number] = section == "4010" ? [current] : [
                AssignmentRecord.fixture(number, before, start: hired, end: since.adding(days: -1)), current,
            ]
        }
        try await histories.values.flatMap { $0 }.map(Assignment.init(record:)).create(on: database)
        try await OrganizationImporter.refreshCurrentPlacement(of: histories, today: TestClock.today, on: database)
        // The self-report before the transfer: R002 wishes 財政係 (full) first, the center second.
        let cycle = SelfReportCycle(
            fiscalYear: thisYear, title: "自己申告", opensOn: transfer.adding(days: -200), deadline: transfer.adding(days: -150), createdBy: Demo.hr
        )
        try await cycle.create(on: database)
        let report = SelfReport(cycleID: try cycle.requireID(), staffNumber: "R002", submittedAt: Date(), moveWish: "move")
        try await report.create(on: database)
        for (rank, code) in [(1, "101020"), (2, "2010")] as [(Int, SectionCode)] {
            try await SelfReportWish(reportID: try report.requireID(), rank: rank, sectionCode: code, reason: "").create(on: database)
        }
    }

    /// Creates a scenario through the page as HR; returns its overview path.
    static func createScenario(_ browser: Browser, name: String = "案A", date: String = transfer.iso, preset: String = "settings") async throws -> String {
        try await browser.get(RotationRoute.scenarios.path)
        let response = try await browser.post(RotationRoute.scenarios.path, [("name", name), ("transfer_date", date), ("preset", preset)])
        #expect(response.status == .seeOther)
        return response.headers.first(name: .location) ?? ""
    }

    /// The scenario an overview path (as `createScenario` returns it) names, for `RotationRoute`.
    static func scenarioID(_ path: String) -> RouteParameter {
        routeParameter(lastOf: path)
    }
}

@Suite("Rotation planner pages")
struct RotationTests {
    private func withCity(_ body: (Application, Browser) async throws -> Void) async throws {
        try await withTestApp { app in
            try await RotationFixture.load(on: app.db)
            let browser = Browser(app)
            try await browser.logIn(Demo.hr)
            try await body(app, browser)
        }
    }

    @Test("only HR opens the planner, the settings and the compliance view")
    func scopes() async throws {
        try await withCity { app, hr in
            let scenario = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(scenario)
            for role in [Demo.staff, Demo.sectionManager, Demo.departmentHead, Demo.promotionTeam, Demo.districtLiaison, Demo.administrator] {
                let browser = Browser(app)
                try await browser.logIn(role)
                for path in [RotationRoute.scenarios.path, RotationRoute.settings.path, RotationRoute.compliance.path, scenario, RotationRoute.results(scenarioID).path, RotationRoute.export(scenarioID).path] {
                    #expect(try await browser.get(path).status == .forbidden, "\(role) \(path)")
                }
                #expect(try await browser.get(RetirementRoute.ageSixty(.value("R001")).path).status == .forbidden)
            }
            #expect(try await hr.get(scenario).status == .ok)
        }
    }

    @Test("a new scenario proposes movers with reasons and solves them exactly; the result list says why")
    func createAndSolve() async throws {
        try await withCity { app, hr in
            let path = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(path)
            let overview = try await hr.get(path)
            #expect(overview.body.string.contains("最適解"))
            #expect(overview.body.string.contains("検証済み"))
            let movers = try await hr.get(RotationRoute.movers(scenarioID).path).body.string
            #expect(movers.contains("在課6年"))
            #expect(movers.contains("採用9年目・市民協働部署未経験（最終機会）"))
            #expect(movers.contains("在課5年"))
            #expect(!movers.contains("宇野 三郎"))
            let results = try await hr.get(RotationRoute.results(scenarioID).path).body.string
            #expect(results.contains("相田 一郎"))
            // The early-career mover goes to the district center, their 2nd wish (the 1st is full).
            let detail = try await hr.get(RotationRoute.person(scenarioID, .value("R002")).path).body.string
            #expect(detail.contains("中央地区市民センター"))
            #expect(detail.contains("第2希望"))
            #expect(detail.contains("市民協働部署へ（採用9年目）"))
            // Why not my wish: the 1st wish had no open seat; someone not on the list is told why.
            #expect(detail.contains("空席がない") || detail.contains("満席"))
            let stayer = try await hr.get(RotationRoute.person(scenarioID, .value("R003")).path).body.string
            #expect(stayer.contains("異動対象外"))
            let english = try await hr.get(RotationRoute.results(scenarioID).path(query: [("reason", "must_move")]), headers: ["Accept-Language": "en"]).body.string
            #expect(english.contains("小田 五郎"))
            #expect(!english.contains("井上 二葉"))
            let scenario = try #require(try await RotationScenario.query(on: app.db).first())
            #expect(StoredSolution.decode(scenario.solution)?.placements.count == 3)
        }
    }

    @Test("a pin is tried first: wrong job type, a full section and two pins to the last seat are refused with names; nothing is saved")
    func badPins() async throws {
        try await withCity { app, hr in
            let path = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(path)
            let before = try #require(try await RotationScenario.query(on: app.db).first())
            try await hr.get(RotationRoute.person(scenarioID, .value("R001")).path)
            var response = try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R001"), ("kind", "must_go_to"), ("section_code", "4010")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("相田 一郎（事務）は職種が警防係に合いません"))
            response = try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R001"), ("kind", "must_go_to"), ("section_code", "101020")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("相田 一郎の指定先財政係に空席がありません"))
            #expect(try await RotationScenarioPin.query(on: app.db).count() == 0)
            #expect(try await RotationScenario.query(on: app.db).first()?.revision == before.revision)

            // One pin to the last seat of 健康づくり係 is fine and re-solves at once …
            response = try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R001"), ("kind", "must_go_to"), ("section_code", "3010")])
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == RotationRoute.changes(scenarioID).path)
            let changes = try await hr.get(RotationRoute.changes(scenarioID).path).body.string
            #expect(changes.contains("相田 一郎"))
            #expect(changes.contains("健康づくり係"))
            // … a second one is refused with the section and both names.
            try await hr.get(RotationRoute.person(scenarioID, .value("R005")).path)
            response = try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R005"), ("kind", "must_go_to"), ("section_code", "3010")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("健康づくり係：空席1に2人が指定されています（相田 一郎、小田 五郎）"))
            #expect(try await RotationScenarioPin.query(on: app.db).count() == 1)

            // Forbid: R002 must not go to the center any more.
            try await hr.get(RotationRoute.person(scenarioID, .value("R002")).path)
            response = try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R002"), ("kind", "must_not_go_to"), ("section_code", "2010")])
            #expect(response.status == .seeOther)
            let scenario = try #require(try await RotationScenario.query(on: app.db).first())
            let placements = try #require(StoredSolution.decode(scenario.solution)?.placements)
            #expect(placements["R001"]?.sectionCode == "3010")
            #expect(placements["R002"]?.sectionCode != "2010")
            #expect(scenario.solvedRevision == scenario.revision)

            // Forbidding 人事係 to 小田 五郎 leaves two people for the one seat of 健康づくり係:
            // the re-solve explains it in words.
            try await hr.get(RotationRoute.person(scenarioID, .value("R005")).path)
            response = try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R005"), ("kind", "must_not_go_to"), ("section_code", "101010")])
            #expect(response.headers.first(name: .location) == path)
            let overview = try await hr.get(path).body.string
            #expect(overview.contains("この2人は1所属（空席計1）にしか配置できません：相田 一郎、小田 五郎／健康づくり係"))
            #expect(try await hr.get(RotationRoute.results(scenarioID).path).body.string.contains("配置不能"))
        }
    }

    @Test("headcounts below zero or not numbers are refused naming the section; valid ones are saved together")
    func capacities() async throws {
        try await withCity { app, hr in
            let path = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(path)
            try await hr.get(RotationRoute.capacities(scenarioID).path)
            var response = try await hr.post(RotationRoute.capacities(scenarioID).path, [("headcount_101010", "-1"), ("headcount_2010", "3")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("人事係の定数「-1」は0以上の整数で入力してください。"))
            #expect(try await RotationScenarioCapacity.query(on: app.db).count() == 0)
            response = try await hr.post(RotationRoute.capacities(scenarioID).path, [("headcount_101010", "３"), ("headcount_2010", "3")])
            #expect(response.status == .seeOther)
            #expect(try await RotationScenarioCapacity.query(on: app.db).count() == 2)
            #expect(try await hr.get(path).body.string.contains("前回の計算の後に入力が変わりました"))
        }
    }

    @Test("the draft transfer list exports as UTF-8 with BOM or CP932 and is audited")
    func export() async throws {
        try await withCity { app, hr in
            let path = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(path)
            let utf8 = try await hr.get(RotationRoute.export(scenarioID).path)
            #expect(utf8.status == .ok)
            let bytes = Array(utf8.body.readableBytesView)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("職員番号,氏名,職種,現所属コード"))
            #expect(text.contains("R001,相田 一郎,事務,101010,人事係"))
            let cp932 = try await hr.get(RotationRoute.export(scenarioID).path(query: [("encoding", "cp932")]))
            #expect(cp932.headers.contentType?.parameters["charset"] == "Shift_JIS")
            let exports = try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.export.rawValue).filter(\.$subjectType == "rotation_scenario").count()
            #expect(exports == 2)
        }
    }

    @Test("approval writes every move for the new fiscal year in one go; later dates only, and approved scenarios stay as they are")
    func approve() async throws {
        try await withCity { app, hr in
            let path = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(path)
            try await hr.get(path)
            // No organization for next year yet: refused, nothing written.
            var response = try await hr.post(RotationRoute.approve(scenarioID).path, [])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("組織がまだありません"))
            #expect(try await Assignment.query(on: app.db).filter(\.$startDate == RotationFixture.transfer).count() == 0)

            _ = try await OrganizationEditing.clone(from: RotationFixture.thisYear, on: app.db)
            response = try await hr.post(RotationRoute.approve(scenarioID).path, [])
            #expect(response.status == .seeOther)
            let scenario = try #require(try await RotationScenario.query(on: app.db).first())
            #expect(scenario.isApproved)
            let placements = try #require(StoredSolution.decode(scenario.solution)?.placements)
            let moved = try await Assignment.query(on: app.db).filter(\.$startDate == RotationFixture.transfer).all()
            let movedNumbers = Set(placements.filter { number, pool in
                RotationFixture.people.first { $0.0 == number }?.4 != pool.sectionCode
            }.keys)
            #expect(Set(moved.map(\.staffNumber)) == movedNumbers)
            for row in moved { #expect(row.sectionCode == placements[row.staffNumber]?.sectionCode) }
            let ended = try await Assignment.query(on: app.db).filter(\.$staffNumber == "R001").filter(\.$sectionCode == "101010").first()
            #expect(ended?.endDate == RotationFixture.transfer.adding(days: -1))

            // The approved scenario no longer changes; a scenario for the same date is refused.
            try await hr.get(RotationRoute.person(scenarioID, .value("R005")).path)
            response = try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R005"), ("kind", "stays"), ("section_code", "")])
            #expect(response.status == .seeOther)
            #expect(try await RotationScenarioPin.query(on: app.db).count() == 0)
            try await hr.get(RotationRoute.scenarios.path)
            response = try await hr.post(RotationRoute.scenarios.path, [("name", "遅い案"), ("transfer_date", RotationFixture.transfer.iso), ("preset", "settings")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("承認済みの最終異動日"))
            #expect(try await RotationScenario.query(on: app.db).count() == 1)
        }
    }

    @Test("two scenarios for one date are compared side by side; the rules settings refuse bad values by name")
    func compareAndSettings() async throws {
        try await withCity { app, hr in
            _ = try await RotationFixture.createScenario(hr, name: "市民協働優先", preset: "collaboration_first")
            _ = try await RotationFixture.createScenario(hr, name: "希望優先", preset: "wishes_first")
            let list = try await hr.get(RotationRoute.scenarios.path).body.string
            #expect(list.contains("市民協働優先"))
            #expect(list.contains("希望優先"))
            #expect(list.components(separatedBy: "最適解").count == 3)

            try await hr.get(RotationRoute.settings.path)
            var form = RotationRuleForm.numbers.map { ($0.name, String(RotationRuleSettings()[keyPath: $0.keyPath])) }
            form += [("subordinate_mode", "hard"), ("early_career_deadline_mode", "warning")]
            var bad = form.filter { $0.0 != "max_years_in_post" && $0.0 != "weight_wish_1" }
            bad += [("max_years_in_post", "2"), ("weight_wish_1", "-5")]
            var response = try await hr.post(RotationRoute.settings.path, bad)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("第1希望の加点は0から10000までの整数で入力してください。"))
            #expect(response.body.string.contains("在課年数の上限は下限以上にしてください。"))
            #expect(try await RotationSettingsRecord.query(on: app.db).count() == 0)
            response = try await hr.post(RotationRoute.settings.path, form.filter { $0.0 != "early_career_years" } + [("early_career_years", "8")])
            #expect(response.status == .seeOther)
            let saved = RotationRuleSettings.decode(try #require(try await RotationSettingsRecord.query(on: app.db).first()).rules)
            #expect(saved.earlyCareerYears == 8)
            #expect(saved.subordinateMode == .hard)
        }
    }

    @Test("movers are added and removed by HR; an unknown person is refused by number")
    func editMovers() async throws {
        try await withCity { app, hr in
            let path = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(path)
            try await hr.get(RotationRoute.movers(scenarioID).path)
            var response = try await hr.post(RotationRoute.moverAdd(scenarioID).path, [("staff_number", "Z999")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Z999"))
            response = try await hr.post(RotationRoute.moverAdd(scenarioID).path, [("staff_number", "r003")])
            #expect(response.status == .seeOther)
            #expect(try await hr.get(RotationRoute.movers(scenarioID).path).body.string.contains("人事追加"))
            response = try await hr.post(RotationRoute.moverRemove(scenarioID).path, [("staff_number", "R003")])
            #expect(response.status == .seeOther)
            #expect(try await RotationScenarioMover.query(on: app.db).filter(\.$staffNumber == "R003").count() == 0)
        }
    }

    @Test("a scenario's own rules, proposing again, removing a pin and deleting a draft")
    func scenarioLifecycle() async throws {
        try await withCity { app, hr in
            let path = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(path)
            // Own rules: a bad value is refused by name; a good one is saved and marks the solution stale.
            try await hr.get(RotationRoute.scenarioRules(scenarioID).path)
            let form = RotationRuleForm.numbers.map { ($0.name, String(RotationRuleSettings()[keyPath: $0.keyPath])) }
                + [("subordinate_mode", "warning"), ("early_career_deadline_mode", "hard")]
            var response = try await hr.post(RotationRoute.scenarioRules(scenarioID).path, form.filter { $0.0 != "breadth" && $0.0 != "weight_breadth" } + [("weight_breadth", "x")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("他部への異動の加点は0から10000までの整数で入力してください。"))
            response = try await hr.post(RotationRoute.scenarioRules(scenarioID).path, form)
            #expect(response.status == .seeOther)
            var scenario = try #require(try await RotationScenario.query(on: app.db).first())
            #expect(RotationRuleSettings.decode(scenario.rules).earlyCareerDeadlineMode == .hard)
            #expect(scenario.solvedRevision != scenario.revision)

            // Proposing again keeps the people HR added.
            try await hr.get(RotationRoute.movers(scenarioID).path)
            try await hr.post(RotationRoute.moverAdd(scenarioID).path, [("staff_number", "R007")])
            try await hr.post(RotationRoute.moversPropose(scenarioID).path, [])
            let movers = Set(try await RotationScenarioMover.query(on: app.db).all().map(\.staffNumber))
            #expect(movers == ["R001", "R002", "R005", "R007"])

            // A pin removed: solved again without it.
            try await hr.get(RotationRoute.person(scenarioID, .value("R001")).path)
            try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R001"), ("kind", "must_go_to"), ("section_code", "3010")])
            let pin = try #require(try await RotationScenarioPin.query(on: app.db).first())
            try await hr.get(RotationRoute.person(scenarioID, .value("R001")).path)
            response = try await hr.post(RotationRoute.pinRemove(scenarioID).path, [("pin_id", try pin.requireID().uuidString)])
            #expect(response.status == .seeOther)
            #expect(try await RotationScenarioPin.query(on: app.db).count() == 0)
            scenario = try #require(try await RotationScenario.query(on: app.db).first())
            #expect(scenario.solvedRevision == scenario.revision)

            // Deleting the draft removes its input too.
            try await hr.get(path)
            response = try await hr.post(RotationRoute.scenarioDelete(scenarioID).path, [])
            #expect(response.headers.first(name: .location) == RotationRoute.scenarios.path)
            #expect(try await RotationScenario.query(on: app.db).count() == 0)
            #expect(try await RotationScenarioMover.query(on: app.db).count() == 0)
        }
    }

    @Test("the compliance view counts collaboration experience by hiring cohort")
    func compliance() async throws {
        try await withCity { _, hr in
            let page = try await hr.get(RotationRoute.compliance.path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("採用年度別"))
            // R002 was hired eight years before the transfer and never served in the center.
            #expect(page.body.string.contains("井上 二葉"))
        }
    }

    @Test("the age-60 information and the choice are recorded; a future date is refused")
    func ageSixty() async throws {
        try await withCity { app, hr in
            try await hr.get(RetirementRoute.ageSixty(.value("R001")).path)
            var response = try await hr.post(RetirementRoute.ageSixty(.value("R001")).path, [("informed_on", "2999-01-01"), ("choice", "retire"), ("note", "")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("情報提供日は今日以前の日付にしてください。"))
            response = try await hr.post(RetirementRoute.ageSixty(.value("R001")).path, [("informed_on", "令和8年4月10日"), ("choice", "shortTimeReappointment"), ("note", "面談済み")])
            #expect(response.status == .seeOther)
            let record = try #require(try await AgeSixtyRecord.query(on: app.db).first())
            #expect(record.informedOn == LocalDate(year: 2026, month: 4, day: 10))
            #expect(record.choice == .shortTimeReappointment)
            #expect(try await hr.get(RetirementRoute.ageSixty(.value("R001")).path).body.string.contains("面談済み"))
        }
    }
}

@Suite("Rotation planner on the demo city")
struct RotationDemoTests {
    @Test("the demo city's scenarios load, solve in the browser flow and explain every row")
    func demoCity() async throws {
        try await withTestApp { app in
            try await DemoOrganization.load(on: app.db, today: TestClock.today)
            try await DemoCareer.load(on: app.db, today: TestClock.today)
            try await DemoRotation.load(on: app.db, today: TestClock.today)
            #expect(try await RotationScenario.query(on: app.db).count() == 2)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let list = try await hr.get(RotationRoute.scenarios.path).body.string
            let path = try #require(list.firstMatch(of: /\/rotation\/scenarios\/[0-9a-f-]+/).map { String($0.output) })
            let scenarioID = RotationFixture.scenarioID(path)
            try await hr.get(path)
            let solve = try await hr.post(RotationRoute.solve(scenarioID).path, [])
            #expect(solve.headers.first(name: .location) == RotationRoute.results(scenarioID).path)
            let results = try await hr.get(RotationRoute.results(scenarioID).path)
            #expect(results.status == .ok)
            // The table's caption, "全{0}件（{1}／{2}ページ）": the first page of a non-empty result.
            #expect(results.body.string.contains(/全[1-9][0-9]*件（1／[1-9][0-9]*ページ）/), "the results table counts its rows")
            let scenario = try #require(try await RotationScenario.query(on: app.db).filter(\.$name == "令和9年4月 市民協働優先").first())
            let stored = try #require(StoredSolution.decode(scenario.solution))
            #expect(stored.outcome == .optimal)
            #expect(stored.certificateVerified)
            #expect((180...400).contains(stored.metrics?.movers ?? 0))
            #expect(try await AgeSixtyRecord.query(on: app.db).count() > 0)
        }
    }
}
