import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Connects Fluent to the configured database and runs the migrations in their one order.
enum DatabaseSetup {
    static func configure(_ app: Application, settings: AppSettings) throws {
        switch settings.database {
        case .sqliteFile(let path):
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
        case .postgres(let url, let searchPath):
            let configuration = try DatabaseLocation.postgresConfiguration(url: url, searchPath: searchPath)
            app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: settings.databaseConnectionsPerLoop, sqlLogLevel: .debug), as: .psql)
        }
        for migration in ShippedMigrations.all {
            app.migrations.add(migration)
        }
    }

    /// A round trip to the database, for the health check.
    static func ping(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        _ = try await sql.raw("SELECT 1 AS ok").first()
    }
}
