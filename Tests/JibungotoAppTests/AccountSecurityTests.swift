import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Sessions at rest, password changes, redirects, the client address behind proxies and the
/// throttling of guesses: the defects found by probing, each played as the attacker did.
@Suite("Sessions, passwords, redirects, proxies and throttling")
struct AccountSecurityTests {
    @Test func theDatabaseKeepsOnlyAHashOfEachSessionID() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            let cookie = try #require(admin.cookie)
            let rows = try await StoredSession.query(on: app.db).all()
            #expect(rows.count == 1)
            #expect(!rows.contains { $0.tokenHash == cookie || $0.data.contains(cookie) })
            #expect(rows.first?.tokenHash == HashedSessionDriver.hash(SessionID(string: cookie)))
            // A copy of the row is useless as a cookie.
            let thief = Browser(app)
            thief.cookie = try #require(rows.first?.tokenHash)
            #expect(try await thief.get(AdminRoute.accounts.path).status == .seeOther)
            #expect(try await admin.get(AdminRoute.accounts.path).status == .ok)
        }
    }

    @Test func requestsWithoutACookieStoreNoSessionAndOldRowsExpire() async throws {
        try await withTestApp { app in
            for _ in 0..<10 { #expect(try await Browser(app).get(PlatformRoute.healthz.path).status == .ok) }
            #expect(try await Browser(app).get(PlatformRoute.stylesheet.path).status == .ok)
            #expect(try await StoredSession.query(on: app.db).count() == 0)
            let stale = Browser(app)
            stale.cookie = "made-up-session-id"
            #expect(try await stale.get(PlatformRoute.healthz.path).status == .ok)
            #expect(try await StoredSession.query(on: app.db).count() == 0)
            // A sign-in stores one row; a row idle past the lifetime is removed by the next sign-in.
            let first = Browser(app)
            try await first.logIn(Demo.staff)
            #expect(try await StoredSession.query(on: app.db).count() == 1)
            try await StoredSession.query(on: app.db).set(\.$updatedAt, to: Date().addingTimeInterval(-40 * 24 * 3600)).update()
            try await Browser(app).logIn(Demo.hr)
            #expect(try await StoredSession.query(on: app.db).count() == 1)
            #expect(try await first.get(PlatformRoute.home.path).status == .seeOther, "the expired session signs no one in")
        }
    }

    @Test("reading pages leaves the session row alone; the last-seen time is refreshed once a minute and a change is written")
    func readingPagesWritesNoSession() async throws {
        try await withTestApp { app in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            try await staff.get(PlatformRoute.home.path)
            let row = { try #require(try await StoredSession.query(on: app.db).first()) }
            // A minute and a half ago, as the row and the last-seen time say.
            let earlier = Date().addingTimeInterval(-90)
            let seenEarlier = String(Int(earlier.timeIntervalSince1970))
            try await StoredSession.query(on: app.db).set(\.$updatedAt, to: earlier)
                .set(\.$data, to: try await row().data.replacing(/"seen":"[0-9]+"/, with: "\"seen\":\"\(seenEarlier)\"")).update()
            // The first page refreshes the last-seen time, so the row is written.
            #expect(try await staff.get(PlatformRoute.home.path).status == .ok)
            let refreshed = try await row()
            #expect(!refreshed.data.contains("\"seen\":\"\(seenEarlier)\""))
            #expect(refreshed.updatedAt > earlier.addingTimeInterval(60))
            // Pages read within the minute change nothing, so nothing is written.
            let marker = Date().addingTimeInterval(-30)
            try await StoredSession.query(on: app.db).set(\.$updatedAt, to: marker).update()
            for path in [PlatformRoute.home.path, CareerRoute.selfReport.path, PlatformRoute.home.path] {
                #expect(try await staff.get(path).status == .ok)
            }
            // Within a millisecond: a date goes through seconds since 1970 and back, and may lose its last bit; a write would have moved it 30 s.
            #expect(abs(try await row().updatedAt.timeIntervalSince(marker)) < 0.001)
            #expect(try await row().data == refreshed.data)
            // Switching the language changes the session: it is written.
            let switched = try await staff.post(PlatformRoute.language.path, [("language", "en"), ("return_to", PlatformRoute.home.path)])
            #expect(switched.status == .seeOther)
            #expect(try await row().updatedAt > marker)
            #expect(try await row().data.contains("\"en\""))
        }
    }

    @Test func changingThePasswordEndsOtherSessionsAndRotatesThisOne() async throws {
        try await withTestApp { app in
            let laptop = Browser(app), phone = Browser(app)
            try await laptop.logIn(Demo.staff)
            try await phone.logIn(Demo.staff)
            #expect(try await phone.get(PlatformRoute.home.path).status == .ok)
            try await laptop.get(AccountRoute.password.path)
            let before = try #require(laptop.cookie)
            let changed = try await laptop.post(AccountRoute.password.path, [
                ("current_password", AppSettings.defaultDemoPassword), ("new_password", "a-new-long-password"), ("confirm_password", "a-new-long-password"),
            ])
            #expect(changed.status == .seeOther)
            let after = try #require(laptop.cookie)
            #expect(before != after, "the session that changed the password moves to a new id")
            #expect(try await laptop.get(PlatformRoute.home.path).status == .ok, "and stays signed in")
            #expect(try await phone.get(PlatformRoute.home.path).status == .seeOther, "every other session is signed out")
            let replay = Browser(app)
            replay.cookie = before
            #expect(try await replay.get(PlatformRoute.home.path).status == .seeOther, "the old id is dead")
        }
    }

    @Test func anAdministratorsPasswordResetSignsTheAccountOutEverywhere() async throws {
        try await withTestApp { app in
            let staff = Browser(app)
            try await staff.logIn(Demo.staff)
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            let user = try #require(try await User.query(on: app.db).filter(\.$staffNumber == StaffNumber(Demo.staff)).first())
            let page = try AdminRoute.account(.id(user.requireID())).path
            try await admin.get(page)
            let reset = try await admin.post(page, [("display_name", user.displayName), ("roles[]", "staff"), ("is_active[]", "1"), ("password", "reset-by-admin-1")])
            #expect(reset.status == .seeOther)
            #expect(try await staff.get(PlatformRoute.home.path).status == .seeOther)
            #expect(try await admin.get(AdminRoute.accounts.path).status == .ok, "the administrator's own session is untouched")
        }
    }

    @Test(arguments: ["/\t/evil.example", "/\\evil.example", "//evil.example", "https://evil.example/", "/\n/evil.example", " /x", "javascript:alert(1)"])
    func signInNeverSendsTheUserToAnotherSite(next: String) async throws {
        #expect(LoginRoutes.safeRedirect(next) == PlatformRoute.home.path)
        try await withTestApp { app in
            let browser = Browser(app)
            // The query is built by hand: the malformed `next` must reach the page exactly so encoded.
            let page = try await browser.get("/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            #expect(!page.body.string.contains("evil.example"), "a phishing link does not pre-fill the form")
            let signedIn = try await browser.post(PlatformRoute.login.path, [("staff_number", Demo.staff), ("password", AppSettings.defaultDemoPassword), ("next", next)])
            #expect(signedIn.headers.first(name: .location) == PlatformRoute.home.path)
            try await browser.get(PlatformRoute.home.path)
            let switched = try await browser.post(PlatformRoute.language.path, [("language", "en"), ("return_to", next)])
            #expect(switched.headers.first(name: .location) == PlatformRoute.home.path)
        }
        #expect(LoginRoutes.safeRedirect("/organization/staff?q=%E4%BD%90%E8%97%A4&page=2") == "/organization/staff?q=%E4%BD%90%E8%97%A4&page=2")
    }

    @Test func behindTheProxyTheAddressIsTheOneTheProxyAppended() async throws {
        #expect(Request.forwardedClient(["6.6.6.6", "203.0.113.5"], hops: 1) == "203.0.113.5")
        #expect(Request.forwardedClient(["6.6.6.6", "203.0.113.5", "10.0.0.2"], hops: 2) == "203.0.113.5")
        #expect(Request.forwardedClient(["203.0.113.5"], hops: 2) == "203.0.113.5")
        try await withTestApp(adjust: { $0.trustForwardedHeaders = true }) { app in
            let attacker = Browser(app)
            for index in 0..<6 {
                // The client writes a new first entry each time; the proxy appends the real one.
                attacker.extraHeaders = ["X-Forwarded-For": "198.51.100.\(index), 203.0.113.66"]
                try await attacker.logIn(Demo.hr, password: "wrong-password-\(index)")
            }
            let failures = try await AuditEvent.query(on: app.db).filter(\.$action == "loginFailed").all()
            #expect(failures.count == 6)
            #expect(failures.allSatisfy { $0.address == "203.0.113.66" }, "the forged entries never reach the audit log")
            #expect(try await attacker.logIn(Demo.hr).status == .tooManyRequests, "forged entries do not reset the throttle")
        }
    }

    @Test func anAccountIsSlowedWithGrowingDelaysButNeverLockedForItsOwner() async throws {
        #expect(LoginThrottle.accountDelay(failures: 4, limit: 5, window: 900) == 0)
        #expect(LoginThrottle.accountDelay(failures: 5, limit: 5, window: 900) == 30)
        #expect(LoginThrottle.accountDelay(failures: 6, limit: 5, window: 900) == 60)
        #expect(LoginThrottle.accountDelay(failures: 8, limit: 5, window: 900) == 240)
        #expect(LoginThrottle.accountDelay(failures: 40, limit: 5, window: 900) == 900)
        try await withTestApp(adjust: { $0.trustForwardedHeaders = true }) { app in
            // The administrator signs in from the office, then someone elsewhere guesses.
            let office = Browser(app)
            office.extraHeaders = ["X-Forwarded-For": "10.1.1.1"]
            #expect(try await office.logIn(Demo.administrator).status == .seeOther)
            let attacker = Browser(app)
            attacker.extraHeaders = ["X-Forwarded-For": "192.0.2.50"]
            for _ in 0..<5 { #expect(try await attacker.logIn(Demo.administrator, password: "guess-guess").status == .unauthorized) }
            let held = try await attacker.logIn(Demo.administrator)
            #expect(held.status == .tooManyRequests)
            // (Seconds left of the 30 s wait: a slow machine may have used one or two of them.)
            let firstWait = try #require(held.headers.first(name: .retryAfter).flatMap(Int.init))
            #expect((20...30).contains(firstWait))
            #expect(held.body.string.contains("\(firstWait)秒後にもう一度お試しください"))
            // The owner, in the browser they signed in from before, is not held back...
            try await office.post(PlatformRoute.logout.path, [])
            #expect(try await office.logIn(Demo.administrator).status == .seeOther)
            // ...but another browser at the same office address is, so an insider gains nothing.
            let desk = Browser(app)
            desk.extraHeaders = ["X-Forwarded-For": "10.1.1.1"]
            #expect(try await desk.logIn(Demo.administrator, password: "guess-from-the-next-desk").status == .tooManyRequests)
            #expect(try await KnownDevice.query(on: app.db).filter(\.$accountKey == Demo.administrator).count() == 1)
            let stored = try #require(try await KnownDevice.query(on: app.db).first()).tokenHash
            let token = try #require(office.deviceCookie)
            #expect(stored != token && stored == KnownDevice.hash(token), "only a hash of the device token is stored")
            // After the wait, the next failure doubles it.
            try await LoginAttempt.query(on: app.db).filter(\.$address == "192.0.2.50")
                .set(\.$attemptedAt, to: Date().addingTimeInterval(-31)).update()
            #expect(try await attacker.logIn(Demo.administrator, password: "guess-again").status == .unauthorized)
            let doubled = try await attacker.logIn(Demo.administrator)
            #expect(doubled.status == .tooManyRequests)
            let secondWait = try #require(doubled.headers.first(name: .retryAfter).flatMap(Int.init))
            #expect((50...60).contains(secondWait), "the wait doubled to a minute")
        }
    }

    @Test func colleaguesBehindOneAddressAreNotLockedOutByOnePersonsMistakes() async throws {
        try await withTestApp(adjust: { $0.trustForwardedHeaders = true; $0.loginAddressFailureLimit = 12 }) { app in
            let cityHall = "203.0.113.10"
            let careless = Browser(app)
            careless.extraHeaders = ["X-Forwarded-For": cityHall]
            for index in 0..<6 { try await careless.logIn("GUESS\(index)", password: "wrong-password") }
            let colleague = Browser(app)
            colleague.extraHeaders = ["X-Forwarded-For": cityHall]
            #expect(try await colleague.logIn(Demo.hr).status == .seeOther, "six failures of others do not lock the city hall out")
            for index in 6..<12 { try await careless.logIn("GUESS\(index)", password: "wrong-password") }
            let late = Browser(app)
            late.extraHeaders = ["X-Forwarded-For": cityHall]
            #expect(try await late.logIn(Demo.staff).status == .tooManyRequests, "only a flood from one address holds it back")
            // A colleague in the browser they always use is never held back by someone else's flood.
            try await colleague.post(PlatformRoute.logout.path, [])
            #expect(try await colleague.logIn(Demo.hr).status == .seeOther)
        }
    }

    @Test func wrongCurrentPasswordsOnThePasswordPageAreThrottledToo() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.logIn(Demo.staff)
            try await browser.get(AccountRoute.password.path)
            for index in 0..<5 {
                let wrong = try await browser.post(AccountRoute.password.path, [
                    ("current_password", "guess-\(index)-xx"), ("new_password", "a-new-long-password"), ("confirm_password", "a-new-long-password"),
                ])
                #expect(wrong.status == .unprocessableEntity)
            }
            let held = try await browser.post(AccountRoute.password.path, [
                ("current_password", AppSettings.defaultDemoPassword), ("new_password", "a-new-long-password"), ("confirm_password", "a-new-long-password"),
            ])
            #expect(held.status == .tooManyRequests)
            #expect(held.body.string.contains("現在のパスワードの誤りが続いたため"))
            try await browser.post(PlatformRoute.logout.path, [])
            #expect(try await browser.logIn(Demo.staff).status == .seeOther, "the password did not change (and the owner's browser is let in)")
            #expect(try await Browser(app).logIn(Demo.staff).status == .tooManyRequests, "a browser never used for this account waits")
        }
    }

    @Test func controlCharactersAreRefusedByFieldAndSearchesTakePercentLiterally() async throws {
        try await withTestApp { app in
            let admin = Browser(app)
            try await admin.logIn(Demo.administrator)
            try await admin.get(AdminRoute.newAccount.path)
            let refused = try await admin.post(AdminRoute.newAccount.path, [
                ("staff_number", "S7\u{0}77"), ("roles[]", "staff"), ("password", "a-long-password-1"),
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("職員番号に、目に見えない特殊な文字（制御文字）が含まれています"))
            #expect(try await User.query(on: app.db).filter(\.$staffNumber == "S777").count() == 0)
            #expect(TypedText.hasControlCharacters("改行\nとタブ\tは文字") == false)
            #expect(TypedText.hasControlCharacters("\u{1B}[31m"))
            #expect(TypedText.hasControlCharacters("\u{85}"))
            let everyone = try await admin.get(AdminRoute.accounts.path(query: [("q", "%")]))
            #expect(!everyone.body.string.contains(Demo.staff), "% is a character, not a wildcard")
            let underscore = try await admin.get(AdminRoute.accounts.path(query: [("q", "D_00")]))
            #expect(!underscore.body.string.contains(Demo.staff), "_ is a character, not a wildcard")
            #expect(try await admin.get(AdminRoute.accounts.path(query: [("q", "D00")])).body.string.contains(Demo.staff))
        }
    }
}
