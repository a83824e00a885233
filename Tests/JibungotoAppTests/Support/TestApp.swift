import FluentKit
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Runs a test against a fresh application and database: SQLite in memory, or — when
/// `DATABASE_URL` is set — a PostgreSQL schema of its own, so tests can run in parallel.
/// Tests log warnings and errors only; the request lines of hundreds of requests would bury failures.
private let quietLogging: Void = {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = .warning
        return handler
    }
}()

/// Bounds how many test applications are open at once, so parallel tests stay within the
/// PostgreSQL server's connection limit.
actor TestSlots {
    static let shared = TestSlots(count: 12)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

/// The date every test application lives on, so no test depends on the day it runs. A Monday
/// in the third quarter of fiscal year 2026 (令和8年度), away from April 1 and March 31.
enum TestClock {
    static let today = LocalDate(year: 2026, month: 11, day: 30)!
    static let thisYear = today.fiscalYear.startYear
}

func withTestApp(
    isDemo: Bool = false,
    adjust: (inout AppSettings) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    await TestSlots.shared.acquire()
    do {
        try await withOpenTestApp(isDemo: isDemo, adjust: adjust, body)
    } catch {
        await TestSlots.shared.release()
        throw error
    }
    await TestSlots.shared.release()
}

private func withOpenTestApp(
    isDemo: Bool,
    adjust: (inout AppSettings) -> Void,
    _ body: (Application) async throws -> Void
) async throws {
    quietLogging
    let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let environment = ProcessInfo.processInfo.environment
    let location: DatabaseLocation
    if let url = environment["DATABASE_URL"], !url.isEmpty {
        location = .postgres(url: url, searchPath: [schema])
    } else {
        location = .sqliteMemory
    }
    // One connection per core per test: many tests run at once against one PostgreSQL server.
    var settings = AppSettings(database: location, isDemo: isDemo, databaseConnectionsPerLoop: 1)
    adjust(&settings)
    let app = try await Application.make(.testing)
    app.clock = .fixed(TestClock.today)
    do {
        try await configure(app, settings: settings)
        if case .postgres = location {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await DatabaseSetup.migrate(app, settings: settings)
        try await DemoAccounts.load(on: app)
        try await body(app)
    } catch {
        try? await dropSchema(app, location: location, schema: schema)
        try? await app.asyncShutdown()
        throw error
    }
    try await dropSchema(app, location: location, schema: schema)
    try await app.asyncShutdown()
}

private func dropSchema(_ app: Application, location: DatabaseLocation, schema: String) async throws {
    guard case .postgres = location else { return }
    try await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
}

/// What the server answered, in memory or over a socket.
struct PageResponse: Sendable {
    let status: HTTPResponseStatus
    let headers: HTTPHeaders
    let body: ByteBuffer
}

/// A browser stand-in: keeps the session cookie and the last page's CSRF token.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookie: String?
    /// The long-lived "signed in here before" cookie (`KnownDevice`), kept across sign-outs.
    var deviceCookie: String?
    var csrfToken: String?
    var extraHeaders: HTTPHeaders = [:]
    /// Through a real socket instead of in memory: a body then arrives in several reads, as
    /// from a browser (the in-memory tester hands the handler the whole body at once).
    var overNetwork = false

    init(_ app: Application, overNetwork: Bool = false) {
        self.app = app
        self.overNetwork = overNetwork
    }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> PageResponse {
        try await send(.GET, path, headers: headers)
    }

    /// Posts a form; the CSRF token from the last page is added unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ form: [(String, String)], csrf: Bool = true) async throws -> PageResponse {
        let body = formBody(form, csrf: csrf)
        let headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        return try await send(.POST, path, headers: headers.merging(extraHeaders), body: ByteBuffer(string: body))
    }

    /// Posts a body exactly as given (the token is not added).
    @discardableResult
    func post(_ path: String, body: String, contentType: String = "application/x-www-form-urlencoded") async throws -> PageResponse {
        let headers: HTTPHeaders = ["Content-Type": contentType]
        return try await send(.POST, path, headers: headers.merging(extraHeaders), body: ByteBuffer(string: body))
    }

    /// The URL-encoded body `post` sends for these fields (with the token unless `csrf` is false).
    func formBody(_ form: [(String, String)], csrf: Bool = true) -> String {
        var fields = form
        if csrf, let csrfToken { fields.append(("_csrf", csrfToken)) }
        var components = URLComponents()
        components.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
        return (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }

    /// Posts a multipart form with one file, as a browser does for `<input type="file">`.
    @discardableResult
    func upload(_ path: String, fields: [(String, String)], fileField: String, filename: String, file: Data, csrf: Bool = true) async throws -> PageResponse {
        let boundary = "----jibungoto-test-boundary"
        var body = Data()
        for (name, value) in fields + (csrf ? [("_csrf", csrfToken ?? "")] : []) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await send(.POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(data: body))
    }

    private func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> PageResponse {
        var all = headers.merging(extraHeaders)
        let cookies = [cookie.map { "jibungoto_session=\($0)" }, deviceCookie.map { "\(KnownDevice.cookieName)=\($0)" }].compactMap { $0 }
        if !cookies.isEmpty { all.replaceOrAdd(name: .cookie, value: cookies.joined(separator: "; ")) }
        let response: PageResponse
        if overNetwork {
            response = try await sendOverNetwork(method, path, headers: all, body: body)
        } else {
            let inMemory = try await app.testing().sendRequest(method, path, headers: all, body: body)
            response = PageResponse(status: inMemory.status, headers: inMemory.headers, body: inMemory.body)
        }
        if let device = response.headers.setCookie?[KnownDevice.cookieName], !device.string.isEmpty { deviceCookie = device.string }
        if let setCookie = response.headers.setCookie?["jibungoto_session"] {
            cookie = setCookie.string.isEmpty ? nil : setCookie.string
            if setCookie.expires.map({ $0 < Date() }) ?? false { cookie = nil }
        }
        if let token = response.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.output.1 {
            csrfToken = String(token)
        }
        return response
    }

    /// Starts the server on a free loopback port for one request, as VaporTesting's `.running`
    /// does, but without following redirects (a browser's cookie comes with the 303 itself).
    private func sendOverNetwork(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> PageResponse {
        app.http.client.configuration.redirectConfiguration = .disallow
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        do {
            let port = try #require(app.http.server.shared.localAddress?.port)
            let response = try await app.client.send(method, headers: headers, to: URI(string: "http://127.0.0.1:\(port)\(path)")) { request in
                request.body = body
            }
            await app.server.shutdown()
            return PageResponse(status: response.status, headers: response.headers, body: response.body ?? ByteBuffer())
        } catch {
            await app.server.shutdown()
            throw error
        }
    }

    @discardableResult
    func logIn(_ staffNumber: String, password: String = AppSettings.defaultDemoPassword) async throws -> PageResponse {
        try await get(PlatformRoute.login.path)
        return try await post(PlatformRoute.login.path, [("staff_number", staffNumber), ("password", password)])
    }
}

extension HTTPHeaders {
    func merging(_ other: HTTPHeaders) -> HTTPHeaders {
        var result = self
        for (name, value) in other { result.replaceOrAdd(name: name, value: value) }
        return result
    }
}

/// The last component of a page path a response named (a `Location` header, a link in a page) as
/// a route parameter, so a test reaches that page's other typed routes.
func routeParameter(lastOf path: String) -> RouteParameter {
    .value(String(path.split(separator: "/").last ?? ""))
}

/// The demo accounts by role, as the tests use them.
enum Demo {
    static let staff = "D0001"
    static let sectionManager = "D0002"
    static let departmentHead = "D0003"
    static let hr = "D0004"
    static let promotionTeam = "D0005"
    static let districtLiaison = "D0006"
    static let administrator = "D0007"
}
