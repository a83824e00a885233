import Foundation
@testable import JibungotoApp
import Testing
import Vapor
import VaporTesting

@Suite("CSRF, security headers, error pages, health")
struct SecurityTests {
    @Test func stateChangingRequestsWithoutTheTokenAreRefusedWithAClearPage() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            try await browser.get("/login")
            let noToken = try await browser.post("/login", [("staff_number", Demo.hr), ("password", AppSettings.defaultDemoPassword)], csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(noToken.body.string.contains("画面の有効期限が切れたか"))
            browser.csrfToken = "forged"
            #expect(try await browser.post("/language", [("language", "en")]).status == .forbidden)
            // Without a session at all, a token from elsewhere is useless.
            let stranger = Browser(app)
            stranger.csrfToken = browser.csrfToken
            #expect(try await stranger.post("/logout", []).status == .forbidden)
        }
    }

    @Test(arguments: ["/login", "/no-such-page", "/healthz"])
    func everyResponseCarriesTheSecurityHeaders(path: String) async throws {
        try await withTestApp { app in
            let response = try await Browser(app).get(path)
            let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(csp.contains("script-src 'self'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
        }
    }

    @Test func sessionCookieIsHttpOnlyLaxAndSecureOnlyOverHTTPS() async throws {
        try await withTestApp(adjust: { $0.trustForwardedHeaders = true }) { app in
            let plain = try await Browser(app).get("/login")
            let cookie = try #require(plain.headers.setCookie?["jibungoto_session"])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            #expect(!cookie.isSecure)
            let https = try await Browser(app).get("/login", headers: ["X-Forwarded-Proto": "https"])
            #expect(https.headers.setCookie?["jibungoto_session"]?.isSecure == true)
        }
    }

    @Test func internalErrorsShowARequestIDButNoDetail() async throws {
        struct Secret: Error {}
        try await withTestApp { app in
            enum TestRoute: TypedRoute { case boom; var path: String { "/boom" } }
            app.routes.on(.GET, TestRoute.boom, requires: .visitor, shows: .nothing) { _ -> String in throw Secret() }
            let response = try await Browser(app).get("/boom")
            #expect(response.status == .internalServerError)
            #expect(response.body.string.contains("システムでエラーが発生しました"))
            #expect(response.body.string.contains("受付番号"))
            #expect(!response.body.string.contains("Secret"))
        }
    }

    @Test func notFoundIsAPageInTheVisitorsLanguage() async throws {
        try await withTestApp { app in
            let response = try await Browser(app).get("/no-such-page", headers: ["Accept-Language": "en-US,en;q=0.9,ja;q=0.5"])
            #expect(response.status == .notFound)
            #expect(response.body.string.contains("The page was not found."))
            #expect(response.body.string.contains("<html lang=\"en\">"))
        }
    }

    @Test func healthReportsTheDatabase() async throws {
        try await withTestApp { app in
            let response = try await Browser(app).get("/healthz")
            #expect(response.status == .ok)
            #expect(response.body.string.contains("\"database\":\"reachable\""))
        }
    }

    @Test func malformedDatabaseURLIsExplainedInBothLanguages() throws {
        #expect(throws: ConfigurationError.malformedDatabaseURL(url: "mysql://x")) {
            try DatabaseLocation.resolve(path: "x.sqlite", environment: ["DATABASE_URL": "mysql://x"])
        }
        #expect(throws: ConfigurationError.self) {
            try DatabaseLocation.resolve(path: "x.sqlite", environment: ["DATABASE_URL": "not a url"])
        }
        let message = ConfigurationError.malformedDatabaseURL(url: "x").description
        #expect(message.contains("DATABASE_URL を解釈できません"))
        #expect(message.contains("is not a valid PostgreSQL URL"))
        #expect(try DatabaseLocation.resolve(path: "x.sqlite", environment: [:]) == .sqliteFile(path: "x.sqlite"))
        #expect(try DatabaseLocation.resolve(path: "x.sqlite", environment: ["DATABASE_URL": "postgres://u:p@localhost:5432/db"]) == .postgres(url: "postgres://u:p@localhost:5432/db"))
    }

    @Test func logsNeverCarryThePassword() async throws {
        let password = AppSettings.defaultDemoPassword
        #expect(DatabaseLocation.postgres(url: "postgres://user:\(password)@db/x").description.contains(password) == false)
    }
}
