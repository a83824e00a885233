import FluentKit
import FluentSQLiteDriver
import SQLiteNIO

/// The line in which this process's write transactions on one SQLite file take turns, first come
/// first served (`Database.writeTransaction`).
///
/// SQLite lets one connection write at a time, and Fluent keeps one connection per event loop. A
/// write transaction on one loop that found the file locked by the other slept in SQLite's busy
/// handler (1, 2, 5 … then 100 ms at a time), holding its loop's only connection, while the
/// other loop's next writers kept taking the lock as soon as it was free. Under 200 survey
/// submitters at once the busy handler slept about 70 times per burst (`perf stat` of the burst,
/// 2026-12-02), up to 100 ms each. In the line, a transaction waits with its connection but
/// without a thread, and starts the moment the one before it commits, before any later writer.
/// Single writes outside a transaction (a session, an audit row) and writers in another process
/// (a command beside the server) still meet SQLite's busy timeout.
struct SQLiteWriters: Sendable {
    /// The transaction could not begin: another writer held the file longer than `waitLimit`, in
    /// this process (the line) or another (SQLite's busy timeout). Nothing of it was written.
    struct Busy: Error, CustomStringConvertible {
        var description: String { "another writer held the SQLite file for longer than the wait limit" }
    }

    let turns = TurnQueue(capacity: 1)

    /// How long a write transaction waits for its turn, the same as SQLite's busy timeout.
    static let waitLimit = Duration.milliseconds(DatabaseSetup.busyTimeoutMilliseconds)

    /// The line of the SQLite file `database` writes to; nil for PostgreSQL, which locks rows.
    static func of(_ database: any Database) -> SQLiteWriters? {
        (database.context.configuration as? LinedSQLiteConfiguration)?.writers
    }

    /// Whether `error` is SQLite's own "the file is locked" after its busy timeout.
    static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return error.reason == .busy || error.reason == .busyTimeout
    }
}

/// An SQLite database's configuration with its writers' line: Fluent hands every `Database` of
/// the file a copy of its configuration, so each can find the one line (`SQLiteWriters.of`).
struct LinedSQLiteConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let writers = SQLiteWriters()

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        base.makeDriver(for: databases)
    }
}

extension DatabaseConfigurationFactory {
    /// An SQLite file or memory database whose write transactions take turns (`SQLiteWriters`).
    static func linedSQLite(_ configuration: SQLiteConfiguration) -> Self {
        let base = Self.sqlite(configuration, sqlLogLevel: .debug)
        return .init { LinedSQLiteConfiguration(base: base.make()) }
    }
}
