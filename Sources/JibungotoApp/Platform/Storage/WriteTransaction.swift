import FluentKit
import SQLKit

extension Database {
    /// The one way the app writes in a transaction: every change of several rows runs in one.
    ///
    /// On SQLite, two more things, both because a file has one writer at a time:
    /// - Write transactions of this process take turns (`SQLiteWriteTurn`) before they touch a
    ///   connection. The driver keeps one connection per event loop; a transaction that waits for
    ///   the file's lock inside SQLite's busy handler holds its connection and a worker thread
    ///   while it sleeps, so every other request of that event loop, reads included, waits with
    ///   it, and it wakes up only at the handler's next try.
    /// - The transaction takes the write lock with its first statement, as `BEGIN IMMEDIATE` would
    ///   (Fluent's `BEGIN` is deferred). A deferred transaction that reads before it writes cannot
    ///   write at all once another connection has committed in between (`SQLITE_BUSY_SNAPSHOT`,
    ///   which no busy timeout waits out): a staff import, which checks the whole file before it
    ///   writes, failed whenever anyone saved anything meanwhile (`ops/fault-check.sh`). Another
    ///   process (a command run beside the server) still waits its busy timeout.
    ///
    /// `firstStatementWrites`: the body's first statement is a write, which takes the lock itself,
    /// so the extra statement is left out (the survey submission; one round trip fewer while the
    /// lock is held). PostgreSQL needs none of this.
    func writeTransaction<T: Sendable>(firstStatementWrites: Bool = false,
                                       _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        // Inside a transaction already, Fluent runs the body as part of it: the turn is held.
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite", !inTransaction else { return try await transaction(body) }
        return try await SQLiteWriteTurn.shared.inTurn {
            try await transaction { database in
                if !firstStatementWrites, let sql = database as? any SQLDatabase {
                    // A write that changes nothing: it still begins the write transaction.
                    try await sql.raw("UPDATE _fluent_migrations SET batch = batch WHERE 0").run()
                }
                return try await body(database)
            }
        }
    }
}

/// SQLite write transactions of this process, one at a time and first come, first served. A
/// transaction waiting its turn holds no connection and no thread. A process serves one SQLite
/// file (tests that run several applications at once only have their writes ordered).
actor SQLiteWriteTurn {
    static let shared = SQLiteWriteTurn()

    private var isTaken = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func inTurn<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await take()
        do {
            let result = try await body()
            give()
            return result
        } catch {
            give()
            throw error
        }
    }

    private func take() async {
        guard isTaken else {
            isTaken = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the turn to the first in line, who wakes up holding it.
    private func give() {
        if waiting.isEmpty {
            isTaken = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// How many wait for the turn (for the tests).
    var waitingCount: Int { waiting.count }
}
