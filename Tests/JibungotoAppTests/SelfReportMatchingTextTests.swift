import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import SQLKit
import Testing

@Suite("Self-report matching texts: kept folded beside the themes and skills, and filled for reports written before migration 028")
struct SelfReportMatchingTextTests {
    struct Stored: Decodable, Equatable {
        let project_team_themes_folded: String
        let skills_folded: String
    }

    static func stored(_ report: SelfReport, on database: any Database) async throws -> Stored {
        let sql = try #require(database as? any SQLDatabase)
        return try #require(try await sql.raw("""
            SELECT project_team_themes_folded, skills_folded FROM self_reports WHERE id = \(bind: try report.requireID())
            """).first(decoding: Stored.self))
    }

    @Test("saving keeps the folded forms; migration 028 fills them for the reports it finds")
    func foldedFormsFollowTheTexts() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let cycle = SelfReportCycle(fiscalYear: 2026, title: "令和8年度 自己申告", opensOn: TestClock.today.adding(days: -10), deadline: TestClock.today.adding(days: 10), createdBy: Demo.hr)
            try await cycle.create(on: app.db)
            let report = SelfReport(cycleID: try cycle.requireID(), staffNumber: StaffNumber(Demo.staff), projectTeamThemes: "ＤＸと窓口改善", skills: "ﾃﾞｰﾀ分析\nExcel")
            try await report.create(on: app.db)
            #expect(try await Self.stored(report, on: app.db) == Stored(project_team_themes_folded: "dxと窓口改善", skills_folded: "データ分析\nexcel"))

            report.skills = "ＧＩＳ"
            try await report.save(on: app.db)
            #expect(try await Self.stored(report, on: app.db).skills_folded == "gis")

            // A report from before migration 028, whose folded forms are empty: the migration fills them.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE self_reports SET project_team_themes_folded = '', skills_folded = ''").run()
            try await AddSelfReportMatchingTexts.fill(on: app.db)
            #expect(try await Self.stored(report, on: app.db) == Stored(project_team_themes_folded: "dxと窓口改善", skills_folded: "gis"))
        }
    }
}
