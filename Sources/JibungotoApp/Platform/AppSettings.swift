import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Where the data lives: an SQLite file (the default), memory (tests), or PostgreSQL.
public enum DatabaseLocation: Sendable, Equatable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String, searchPath: [String]? = nil)

    /// `DATABASE_URL` wins when set; otherwise the SQLite file at `path`.
    public static func resolve(path: String, environment: [String: String]) throws -> DatabaseLocation {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            _ = try postgresConfiguration(url: url, searchPath: nil)
            return .postgres(url: url)
        }
        return .sqliteFile(path: path)
    }

    static func postgresConfiguration(url: String, searchPath: [String]?) throws -> SQLPostgresConfiguration {
        guard let parsed = URL(string: url), let scheme = parsed.scheme,
              ["postgres", "postgresql"].contains(scheme.lowercased()),
              let host = parsed.host, !host.isEmpty
        else {
            throw ConfigurationError.malformedDatabaseURL(url: url)
        }
        do {
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = searchPath
            return configuration
        } catch {
            throw ConfigurationError.malformedDatabaseURL(url: url)
        }
    }

    /// A description safe for logs: a PostgreSQL URL without its password.
    public var description: String {
        switch self {
        case .sqliteFile(let path):
            return "SQLite \(path)"
        case .sqliteMemory:
            return "SQLite (memory)"
        case .postgres(let url, _):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            components.password = components.password == nil ? nil : "***"
            return "PostgreSQL \(components.string ?? "")"
        }
    }
}

/// A setting the operator got wrong; the message names it in Japanese and English.
public enum ConfigurationError: Error, CustomStringConvertible, Equatable {
    case malformedDatabaseURL(url: String)
    case invalidNumber(variable: String, value: String)

    public var description: String {
        switch self {
        case .malformedDatabaseURL:
            "DATABASE_URL を解釈できません。postgres://ユーザー:パスワード@ホスト:5432/データベース名 の形式で指定してください。\n"
                + "DATABASE_URL is not a valid PostgreSQL URL; expected postgres://user:password@host:5432/database."
        case .invalidNumber(let variable, let value):
            "\(variable) の値「\(value)」は正の整数ではありません。\n"
                + "\(variable) must be a positive whole number, not \"\(value)\"."
        }
    }
}

/// Everything the operator configures, read once at start.
public struct AppSettings: Sendable {
    public var database: DatabaseLocation
    /// A demo instance shows its demo logins on the login page and loads the demo city.
    public var isDemo: Bool
    public var demoPassword: String
    /// Behind a trusted load balancer: take the client address from `X-Forwarded-For` and HTTPS
    /// from `X-Forwarded-Proto`.
    public var trustForwardedHeaders: Bool
    /// Mark the session cookie `Secure` on every response (the site is only served over HTTPS).
    public var alwaysSecureCookies: Bool
    public var sessionIdleMinutes: Int
    public var loginFailureLimit: Int
    /// Failed sign-ins from one address within the window before that address must wait.
    public var loginAddressFailureLimit: Int
    public var loginWindowMinutes: Int
    /// PostgreSQL connections per event loop (one loop per core).
    public var databaseConnectionsPerLoop: Int
    /// How many proxies in front of the app append to `X-Forwarded-For`: the client address is
    /// the entry the outermost trusted one appended, never one the client could have written.
    public var trustedProxyHops: Int
    /// The largest form a page accepts (file uploads have their own, larger limit).
    public var maxFormBytes: Int
    /// A connection that sends and receives nothing for this long is closed. It must exceed the
    /// longest request (a 50,000-row import's dry run), since a request being worked on is silent too.
    public var connectionIdleSeconds: Int
    /// Whether staff read the 所属長所見 (their manager's comment) on their own self-report; hidden
    /// unless the municipality decides otherwise.
    public var managerCommentVisibleToStaff: Bool
    /// The municipality's name as printed on documents (the transfer list, 内示書, 辞令).
    public var municipalityName: String
    /// The appointing authority's title printed on a 辞令 after the municipality's name (市長, 町長…).
    public var mayorTitle: String
    /// The bearer token that opens `/metrics` to a scraper that is not on this machine's loopback
    /// (or that comes through the proxy); without it only a direct loopback client reads it.
    public var metricsToken: String?

    public init(
        database: DatabaseLocation,
        isDemo: Bool = false,
        demoPassword: String = AppSettings.defaultDemoPassword,
        trustForwardedHeaders: Bool = false,
        alwaysSecureCookies: Bool = false,
        sessionIdleMinutes: Int = 120,
        loginFailureLimit: Int = 5,
        loginAddressFailureLimit: Int = 100,
        loginWindowMinutes: Int = 15,
        databaseConnectionsPerLoop: Int = 4,
        trustedProxyHops: Int = 1,
        maxFormBytes: Int = AppSettings.defaultMaxFormBytes,
        connectionIdleSeconds: Int = 120,
        managerCommentVisibleToStaff: Bool = false,
        municipalityName: String = AppSettings.defaultMunicipalityName,
        mayorTitle: String = AppSettings.defaultMayorTitle,
        metricsToken: String? = nil
    ) {
        self.database = database
        self.isDemo = isDemo
        self.demoPassword = demoPassword
        self.trustForwardedHeaders = trustForwardedHeaders
        self.alwaysSecureCookies = alwaysSecureCookies
        self.sessionIdleMinutes = sessionIdleMinutes
        self.loginFailureLimit = loginFailureLimit
        self.loginAddressFailureLimit = loginAddressFailureLimit
        self.loginWindowMinutes = loginWindowMinutes
        self.databaseConnectionsPerLoop = databaseConnectionsPerLoop
        self.trustedProxyHops = trustedProxyHops
        self.maxFormBytes = maxFormBytes
        self.connectionIdleSeconds = connectionIdleSeconds
        self.managerCommentVisibleToStaff = managerCommentVisibleToStaff
        self.municipalityName = municipalityName
        self.mayorTitle = mayorTitle
        self.metricsToken = metricsToken
    }

    public static let defaultDemoPassword = "jibungoto-demo"
    /// A placeholder that shows on a printed document until the operator sets the real name.
    public static let defaultMunicipalityName = "〇〇市"
    public static let defaultMayorTitle = "市長"
    /// 1 MB: a self-report or survey with long answers is well under 100 KB.
    public static let defaultMaxFormBytes = 1 << 20

    /// Reads the `JIBUNGOTO_*` variables (see README) on top of the given database.
    public static func fromEnvironment(
        database: DatabaseLocation,
        isDemo: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AppSettings {
        func flag(_ name: String) -> Bool {
            ["1", "true", "yes"].contains(environment[name]?.lowercased() ?? "")
        }
        func text(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func number(_ name: String, default value: Int) throws -> Int {
            guard let text = environment[name], !text.isEmpty else { return value }
            guard let parsed = Int(text), parsed > 0 else {
                throw ConfigurationError.invalidNumber(variable: name, value: text)
            }
            return parsed
        }
        return AppSettings(
            database: database,
            isDemo: isDemo,
            demoPassword: environment["JIBUNGOTO_DEMO_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
                ?? defaultDemoPassword,
            trustForwardedHeaders: flag("JIBUNGOTO_TRUST_PROXY"),
            alwaysSecureCookies: flag("JIBUNGOTO_SECURE_COOKIES"),
            sessionIdleMinutes: try number("JIBUNGOTO_SESSION_MINUTES", default: 120),
            loginFailureLimit: try number("JIBUNGOTO_LOGIN_FAILURE_LIMIT", default: 5),
            loginAddressFailureLimit: try number("JIBUNGOTO_LOGIN_ADDRESS_LIMIT", default: 100),
            loginWindowMinutes: try number("JIBUNGOTO_LOGIN_WINDOW_MINUTES", default: 15),
            databaseConnectionsPerLoop: try number("JIBUNGOTO_DB_CONNECTIONS_PER_CORE", default: 4),
            trustedProxyHops: try number("JIBUNGOTO_TRUSTED_PROXY_HOPS", default: 1),
            maxFormBytes: try number("JIBUNGOTO_MAX_FORM_KB", default: defaultMaxFormBytes >> 10) << 10,
            connectionIdleSeconds: try number("JIBUNGOTO_IDLE_TIMEOUT_SECONDS", default: 120),
            managerCommentVisibleToStaff: flag("JIBUNGOTO_SHOW_MANAGER_COMMENT"),
            municipalityName: text("JIBUNGOTO_MUNICIPALITY_NAME") ?? defaultMunicipalityName,
            mayorTitle: text("JIBUNGOTO_MAYOR_TITLE") ?? defaultMayorTitle,
            metricsToken: text("JIBUNGOTO_METRICS_TOKEN")
        )
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = AppSettings }

    var jibungotoSettings: AppSettings {
        get { storage[SettingsKey.self] ?? AppSettings(database: .sqliteMemory) }
        set { storage[SettingsKey.self] = newValue }
    }
}
