import Foundation
@testable import JibungotoApp
import Testing
import Vapor
import VaporTesting

@Suite("Roles, scopes and the access gate")
struct AccessTests {
    static let withoutAdministration = [Demo.staff, Demo.sectionManager, Demo.departmentHead, Demo.hr, Demo.promotionTeam, Demo.districtLiaison]

    @Test(arguments: withoutAdministration)
    func administrationIsRefusedWithoutTheRole(staffNumber: String) async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.logIn(staffNumber)
            for path in [AdminRoute.accounts.path, AdminRoute.newAccount.path, AdminRoute.auditLog.path, AdminRoute.auditLogExport.path] {
                let response = try await browser.get(path)
                #expect(response.status == .forbidden, "\(staffNumber) \(path)")
                #expect(response.body.string.contains("このページを開く権限がありません。"))
            }
            let home = try await browser.get(PlatformRoute.home.path)
            #expect(!home.body.string.contains("href=\"/admin/accounts\""), "navigation must not list what the role cannot open")
        }
    }

    @Test func administratorOpensAdministrationAndSeesItInTheNavigation() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.logIn(Demo.administrator)
            #expect(try await browser.get(AdminRoute.accounts.path).status == .ok)
            #expect(try await browser.get(AdminRoute.auditLog.path).status == .ok)
            #expect(try await browser.get(PlatformRoute.home.path).body.string.contains("href=\"/admin/accounts\""))
        }
    }

    @Test func visitorsAreSentToLoginWithTheirDestination() async throws {
        try await withTestApp { app in
            let response = try await Browser(app).get(AdminRoute.accounts.path(query: [("q", "1")]))
            #expect(response.status == .seeOther)
            // Written by hand: the exact encoding of the return address is what is checked.
            #expect(response.headers.first(name: .location) == "/login?next=/admin/accounts?q%3D1")
        }
    }

    @Test func aRouteWithoutAnAccessDeclarationIsRefused() async throws {
        try await withTestApp { app in
            app.get("undeclared") { _ in "secret" }
            let response = try await Browser(app).get("/undeclared")  // a route no typed route declares
            #expect(response.status == .forbidden)
            #expect(!response.body.string.contains("secret"))
        }
    }

    @Test func scopesCombineToTheWidest() {
        #expect(RolePolicy.scope(of: .manageAccounts, for: [.staff]) == nil)
        #expect(RolePolicy.scope(of: .manageAccounts, for: [.staff, .administrator]) == .all)
        #expect(RolePolicy.scope(of: .useApplication, for: [.staff]) == .own)
    }
}
