import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Accounts follow the staff master; the audit log in words")
struct AccountLifecycleTests {
    /// Two more people in the fixture city without accounts: X0002 at work, X0003 who left on
    /// 2026-10-31 (every line of the history ended before 2026-11-30).
    static func addPeopleWithoutAccounts(on database: any Database) async throws {
        let working = OrganizationFixture.staff("X0002", "森 二郎", "モリ ジロウ")
        let leaver = OrganizationFixture.staff("X0003", "林 三郎", "ハヤシ サブロウ")
        try await [StaffMember(record: working), StaffMember(record: leaver)].create(on: database)
        try await [
            Assignment(record: .fixture("X0002", "2010", start: day("2015-04-01"))),
            Assignment(record: .fixture("X0003", "2010", start: day("2015-04-01"), end: day("2026-10-31"))),
        ].create(on: database)
    }

    static func passwords(in page: PageResponse) -> [String] {
        page.body.string.matches(of: /<td><code>([^<]+)<\/code><\/td>/).map { String($0.output.1) }
    }

    @Test func anAccountIsForAStaffMemberOfTheMasterAndTakesTheMastersName() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await Self.addPeopleWithoutAccounts(on: app.db)
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            let form = try await admin.get(AdminRoute.newAccount.path)
            #expect(form.status == .ok)
            #expect(!form.body.string.contains("name=\"display_name\""), "the name is not typed: it comes from the master")

            let unknown = try await admin.post(AdminRoute.newAccount.path, [
                ("staff_number", "ZZ999"), ("roles[]", "staff"), ("password", "first-password-1"),
            ])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("職員番号：ZZ999 は職員台帳にありません。職員台帳にある職員の職員番号を入力してください。"))
            #expect(try await User.query(on: app.db).filter(\.$staffNumber == "ZZ999").count() == 0)

            let leaver = try await admin.post(AdminRoute.newAccount.path, [
                ("staff_number", "X0003"), ("roles[]", "staff"), ("password", "first-password-1"),
            ])
            #expect(leaver.status == .unprocessableEntity)
            #expect(leaver.body.string.contains("職員番号：X0003 の職員は、職員台帳では退職しています。"))

            let created = try await admin.post(AdminRoute.newAccount.path, [
                ("staff_number", "X0002"), ("display_name", "偽 名前"), ("roles[]", "staff"), ("password", "first-password-1"),
            ])
            #expect(created.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$staffNumber == "X0002").first())
            #expect(user.displayName == "森 二郎", "a name sent anyway is ignored")
            #expect(!user.mustChangePassword, "a password the administrator typed is not an initial paper one")
        }
    }

    @Test func bulkCreationMakesTheMissingAccountsAndShowsThePasswordsOnce() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await Self.addPeopleWithoutAccounts(on: app.db)
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            let form = try await admin.get(AdminRoute.bulkAccounts.path)
            #expect(form.status == .ok)
            let usersBefore = try await User.query(on: app.db).count()

            let printed = try await admin.post(AdminRoute.bulkAccounts.path, [("source", "master")])
            #expect(printed.status == .ok)
            #expect(printed.headers.first(name: .cacheControl) == "no-store")
            let body = printed.body.string
            #expect(body.contains("2人のアカウントを作成しました。既にアカウントのある4人と、退職した1人は作成していません。"))
            #expect(body.contains("取扱注意"))
            #expect(body.contains("作成日：令和8年11月30日"))
            #expect(body.contains("<td>X0001</td><td>佐藤 一郎</td><td>中央地区市民センター</td>"))
            #expect(body.contains("<td>X0002</td><td>森 二郎</td>"))
            #expect(!body.contains("X0003"), "a leaver gets no account")
            let passwords = Self.passwords(in: printed)
            #expect(passwords.count == 2)
            #expect(Set(passwords).count == 2)
            for password in passwords {
                #expect(password.count == 14)
                #expect(password.replacingOccurrences(of: "-", with: "").allSatisfy { InitialPassword.alphabet.contains($0) })
            }
            #expect(try await User.query(on: app.db).count() == usersBefore + 2)
            let made = try #require(try await User.query(on: app.db).filter(\.$staffNumber == "X0001").with(\.$roles).first())
            #expect(made.displayName == "佐藤 一郎")
            #expect(made.roles.map(\.role) == [.staff])
            #expect(made.mustChangePassword)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "create").filter(\.$subjectType == "account").count() == 2)

            // Shown once: no later page carries them.
            for path in [AdminRoute.bulkAccounts.path, AdminRoute.accounts.path, AdminRoute.auditLog.path] {
                let later = try await admin.get(path)
                #expect(later.status == .ok)
                for password in passwords { #expect(!later.body.string.contains(password), "\(path) shows an initial password") }
            }
            let again = try await admin.post(AdminRoute.bulkAccounts.path, [("source", "master")])
            #expect(again.body.string.contains("0人のアカウントを作成しました。既にアカウントのある6人と、退職した1人は作成していません。"))
            #expect(Self.passwords(in: again).isEmpty)

            // The first sign-in leads to the password change, and nothing else opens before it.
            let newcomer = Browser(app)
            let signIn = try await newcomer.logIn("X0001", password: passwords[0])
            #expect(signIn.status == .seeOther)
            #expect(signIn.headers.first(name: .location) == AccountRoute.password.path)
            let home = try await newcomer.get(PlatformRoute.home.path)
            #expect(home.status == .seeOther)
            #expect(home.headers.first(name: .location) == AccountRoute.password.path)
            let passwordPage = try await newcomer.get(AccountRoute.password.path)
            #expect(passwordPage.body.string.contains("配布された初期パスワードでログインしました。ご自身のパスワードに変更してください。"))
            let changed = try await newcomer.post(AccountRoute.password.path, [
                ("current_password", passwords[0]), ("new_password", "my-own-password-1"), ("confirm_password", "my-own-password-1"),
            ])
            #expect(changed.status == .seeOther)
            #expect(try await newcomer.get(PlatformRoute.home.path).status == .ok)
        }
    }

    @Test func bulkCreationFromAListRefusesUnknownNumbersAndSkipsExistingAccounts() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await Self.addPeopleWithoutAccounts(on: app.db)
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            try await admin.get(AdminRoute.bulkAccounts.path)
            let usersBefore = try await User.query(on: app.db).count()

            let empty = try await admin.post(AdminRoute.bulkAccounts.path, [("source", "list"), ("staff_numbers", " \n ")])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("職員番号の一覧：職員番号を1つ以上入力するか、CSVファイルを選んでください。"))

            let unknown = try await admin.post(AdminRoute.bulkAccounts.path, [("source", "list"), ("staff_numbers", "X0001\nQ0404")])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("職員番号の一覧：職員台帳にない職員番号が1件あります（Q0404）。直してから、もう一度作成してください。何も作成していません。"))
            #expect(try await User.query(on: app.db).count() == usersBefore, "nothing half-made")

            let csv = Data("職員番号\r\nx0001\r\nD0001\r\n".utf8)
            let printed = try await admin.upload(AdminRoute.bulkAccounts.path, fields: [("source", "list"), ("staff_numbers", "")],
                                                 fileField: "file", filename: "numbers.csv", file: csv)
            #expect(printed.status == .ok)
            #expect(printed.body.string.contains("1人のアカウントを作成しました。既にアカウントのある1人と、退職した0人は作成していません。"))
            #expect(Self.passwords(in: printed).count == 1)
            #expect(try await User.query(on: app.db).filter(\.$staffNumber == "X0002").count() == 0, "only the listed staff")
        }
    }

    @Test func aLeaversAccountIsDeactivatedAndCannotSignIn() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            let staff = Browser(app)
            #expect(try await staff.logIn(Demo.staff).status == .seeOther)
            // The master says D0001 left: the open line of the history ends on 2026-10-31.
            try await Assignment.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).filter(\.$endDate == nil)
                .set(\.$endDate, to: day("2026-10-31")).update()

            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            try await admin.get(AdminRoute.accounts.path)
            let pressed = try await admin.post(AdminRoute.deactivateLeavers.path, [])
            #expect(pressed.status == .seeOther)
            #expect(pressed.headers.first(name: .location) == AdminRoute.accounts.path)
            let list = try await admin.get(AdminRoute.accounts.path)
            #expect(list.body.string.contains("退職者1人のアカウントを無効にしました（D0001）。"))
            #expect(list.body.string.contains("<td>青木 花子</td><td>職員</td><td><span class=\"tag tag--overdue\">無効</span></td>"))
            let user = try #require(try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).first())
            #expect(!user.isActive)
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "update").filter(\.$subjectID == Demo.staff).first())
            #expect(audit.actorStaffNumber == Demo.administrator)
            #expect(audit.detail == AccountLifecycle.leftDetail)

            #expect(try await staff.get(PlatformRoute.home.path).status == .seeOther, "the open sign-in ends")
            let refused = try await Browser(app).logIn(Demo.staff)
            #expect(refused.status == .unauthorized)
            #expect(refused.body.string.contains("職員番号またはパスワードが正しくありません。"), "the same answer as a wrong password")

            let nothingLeft = try await admin.post(AdminRoute.deactivateLeavers.path, [])
            #expect(nothingLeft.status == .seeOther)
            #expect(try await admin.get(AdminRoute.accounts.path).body.string.contains("無効にするアカウントはありませんでした。"))
            // Accounts outside the master (D0005–D0007 here) are left as they are.
            #expect(try await User.query(on: app.db).filter(\.$isActive == false).count() == 1)
        }
    }

    @Test func theStaffImportClosesLeaversAccountsToo() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await Assignment.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.hr)).filter(\.$endDate == nil)
                .set(\.$endDate, to: day("2026-09-30")).update()
            try await AccountLifecycle.followStaffMaster(on: app.db, today: TestClock.today)
            let user = try #require(try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.hr)).first())
            #expect(!user.isActive)
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$subjectID == Demo.hr).first())
            #expect(audit.actorStaffNumber == nil, "an import is no one's click")
            #expect(audit.detail == AccountLifecycle.leftDetail)
        }
    }

    @Test func theAuditLogNamesTheOperatorAndWordsWhatHappened() async throws {
        try await withTestApp { app in
            try await OrganizationFixture.load(on: app.db)
            try await Browser(app).logIn(Demo.hr)
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            try await admin.get(AdminRoute.accounts.path(query: [("q", "D000")]))

            let page = try await admin.get(AdminRoute.auditLog.path)
            #expect(page.status == .ok)
            let body = page.body.string
            #expect(body.contains("<td>江藤 美咲（D0004）</td><td>ログイン</td><td>アカウント D0004</td>"), "a staff member of the master by the master's name")
            #expect(body.contains("<td>木村 健（D0007）</td><td>閲覧</td><td>アカウント</td><td>一覧、検索語：D000、ページ：1</td>"),
                    "an operator outside the master by the account's name; the detail in words")
            #expect(body.contains("<option value=\"account\">アカウント</option>"))

            let filtered = try await admin.get(AdminRoute.auditLog.path(query: [("subject_type", "account"), ("actor", "d0004")]))
            #expect(filtered.status == .ok)
            #expect(filtered.body.string.contains("<option value=\"account\" selected>アカウント</option>"))
            #expect(filtered.body.string.contains("江藤 美咲（D0004）"))
            #expect(!filtered.body.string.contains("<td>木村 健（D0007）</td>"))
        }
    }
}
