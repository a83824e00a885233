import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

@Suite("Accounts administration and the audit log")
struct AdministrationTests {
    @Test func administratorCreatesAnAccountThatCanLogIn() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            try await admin.get(AdminRoute.newAccount.path)
            let created = try await admin.post(AdminRoute.newAccount.path, [
                ("staff_number", "ｘ０００１"),
                ("roles[]", "staff"), ("roles[]", "sectionManager"), ("password", "first-password-1"),
            ])
            #expect(created.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$staffNumber == "X0001").with(\.$roles).first())
            #expect(Set(user.roles.map(\.role)) == [.staff, .sectionManager])
            #expect(user.displayName == "佐藤 一郎", "the name comes from the staff master")
            let newcomer = Browser(app)
            #expect(try await newcomer.logIn("X0001", password: "first-password-1").status == .seeOther)
            #expect(try await newcomer.get(PlatformRoute.home.path).body.string.contains("所属長"))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "create").all()
            #expect(audit.map(\.subjectID) == ["X0001"])
        }
    }

    @Test func badAccountInputIsNamedAndNothingIsSaved() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            try await admin.get(AdminRoute.newAccount.path)
            let before = try await User.query(on: app.db).count()
            let response = try await admin.post(AdminRoute.newAccount.path, [
                ("staff_number", String(repeating: "S", count: 33)),
                ("roles[]", "emperor"), ("password", "short"),
            ])
            #expect(response.status == .unprocessableEntity)
            let body = response.body.string
            #expect(body.contains("職員番号は32文字以内で入力してください。"))
            #expect(body.contains("役割の選択肢が正しくありません。"))
            #expect(body.contains("パスワードは10文字以上で入力してください。"))
            #expect(body.contains("入力内容に問題があります"))
            #expect(try await User.query(on: app.db).count() == before)
            try await OrganizationFixture.load(on: app.db)
            let duplicate = try await admin.post(AdminRoute.newAccount.path, [
                ("staff_number", Demo.staff), ("roles[]", "staff"), ("password", "long-enough-pass"),
            ])
            #expect(duplicate.body.string.contains("職員番号 D0001 のアカウントは既にあります。"))
        }
    }

    @Test func rolesChangeAndTheAdministratorCannotLockThemselvesOut() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            let staff = try #require(try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).first())
            let staffPage = try AdminRoute.account(.id(staff.requireID())).path
            try await admin.get(staffPage)
            let updated = try await admin.post(staffPage, [("display_name", "青木 花子"), ("roles[]", "staff"), ("roles[]", "hr"), ("is_active[]", "1")])
            #expect(updated.status == .seeOther)
            let staffBrowser = Browser(app)
            try await staffBrowser.logIn(Demo.staff)
            #expect(try await staffBrowser.get(PlatformRoute.home.path).body.string.contains("人事担当"))
            // Deactivating ends the sign-in on the next request.
            try await admin.post(staffPage, [("display_name", "青木 花子"), ("roles[]", "staff")])
            #expect(try await staffBrowser.get(PlatformRoute.home.path).status == .seeOther)

            let me = try #require(try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.administrator)).first())
            let myPage = try AdminRoute.account(.id(me.requireID())).path
            try await admin.get(myPage)
            let lockout = try await admin.post(myPage, [("display_name", "木村 健"), ("roles[]", "staff"), ("is_active[]", "1")])
            #expect(lockout.status == .unprocessableEntity)
            #expect(lockout.body.string.contains("自分自身のシステム管理者の役割を外したり"))
        }
    }

    @Test func viewsAndExportsOfPersonalDataAreAudited() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            admin.extraHeaders = ["X-Request-Id": "req-audit-1"]
            try await admin.logIn(Demo.administrator)
            try await admin.get(AdminRoute.accounts.path(query: [("q", "D000")]))
            let views = try await AuditEvent.query(on: app.db).filter(\.$action == "view").filter(\.$subjectType == "account").all()
            #expect(views.count == 1)
            #expect(views.first?.actorStaffNumber == Demo.administrator)
            #expect(views.first?.detail.contains("q=D000") == true)

            let export = try await admin.get(AdminRoute.auditLogExport.path(query: [("action", "view")]))
            #expect(export.status == .ok)
            #expect(export.headers.contentType?.subType == "csv")
            let bytes = Array(export.body.readableBytesView)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with BOM for Excel")
            #expect(export.body.string.contains("\r\n"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "export").count() == 1)

            let cp932 = try await admin.get(AdminRoute.auditLogExport.path(query: [("encoding", "cp932")]))
            #expect(String(data: Data(cp932.body.readableBytesView), encoding: .shiftJIS)?.contains("occurred_at") == true)
        }
    }

    @Test func theAuditLogFiltersAndNamesBadDates() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            try await Browser(app).logIn(Demo.hr, password: "wrong-password-x")
            let filtered = try await admin.get(AdminRoute.auditLog.path(query: [("action", "loginFailed")]))
            #expect(filtered.status == .ok)
            #expect(filtered.body.string.contains("ログイン失敗"))
            #expect(!filtered.body.string.contains("<td>閲覧</td>"))
            let bad = try await admin.get(AdminRoute.auditLog.path(query: [("from", "R7.13.1")]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("開始日"))
        }
    }
}
