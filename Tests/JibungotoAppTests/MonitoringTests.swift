import Fluent
import FluentSQLiteDriver
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

/// `/metrics` (who may read it, what it reports, that it names no one) and `/livez`, and what
/// `/healthz` tells a load balancer while the database is away.
@Suite("Monitoring: /metrics, /livez and /healthz")
struct MonitoringTests {
    static let token = "metrics-token-for-the-tests-0123456789"
    static let notFound = "お探しのページは見つかりませんでした。"

    static func bearer(_ token: String) -> HTTPHeaders {
        ["Authorization": "Bearer \(token)"]
    }

    // MARK: - Who may read /metrics

    @Test func theDecisionAdmitsLoopbackWithoutAProxyOrTheToken() {
        let none: HTTPHeaders = [:]
        for loopback in ["127.0.0.1", "127.0.0.53", "::1", "::ffff:127.0.0.1"] {
            #expect(MetricsAccess.admits(peerAddress: loopback, headers: none, token: nil), "\(loopback) is this machine")
        }
        for outside in ["10.0.0.5", "192.168.1.20", "2001:db8::1", "::ffff:10.0.0.5", "128.0.0.1"] {
            #expect(!MetricsAccess.admits(peerAddress: outside, headers: none, token: Self.token), "\(outside) is another machine")
        }
        #expect(!MetricsAccess.admits(peerAddress: nil, headers: none, token: Self.token), "no socket peer is not loopback")
        // nginx on the same machine connects from loopback for everyone: its headers mean "from outside".
        for header in ["X-Forwarded-For", "X-Real-IP", "Forwarded"] {
            let proxied: HTTPHeaders = [header: "203.0.113.7"]
            #expect(!MetricsAccess.admits(peerAddress: "127.0.0.1", headers: proxied, token: Self.token), "\(header) from loopback without the token")
            var withToken = proxied
            withToken.add(name: .authorization, value: "Bearer \(Self.token)")
            #expect(MetricsAccess.admits(peerAddress: "127.0.0.1", headers: withToken, token: Self.token), "\(header) from loopback with the token")
        }
        #expect(MetricsAccess.admits(peerAddress: "10.0.0.5", headers: Self.bearer(Self.token), token: Self.token))
        #expect(!MetricsAccess.admits(peerAddress: "10.0.0.5", headers: Self.bearer(Self.token + "x"), token: Self.token))
        #expect(!MetricsAccess.admits(peerAddress: "10.0.0.5", headers: Self.bearer(String(Self.token.dropLast())), token: Self.token))
        #expect(!MetricsAccess.admits(peerAddress: "10.0.0.5", headers: ["Authorization": "Basic \(Self.token)"], token: Self.token))
        // Without a configured token no bearer opens it, not even an empty one.
        #expect(!MetricsAccess.admits(peerAddress: "10.0.0.5", headers: Self.bearer(Self.token), token: nil))
        #expect(!MetricsAccess.admits(peerAddress: "10.0.0.5", headers: ["Authorization": "Bearer "], token: nil))
    }

    @Test func withoutALoopbackPeerOrTheTokenMetricsIsAnUnknownPage() async throws {
        try await withTestApp(adjust: { $0.metricsToken = Self.token }) { app in
            // The in-memory tester has no socket, so the request has no loopback peer.
            let stranger = try await Browser(app).get(PlatformRoute.metrics.path)
            #expect(stranger.status == .notFound)
            #expect(stranger.body.string.contains(Self.notFound))
            #expect(!stranger.body.string.contains("# TYPE"))
            let wrong = try await Browser(app).get(PlatformRoute.metrics.path, headers: Self.bearer("not-the-token"))
            #expect(wrong.status == .notFound)
            #expect(wrong.body.string.contains(Self.notFound))
            let scraper = try await Browser(app).get(PlatformRoute.metrics.path, headers: Self.bearer(Self.token))
            #expect(scraper.status == .ok)
            #expect(scraper.body.string.contains("# TYPE jibungoto_survey_submissions_total counter"))
        }
    }

    @Test func overARealSocketLoopbackReadsItButNotThroughTheProxyWithoutTheToken() async throws {
        try await withTestApp(adjust: { $0.metricsToken = Self.token }) { app in
            // Over a socket on 127.0.0.1: the peer is loopback, as for Prometheus on the same machine.
            let local = Browser(app, overNetwork: true)
            let direct = try await local.get(PlatformRoute.metrics.path)
            #expect(direct.status == .ok)
            #expect(direct.body.string.contains("\njibungoto_database_up 1.0\n"), "the database answered the check of this scrape")
            #expect(direct.body.string.contains("# TYPE jibungoto_database_ping_seconds gauge"))
            #expect(direct.headers.setCookie == nil, "a scrape stores no session")
            let proxied = try await local.get(PlatformRoute.metrics.path, headers: ["X-Forwarded-For": "203.0.113.7"])
            #expect(proxied.status == .notFound, "through nginx, whose socket is loopback too")
            #expect(proxied.body.string.contains(Self.notFound))
            #expect(!proxied.body.string.contains("# TYPE"))
            let wrongToken = try await local.get(PlatformRoute.metrics.path, headers: ["X-Forwarded-For": "203.0.113.7", "Authorization": "Bearer wrong"])
            #expect(wrongToken.status == .notFound)
            let withToken = try await local.get(PlatformRoute.metrics.path, headers: ["X-Forwarded-For": "203.0.113.7", "Authorization": "Bearer \(Self.token)"])
            #expect(withToken.status == .ok)
            #expect(withToken.body.string.contains("\njibungoto_database_up 1.0\n"))
        }
    }

    // MARK: - What /metrics reports

    @Test func metricsCountRequestsSubmissionsAndRefusedSignInsAndNameNoOne() async throws {
        try await CareerTests().withRound { app, _ in
            app.jibungotoSettings.metricsToken = Self.token
            app.reportRequestMetrics()
            let survey = try await SurveyTests.openSurvey(on: app, k: 3, freeTextK: 3, attributes: "department")
            let surveyID = try survey.requireID()
            #expect(try await SurveyTests().answer(app, Demo.staff, surveyID: surveyID).status == .seeOther)

            let reporter = Browser(app)
            try await reporter.logIn(Demo.staff)
            try await reporter.get(CareerRoute.selfReport.path)
            #expect(try await reporter.post(CareerRoute.selfReport.path, [("career_plan", "下書き"), ("action", "draft")]).status == .seeOther)
            try await reporter.get(CareerRoute.selfReport.path)
            #expect(try await reporter.post(CareerRoute.selfReport.path, CareerTests().form()).status == .seeOther)

            // Five wrong passwords for one account, then the sixth attempt must wait.
            let guesser = Browser(app)
            for _ in 0..<5 {
                #expect(try await guesser.logIn(Demo.hr, password: "wrong-password").status == .unauthorized)
            }
            #expect(try await guesser.logIn(Demo.hr, password: "wrong-password").status == .tooManyRequests)
            #expect(try await Browser(app).get(PlatformRoute.livez.path).status == .ok)

            let scrape = try await Browser(app).get(PlatformRoute.metrics.path, headers: Self.bearer(Self.token))
            #expect(scrape.status == .ok)
            #expect(scrape.headers.contentType?.type == "text")
            #expect(scrape.headers.contentType?.subType == "plain")
            let body = scrape.body.string
            #expect(body.contains("# TYPE jibungoto_survey_submissions_total counter"))
            #expect(body.contains("\njibungoto_survey_submissions_total 1\n"), "one answer stored")
            #expect(body.contains("\njibungoto_self_report_submissions_total 1\n"), "the draft is not a submission")
            #expect(body.contains("\njibungoto_login_failures_total{reason=\"invalid_credentials\"} 5\n"))
            #expect(body.contains("\njibungoto_login_failures_total{reason=\"throttled\"} 1\n"))
            #expect(body.contains("\njibungoto_database_up 1.0\n"))
            // Vapor's own figures, by route pattern (the process's one registry: other tests add to the counts).
            #expect(body.contains("# TYPE http_requests_total counter"))
            #expect(body.contains("\nhttp_requests_total{method=\"GET\",path=\"\(PlatformRoute.livez.path)\",status=\"200\"} "))
            let answerPattern = SurveysRoute.answer(.pattern).path
            #expect(answerPattern == "/surveys/:surveyID/answer")
            #expect(body.contains("\nhttp_requests_total{method=\"POST\",path=\"\(answerPattern)\",status=\"303\"} "))
            #expect(body.contains("# TYPE http_request_duration_seconds histogram"))
            #expect(body.contains("\nhttp_request_duration_seconds_bucket{method=\"POST\",path=\"\(answerPattern)\",status=\"303\",le=\"0.005\"} "))
            #expect(body.contains("\nhttp_request_duration_seconds_bucket{method=\"POST\",path=\"\(answerPattern)\",status=\"303\",le=\"10.0\"} "))
            // No person, account, answer or survey in any label.
            for staffNumber in [Demo.staff, Demo.hr] {
                #expect(!body.contains(staffNumber), "\(staffNumber) must not appear in the metrics")
            }
            #expect(!body.contains(surveyID.uuidString.lowercased()))
            #expect(!body.contains(surveyID.uuidString))
            #expect(scrape.headers.setCookie == nil)
        }
    }

    // MARK: - /livez and /healthz

    @Test func livezIsPlainOkWithoutASession() async throws {
        try await withTestApp { app in
            let response = try await Browser(app).get(PlatformRoute.livez.path)
            #expect(response.status == .ok)
            #expect(response.body.string == "ok")
            #expect(response.headers.first(name: .contentType) == "text/plain; charset=utf-8")
            #expect(response.headers.setCookie == nil)
            #expect(try await StoredSession.query(on: app.db).count() == 0)
        }
    }

    @Test("/healthz writes to the database: one that still reads but refuses writes (a full disk) is reported unavailable")
    func healthzNeedsAWritableDatabase() async throws {
        try await DatabaseHardeningTests.withFileApp { app, _ in
            let sql = try #require(app.db as? any SQLDatabase)
            let healthy = try await Browser(app).get(PlatformRoute.healthz.path)
            #expect(healthy.status == .ok)
            let written = try #require(try await sql.raw("SELECT checked_at FROM health_probe WHERE id = 1").first())
            #expect(try written.decode(column: "checked_at", as: Double.self) > 1_700_000_000, "the check wrote the time of the request")

            // Every connection refuses writes, as SQLite does on a full disk; reads still answer.
            for eventLoop in app.eventLoopGroup.makeIterator() {
                let database = try #require(app.databases.database(.sqlite, logger: app.logger, on: eventLoop))
                try await database.withConnection { connection in
                    try await #require(connection as? any SQLDatabase).raw("PRAGMA query_only = ON").run()
                }
            }
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM health_probe").first()?.decode(column: "n", as: Int.self) == 1)
            let unwritable = try await Browser(app).get(PlatformRoute.healthz.path)
            #expect(unwritable.status == .serviceUnavailable)
            #expect(unwritable.body.string.contains("\"database\":\"unreachable\""))
            #expect(try await Browser(app).get(PlatformRoute.livez.path).status == .ok)
        }
    }

    /// An application whose PostgreSQL is away (nothing listens on port 1 of this machine), as
    /// while the database restarts.
    func withUnreachableDatabase(_ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            let settings = AppSettings(database: .postgres(url: "postgres://jibungoto:unused@127.0.0.1:1/jibungoto"), metricsToken: Self.token)
            try await configure(app, settings: settings)
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func whileTheDatabaseIsAwayHealthzSays503LivezOkAndMetricsDown() async throws {
        try await withUnreachableDatabase { app in
            let health = try await Browser(app).get(PlatformRoute.healthz.path)
            #expect(health.status == .serviceUnavailable)
            #expect(health.body.string.contains("\"database\":\"unreachable\""))
            let live = try await Browser(app).get(PlatformRoute.livez.path)
            #expect(live.status == .ok)
            #expect(live.body.string == "ok")
            let scrape = try await Browser(app).get(PlatformRoute.metrics.path, headers: Self.bearer(Self.token))
            #expect(scrape.status == .ok)
            #expect(scrape.body.string.contains("\njibungoto_database_up 0.0\n"))
        }
    }

    @Test("while the database is away, a page that needs it answers 503 with Retry-After, in words, not 500")
    func whileTheDatabaseIsAwayPagesSay503() async throws {
        try await withUnreachableDatabase { app in
            // A visitor page that reads the database. (Its error page would store a session, which
            // fails too, so the answer is the plain bilingual text — still 503, still "try again".)
            let feed = try await Browser(app).get(AccountRoute.noticeFeed(token: "any-token").path)
            #expect(feed.status == .serviceUnavailable)
            #expect(feed.headers.first(name: .retryAfter) == "30")
            #expect(feed.body.string.contains("もう一度お試しください"))
            // A signed-in browser: its session is read before any page can be drawn, so the answer is plain text.
            let signedIn = try await Browser(app).get(PlatformRoute.home.path, headers: ["Cookie": "jibungoto_session=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"])
            #expect(signedIn.status == .serviceUnavailable)
            #expect(signedIn.headers.first(name: .retryAfter) == "30")
        }
    }
}
