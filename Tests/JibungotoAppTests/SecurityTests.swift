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
            try await browser.get(PlatformRoute.login.path)
            let noToken = try await browser.post(PlatformRoute.login.path, [("staff_number", Demo.hr), ("password", AppSettings.defaultDemoPassword)], csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(noToken.body.string.contains("画面の有効期限が切れたか"))
            browser.csrfToken = "forged"
            #expect(try await browser.post(PlatformRoute.language.path, [("language", "en")]).status == .forbidden)
            // Without a session at all, a token from elsewhere is useless.
            let stranger = Browser(app)
            stranger.csrfToken = browser.csrfToken
            #expect(try await stranger.post(PlatformRoute.logout.path, []).status == .forbidden)
        }
    }

    // "/no-such-page" is deliberately unknown: a 404 carries the headers too.
    @Test(arguments: [PlatformRoute.login.path, "/no-such-page", PlatformRoute.healthz.path])
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
            let plain = try await Browser(app).get(PlatformRoute.login.path)
            let cookie = try #require(plain.headers.setCookie?["jibungoto_session"])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            #expect(!cookie.isSecure)
            let https = try await Browser(app).get(PlatformRoute.login.path, headers: ["X-Forwarded-Proto": "https"])
            #expect(https.headers.setCookie?["jibungoto_session"]?.isSecure == true)
        }
    }

    @Test func internalErrorsShowARequestIDButNoDetail() async throws {
        struct Secret: Error {}
        try await withTestApp { app in
            enum TestRoute: TypedRoute { case boom; var path: String { "/boom" } }
            app.routes.on(.GET, TestRoute.boom, requires: .visitor, shows: .nothing) { _ -> String in throw Secret() }
            let response = try await Browser(app).get(TestRoute.boom.path)
            #expect(response.status == .internalServerError)
            #expect(response.body.string.contains("システムでエラーが発生しました"))
            #expect(response.body.string.contains("受付番号"))
            #expect(!response.body.string.contains("Secret"))
        }
    }

    @Test func notFoundIsAPageInTheVisitorsLanguage() async throws {
        try await withTestApp { app in
            // "/no-such-page" is deliberately unknown.
            let response = try await Browser(app).get("/no-such-page", headers: ["Accept-Language": "en-US,en;q=0.9,ja;q=0.5"])
            #expect(response.status == .notFound)
            #expect(response.body.string.contains("The page was not found."))
            #expect(response.body.string.contains("<html lang=\"en\">"))
        }
    }

    @Test func healthReportsTheDatabase() async throws {
        try await withTestApp { app in
            let response = try await Browser(app).get(PlatformRoute.healthz.path)
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

@Suite("Connections that never finish their request")
struct SlowClientTests {
    /// A client that sends half a request head and then nothing (a slow-loris) is cut off after
    /// the configured idle time instead of holding the connection open.
    @Test func aHalfSentRequestHeadIsClosedAfterTheIdleTimeout() async throws {
        try await withTestApp(adjust: { $0.connectionIdleSeconds = 1 }) { app in
            try await app.asyncBoot()
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let outcome = try RawSocket.sendAndAwaitClose(port: port, bytes: "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", waitSeconds: 10)
            await app.server.shutdown()
            #expect(outcome == .closedWithoutAnswer, "the server must hang up on a request head that never ends")
        }
    }
}

/// A bare TCP client, so a test can send what no HTTP client library would.
enum RawSocket {
    enum Outcome: Equatable { case closedWithoutAnswer, answered(String), stillOpen }

    static func sendAndAwaitClose(port: Int, bytes: String, waitSeconds: Int) throws -> Outcome {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EBADF) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: waitSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = Array(bytes.utf8).withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let received = recv(descriptor, &buffer, buffer.count, 0)
        if received == 0 { return .closedWithoutAnswer }
        if received > 0 { return .answered(String(decoding: buffer[0..<received], as: UTF8.self)) }
        return .stillOpen
    }
}
