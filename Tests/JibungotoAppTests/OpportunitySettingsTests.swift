import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

@Suite("Opportunities settings: HR tunes the suggestion weights, the side-job caps and the support-duty rules")
struct OpportunitySettingsTests {
    static func form(_ overrides: [String: String] = [:], exempt: [String] = ["shortTimeReappointed"]) -> [(String, String)] {
        var values = [
            "interest_weight": "5", "skills_weight": "1", "section_variety_weight": "2", "new_faces_weight": "4", "new_faces_years": "3",
            "consent_days": "10", "side_job_share_percent": "15", "regular_monthly_hours": "155", "side_job_monthly_maximum_hours": "30",
            "support_lookback_years": "3",
        ]
        values.merge(overrides) { $1 }
        return values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + exempt.map { ("exempt_employment_types[]", $0) }
    }

    @Test("saved settings are used: the page states the side-job cap they add up to, suggestions show the weights")
    func saveAndUse() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let page = try await hr.get(OpportunitiesRoute.settings.path)
            #expect(page.body.string.contains("現在の庁内副業の月間上限は 20 時間です（月の勤務時間 155 時間の 20% と上限 20 時間の少ない方）。"))
            #expect(try await hr.post(OpportunitiesRoute.settings.path, Self.form()).status == .seeOther)
            let saved = try await OpportunitySettings.load(on: app.db)
            #expect(saved.interestWeight == 5 && saved.newFacesYears == 3 && saved.consentDays == 10)
            #expect(saved.supportExemptEmploymentTypes == [.shortTimeReappointed])
            #expect(saved.sideJobMonthlyCapHours == 23.25)
            #expect(try await hr.get(OpportunitiesRoute.settings.path).body.string.contains("現在の庁内副業の月間上限は 23.3 時間です"))
            let team = try await ProjectTeamTests.postTeam(hr)
            #expect(try await hr.get(team + "/suggestions").body.string.contains("重み：関心 5、スキル 1、所属の多様さ 2、新しい顔ぶれ 4（人事課が設定）"))
        }
    }

    @Test("bad numbers name their field, all-zero weights are refused, nothing is saved; only HR opens the page")
    func refusals() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let hr = Browser(app), manager = Browser(app)
            try await hr.logIn(Demo.hr)
            try await manager.logIn(Demo.sectionManager)
            try await hr.get(OpportunitiesRoute.settings.path)
            let bad = try await hr.post(OpportunitiesRoute.settings.path, Self.form(["consent_days": "０", "side_job_share_percent": "abc"]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("所属長の同意期限（日）は 1〜60 の整数で入力してください。"))
            #expect(bad.body.string.contains("庁内副業の上限（勤務時間に対する割合 %）は 1〜100 の整数で入力してください。"))
            let zero = try await hr.post(OpportunitiesRoute.settings.path, Self.form(["interest_weight": "0", "skills_weight": "0", "section_variety_weight": "0", "new_faces_weight": "0"]))
            #expect(zero.body.string.contains("候補者提案の重みのうち少なくとも一つは 1 以上にしてください。"))
            let tampered = try await hr.post(OpportunitiesRoute.settings.path, Self.form(exempt: ["onLeave"]))
            #expect(tampered.status == .unprocessableEntity)
            #expect(try await OpportunitySettingsRecord.query(on: app.db).count() == 0)
            #expect(try await manager.get(OpportunitiesRoute.settings.path).status == .forbidden)
        }
    }
}
