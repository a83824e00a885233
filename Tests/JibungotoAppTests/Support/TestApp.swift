import FluentKit
import Foundation
@testable import JibungotoApp
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
    do {
        try await configure(app, settings: settings)
        if case .postgres = location {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
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

/// A browser stand-in: keeps the session cookie and the last page's CSRF token.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookie: String?
    var csrfToken: String?
    var extraHeaders: HTTPHeaders = [:]

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers)
    }

    /// Posts a form; the CSRF token from the last page is added unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ form: [(String, String)], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf, let csrfToken { fields.append(("_csrf", csrfToken)) }
        var components = URLComponents()
        components.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
        let body = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        return try await send(.POST, path, headers: headers.merging(extraHeaders), body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with one file, as a browser does for `<input type="file">`.
    @discardableResult
    func upload(_ path: String, fields: [(String, String)], fileField: String, filename: String, file: Data) async throws -> TestingHTTPResponse {
        let boundary = "----jibungoto-test-boundary"
        var body = Data()
        for (name, value) in fields + [("_csrf", csrfToken ?? "")] {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await send(.POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(data: body))
    }

    private func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> TestingHTTPResponse {
        var all = headers.merging(extraHeaders)
        if let cookie { all.replaceOrAdd(name: .cookie, value: "jibungoto_session=\(cookie)") }
        let response = try await app.testing().sendRequest(method, path, headers: all, body: body)
        if let setCookie = response.headers.setCookie?["jibungoto_session"] {
            cookie = setCookie.string.isEmpty ? nil : setCookie.string
            if setCookie.expires.map({ $0 < Date() }) ?? false { cookie = nil }
        }
        if let token = response.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.output.1 {
            csrfToken = String(token)
        }
        return response
    }

    @discardableResult
    func logIn(_ staffNumber: String, password: String = AppSettings.defaultDemoPassword) async throws -> TestingHTTPResponse {
        try await get("/login")
        return try await post("/login", [("staff_number", staffNumber), ("password", password)])
    }
}

extension HTTPHeaders {
    func merging(_ other: HTTPHeaders) -> HTTPHeaders {
        var result = self
        for (name, value) in other { result.replaceOrAdd(name: name, value: value) }
        return result
    }
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
