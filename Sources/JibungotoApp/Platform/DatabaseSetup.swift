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
            app.databases.use(.linedSQLite(.file(path)), as: .sqlite)
        case .sqliteMemory:
            app.databases.use(.linedSQLite(.memory), as: .sqlite)
        case .postgres(let url, let searchPath):
            let configuration = try DatabaseLocation.postgresConfiguration(url: url, searchPath: searchPath)
            app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: settings.databaseConnectionsPerLoop, sqlLogLevel: .debug), as: .psql)
        }
        for migration in ShippedMigrations.all {
            app.migrations.add(migration)
        }
    }

    /// How long an SQLite writer waits for another to finish before it gives up with an error.
    static let busyTimeoutMilliseconds = 5_000
    /// The writers' connection's page cache (SQLite's default is 2 MiB per connection).
    static let writerCacheKibibytes = 32_768

    /// What a production SQLite file needs beyond the drivers' defaults (foreign keys are on
    /// already, SQLiteKit's default):
    /// - write-ahead logging: readers never wait for the writer, and a process killed in the
    ///   middle of a transaction leaves the file as it was before it (the log is rolled back or
    ///   replayed on the next open). The mode is stored in the file, so one statement suffices.
    /// - a busy timeout on each connection (the readers' one per event loop, the writers' one): a
    ///   writer waits for another, sleeping, up to `busyTimeoutMilliseconds`. SQLiteNIO's own busy
    ///   handler retries at once and forever, which spins a core while another process writes.
    static func tune(_ app: Application, settings: AppSettings) async throws {
        guard case .sqliteFile = settings.database else { return }
        let database = app.db(.sqlite)
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        let timeout: SQLQueryString = "PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))"
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let readers = app.databases.database(.sqlite, logger: app.logger, on: eventLoop) else { continue }
            try await readers.withConnection { connection in
                try await (connection as? any SQLDatabase)?.raw(timeout).run()
            }
        }
        guard let writers = SQLiteWriters.of(database)?.database(for: database.context) else { return }
        try await writers.withConnection { connection in
            guard let sql = connection as? any SQLDatabase else { return }
            try await sql.raw(timeout).run()
            // The one writer keeps the pages it changes (a survey week touches the same indexes
            // again and again), and a statement's undo journal stays in memory, not a temporary file.
            try await sql.raw("PRAGMA cache_size = -\(unsafeRaw: String(writerCacheKibibytes))").run()
            try await sql.raw("PRAGMA temp_store = MEMORY").run()
        }
    }

    /// Applies the pending migrations. On PostgreSQL, under an advisory lock held on a connection
    /// of its own: instances started together wait for each other, and the second finds nothing
    /// left to do. The lock is the database server's, per schema, and ends with the connection
    /// if the process dies.
    static func migrate(_ app: Application, settings: AppSettings) async throws {
        guard case .postgres(let url, let searchPath) = settings.database else {
            try await app.autoMigrate()
            return
        }
        let configuration = try DatabaseLocation.postgresConfiguration(url: url, searchPath: searchPath)
        let connection = try await PostgresConnection.connect(
            on: app.eventLoopGroup.any(), configuration: configuration.coreConfiguration, id: 1, logger: app.logger)
        let key = migrationLockKey(searchPath: searchPath ?? [])
        do {
            _ = try await connection.query("SELECT pg_advisory_lock(\(key))", logger: app.logger)
            try await app.autoMigrate()
            _ = try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: app.logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// The advisory lock's key: the same for every instance on the same schema (FNV-1a of its name).
    static func migrationLockKey(searchPath: [String]) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ("jibungoto.migrations:" + searchPath.joined(separator: ",")).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// A round trip to the database, for the health check.
    static func ping(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        _ = try await sql.raw("SELECT 1 AS ok").first()
    }
}
