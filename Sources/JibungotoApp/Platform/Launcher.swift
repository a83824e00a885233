import Foundation
import Logging
import Vapor

/// What the command line asks of the application, so the executable only parses arguments.
public enum Launcher {
    /// A failure the operator can fix, already worded in Japanese and English.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
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
        var environment = Environment(name: ProcessInfo.processInfo.environment["JIBUNGOTO_ENV"] ?? "production", arguments: arguments)
        try LoggingSystem.bootstrap(from: &environment)
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
        try await withApplication(settings, arguments: ["jibungoto", "serve", "--hostname", host, "--port", String(port)]) { app in
            if settings.isDemo {
                try await DemoCity.load(on: app)
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

    public static func loadDemo(_ settings: AppSettings) async throws {
        try await withApplication(settings) { app in
            try await DemoCity.load(on: app)
            print("Demo city loaded: \(settings.database.description)")
        }
    }

    public static func createAdministrator(_ settings: AppSettings, staffNumber: String, name: String, password: String) async throws {
        try await withApplication(settings) { app in
            do {
                try await AdministratorBootstrap.create(staffNumber: staffNumber, name: name, password: password, on: app)
            } catch let error as AdministratorBootstrap.Failure {
                throw Failure(description: error.description)
            }
            print("Administrator \(StaffNumber.normalise(staffNumber)) created.")
        }
    }
}
