import Foundation
@testable import JibungotoApp
import Testing
import Vapor
import VaporTesting

@Suite("Sign-in, throttling, sign-out, sessions")
struct LoginTests {
    @Test func successfulLoginRedirectsHomeAndShowsTheUser() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            let login = try await browser.logIn(Demo.hr)
            #expect(login.status == .seeOther)
            #expect(login.headers.first(name: .location) == PlatformRoute.home.path)
            let home = try await browser.get(PlatformRoute.home.path)
            #expect(home.status == .ok)
            #expect(home.body.string.contains("江藤 美咲"))
            #expect(home.body.string.contains("人事担当"))
        }
    }

    @Test func staffNumberIsMatchedInFullWidthAndLowerCase() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            let login = try await browser.logIn("ｄ０００４")
            #expect(login.status == .seeOther)
        }
    }

    @Test func wrongPasswordAndUnknownAccountGetTheSameMessage() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            let wrong = try await browser.logIn(Demo.hr, password: "not-the-password")
            let unknown = try await browser.logIn("X9999", password: "whatever-password")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.body.string.contains("職員番号またはパスワードが正しくありません。"))
            #expect(unknown.body.string.contains("職員番号またはパスワードが正しくありません。"))
            #expect(try await browser.get(PlatformRoute.home.path).status == .seeOther)
        }
    }

    @Test func fiveFailuresForOneAccountBlockEvenTheRightPassword() async throws {
        try await withTestApp(adjust: { $0.trustForwardedHeaders = true }) { app in
            let browser = Browser(app)
            browser.extraHeaders = ["X-Forwarded-For": "10.0.0.1"]
            for _ in 0..<5 {
                #expect(try await browser.logIn(Demo.staff, password: "wrong-password").status == .unauthorized)
            }
            let blocked = try await browser.logIn(Demo.staff)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.string.contains("一時的にログインを受け付けていません"))
            // An unknown account is throttled the same way, so the message reveals nothing.
            let guesser = Browser(app)
            guesser.extraHeaders = ["X-Forwarded-For": "10.0.0.2"]
            for _ in 0..<5 { try await guesser.logIn("NOBODY", password: "wrong-password") }
            guesser.extraHeaders = ["X-Forwarded-For": "10.0.0.3"]
            #expect(try await guesser.logIn("NOBODY", password: "wrong-password").status == .tooManyRequests)
            // Other accounts from other addresses are unaffected.
            let other = Browser(app)
            other.extraHeaders = ["X-Forwarded-For": "10.0.0.9"]
            #expect(try await other.logIn(Demo.hr).status == .seeOther)
        }
    }

    @Test func loginGetsAFreshSessionID() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.get(PlatformRoute.login.path)
            let before = try #require(browser.cookie)
            try await browser.post(PlatformRoute.login.path, [("staff_number", Demo.staff), ("password", AppSettings.defaultDemoPassword)])
            let after = try #require(browser.cookie)
            #expect(before != after)
        }
    }

    @Test func logoutNeedsTheTokenAndEndsTheSession() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.logIn(Demo.staff)
            try await browser.get(PlatformRoute.home.path)
            #expect(try await browser.post(PlatformRoute.logout.path, [], csrf: false).status == .forbidden)
            let logout = try await browser.post(PlatformRoute.logout.path, [])
            #expect(logout.status == .seeOther)
            let home = try await browser.get(PlatformRoute.home.path)
            #expect(home.status == .seeOther)
            #expect(home.headers.first(name: .location)?.hasPrefix(PlatformRoute.login.path) == true)
        }
    }

    @Test func expiredSessionAsksToLogInAgainWithAReason() async throws {
        try await withTestApp(adjust: { $0.sessionIdleMinutes = -1 }) { app in
            let browser = Browser(app)
            try await browser.logIn(Demo.staff)
            let home = try await browser.get(PlatformRoute.home.path)
            #expect(home.status == .seeOther)
            let location = try #require(home.headers.first(name: .location))
            #expect(location.contains("expired=1"))
            let login = try await browser.get(location)
            #expect(login.body.string.contains("ログインの有効期限が切れました"))
        }
    }

    @Test func overLongAndMissingFieldsAreNamed() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.get(PlatformRoute.login.path)
            let response = try await browser.post(PlatformRoute.login.path, [("staff_number", String(repeating: "1", count: 40)), ("password", "")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("職員番号は32文字以内で入力してください。"))
            #expect(response.body.string.contains("パスワードを入力してください。"))
            #expect(response.body.string.contains("href=\"#field-staff-number\""))
        }
    }

    @Test func afterLoginTheRequestedPageOpensButNeverAnotherSite() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.get(PlatformRoute.login.path)
            let local = try await browser.post(PlatformRoute.login.path, [("staff_number", Demo.staff), ("password", AppSettings.defaultDemoPassword), ("next", AccountRoute.settings.path)])
            #expect(local.headers.first(name: .location) == AccountRoute.settings.path)
            #expect(LoginRoutes.safeRedirect("//evil.example/") == PlatformRoute.home.path)
            #expect(LoginRoutes.safeRedirect("https://evil.example/") == PlatformRoute.home.path)
        }
    }

    @Test func demoLoginsShowOnlyOnADemoInstance() async throws {
        try await withTestApp(isDemo: true) { app in
            let page = try await Browser(app).get(PlatformRoute.login.path)
            #expect(page.body.string.contains("D0007"))
            #expect(page.body.string.contains(AppSettings.defaultDemoPassword))
        }
        try await withTestApp { app in
            let page = try await Browser(app).get(PlatformRoute.login.path)
            #expect(!page.body.string.contains("D0007"))
            #expect(!page.body.string.contains(AppSettings.defaultDemoPassword))
        }
    }

    @Test func changingOwnPasswordChecksTheCurrentOneAndTheRules() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.logIn(Demo.staff)
            try await browser.get(AccountRoute.password.path)
            let bad = try await browser.post(AccountRoute.password.path, [
                ("current_password", "wrong"), ("new_password", "short"), ("confirm_password", "other"),
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("現在のパスワードが正しくありません。"))
            #expect(bad.body.string.contains("パスワードは10文字以上で入力してください。"))
            #expect(bad.body.string.contains("確認用のパスワードが一致しません。"))
            let good = try await browser.post(AccountRoute.password.path, [
                ("current_password", AppSettings.defaultDemoPassword), ("new_password", "a-new-long-password"), ("confirm_password", "a-new-long-password"),
            ])
            #expect(good.status == .seeOther)
            #expect(try await Browser(app).logIn(Demo.staff, password: "a-new-long-password").status == .seeOther)
            #expect(try await Browser(app).logIn(Demo.staff).status == .unauthorized)
        }
    }
}
