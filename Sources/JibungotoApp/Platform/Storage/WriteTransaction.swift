import FluentKit
import SQLKit

extension Database {
    /// The one way the app writes in a transaction: every change of several rows runs in one.
    ///
    /// On SQLite the transaction takes the write lock with its first statement, as
    /// `BEGIN IMMEDIATE` would (Fluent's `BEGIN` is deferred). A deferred transaction that reads
    /// before it writes cannot write at all once another connection has committed in between
    /// (`SQLITE_BUSY_SNAPSHOT`, which no busy timeout waits out): a staff import, which checks the
    /// whole file before it writes, failed whenever anyone saved anything meanwhile
    /// (`ops/fault-check.sh`). Taken first, the lock makes other writers wait instead. PostgreSQL
    /// needs nothing of the kind.
    ///
    /// `firstStatementWrites`: the body's first statement is a write, which takes the lock itself,
    /// so the extra statement is left out (the survey submission: one round trip fewer while the
    /// lock is held).
    ///
    /// On SQLite the transactions of this process also take turns in `SQLiteWriters`' line, first
    /// come first served, on the writers' connection, the body on the writers' thread; one inside
    /// another's body (on its database) already has its turn.
    func writeTransaction<T: Sendable>(firstStatementWrites: Bool = false,
                                       _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction, let writers = SQLiteWriters.of(self), let writing = writers.database(for: context) else {
            return try await lockingTransaction(firstStatementWrites: firstStatementWrites, on: nil, body)
        }
        // Only the line's holder uses the writers' connection, so it is free once the turn is taken.
        do {
            return try await writers.turns.run(waitingAtMost: SQLiteWriters.waitLimit) {
                try await writing.lockingTransaction(firstStatementWrites: firstStatementWrites, on: writers.executor, body)
            }
        } catch is TurnQueue.WaitedTooLong {
            throw SQLiteWriters.Busy()
        }
    }

    /// `executor`: where the body runs. Set inside Fluent's transaction, whose body runs in a task
    /// of its own (SQLiteNIO's `withConnection`), which does not inherit the caller's preference.
    private func lockingTransaction<T: Sendable>(firstStatementWrites: Bool, on executor: (any TaskExecutor)?,
                                                 _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await transaction { database in
            try await withTaskExecutorPreference(executor) {
                if !firstStatementWrites, let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" {
                    // A write that changes nothing: it still begins the write transaction. Refused after
                    // the busy timeout only while another process writes; nothing is written yet then.
                    do {
                        try await sql.raw("UPDATE _fluent_migrations SET batch = batch WHERE 0").run()
                    } catch where SQLiteWriters.isBusy(error) {
                        throw SQLiteWriters.Busy()
                    }
                }
                return try await body(database)
            }
        }
    }
}
