import ArgumentParser
import Foundation
import JibungotoApp

extension Role: ExpressibleByArgument {}

@main
struct Jibungoto: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jibungoto",
        abstract: "自分ごと (Jibungoto): staff and organization development for a Japanese city.",
        discussion: """
        Data lives in an SQLite file in the working directory unless DATABASE_URL names a \
        PostgreSQL database (postgres://user:password@host:5432/name?tlsmode=require). \
        See README.md for the JIBUNGOTO_* settings.
        """,
        subcommands: [ServeCommand.self, MigrateCommand.self, DemoCommand.self, CreateAccountCommand.self, ImportCommand.self, SolveCommand.self,
                      BackupCommand.self, RestoreCommand.self]
    )
}

/// `--database PATH`, shared by every command that touches data; `DATABASE_URL` wins when set.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file to use (ignored when DATABASE_URL is set).")
    var database: String?

    /// The settings for a command that touches data; also sets up logging, once per process.
    func settings(defaultPath: String, isDemo: Bool) async throws -> AppSettings {
        try Launcher.bootstrapLogging()
        return try await reportingFailures { try Launcher.settings(databasePath: database ?? defaultPath, isDemo: isDemo) }
    }
}

/// Prints a launcher failure (already bilingual) and exits with status 2 instead of a trace.
func reportingFailures<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let failure as Launcher.Failure {
        FileHandle.standardError.write(Data((failure.description + "\n").utf8))
        throw ExitCode(2)
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the web server (migrating the database first).",
        discussion: "With --demo, uses demo.sqlite and loads the fictional demo city and one login per role."
    )

    @OptionGroup var databaseOptions: DatabaseOptions
    @Flag(help: "Load the demo city into demo.sqlite (or --database) and show the demo logins.")
    var demo = false
    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"
    @Option(help: "Port to listen on.")
    var port = 8080

    func run() async throws {
        let settings = try await databaseOptions.settings(defaultPath: demo ? "demo.sqlite" : "jibungoto.sqlite", isDemo: demo)
        try await reportingFailures { try await Launcher.serve(settings, host: host, port: port) }
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations (creating the SQLite file if absent) and exit."
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let settings = try await databaseOptions.settings(defaultPath: "jibungoto.sqlite", isDemo: false)
        try await reportingFailures { try await Launcher.migrate(settings) }
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the SQLite database to PATH while the server keeps serving, and check it.",
        discussion: "On PostgreSQL, prints how to use pg_dump instead. See README.md, \"Backups\"."
    )

    @OptionGroup var databaseOptions: DatabaseOptions
    @Argument(help: "The copy to write (a new file).")
    var path: String

    func run() async throws {
        let settings = try await databaseOptions.settings(defaultPath: "jibungoto.sqlite", isDemo: false)
        let contents = try await reportingFailures { try await Launcher.backup(settings, to: path) }
        print("バックアップしました / Backed up: \(path)\n\(contents.summary)")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the SQLite database with a backup, after checking the backup; the server must be stopped.",
        discussion: "The replaced database is kept beside it as <database>.before-restore-<time>. On PostgreSQL, prints how to use pg_restore."
    )

    @OptionGroup var databaseOptions: DatabaseOptions
    @Argument(help: "The backup to restore.")
    var path: String

    func run() async throws {
        let settings = try await databaseOptions.settings(defaultPath: "jibungoto.sqlite", isDemo: false)
        let restored = try await reportingFailures { try await Launcher.restore(settings, from: path) }
        print("復元しました / Restored from \(path)\n\(restored.contents.summary)")
        if let previous = restored.previous { print("置き換えたデータベース / The replaced database: \(previous)") }
    }
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the fictional demo city into the database (demo.sqlite by default) and exit."
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let settings = try await databaseOptions.settings(defaultPath: "demo.sqlite", isDemo: true)
        try await reportingFailures { try await Launcher.loadDemo(settings) }
    }
}

struct CreateAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-account",
        abstract: "Create an account (the first administrator of a new installation); the password is read from standard input."
    )

    @OptionGroup var databaseOptions: DatabaseOptions
    @Option(help: "Staff number (職員番号).")
    var staffNumber: String
    @Option(help: "Display name (氏名).")
    var name: String
    @Option(help: "A role, repeatable: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
    var role: [Role] = [.administrator]

    func run() async throws {
        let settings = try await databaseOptions.settings(defaultPath: "jibungoto.sqlite", isDemo: false)
        FileHandle.standardError.write(Data("Password (10+ characters): ".utf8))
        let password = readLine(strippingNewline: true) ?? ""
        try await reportingFailures {
            try await Launcher.createAccount(settings, staffNumber: staffNumber, name: name, roles: Set(role), password: password)
        }
    }
}
