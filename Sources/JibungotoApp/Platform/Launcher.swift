import Foundation
import JibungotoDomain
import Logging
import Vapor

/// What the command line asks of the application, so the executable only parses arguments.
public enum Launcher {
    /// A failure the operator can fix, already worded in Japanese and English.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Sets up logging from `LOG_LEVEL`; the process calls it once, before any command runs.
    public static func bootstrapLogging() throws {
        var environment = Environment(name: ProcessInfo.processInfo.environment["JIBUNGOTO_ENV"] ?? "production", arguments: ["jibungoto"])
        try LoggingSystem.bootstrap(from: &environment)
    }

    /// Settings from the environment on top of the chosen database, or a clear failure.
    public static func settings(databasePath: String, isDemo: Bool) throws -> AppSettings {
        do {
            let environment = ProcessInfo.processInfo.environment
            let location = try DatabaseLocation.resolve(path: databasePath, environment: environment)
            return try AppSettings.fromEnvironment(database: location, isDemo: isDemo, environment: environment)
        } catch let error as ConfigurationError {
            throw Failure(description: error.description)
        }
    }

    /// Opens the application (configured and migrated), runs `body`, and shuts it down.
    static func withApplication(
        _ settings: AppSettings,
        arguments: [String] = ["jibungoto"],
        _ body: (Application) async throws -> Void
    ) async throws {
        let environment = Environment(name: ProcessInfo.processInfo.environment["JIBUNGOTO_ENV"] ?? "production", arguments: arguments)
        let app: Application
        do {
            app = try await makeApplication(settings: settings, environment: environment)
        } catch {
            throw Failure(description: """
            起動できませんでした（データベース：\(settings.database.description)）：\(error)
            Could not start (database: \(settings.database.description)): \(error)
            """)
        }
        do {
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    public static func serve(_ settings: AppSettings, host: String, port: Int) async throws {
        // While it serves an SQLite file, `jibungoto restore` leaves that file alone.
        var serving: ServeLock?
        if case .sqliteFile(let path) = settings.database { serving = try ServeLock.shared(for: path) }
        defer { withExtendedLifetime(serving) {} }
        try await withApplication(settings, arguments: ["jibungoto", "serve", "--hostname", host, "--port", String(port)]) { app in
            app.reportRequestMetrics()
            if settings.isDemo {
                try await DemoLoader.load(on: app)
                print("自分ごと demo — http://\(host):\(port)")
                print("Demo logins (password: \(settings.demoPassword)):")
                DemoAccounts.loginSummary(password: settings.demoPassword).forEach { print($0) }
            } else {
                print("自分ごと — http://\(host):\(port)")
            }
            try await app.execute()
        }
    }

    public static func migrate(_ settings: AppSettings) async throws {
        try await withApplication(settings) { _ in
            print("Migrations applied: \(settings.database.description)")
        }
    }

    /// `jibungoto backup PATH`: a consistent copy of the SQLite database while it is served.
    public static func backup(_ settings: AppSettings, to path: String) async throws -> DatabaseBackup.Contents {
        switch settings.database {
        case .sqliteFile(let database): return try await DatabaseBackup.backup(databasePath: database, to: path)
        case .postgres: throw Failure(description: DatabaseBackup.postgresAdvice)
        case .sqliteMemory: throw Failure(description: "メモリ上のデータベースは保存できません。\nAn in-memory database cannot be backed up.")
        }
    }

    /// `jibungoto restore PATH`: the database replaced by a checked copy, the server stopped.
    public static func restore(_ settings: AppSettings, from path: String) async throws -> DatabaseBackup.Restored {
        switch settings.database {
        case .sqliteFile(let database): return try await DatabaseBackup.restore(from: path, into: database)
        case .postgres: throw Failure(description: DatabaseBackup.postgresAdvice)
        case .sqliteMemory: throw Failure(description: "メモリ上のデータベースには復元できません。\nAn in-memory database cannot be restored into.")
        }
    }

    public static func loadDemo(_ settings: AppSettings) async throws {
        try await withApplication(settings) { app in
            try await DemoLoader.load(on: app)
            print("Demo city loaded: \(settings.database.description)")
        }
    }

    public static func createAccount(_ settings: AppSettings, staffNumber: String, name: String, roles: Set<Role>, password: String) async throws {
        try await withApplication(settings) { app in
            do {
                try await AccountBootstrap.create(staffNumber: staffNumber, name: name, roles: roles, password: password, on: app)
            } catch let error as AccountBootstrap.Failure {
                throw Failure(description: error.description)
            }
            print("Account \(StaffNumber.normalise(staffNumber)) created: \(roles.sorted().map(\.rawValue).joined(separator: ", ")).")
        }
    }
}

extension Launcher {
    /// The outcome of `jibungoto import`: what to print and whether anything was wrong.
    public struct ImportOutcome: Sendable {
        /// One line per bad row, naming the line and column.
        public let issues: [String]
        /// Counts and what happened.
        public let summary: [String]
        public var succeeded: Bool { issues.isEmpty }
    }

    /// Checks (and unless `dryRun`, applies) a staff or assignments CSV, with the same
    /// line-numbered messages the web page shows.
    public static func importFile(
        _ settings: AppSettings, kind: ImportKind, path: String, dryRun: Bool, encoding: CSVTextEncoding, language: String
    ) async throws -> ImportOutcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "ファイルを読めません：\(path)\nCannot read the file: \(path)")
        }
        var outcome = ImportOutcome(issues: [], summary: [])
        try await withApplication(settings) { app in
            let report: OrganizationImporter.Report
            do {
                report = dryRun
                    ? try await OrganizationImporter.dryRun(kind: kind, data: data, encoding: encoding, on: app.db)
                    : try await OrganizationImporter.apply(kind: kind, data: data, encoding: encoding, today: app.clock.today, on: app.db)
            } catch OrganizationImporter.Failure.hasErrors(let failed) {
                report = failed
            }
            let japanese = language.hasPrefix("ja")
            var lines: [String] = []
            lines.append(japanese
                ? "\(report.rowCount)行：追加 \(report.toAdd)、変更 \(report.toChange)、変更なし \(report.unchanged)、エラー \(report.issues.count)（文字コード：\(report.detectedEncoding)）"
                : "\(report.rowCount) rows: add \(report.toAdd), change \(report.toChange), unchanged \(report.unchanged), errors \(report.issues.count) (encoding: \(report.detectedEncoding))")
            if !report.hasErrors {
                lines.append(dryRun ? (japanese ? "確認のみ（書き込みなし）" : "dry run: nothing written")
                                    : (japanese ? "取り込みました" : "applied"))
            } else if !dryRun {
                lines.append(japanese ? "エラーがあるため何も書き込んでいません" : "nothing written because of the errors")
            }
            outcome = ImportOutcome(issues: report.issues.map { $0.message.text(language: language) }, summary: lines)
        }
        return outcome
    }
}
