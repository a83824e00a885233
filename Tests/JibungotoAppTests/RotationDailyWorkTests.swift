import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

/// Issue 18 for the planner: approval after a confirmation page, 起案/決裁, withdrawal before
/// the transfer date, a past transfer date said plainly, the person-by-person comparison, the
/// pins on the overview and where a person can go after a refused pin. (`RotationFixture`'s city.)
@Suite("Rotation daily work")
struct RotationDailyWorkTests {
    private func withCity(_ body: (Application, Browser) async throws -> Void) async throws {
        try await withTestApp { app in
            try await RotationFixture.load(on: app.db)
            let browser = Browser(app)
            try await browser.logIn(Demo.hr)
            try await body(app, browser)
        }
    }

    /// The part of a page from the first `start` to the next `end` after it (empty when absent).
    private func slice(_ body: String, from start: String, to end: String) -> String {
        guard let lower = body.range(of: start), let upper = body.range(of: end, range: lower.upperBound..<body.endIndex) else { return "" }
        return String(body[lower.lowerBound..<upper.upperBound])
    }

    /// The staff numbers a stored solution moves to another section than their current one.
    private func movedNumbers(_ app: Application) async throws -> Set<StaffNumber> {
        let scenario = try #require(try await RotationScenario.query(on: app.db).first())
        let placements = try #require(StoredSolution.decode(scenario.solution)?.placements)
        return Set(placements.filter { number, pool in RotationFixture.people.first { $0.0 == number }?.4 != pool.sectionCode }.keys)
    }

    /// Every assignment as text, in one order, to compare the history before and after.
    private func history(_ app: Application) async throws -> [String] {
        try await Assignment.query(on: app.db).all().map {
            "\($0.id?.uuidString ?? "") \($0.staffNumber) \($0.sectionCode) \($0.post) \($0.startDate.iso) \($0.endDate?.iso ?? "-")"
        }.sorted()
    }

    private func placements(_ app: Application) async throws -> [String] {
        try await StaffMember.query(on: app.db).all().map {
            "\($0.staffNumber) \($0.currentSectionCode?.rawValue ?? "-") \($0.currentPost ?? "-") \($0.currentSince?.iso ?? "-")"
        }.sorted()
    }

    /// The rules settings form as the page sends it, with the 起案/決裁 choice.
    private func settingsForm(separateApprover: String) -> [(String, String)] {
        RotationRuleForm.numbers.map { ($0.name, String(RotationRuleSettings()[keyPath: $0.keyPath])) }
            + [("subordinate_mode", "warning"), ("early_career_deadline_mode", "warning"), ("separate_approver", separateApprover)]
    }

    @Test("approval opens a page that says what will be written; with 起案/決裁 the drafter is refused and another HR officer approves")
    func confirmationAndSeparation() async throws {
        try await withCity { app, hr in
            let path = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(path)
            _ = try await OrganizationEditing.clone(from: RotationFixture.thisYear, on: app.db)
            let moved = try await movedNumbers(app)
            #expect(!moved.isEmpty)

            // The overview links to the confirmation page; no one-click approval form.
            let overview = try await hr.get(path).body.string
            #expect(overview.contains("href=\"\(RotationRoute.approve(scenarioID).path)\""))
            #expect(!overview.contains("action=\"\(RotationRoute.approve(scenarioID).path)\""))

            var page = try await hr.get(RotationRoute.approve(scenarioID).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("承認すると、\(moved.count)人の配属が"))
            #expect(page.body.string.contains("登録される異動（\(moved.count)人）"))
            #expect(page.body.string.contains("江藤 美咲（D0004）"))
            for number in moved {
                let name = try #require(RotationFixture.people.first { $0.0 == number }?.1)
                #expect(page.body.string.contains(name), "\(name) moves and is listed")
            }
            #expect(page.body.string.contains("この内容で承認する"))

            // The municipality requires 起案/決裁.
            try await hr.get(RotationRoute.settings.path)
            var response = try await hr.post(RotationRoute.settings.path, settingsForm(separateApprover: "yes"))
            #expect(response.status == .seeOther)
            #expect(try await RotationSettingsRecord.query(on: app.db).first()?.separateApprover == true)
            #expect(try await hr.get(RotationRoute.settings.path).body.string.contains("分ける（異動案を作った人は承認できない）"))

            let refusal = "この自治体では、異動案を起案した人は承認（決裁）できません。別の人事担当者が承認してください。"
            page = try await hr.get(RotationRoute.approve(scenarioID).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains(refusal))
            #expect(!page.body.string.contains("この内容で承認する"))
            response = try await hr.post(RotationRoute.approve(scenarioID).path, [])
            #expect(response.status == .conflict)
            #expect(response.body.string.contains(refusal))
            #expect(try await Assignment.query(on: app.db).filter(\.$startDate == RotationFixture.transfer).count() == 0)
            #expect(try await RotationScenario.query(on: app.db).first()?.isApproved == false)

            // Another HR officer approves.
            let hrUser = try #require(try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.hr)).first())
            let approver = User(staffNumber: "R007", displayName: "菊地 七海", passwordHash: hrUser.passwordHash)
            try await approver.create(on: app.db)
            try await UserRole(userID: try approver.requireID(), role: .hr).create(on: app.db)
            let second = Browser(app)
            try await second.logIn("R007")
            page = try await second.get(RotationRoute.approve(scenarioID).path)
            #expect(page.body.string.contains("この内容で承認する"))
            response = try await second.post(RotationRoute.approve(scenarioID).path, [])
            #expect(response.status == .seeOther)
            let scenario = try #require(try await RotationScenario.query(on: app.db).first())
            #expect(scenario.isApproved)
            #expect(scenario.createdBy == Demo.hr)
            #expect(scenario.approvedBy == "R007")
            #expect(scenario.approvedAt != nil)
            #expect(Set(try await Assignment.query(on: app.db).filter(\.$startDate == RotationFixture.transfer).all().map(\.staffNumber)) == moved)
            let approved = try await hr.get(path).body.string
            #expect(approved.contains("江藤 美咲（D0004）"))
            #expect(approved.contains("菊地 七海（R007）"))
        }
    }

    @Test("withdrawal before the transfer date restores the assignments exactly, makes the scenario a draft and audits the reason")
    func withdrawalRestores() async throws {
        try await withCity { app, hr in
            let path = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(path)
            _ = try await OrganizationEditing.clone(from: RotationFixture.thisYear, on: app.db)
            let historyBefore = try await history(app)
            let placementsBefore = try await placements(app)

            try await hr.get(RotationRoute.approve(scenarioID).path)
            #expect(try await hr.post(RotationRoute.approve(scenarioID).path, []).status == .seeOther)
            #expect(try await history(app) != historyBefore)
            #expect(try await hr.get(path).body.string.contains("href=\"\(RotationRoute.withdraw(scenarioID).path)\""))

            // The reason is required.
            let page = try await hr.get(RotationRoute.withdraw(scenarioID).path)
            #expect(page.status == .ok)
            var response = try await hr.post(RotationRoute.withdraw(scenarioID).path, [("reason", "  ")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("取り消しの理由を入力してください。"))
            #expect(try await RotationScenario.query(on: app.db).first()?.isApproved == true)

            try await hr.get(RotationRoute.withdraw(scenarioID).path)
            response = try await hr.post(RotationRoute.withdraw(scenarioID).path, [("reason", "内示前に組織改正が決まったため")])
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == path)
            let scenario = try #require(try await RotationScenario.query(on: app.db).first())
            #expect(scenario.status == .draft)
            #expect(scenario.approvedBy == nil)
            #expect(scenario.approvedAt == nil)
            #expect(scenario.approvalWrites == nil)
            #expect(try await history(app) == historyBefore)
            #expect(try await placements(app) == placementsBefore)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$subjectType == "rotation_scenario").all()
                .filter { $0.detail.hasPrefix("withdraw approval") }
            #expect(audit.count == 1)
            #expect(audit.first?.detail.contains("reason=内示前に組織改正が決まったため") == true)
            #expect(audit.first?.actorStaffNumber == Demo.hr)

            // A draft again: it can be approved anew, and there is nothing left to withdraw.
            response = try await hr.post(RotationRoute.withdraw(scenarioID).path, [("reason", "二度目")])
            #expect(response.status == .seeOther)
            #expect(try await AuditEvent.query(on: app.db).all().filter { $0.detail.hasPrefix("withdraw approval") }.count == 1)
            try await hr.get(RotationRoute.approve(scenarioID).path)
            #expect(try await hr.post(RotationRoute.approve(scenarioID).path, []).status == .seeOther)
            #expect(try await RotationScenario.query(on: app.db).first()?.isApproved == true)
        }
    }

    @Test("an approval that a later approved list builds on is withdrawn only after that list; the words ask to calculate the placements again")
    func withdrawalAfterALaterApproval() async throws {
        try await withCity { app, hr in
            _ = try await OrganizationEditing.clone(from: RotationFixture.thisYear, on: app.db)
            let historyBefore = try await history(app)
            let placementsBefore = try await placements(app)
            let pathA = try await RotationFixture.createScenario(hr, name: "4月の異動")
            let a = RotationFixture.scenarioID(pathA)
            try await hr.get(RotationRoute.approve(a).path)
            #expect(try await hr.post(RotationRoute.approve(a).path, []).status == .seeOther)
            let historyAfterA = try await history(app)
            #expect(historyAfterA != historyBefore)

            // B, half a year later, builds on A: 宇野 三郎 moves to 人事係, which A emptied.
            let later = day("2027-10-01")
            let pathB = try await RotationFixture.createScenario(hr, name: "10月の異動", date: later.iso)
            let b = RotationFixture.scenarioID(pathB)
            try await hr.get(RotationRoute.movers(b).path)
            #expect(try await hr.post(RotationRoute.moverAdd(b).path, [("staff_number", "R003")]).status == .seeOther)
            let movers = try await hr.get(RotationRoute.movers(b).path).body.string
            #expect(movers.contains("職員番号R003を異動対象者に追加しました。案の画面の「配置を計算」で計算し直してください。"))
            #expect(movers.contains("変更後は案の画面の「配置を計算」で計算し直してください。"))
            let person = try await hr.get(RotationRoute.person(b, .value("R003")).path)
            #expect(person.status == .ok)
            #expect(person.body.string.contains("<h3>指定を追加して配置を計算し直す</h3>"))
            #expect(person.body.string.contains("指定して配置を計算し直す</button>"))
            let pinned = try await hr.post(RotationRoute.pins(b).path, [("staff_number", "R003"), ("kind", "must_go_to"), ("section_code", "101010")])
            #expect(pinned.status == .seeOther)
            #expect(pinned.headers.first(name: .location) == RotationRoute.changes(b).path, "B has a placement")
            let changes = try await hr.get(RotationRoute.changes(b).path).body.string
            #expect(changes.contains(/配置を計算し直しました（[0-9]+ミリ秒）。前回との違いです。/))
            let pinnedPerson = try await hr.get(RotationRoute.person(b, .value("R003")).path).body.string
            #expect(pinnedPerson.contains("指定を外して配置を計算し直す"))
            for page in [movers, person.body.string, changes, pinnedPerson] { #expect(!page.contains("解き直")) }
            try await hr.get(RotationRoute.approve(b).path)
            #expect(try await hr.post(RotationRoute.approve(b).path, []).status == .seeOther)
            #expect(try await Assignment.query(on: app.db).filter(\.$staffNumber == "R003").filter(\.$startDate == later)
                .filter(\.$sectionCode == "101010").count() == 1)
            let historyAfterB = try await history(app)
            let placementsAfterB = try await placements(app)
            #expect(historyAfterB != historyAfterA)

            // A first: refused on the page and on the post, with the date of B; nothing changes.
            let refusal = "この案の後に、異動日が後（令和9年10月1日）の案が承認されています。先にそちらの承認を取り消してください。"
            let form = try await hr.get(RotationRoute.withdraw(a).path)
            #expect(form.status == .conflict)
            #expect(form.body.string.contains(refusal))
            #expect(!form.body.string.contains("name=\"reason\""))
            let refused = try await hr.post(RotationRoute.withdraw(a).path, [("reason", "4月の異動を見直すため")])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains(refusal))
            #expect(try await history(app) == historyAfterB)
            #expect(try await placements(app) == placementsAfterB)
            #expect(try await RotationScenario.query(on: app.db).filter(\.$status == .approved).count() == 2)
            #expect(try await AuditEvent.query(on: app.db).all().filter { $0.detail.hasPrefix("withdraw approval") }.isEmpty)

            // B first, then A: each allowed, and the history is back as it was.
            #expect(try await hr.get(RotationRoute.withdraw(b).path).status == .ok)
            let withdrawnB = try await hr.post(RotationRoute.withdraw(b).path, [("reason", "10月の異動を取りやめるため")])
            #expect(withdrawnB.status == .seeOther)
            #expect(withdrawnB.headers.first(name: .location) == pathB)
            #expect(try await history(app) == historyAfterA)
            #expect(try await hr.get(RotationRoute.withdraw(a).path).status == .ok)
            let withdrawnA = try await hr.post(RotationRoute.withdraw(a).path, [("reason", "4月の異動を見直すため")])
            #expect(withdrawnA.status == .seeOther)
            #expect(withdrawnA.headers.first(name: .location) == pathA)
            #expect(try await history(app) == historyBefore)
            #expect(try await placements(app) == placementsBefore)
            #expect(try await RotationScenario.query(on: app.db).filter(\.$status == .approved).count() == 0)
            #expect(try await AuditEvent.query(on: app.db).all().filter { $0.detail.hasPrefix("withdraw approval") }.count == 2)
        }
    }

    @Test("a past transfer date is said plainly: confirmed on the form, warned on the confirmation page; withdrawal on or after the date is refused")
    func pastTransferDate() async throws {
        try await withCity { app, hr in
            let past = day("2026-10-01")
            try await hr.get(RotationRoute.scenarios.path)
            var response = try await hr.post(RotationRoute.scenarios.path, [("name", "下期の異動"), ("transfer_date", past.iso), ("preset", "settings")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("は今日より前の日付です。過去の異動を記録する場合は「過去の異動として記録します」にチェックを入れてください。"))
            #expect(try await RotationScenario.query(on: app.db).count() == 0)
            response = try await hr.post(RotationRoute.scenarios.path, [
                ("name", "下期の異動"), ("transfer_date", past.iso), ("preset", "settings"), ("past_date[]", "yes"),
            ])
            #expect(response.status == .seeOther)
            let path = response.headers.first(name: .location) ?? ""
            let scenarioID = RotationFixture.scenarioID(path)
            let warning = "は今日より前の日付です。承認すると、過去の異動として記録されます。"
            #expect(try await hr.get(path).body.string.contains(warning))

            let page = try await hr.get(RotationRoute.approve(scenarioID).path)
            #expect(page.body.string.contains(warning))
            response = try await hr.post(RotationRoute.approve(scenarioID).path, [])
            #expect(response.status == .seeOther)
            let written = try await Assignment.query(on: app.db).filter(\.$startDate == past).count()
            #expect(written > 0)

            // On and after the transfer date the approval stays: no link, the page and the post refuse.
            let tooLate = "当日以降は承認を取り消せません。配属の訂正は組織画面の異動履歴で行ってください。"
            let approvedOverview = try await hr.get(path).body.string
            #expect(!approvedOverview.contains(RotationRoute.withdraw(scenarioID).path))
            let form = try await hr.get(RotationRoute.withdraw(scenarioID).path)
            #expect(form.status == .conflict)
            #expect(form.body.string.contains(tooLate))
            response = try await hr.post(RotationRoute.withdraw(scenarioID).path, [("reason", "誤り")])
            #expect(response.status == .conflict)
            #expect(response.body.string.contains(tooLate))
            #expect(try await RotationScenario.query(on: app.db).first()?.isApproved == true)
            #expect(try await Assignment.query(on: app.db).filter(\.$startDate == past).count() == written)
            #expect(try await AuditEvent.query(on: app.db).all().filter { $0.detail.hasPrefix("withdraw approval") }.isEmpty)
        }
    }

    @Test("two scenarios of one date are compared person by person: exactly the people placed differently, with both placements and reasons")
    func comparison() async throws {
        try await withCity { app, hr in
            let firstPath = try await RotationFixture.createScenario(hr, name: "規則どおり")
            let secondPath = try await RotationFixture.createScenario(hr, name: "相田を健康づくり係へ")
            let second = RotationFixture.scenarioID(secondPath)
            // The second pins 相田 一郎 to 健康づくり係, which the first does not choose.
            try await hr.get(RotationRoute.person(second, .value("R001")).path)
            let pin = try await hr.post(RotationRoute.pins(second).path, [("staff_number", "R001"), ("kind", "must_go_to"), ("section_code", "3010")])
            #expect(pin.status == .seeOther)

            let list = try await hr.get(RotationRoute.scenarios.path).body.string
            #expect(list.contains("action=\"\(RotationRoute.compare.path)\""))
            #expect(!list.contains("点数"))

            let scenarios = try await RotationScenario.query(on: app.db).all()
            let first = try #require(scenarios.first { $0.name == "規則どおり" })
            let other = try #require(scenarios.first { $0.name == "相田を健康づくり係へ" })
            let a = try #require(StoredSolution.decode(first.solution)?.placements)
            let b = try #require(StoredSolution.decode(other.solution)?.placements)
            let differing = Set(ScenarioComparison.differingStaff(a, b))
            #expect(differing.contains("R001"))

            let idA = String(firstPath.split(separator: "/").last ?? "")
            let idB = String(secondPath.split(separator: "/").last ?? "")
            let page = try await hr.get(RotationRoute.compare.path(query: [("a", idA), ("b", idB)]))
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("配置が違う職員（\(differing.count)人）"))
            let table = slice(body, from: "id=\"rotation-differences\"", to: "</table>")
            #expect(!table.isEmpty)
            for (number, name, _, _, _, _) in RotationFixture.people {
                #expect(table.contains(name) == differing.contains(number), "\(name) is listed only when placed differently")
            }
            let row = slice(table, from: "相田 一郎", to: "</tr>")
            #expect(row.contains("健康づくり係"))
            #expect(row.contains("在課6年"))
            #expect(row.contains("人事指定"))

            // The same scenario twice, or none chosen, is said in words.
            let same = try await hr.get(RotationRoute.compare.path(query: [("a", idA), ("b", idA)]))
            #expect(same.status == .unprocessableEntity)
            #expect(same.body.string.contains("同じ案どうしは比較できません。"))
            let none = try await hr.get(RotationRoute.compare.path)
            #expect(none.status == .ok)
            #expect(none.body.string.contains("比較する2つの案を、異動案の一覧で同じ異動日の中から選んでください。"))
        }
    }

    @Test("the overview lists the pins; a refused pin shows where the person can go; technical words stay behind the details")
    func pinsAndPlainWords() async throws {
        try await withCity { app, hr in
            let path = try await RotationFixture.createScenario(hr)
            let scenarioID = RotationFixture.scenarioID(path)
            var overview = try await hr.get(path).body.string
            #expect(overview.contains("この案に人事指定はありません。"))
            for word in ["ソルバー", "双対証明書", "差分コスト", "点数"] {
                #expect(!overview.contains(word), "\(word) is not on the overview")
            }
            let details = slice(overview, from: "<details>", to: "</details>")
            #expect(details.contains("計算の詳細（担当者向け）"))
            #expect(details.contains("これより良い配置がないことを検証済み"))

            // 警防係 takes 消防 only: refused, with the sections 相田 一郎 can go to.
            try await hr.get(RotationRoute.person(scenarioID, .value("R001")).path)
            let refused = try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R001"), ("kind", "must_go_to"), ("section_code", "4010")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("相田 一郎（事務）は職種が警防係に合いません"))
            let possible = slice(refused.body.string, from: "相田 一郎さんが異動できる所属", to: "</ul>")
            #expect(possible.contains("<li>健康づくり係</li>"))
            #expect(!possible.contains("警防係"))
            #expect(!possible.contains("<li>人事係</li>"))
            #expect(try await RotationScenarioPin.query(on: app.db).count() == 0)

            let person = try await hr.get(RotationRoute.person(scenarioID, .value("R001")).path).body.string
            #expect(!person.contains("ソルバー"))
            #expect(!person.contains("差分コスト"))

            let pin = try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R001"), ("kind", "must_go_to"), ("section_code", "3010")])
            #expect(pin.status == .seeOther)
            overview = try await hr.get(path).body.string
            #expect(overview.contains("相田 一郎：健康づくり係へ異動"))
            #expect(overview.contains("href=\"\(RotationRoute.person(scenarioID, .value("R001")).path)\""))

            // The same pin sent again (a double click) is one pin, and says so.
            let again = try await hr.post(RotationRoute.pins(scenarioID).path, [("staff_number", "R001"), ("kind", "must_go_to"), ("section_code", "3010")])
            #expect(again.status == .seeOther)
            #expect(again.headers.first(name: .location) == RotationRoute.scenario(scenarioID).path)
            #expect(try await hr.get(RotationRoute.scenario(scenarioID).path).body.string.contains("この条件はすでに設定されています。"))
            #expect(try await RotationScenarioPin.query(on: app.db).count() == 1)
        }
    }
}
