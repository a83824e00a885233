import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import Testing
import Vapor
import VaporTesting

/// An administrator re-issues the initial password of an account whose holder lost it: after a
/// confirmation, one printed slip (取扱注意), the old password and every sign-in ended, the new
/// one to be changed at the next sign-in, and an audit row without the password.
@Suite("Re-issue of an initial password")
struct PasswordReissueTests {
    static func account(_ app: Application, _ number: String) async throws -> User {
        try #require(try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(number)).first())
    }

    @Test("after a confirmation the slip is printed once; the old password and every session end; the new password works and must be changed; the audit row has no password")
    func reissue() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            // The holder is signed in on two devices.
            let holder = Browser(app), elsewhere = Browser(app)
            for browser in [holder, elsewhere] {
                #expect(try await browser.logIn(Demo.staff).status == .seeOther)
                #expect(try await browser.get(PlatformRoute.home.path).status == .ok)
            }
            let before = try await Self.account(app, Demo.staff)
            let accountID = RouteParameter.id(try before.requireID())
            let path = AdminRoute.reissuePassword(accountID).path

            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            let edit = try await admin.get(AdminRoute.account(accountID).path)
            #expect(edit.status == .ok)
            #expect(edit.body.string.contains("href=\"\(path)\""))

            // The confirmation says what will happen and changes nothing.
            let confirmation = try await admin.get(path)
            #expect(confirmation.status == .ok)
            let asked = confirmation.body.string
            #expect(asked.contains("<dd>D0001</dd>"))
            #expect(asked.contains("<dd>青木 花子</dd>"))
            #expect(asked.contains("新しい初期パスワードを作ります。今のパスワードは使えなくなります。"))
            #expect(asked.contains("この職員がログインしている端末は、すべてログアウトします。"))
            #expect(asked.contains("次回ログイン時に、本人がご自身のパスワードに変更する必要があります。"))
            #expect(asked.contains("action=\"\(path)\""))
            #expect(asked.contains("この内容で再発行する"))
            #expect(try await Self.account(app, Demo.staff).passwordHash == before.passwordHash)
            #expect(try await holder.get(PlatformRoute.home.path).status == .ok)

            let printed = try await admin.post(path, [])
            #expect(printed.status == .ok)
            #expect(printed.headers.first(name: .cacheControl) == "no-store")
            let slip = printed.body.string
            #expect(slip.contains("<span class=\"tag tag--overdue\">取扱注意</span> 作成日：令和8年11月30日"))
            #expect(slip.contains("青木 花子（D0001）さんの初期パスワードを再発行しました。今までのパスワードは使えません。"))
            #expect(slip.contains("次回ログイン時に、ご自身のパスワードへの変更が必要です。この用紙は本人に手渡し、変更後は廃棄してください。"))
            #expect(slip.contains("<td>D0001</td><td>青木 花子</td><td>人事係</td>"))
            let passwords = AccountLifecycleTests.passwords(in: printed)
            #expect(passwords.count == 1)
            let password = try #require(passwords.first)
            #expect(password.count == 14)
            #expect(password.replacingOccurrences(of: "-", with: "").allSatisfy { InitialPassword.alphabet.contains($0) })

            // Stored as a hash to be changed, and both of the holder's sessions ended.
            let after = try await Self.account(app, Demo.staff)
            #expect(after.passwordHash != before.passwordHash)
            #expect(!after.passwordHash.contains(password))
            #expect(after.mustChangePassword)
            #expect(try await StoredSession.query(on: app.db).filter(\.$userID == before.requireID()).count() == 0)
            for browser in [holder, elsewhere] {
                let signedOut = try await browser.get(PlatformRoute.home.path)
                #expect(signedOut.status == .seeOther)
                #expect(signedOut.headers.first(name: .location)?.hasPrefix(PlatformRoute.login.path) == true)
            }
            #expect(try await admin.get(AdminRoute.accounts.path).status == .ok, "the administrator stays signed in")

            // Audited, in words, and nowhere with the password.
            let rows = try await AuditEvent.query(on: app.db).filter(\.$subjectID == Demo.staff).filter(\.$action == "update").all()
            #expect(rows.count == 1)
            #expect(rows.first?.detail == AccountLifecycle.reissueDetail)
            #expect(rows.first?.actorStaffNumber == Demo.administrator)
            #expect(try await AuditEvent.query(on: app.db).all().allSatisfy { !$0.detail.contains(password) })
            let log = try await admin.get(AdminRoute.auditLog.path).body.string
            #expect(log.contains("<td>アカウント D0001</td><td>パスワード：初期パスワードを再発行</td>"))
            for later in [AdminRoute.auditLog.path, AdminRoute.account(accountID).path, AdminRoute.accounts.path, path] {
                let page = try await admin.get(later)
                #expect(page.status == .ok)
                #expect(!page.body.string.contains(password), "\(later) shows the re-issued password")
            }

            // The old password no longer signs in; the new one does and opens only the password change.
            let old = try await Browser(app).logIn(Demo.staff)
            #expect(old.status == .unauthorized)
            #expect(old.body.string.contains("職員番号またはパスワードが正しくありません。"))
            let fresh = Browser(app)
            let signIn = try await fresh.logIn(Demo.staff, password: password)
            #expect(signIn.status == .seeOther)
            #expect(signIn.headers.first(name: .location) == AccountRoute.password.path)
            let home = try await fresh.get(PlatformRoute.home.path)
            #expect(home.status == .seeOther)
            #expect(home.headers.first(name: .location) == AccountRoute.password.path)
            #expect(try await fresh.get(AccountRoute.password.path).body.string.contains("配布された初期パスワードでログインしました。ご自身のパスワードに変更してください。"))
            let changed = try await fresh.post(AccountRoute.password.path, [
                ("current_password", password), ("new_password", "my-own-password-1"), ("confirm_password", "my-own-password-1"),
            ])
            #expect(changed.status == .seeOther)
            #expect(try await fresh.get(PlatformRoute.home.path).status == .ok)
            #expect(try await Self.account(app, Demo.staff).mustChangePassword == false)
        }
    }

    @Test("only an administrator re-issues, and never for their own account; a refused request changes nothing")
    func refusals() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let target = try await Self.account(app, Demo.staff)
            let path = AdminRoute.reissuePassword(.id(try target.requireID())).path
            for number in [Demo.staff, Demo.sectionManager, Demo.hr] {
                let browser = Browser(app)
                try await browser.logIn(number)
                try await browser.get(PlatformRoute.home.path)
                #expect(try await browser.get(path).status == .forbidden, "\(number) opens the confirmation")
                let refused = try await browser.post(path, [])
                #expect(refused.status == .forbidden, "\(number) re-issues")
                #expect(!refused.body.string.contains("取扱注意"), "no password slip")
            }
            let untouched = try await Self.account(app, Demo.staff)
            #expect(untouched.passwordHash == target.passwordHash)
            #expect(!untouched.mustChangePassword)

            // The administrator's own account: no link; the page and the post send them back with why.
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            let me = try await Self.account(app, Demo.administrator)
            let mine = RouteParameter.id(try me.requireID())
            let edit = try await admin.get(AdminRoute.account(mine).path)
            #expect(edit.status == .ok)
            #expect(!edit.body.string.contains(AdminRoute.reissuePassword(mine).path))
            let why = "自分自身の初期パスワードは再発行できません。ご自身のパスワードは「パスワードの変更」の画面で変更してください。"
            let page = try await admin.get(AdminRoute.reissuePassword(mine).path)
            #expect(page.status == .seeOther)
            #expect(page.headers.first(name: .location) == AdminRoute.account(mine).path)
            #expect(try await admin.get(AdminRoute.account(mine).path).body.string.contains(why))
            let posted = try await admin.post(AdminRoute.reissuePassword(mine).path, [])
            #expect(posted.status == .seeOther)
            #expect(posted.headers.first(name: .location) == AdminRoute.account(mine).path)
            #expect(try await admin.get(AdminRoute.account(mine).path).body.string.contains(why))
            let stillMine = try await Self.account(app, Demo.administrator)
            #expect(stillMine.passwordHash == me.passwordHash)
            #expect(!stillMine.mustChangePassword)
            #expect(try await admin.get(PlatformRoute.home.path).status == .ok, "still signed in")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$subjectType == "account").filter(\.$action == "update").count() == 0)
        }
    }
}
