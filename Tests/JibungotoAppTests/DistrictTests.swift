import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

/// The districts (地区) and their local issues (地域課題) through their pages, on the fixture city
/// at 2026-11-30 (令和8年11月30日): districts from the centers, liaison terms, dialogue records,
/// routing by category (an abolished section refused), every status change, a corrected routing
/// with its history, escalation to the department head, who sees what, the figures and the
/// Open311 export.
@Suite("Dialogue: districts and local issues")
struct DistrictTests {
    /// The fixture city with a second citizen center (北地区市民センター 2020), a division abolished
    /// this year (給与課 1020, last year only), D0006 placed at 中央地区市民センター and X0002 (a
    /// district liaison) at the 北 center; HR creates the two districts from the organization,
    /// assigns D0006 to 中央地区 and X0002 to 北地区, and adds the categories 道路 (→ 人事課 1010,
    /// 14 days) and 公園 (→ 中央地区市民センター 2010, 10 days); the category 介護保険 names the
    /// abolished 1020, as a category left behind by a reorganization would.
    func withCity(_ body: (Application) async throws -> Void) async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let year = OrganizationFixture.thisYear
            let north = SectionRecord.fixture("2020", nameJa: "北地区市民センター", nameEn: "Kita District Citizen Center", kind: .center, parent: "20",
                                              isCollaborationPost: true, district: "北地区", headcount: 4, isManagerial: true)
            try await OrganizationUnit(fiscalYear: year - 1, record: north).create(on: app.db)
            try await OrganizationUnit(fiscalYear: year, record: north).create(on: app.db)
            let payroll = SectionRecord.fixture("1020", nameJa: "給与課", nameEn: "Payroll Division", kind: .division, parent: "10", headcount: 3, isManagerial: true)
            try await OrganizationUnit(fiscalYear: year - 1, record: payroll).create(on: app.db)
            try await Self.staff(app, "D0006", "加藤 由美", "カトウ ユミ", section: "2010", grade: "主査")
            try await Self.staff(app, "X0002", "北村 次郎", "キタムラ ジロウ", section: "2020", grade: "主事")
            try await SideJobTests.account(app, "X0002", "北村 次郎", roles: [.staff, .districtLiaison])

            let hr = try await browser(app, Demo.hr)
            let list = try await hr.get(DistrictRoute.districts.path)
            try #require(list.body.string.contains("今年度の組織には、地区がまだ作られていない地区市民センターが 2 か所あります。"))
            try #require(try await hr.post(DistrictRoute.createFromOrganization.path, []).status == .seeOther)
            let chuo = try await Self.district(app, "2010"), kita = try await Self.district(app, "2020")
            try await hr.get(DistrictRoute.newLiaison(.id(try chuo.requireID())).path)
            try #require(try await hr.post(DistrictRoute.newLiaison(.id(try chuo.requireID())).path,
                                           [("staff_number", "D0006"), ("starts_on", "2026-04-01"), ("ends_on", "")]).status == .seeOther)
            try #require(try await hr.post(DistrictRoute.newLiaison(.id(try kita.requireID())).path,
                                           [("staff_number", "x0002"), ("starts_on", "2026-04-01"), ("ends_on", "")]).status == .seeOther)
            try await hr.get(DistrictRoute.categories.path)
            for (code, name, section, days) in [("road", "道路", "1010", "14"), ("park", "公園", "2010", "10")] {
                try #require(try await hr.post(DistrictRoute.categories.path, [("code", code), ("name_ja", name), ("name_en", ""), ("section", section),
                                                                               ("expected_days", days)]).status == .seeOther)
            }
            try await LocalIssueCategory(code: "care", nameJa: "介護保険", nameEn: "Care insurance", sectionCode: "1020", expectedDays: 14,
                                         updatedBy: "D0004", updatedAt: Date()).create(on: app.db)
            try await body(app)
        }
    }

    static func staff(_ app: Application, _ number: String, _ name: String, _ kana: String, section: SectionCode, grade: String) async throws {
        let member = StaffMember(record: .fixture(StaffNumber(number), name: name, nameKana: kana, grade: grade))
        member.currentSectionCode = section
        member.currentPost = grade
        try await member.create(on: app.db)
    }

    /// A signed-in browser holding its session's token.
    func browser(_ app: Application, _ number: String) async throws -> Browser {
        let browser = Browser(app)
        try #require(try await browser.logIn(number).status == .seeOther, "\(number) signs in")
        try #require(try await browser.get(PlatformRoute.home.path).status == .ok)
        return browser
    }

    static func district(_ app: Application, _ center: SectionCode) async throws -> District {
        try #require(try await District.query(on: app.db).filter(\.$centerSectionCode == center).first())
    }

    static func category(_ app: Application, _ code: String) async throws -> LocalIssueCategory {
        try #require(try await LocalIssueCategory.query(on: app.db).filter(\.$code == code).first())
    }

    /// An issue stored directly (with its recorded event), routed by its category on `routed`.
    @discardableResult
    static func issue(_ app: Application, _ title: String, district: District, category: LocalIssueCategory, received: String = "2026-11-20",
                      routed: String? = nil, status: LocalIssueStatus = .received, responded: String? = nil, response: String = "",
                      reason: String = "", place: String = "", updatedAt: Date = Date()) async throws -> LocalIssue {
        let routedOn = day(routed ?? received)
        let issue = LocalIssue(
            id: UUID(), districtID: try district.requireID(), title: title, details: "\(title)との声がありました。", place: place,
            categoryID: try category.requireID(),
            routing: IssueRouting(section: category.sectionCode, routedOn: routedOn, expectedOn: routedOn.adding(days: category.expectedDays)),
            receivedOn: day(received), status: status, response: response, difficultyReason: reason, respondedOn: responded.map(day),
            recordedBy: "D0006", updatedAt: updatedAt)
        try await issue.create(on: app.db)
        // Recorded in the morning of the day it was routed: before any change the pages make at the test clock's noon.
        try await LocalIssueEvent(.recorded, issue: issue, actor: "D0006", at: routedOn.startOfDay(in: .japan).addingTimeInterval(9 * 3_600)).create(on: app.db)
        return issue
    }

    static func path(_ issue: LocalIssue) throws -> String { DistrictRoute.issue(.id(try issue.requireID())).path }

    static func reloaded(_ app: Application, _ issue: LocalIssue) async throws -> LocalIssue {
        try #require(try await LocalIssue.find(try issue.requireID(), on: app.db))
    }

    static func events(_ app: Application, _ issue: LocalIssue) async throws -> [LocalIssueEvent] {
        try await LocalIssueEvent.query(on: app.db).filter(\.$issue.$id == issue.requireID()).sort(\.$occurredAt).all()
    }

    // MARK: - Districts and liaisons

    @Test("HR creates the districts from the centers; liaisons serve the usual term for their tier unless HR sets another, never overlapping")
    func districtsAndLiaisonTerms() async throws {
        try await withCity { app in
            let districts = try await District.query(on: app.db).sort(\.$position).all()
            #expect(districts.map(\.nameJa) == ["中央地区", "北地区"])
            #expect(districts.map(\.nameEn) == ["Chuo District", "Kita District"])
            #expect(districts.map(\.centerSectionCode) == ["2010", "2020"])
            let hr = try await browser(app, Demo.hr)
            #expect(try await hr.post(DistrictRoute.createFromOrganization.path, []).status == .seeOther)
            #expect(try await hr.get(DistrictRoute.districts.path).body.string.contains("新しく作成する地区はありませんでした。"))
            #expect(try await District.query(on: app.db).count() == 2, "each center has one district")

            // The usual terms: 主査 (a supervisor) two years, 主事 (young staff) one year.
            let chuo = try await Self.district(app, "2010"), kita = try await Self.district(app, "2020")
            let d0006 = try #require(try await DistrictLiaison.query(on: app.db).filter(\.$staffNumber == "D0006").first())
            #expect(d0006.tier == .supervisor && d0006.term == LiaisonTerm(start: day("2026-04-01"), end: day("2028-03-31")) && d0006.assignedBy == "D0004")
            let x0002 = try #require(try await DistrictLiaison.query(on: app.db).filter(\.$staffNumber == "X0002").first())
            #expect(x0002.tier == .junior && x0002.term == LiaisonTerm(start: day("2026-04-01"), end: day("2027-03-31")))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "district_liaison").filter(\.$action == "create").count() == 2)

            // HR sets another end on one assignment.
            let newLiaison = DistrictRoute.newLiaison(.id(try kita.requireID())).path
            #expect(try await hr.get(newLiaison).status == .ok)
            #expect(try await hr.post(newLiaison, [("staff_number", "D0001"), ("starts_on", "2026-10-01"), ("ends_on", "2027-09-30")]).status == .seeOther)
            let d0001 = try #require(try await DistrictLiaison.query(on: app.db).filter(\.$staffNumber == "D0001").first())
            #expect(d0001.term == LiaisonTerm(start: day("2026-10-01"), end: day("2027-09-30")) && d0001.tier == .junior)

            // Refusals name their field; nothing is saved.
            let refusals: [([(String, String)], String)] = [
                ([("staff_number", "Z9999"), ("starts_on", "2026-10-01"), ("ends_on", "")], "職員番号「Z9999」の職員は職員名簿にいません。"),
                ([("staff_number", ""), ("starts_on", "2026-10-01"), ("ends_on", "")], "職員番号を入力してください。"),
                ([("staff_number", "D0004"), ("starts_on", "2026-10-01"), ("ends_on", "2026-09-01")],
                 "任期の終了日は任期の開始日（令和8年10月1日）以降の日付にしてください。"),
                ([("staff_number", "X0002"), ("starts_on", "2026-12-01"), ("ends_on", "")],
                 "北村 次郎さんはこの地区の担当として任期 令和8年4月1日〜令和9年3月31日 が登録されています。任期が重ならないようにしてください。"),
                ([("staff_number", "D0004"), ("starts_on", "4月の初め"), ("ends_on", "")], "任期の開始日："),
            ]
            for (form, message) in refusals {
                let response = try await hr.post(newLiaison, form)
                #expect(response.status == .unprocessableEntity, "\(form)")
                #expect(response.body.string.contains(message), "\(message)")
            }
            #expect(try await DistrictLiaison.query(on: app.db).count() == 3)

            // The district page shows the liaisons with their tier and term.
            let page = try await hr.get(DistrictRoute.district(.id(try chuo.requireID())).path)
            #expect(page.status == .ok && page.body.string.contains("加藤 由美") && page.body.string.contains("係長級")
                    && page.body.string.contains("令和8年4月1日〜令和10年3月31日") && page.body.string.contains("担当中"))

            // HR changes a term on the assignment's page; an end before the start is refused.
            let liaisonPath = DistrictRoute.liaison(.id(try d0006.requireID())).path
            #expect(try await hr.get(liaisonPath).body.string.contains("加藤 由美さんの任期（中央地区）"))
            let backwards = try await hr.post(liaisonPath, [("starts_on", "2026-04-01"), ("ends_on", "2026-03-31")])
            #expect(backwards.status == .unprocessableEntity && backwards.body.string.contains("任期の終了日は任期の開始日（令和8年4月1日）以降の日付にしてください。"))
            #expect(try await hr.post(liaisonPath, [("starts_on", "2026-04-01"), ("ends_on", "2027-03-31")]).status == .seeOther)
            #expect(try await DistrictLiaison.find(try d0006.requireID(), on: app.db)?.endsOn == day("2027-03-31"))
            #expect(try await hr.get(DistrictRoute.district(.id(try chuo.requireID())).path).body.string.contains("加藤 由美さんの任期を 令和8年4月1日〜令和9年3月31日 に変更しました。"))

            // Only HR assigns.
            let liaison = try await browser(app, Demo.districtLiaison)
            #expect(try await liaison.get(newLiaison).status == .forbidden)
            #expect(try await liaison.post(DistrictRoute.newLiaison(.id(try chuo.requireID())).path, [("staff_number", "D0001"), ("starts_on", "2026-10-01")]).status == .forbidden)
        }
    }

    @Test("a liaison records a citizen dialogue with head counts per group (never names); each bad field is named and nothing is saved")
    func dialogueRecords() async throws {
        try await withCity { app in
            let chuo = try await Self.district(app, "2010")
            let newRecord = DistrictRoute.newRecord(.id(try chuo.requireID())).path
            let liaison = try await browser(app, Demo.districtLiaison)
            let form = try await liaison.get(newRecord)
            #expect(form.status == .ok && form.body.string.contains("name=\"count_neighborhood_association\"") && !form.body.string.contains("name=\"name\""))
            let good: [(String, String)] = [("held_on", "2026-11-20"), ("place", "中央地区市民センター 会議室"), ("count_neighborhood_association", "12"),
                                             ("count_pta", "３"), ("count_residents", ""), ("topics", "通学路の安全\n防災訓練の進め方")]
            func changed(_ changes: [String: String]) -> [(String, String)] { good.map { ($0.0, changes[$0.0] ?? $0.1) } }
            let refusals: [([String: String], String)] = [
                (["count_neighborhood_association": "", "count_pta": ""], "参加者の人数を、少なくとも1つの団体について入力してください。"),
                (["count_neighborhood_association": "-1"], "自治会・町内会の人数は 0〜9999 の整数で入力してください。"),
                (["count_pta": "十人"], "PTAの人数は 0〜9999 の整数で入力してください。"),
                (["held_on": "2026-12-01"], "開催日は今日（令和8年11月30日）以前の日付にしてください。"),
                (["topics": " "], "話し合ったテーマを入力してください。"),
                (["place": ""], "場所を入力してください。"),
            ]
            for (changes, message) in refusals {
                let response = try await liaison.post(newRecord, changed(changes))
                #expect(response.status == .unprocessableEntity, "\(changes)")
                #expect(response.body.string.contains(message), "\(message)")
            }
            #expect(try await DistrictDialogueRecord.query(on: app.db).count() == 0)
            #expect(try await DistrictDialogueParticipants.query(on: app.db).count() == 0)

            let saved = try await liaison.post(newRecord, good)
            let chuoPath = DistrictRoute.district(.id(try chuo.requireID())).path
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == chuoPath)
            let record = try #require(try await DistrictDialogueRecord.query(on: app.db).with(\.$participants).first())
            #expect(record.heldOn == day("2026-11-20") && record.topicList == ["通学路の安全", "防災訓練の進め方"] && record.recordedBy == "D0006")
            #expect(record.participants.counts == ParticipantCounts([.neighborhoodAssociation: 12, .pta: 3]))
            let page = try await liaison.get(DistrictRoute.district(.id(try chuo.requireID())).path)
            #expect(page.body.string.contains("令和8年11月20日の対話を記録しました（参加者 15人）。"))
            #expect(page.body.string.contains("自治会・町内会 12人") && page.body.string.contains("PTA 3人") && page.body.string.contains("防災訓練の進め方"))

            // HR and the promotion team read the records; liaisons write them, each in their own district.
            #expect(try await browser(app, Demo.hr).get(newRecord).status == .notFound)
            #expect(try await browser(app, "X0002").get(newRecord).status == .notFound)
            #expect(try await browser(app, Demo.staff).get(newRecord).status == .forbidden)
        }
    }

    // MARK: - Routing and escalation

    @Test("an issue goes to its category's section with an expected date from the day it was routed; an abolished section is refused")
    func routing() async throws {
        try await withCity { app in
            let chuo = try await Self.district(app, "2010")
            let road = try await Self.category(app, "road"), care = try await Self.category(app, "care")
            let newIssue = DistrictRoute.newIssue(.id(try chuo.requireID())).path
            let liaison = try await browser(app, Demo.districtLiaison)
            #expect(try await liaison.get(newIssue).status == .ok)
            let good: [(String, String)] = [("title", "集会所の雨漏り"), ("details", "集会所の屋根から雨漏りがするとの声が自治会からありました。"),
                                             ("place", "本町集会所"), ("category", try road.requireID().uuidString), ("received_on", "2026-11-28"),
                                             ("dialogue_record", "")]
            func changed(_ changes: [String: String]) -> [(String, String)] { good.map { ($0.0, changes[$0.0] ?? $0.1) } }
            let refusals: [([String: String], String)] = [
                (["category": try care.requireID().uuidString],
                 "区分「介護保険」の担当所属 給与課（1020）は今年度の組織にないため、この区分では回付できません。人事担当に区分の担当所属の見直しを依頼してください。"),
                (["category": ""], "区分を入力してください。"),
                (["category": UUID().uuidString], "区分の選択肢が正しくありません。"),
                (["title": ""], "件名を入力してください。"),
                (["received_on": "2026-12-01"], "受付日は今日（令和8年11月30日）以前の日付にしてください。"),
                (["dialogue_record": UUID().uuidString], "寄せられた対話の選択肢が正しくありません。"),
            ]
            for (changes, message) in refusals {
                let response = try await liaison.post(newIssue, changed(changes))
                #expect(response.status == .unprocessableEntity, "\(changes)")
                #expect(response.body.string.contains(message), "\(message)")
            }
            #expect(try await LocalIssue.query(on: app.db).count() == 0, "nothing half-saved")
            #expect(try await LocalIssueEvent.query(on: app.db).count() == 0)

            let recorded = try await liaison.post(newIssue, good)
            #expect(recorded.status == .seeOther)
            let issue = try #require(try await LocalIssue.query(on: app.db).first())
            #expect(recorded.headers.first(name: .location) == (try Self.path(issue)))
            #expect(issue.sectionCode == "1010" && issue.receivedOn == day("2026-11-28") && issue.routedOn == day("2026-11-30"))
            #expect(issue.expectedOn == day("2026-12-14") && issue.status == .received && issue.recordedBy == "D0006")
            let events = try await Self.events(app, issue)
            #expect(events.map(\.kind) == [.recorded] && events.first?.sectionCode == "1010")
            let page = try await liaison.get(try Self.path(issue))
            #expect(page.body.string.contains("「集会所の雨漏り」を登録し、総務部 人事課に回付しました（回答期限 令和8年12月14日）。"))

            // HR cannot point a category at an abolished section either; other bad values are named too.
            let hr = try await browser(app, Demo.hr)
            try await hr.get(DistrictRoute.categories.path)
            let category: [(String, String)] = [("code", "bus"), ("name_ja", "バス"), ("name_en", "Buses"), ("section", "101010"), ("expected_days", "30")]
            func changedCategory(_ changes: [String: String]) -> [(String, String)] { category.map { ($0.0, changes[$0.0] ?? $0.1) } }
            let categoryRefusals: [([String: String], String)] = [
                (["section": "1020"], "担当所属 給与課（1020）は今年度の組織にありません。今年度の組織の所属を選んでください。"),
                (["section": ""], "担当所属を入力してください。"),
                (["expected_days": "0"], "回答までの標準日数は 1〜365 の整数で入力してください。"),
                (["code": "-bus"], "コードは半角の英小文字・数字・ハイフンで入力してください（先頭はハイフン以外）。"),
                (["code": "ROAD"], "コード「road」は区分「道路」で使われています。"),
            ]
            for (changes, message) in categoryRefusals {
                let response = try await hr.post(DistrictRoute.categories.path, changedCategory(changes))
                #expect(response.status == .unprocessableEntity, "\(changes)")
                #expect(response.body.string.contains(message), "\(message)")
            }
            #expect(try await LocalIssueCategory.query(on: app.db).count() == 3)
            let categories = try await hr.get(DistrictRoute.categories.path)
            #expect(categories.body.string.contains("今年度の組織にない所属"), "the category left behind by the reorganization is marked")
            #expect(try await browser(app, Demo.sectionManager).get(DistrictRoute.categories.path).status == .forbidden)
        }
    }

    @Test("an issue open past its expected date is overdue and goes up to the head of the section's department: queue, issue page, home page")
    func escalation() async throws {
        try await withCity { app in
            let chuo = try await Self.district(app, "2010"), road = try await Self.category(app, "road")
            // Routed on 11-01 with 14 days: expected 11-15, overdue since 11-16.
            let late = try await Self.issue(app, "防犯灯が切れている", district: chuo, category: road, received: "2026-11-01", status: .inProgress)
            #expect(late.expectedOn == day("2026-11-15"))
            // Routed on 11-16: expected 11-30, today, still on time.
            let due = try await Self.issue(app, "ごみ集積所のカラス被害", district: chuo, category: road, received: "2026-11-16")
            #expect(due.expectedOn == TestClock.today)

            let manager = try await browser(app, Demo.sectionManager)
            let home = try await manager.get(PlatformRoute.home.path)
            #expect(home.body.string.contains("あなたの所属に回答を待つ地域課題が 2 件あります（うち期限超過 1 件）。"))
            let queue = try await manager.get(DistrictRoute.queue.path)
            #expect(queue.status == .ok && queue.body.string.contains("防犯灯が切れている") && queue.body.string.contains("ごみ集積所のカラス被害"))
            let overdueTable = try #require(queue.body.string.components(separatedBy: "回答を待つ課題</h2>").first)
            #expect(overdueTable.contains("防犯灯が切れている") && !overdueTable.contains("ごみ集積所のカラス被害"), "only the late one is in the overdue table")

            let lateView = try await manager.get(try Self.path(late))
            #expect(lateView.body.string.contains("回答期限を過ぎたため、この課題は総務部の部長に上がっています。"))
            #expect(!(try await manager.get(try Self.path(due))).body.string.contains("部長に上がっています"))

            let head = try await browser(app, Demo.departmentHead)
            #expect(try await head.get(PlatformRoute.home.path).body.string.contains("部内で回答期限を過ぎた地域課題が 1 件あります。"))
            let headQueue = try await head.get(DistrictRoute.queue.path)
            #expect(headQueue.status == .ok && headQueue.body.string.contains("回答期限を過ぎて部長に上がっている課題") && headQueue.body.string.contains("防犯灯が切れている"))

            // Once answered it is no longer overdue, and the department head's notice goes.
            late.status = .resolved
            late.response = "LED灯に交換しました。"
            late.respondedOn = TestClock.today
            try await late.save(on: app.db)
            #expect(!(try await head.get(PlatformRoute.home.path)).body.string.contains("部内で回答期限を過ぎた地域課題"))
        }
    }

    // MARK: - The status workflow

    /// Every pair of statuses and what the page answers: a change, or the refusal's words.
    static let transitions: [(from: LocalIssueStatus, to: LocalIssueStatus, refusal: String?)] = [
        (.received, .received, "状況はすでに「受付」です。"),
        (.received, .inProgress, nil),
        (.received, .resolved, "「受付」から「対応済」には変更できません。状況は 受付 → 対応中 → 対応済 または 対応困難 の順に一つずつ進めてください。"),
        (.received, .difficult, "「受付」から「対応困難」には変更できません。状況は 受付 → 対応中 → 対応済 または 対応困難 の順に一つずつ進めてください。"),
        (.inProgress, .received, "「対応中」から「受付」には変更できません。状況は 受付 → 対応中 → 対応済 または 対応困難 の順に一つずつ進めてください。"),
        (.inProgress, .inProgress, "状況はすでに「対応中」です。"),
        (.inProgress, .resolved, nil),
        (.inProgress, .difficult, nil),
        (.resolved, .received, "この課題はすでに「対応済」として回答済みのため、変更できません。"),
        (.resolved, .inProgress, "この課題はすでに「対応済」として回答済みのため、変更できません。"),
        (.resolved, .resolved, "この課題はすでに「対応済」として回答済みのため、変更できません。"),
        (.resolved, .difficult, "この課題はすでに「対応済」として回答済みのため、変更できません。"),
        (.difficult, .received, "この課題はすでに「対応困難」として回答済みのため、変更できません。"),
        (.difficult, .inProgress, "この課題はすでに「対応困難」として回答済みのため、変更できません。"),
        (.difficult, .resolved, "この課題はすでに「対応困難」として回答済みのため、変更できません。"),
        (.difficult, .difficult, "この課題はすでに「対応困難」として回答済みのため、変更できません。"),
    ]

    @Test("every status change through the answer form: allowed ones saved with their history, refused ones named and nothing changed")
    func everyTransition() async throws {
        try await withCity { app in
            let chuo = try await Self.district(app, "2010"), road = try await Self.category(app, "road")
            let manager = try await browser(app, Demo.sectionManager)
            #expect(Set(Self.transitions.map { "\($0.from)>\($0.to)" }).count == 16, "every pair of statuses")
            for (index, transition) in Self.transitions.enumerated() {
                let closed = !transition.from.isOpen
                let issue = try await Self.issue(app, "課題\(index)", district: chuo, category: road, status: transition.from,
                                                 responded: closed ? "2026-11-25" : nil, response: transition.from == .resolved ? "対応しました。" : "",
                                                 reason: transition.from == .difficult ? "私有地のためです。" : "")
                let path = try Self.path(issue)
                try await manager.get(path)
                let response = try await manager.post(DistrictRoute.issueStatus(.id(try issue.requireID())).path, [
                    ("status", transition.to.rawValue), ("response", "側溝の蓋を交換しました。"), ("reason", "県の管理する水路のためです。"),
                ])
                let what = "\(transition.from) → \(transition.to)"
                let after = try await Self.reloaded(app, issue)
                let events = try await Self.events(app, issue)
                if let refusal = transition.refusal {
                    if closed {
                        #expect(response.status == .seeOther && response.headers.first(name: .location) == path, "\(what)")
                        #expect(try await manager.get(path).body.string.contains(refusal), "\(what): \(refusal)")
                    } else {
                        #expect(response.status == .unprocessableEntity, "\(what)")
                        #expect(response.body.string.contains(refusal), "\(what): \(refusal)")
                    }
                    #expect(after.status == transition.from && events.count == 1, "\(what): nothing changed")
                } else {
                    #expect(response.status == .seeOther && response.headers.first(name: .location) == path, "\(what)")
                    #expect(after.status == transition.to, "\(what)")
                    #expect(events.map(\.kind) == [.recorded, .statusChanged] && events.last?.status == transition.to && events.last?.actor == "D0002", "\(what)")
                    #expect(after.respondedOn == (transition.to.isOpen ? nil : TestClock.today), "\(what)")
                    if transition.to == .resolved { #expect(after.response == "側溝の蓋を交換しました。" && after.difficultyReason.isEmpty) }
                    if transition.to == .difficult {
                        #expect(after.difficultyReason == "県の管理する水路のためです。" && events.last?.note == "県の管理する水路のためです。")
                    }
                }
            }
        }
    }

    @Test("対応済 needs the written response and 対応困難 its reason; an unknown status is refused; only the section answering may change it")
    func answersCarryTheirText() async throws {
        try await withCity { app in
            let chuo = try await Self.district(app, "2010"), road = try await Self.category(app, "road"), park = try await Self.category(app, "park")
            let issue = try await Self.issue(app, "通学路のカーブミラー", district: chuo, category: road, status: .inProgress)
            let statusPath = DistrictRoute.issueStatus(.id(try issue.requireID())).path
            let manager = try await browser(app, Demo.sectionManager)
            let refusals: [([(String, String)], String)] = [
                ([("status", "resolved"), ("response", "  "), ("reason", "")], "「対応済」にするには、回答を入力してください。"),
                ([("status", "difficult"), ("response", "検討しました。"), ("reason", "")], "「対応困難」にするには、対応困難の理由を入力してください。"),
                ([("status", "closed"), ("response", ""), ("reason", "")], "新しい状況の選択肢が正しくありません。"),
                ([("response", ""), ("reason", "")], "新しい状況を入力してください。"),
            ]
            for (form, message) in refusals {
                let response = try await manager.post(statusPath, form)
                #expect(response.status == .unprocessableEntity, "\(form)")
                #expect(response.body.string.contains(message), "\(message)")
            }
            #expect(try await Self.reloaded(app, issue).status == .inProgress)
            #expect(try await Self.events(app, issue).count == 1)

            // The section's response template fills in the answer.
            try await manager.get(DistrictRoute.templates.path)
            #expect(try await manager.post(DistrictRoute.templates.path, [("section", "1010"), ("title", "設置の検討"), ("body", "現地を確認し、設置を検討します。")]).status == .seeOther)
            let outside = try await manager.post(DistrictRoute.templates.path, [("section", "2010"), ("title", "よその文例"), ("body", "本文")])
            #expect(outside.status == .unprocessableEntity && outside.body.string.contains("担当所属は、あなたが回答する所属から選んでください。"))
            let template = try #require(try await LocalIssueResponseTemplate.query(on: app.db).first())
            #expect(template.sectionCode == "1010")
            #expect(try await LocalIssueResponseTemplate.query(on: app.db).count() == 1)
            let prefilled = try await manager.get(try Self.path(issue) + "?template=" + template.requireID().uuidString.lowercased())
            #expect(prefilled.body.string.contains(">現地を確認し、設置を検討します。</textarea>"))

            // The liaison reads the issue but does not answer it; another section's manager does not see it.
            let liaison = try await browser(app, Demo.districtLiaison)
            let liaisonView = try await liaison.get(try Self.path(issue))
            #expect(liaisonView.status == .ok && !liaisonView.body.string.contains("name=\"status\""))
            #expect(try await liaison.post(statusPath, [("status", "resolved"), ("response", "対応しました。")]).status == .forbidden)
            let centerIssue = try await Self.issue(app, "公園のベンチ", district: chuo, category: park)
            #expect(try await manager.get(try Self.path(centerIssue)).status == .notFound)
            #expect(try await manager.post(DistrictRoute.issueStatus(.id(try centerIssue.requireID())).path, [("status", "in_progress")]).status == .notFound)
            #expect(try await Self.reloaded(app, centerIssue).status == .received)
        }
    }

    // MARK: - Correcting a routing

    @Test("a wrong routing is corrected to another category's section, counted again from the correction, and both routings stay in the history")
    func correctingARouting() async throws {
        try await withCity { app in
            let chuo = try await Self.district(app, "2010")
            let road = try await Self.category(app, "road"), park = try await Self.category(app, "park"), care = try await Self.category(app, "care")
            let roadID = try road.requireID(), parkID = try park.requireID()
            let issue = try await Self.issue(app, "公園前の側溝", district: chuo, category: road, received: "2026-11-25", status: .inProgress)
            let routingPath = DistrictRoute.issueRouting(.id(try issue.requireID())).path
            let manager = try await browser(app, Demo.sectionManager)
            let page = try await manager.get(try Self.path(issue))
            #expect(page.body.string.contains("name=\"note\""))
            let refusals: [([(String, String)], String)] = [
                ([("category", try road.requireID().uuidString), ("note", "念のため")], "この課題の区分はすでに「道路」です。別の区分を選んでください。"),
                ([("category", try care.requireID().uuidString), ("note", "介護の相談でした")],
                 "区分「介護保険」の担当所属 給与課（1020）は今年度の組織にないため、この区分では回付できません。人事担当に区分の担当所属の見直しを依頼してください。"),
                ([("category", try park.requireID().uuidString), ("note", " ")], "訂正の理由を入力してください。"),
            ]
            for (form, message) in refusals {
                let response = try await manager.post(routingPath, form)
                #expect(response.status == .unprocessableEntity, "\(form)")
                #expect(response.body.string.contains(message), "\(message)")
            }
            #expect(try await Self.reloaded(app, issue).sectionCode == "1010")
            #expect(try await Self.events(app, issue).count == 1)

            let corrected = try await manager.post(routingPath, [("category", try park.requireID().uuidString), ("note", "公園の敷地内の側溝でした。")])
            #expect(corrected.status == .seeOther && corrected.headers.first(name: .location) == DistrictRoute.queue.path,
                    "the issue left the manager's reach: back to the queue")
            #expect(try await manager.get(DistrictRoute.queue.path).body.string.contains("「公園前の側溝」の回付先を市民協働部 中央地区市民センターに訂正しました（回答期限 令和8年12月10日）。"))
            let after = try await Self.reloaded(app, issue)
            #expect(after.sectionCode == "2010" && after.$category.id == parkID && after.status == .received)
            #expect(after.routedOn == TestClock.today && after.expectedOn == day("2026-12-10") && after.receivedOn == day("2026-11-25"))
            let events = try await Self.events(app, issue)
            #expect(events.map(\.kind) == [.recorded, .rerouted])
            #expect(events.last?.previousSectionCode == "1010" && events.last?.previousCategoryID == roadID
                    && events.last?.sectionCode == "2010" && events.last?.note == "公園の敷地内の側溝でした。" && events.last?.actor == "D0002")
            #expect(try await manager.get(try Self.path(issue)).status == .notFound)
            let history = try await browser(app, Demo.hr).get(try Self.path(issue))
            #expect(history.body.string.contains("受付：区分「道路」で総務部 人事課に回付"))
            #expect(history.body.string.contains("回付先の訂正：「道路」（総務部 人事課）→「公園」（市民協働部 中央地区市民センター）、回答期限 令和8年12月10日"))

            // An answered issue keeps its routing.
            let answered = try await Self.issue(app, "回答済みの課題", district: chuo, category: road, status: .resolved, responded: "2026-11-28", response: "対応しました。")
            let refused = try await manager.post(DistrictRoute.issueRouting(.id(try answered.requireID())).path,
                                                 [("category", try park.requireID().uuidString), ("note", "担当違い")])
            #expect(refused.status == .seeOther)
            #expect(try await manager.get(try Self.path(answered)).body.string.contains("この課題はすでに「対応済」として回答済みのため、変更できません。"))
            #expect(try await Self.reloaded(app, answered).sectionCode == "1010")
        }
    }

    // MARK: - Who sees what

    @Test("a liaison sees only the districts they serve today, with their records and issues; another district's page and issue are 404")
    func liaisonScope() async throws {
        try await withCity { app in
            let chuo = try await Self.district(app, "2010"), kita = try await Self.district(app, "2020")
            let road = try await Self.category(app, "road")
            let own = try await Self.issue(app, "中央の課題", district: chuo, category: road)
            let other = try await Self.issue(app, "北の課題", district: kita, category: road)
            try await DistrictDialogueRecord(districtID: try kita.requireID(), heldOn: day("2026-11-10"), place: "北公民館", topics: "北の対話のテーマ",
                                             recordedBy: "X0002", recordedAt: Date()).create(on: app.db)

            let liaison = try await browser(app, Demo.districtLiaison)
            let list = try await liaison.get(DistrictRoute.districts.path)
            #expect(list.status == .ok && list.body.string.contains("中央地区") && !list.body.string.contains("北地区"))
            #expect(try await liaison.get(DistrictRoute.district(.id(try chuo.requireID())).path).status == .ok)
            let kitaPage = try await liaison.get(DistrictRoute.district(.id(try kita.requireID())).path)
            #expect(kitaPage.status == .notFound && !kitaPage.body.string.contains("北の対話のテーマ"))
            #expect(try await liaison.get(try Self.path(own)).status == .ok)
            let otherIssue = try await liaison.get(try Self.path(other))
            #expect(otherIssue.status == .notFound && !otherIssue.body.string.contains("北の課題"))
            let issues = try await liaison.get(DistrictRoute.issues.path)
            #expect(issues.status == .ok && issues.body.string.contains("中央の課題") && !issues.body.string.contains("北の課題"))
            let export = try await liaison.get(DistrictRoute.issuesExport.path)
            #expect(export.status == .ok && export.body.string.contains("中央の課題") && !export.body.string.contains("北の課題"))
            #expect(try await liaison.get(DistrictRoute.issues.path(query: [("district", try kita.requireID().uuidString.lowercased())])).status
                    == .unprocessableEntity, "another district is not among the filter's choices")

            // The other liaison the other way round.
            let north = try await browser(app, "X0002")
            #expect(try await north.get(try Self.path(own)).status == .notFound)
            #expect(try await north.get(try Self.path(other)).status == .ok)

            // Only the terms that include today count: once D0006's has ended, 中央地区 is closed to them.
            let term = try #require(try await DistrictLiaison.query(on: app.db).filter(\.$staffNumber == "D0006").first())
            term.endsOn = day("2026-11-29")
            try await term.save(on: app.db)
            #expect(try await liaison.get(DistrictRoute.district(.id(try chuo.requireID())).path).status == .notFound)
            #expect(try await liaison.get(try Self.path(own)).status == .notFound)
            #expect(try await liaison.get(DistrictRoute.districts.path).body.string.contains("あなたが現在担当している地区はありません。"))

            // HR and the promotion team see every district; other staff no district, and no issue.
            for number in [Demo.hr, Demo.promotionTeam] {
                let reader = try await browser(app, number)
                let all = try await reader.get(DistrictRoute.issues.path)
                #expect(all.body.string.contains("中央の課題") && all.body.string.contains("北の課題"), "\(number)")
                #expect(try await reader.get(DistrictRoute.district(.id(try kita.requireID())).path).status == .ok, "\(number)")
            }
            let staff = try await browser(app, Demo.staff)
            #expect(try await staff.get(DistrictRoute.districts.path).status == .forbidden)
            #expect(try await staff.get(try Self.path(own)).status == .notFound)
        }
    }

    // MARK: - Figures and export

    @Test("HR reads the counts by district, category and status, the median days to a response and the share answered on time; the Policy functions agree")
    func figures() async throws {
        try await withCity { app in
            let chuo = try await Self.district(app, "2010"), kita = try await Self.district(app, "2020")
            let road = try await Self.category(app, "road"), park = try await Self.category(app, "park")
            // Days to a response: 4, 10 and 20 (median 10); the last after its expected date (2 of 3 on time).
            try await Self.issue(app, "A", district: chuo, category: road, received: "2026-10-01", status: .resolved, responded: "2026-10-05", response: "済")
            try await Self.issue(app, "B", district: chuo, category: park, received: "2026-10-01", status: .difficult, responded: "2026-10-11", reason: "困難")
            try await Self.issue(app, "C", district: kita, category: road, received: "2026-10-01", status: .resolved, responded: "2026-10-21", response: "済")
            try await Self.issue(app, "D", district: kita, category: road, received: "2026-11-25", status: .inProgress)
            // Last fiscal year's answer counts there, not here.
            try await Self.issue(app, "E", district: kita, category: road, received: "2026-03-01", status: .resolved, responded: "2026-03-31", response: "済")
            try await DistrictDialogueRecord(districtID: try chuo.requireID(), heldOn: day("2026-06-01"), place: "公民館", topics: "防災",
                                             recordedBy: "D0006", recordedAt: Date()).create(on: app.db)

            let hr = try await browser(app, Demo.hr)
            let page = try await hr.get(DistrictRoute.issues.path)
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("<dd>10日</dd>"), "the median of 4, 10 and 20 days")
            #expect(body.contains("<dd>2 / 3 件（67%）</dd>"))
            #expect(body.contains("中央地区</a></th><td class=\"numeric\">2</td>") && body.contains("北地区</a></th><td class=\"numeric\">2</td>"),
                    "FY2026's issues by district (E was received in FY2025)")
            #expect(body.contains("道路</a></th><td class=\"numeric\">3</td>") && body.contains("公園</a></th><td class=\"numeric\">1</td>"))
            #expect(body.contains("対応済</a></th><td class=\"numeric\">2</td>") && body.contains("対応困難</a></th><td class=\"numeric\">1</td>")
                    && body.contains("対応中</a></th><td class=\"numeric\">1</td>"))
            let lastYear = try await hr.get(DistrictRoute.issues.path(query: [("fy", "2025")]))
            #expect(lastYear.body.string.contains("<dd>30日</dd>") && lastYear.body.string.contains("<dd>0 / 1 件（0%）</dd>"))

            #expect(try await DistrictPolicyFigures.medianDaysToResponse(fiscalYear: 2026, on: app.db) == 10)
            #expect(try await DistrictPolicyFigures.issuesAnsweredOnTime(fiscalYear: 2026, on: app.db) == AnsweredOnTime(answered: 3, onTime: 2))
            let records = try await DistrictPolicyFigures.recordsPerDistrict(fiscalYear: 2026, on: app.db)
            #expect(records.map { $0.district.ja } == ["中央地区", "北地区"])
            #expect(records.map { $0.records } == [1, 0])
        }
    }

    @Test("the CSV export has the Open311 GeoReport v2 fields, datetimes with +09:00, and neutralises formula cells")
    func open311Export() async throws {
        try await withCity { app in
            let chuo = try await Self.district(app, "2010"), road = try await Self.category(app, "road")
            let updated = day("2026-11-12").startOfDay(in: .japan).addingTimeInterval(15 * 3_600 + 30 * 60)
            let issue = try await Self.issue(app, "側溝の蓋", district: chuo, category: road, received: "2026-11-02", status: .resolved, responded: "2026-11-12",
                                             response: "交換しました。", place: "本町二丁目", updatedAt: updated)
            try await Self.issue(app, "=HYPERLINK(\"http://example.com\")", district: chuo, category: road, received: "2026-11-03")
            let hr = try await browser(app, Demo.hr)
            let export = try await hr.get(DistrictRoute.issuesExport.path(query: [("fy", "2026")]))
            #expect(export.status == .ok && export.headers.contentType?.subType == "csv")
            let text = String(export.body.string.drop { $0 == "\u{FEFF}" })
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.first == "service_request_id,status,status_notes,service_name,service_code,description,agency_responsible,service_notice,requested_datetime,updated_datetime,expected_datetime,address,address_id,zipcode,lat,long,media_url")
            let id = try issue.requireID().uuidString.lowercased()
            #expect(lines.contains("\(id),closed,対応済,道路,road,側溝の蓋：側溝の蓋との声がありました。,総務部 人事課,標準処理日数 14日,2026-11-02T00:00:00+09:00,2026-11-12T15:30:00+09:00,2026-11-16T23:59:59+09:00,中央地区 本町二丁目,,,,,"))
            #expect(text.contains("\"'=HYPERLINK(\"\"http://example.com\"\")：") && !text.contains(",=HYPERLINK"), "the formula cell starts with an apostrophe")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "local_issues").filter(\.$action == "export").count() == 1)
            #expect(try await browser(app, Demo.sectionManager).get(DistrictRoute.issuesExport.path).status == .forbidden)
        }
    }

    @Test("every status, tier, group and term phase has its words in both catalogs")
    func wordsForEveryValue() throws {
        let catalogs = try CatalogTests.catalogs()
        let keys = LocalIssueStatus.allCases.map { "dialogue.issue.status.\($0.rawValue)" }
            + LiaisonTier.allCases.map { "dialogue.district.tier.\($0.rawValue)" }
            + ParticipantGroup.allCases.map { "dialogue.district.group.\($0.rawValue)" }
            + LiaisonTerm.Phase.allCases.map { "dialogue.district.termPhase.\($0.rawValue)" }
        for language in Language.allCases {
            let missing = Set(keys).subtracting(catalogs.messages[language]!.keys)
            #expect(missing.isEmpty, "\(language) catalog lacks \(missing.sorted())")
        }
    }

    // MARK: - The demo city

    @Test("the demo city: 16 districts with their centers, D0006 serving 中央地区, two years of dialogues, issues in every status, 市民課's queue")
    func demoCity() async throws {
        try await withTestApp { app in
            try await DemoOrganization.load(on: app.db, today: TestClock.today)
            try await DemoDistricts.load(on: app.db, today: TestClock.today)
            let districts = try await District.query(on: app.db).sort(\.$position).all()
            #expect(districts.count == 16)
            #expect(districts.map(\.centerSectionCode.rawValue) == (1251...1266).map(String.init))
            #expect(districts.first?.nameJa == "中央地区" && districts.last?.nameJa == "清水地区")
            let chuo = try #require(districts.first)
            let d0006 = try await DistrictLiaison.query(on: app.db).filter(\.$staffNumber == "D0006").all()
            #expect(d0006.count == 1 && d0006.first?.$district.id == chuo.id && d0006.first?.term.isCurrent(on: TestClock.today) == true)
            let records = try await DistrictDialogueRecord.query(on: app.db).all()
            for district in districts {
                let held = Set(records.filter { $0.$district.id == district.id }.map { $0.heldOn.fiscalYear.startYear })
                #expect(held == [2025, 2026], "\(district.nameJa) has dialogues in both fiscal years")
            }
            let issues = try await LocalIssue.query(on: app.db).all()
            #expect(Set(issues.map(\.status)) == Set(LocalIssueStatus.allCases))
            #expect(issues.contains { $0.isOverdue(today: TestClock.today) })
            #expect(issues.filter { !$0.status.isOpen }.allSatisfy { $0.respondedOn != nil && ($0.status == .resolved ? !$0.response.isEmpty : !$0.difficultyReason.isEmpty) })
            #expect(try await LocalIssueEvent.query(on: app.db).filter(\.$kind == .rerouted).count() == 1)

            let manager = try await browser(app, Demo.sectionManager)
            let queue = try await manager.get(DistrictRoute.queue.path)
            #expect(queue.status == .ok && queue.body.string.contains("期限超過") && queue.body.string.contains("証明書のコンビニ交付の案内がほしい"))
            #expect(try await browser(app, Demo.departmentHead).get(PlatformRoute.home.path).body.string.contains("部内で回答期限を過ぎた地域課題が"))
            let liaison = try await browser(app, Demo.districtLiaison)
            #expect(try await liaison.get(DistrictRoute.district(.id(try chuo.requireID())).path).status == .ok)
            #expect(try await liaison.get(DistrictRoute.district(.id(try districts[1].requireID())).path).status == .notFound)
            let categories = try await browser(app, Demo.hr).get(DistrictRoute.categories.path)
            #expect(categories.body.string.contains("介護保険の手続き") && categories.body.string.contains("今年度の組織にない所属"))
        }
    }
}
