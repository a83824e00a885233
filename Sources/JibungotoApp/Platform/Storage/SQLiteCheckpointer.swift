import FluentKit
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

/// Copies an SQLite file's write-ahead log back into the file once a second, beside the writers
/// instead of in their line.
///
/// SQLite's own checkpoint runs inside the commit that fills the log past 1,000 pages, on the
/// connection that commits. On the writers' connection that is the line's holder: under 200
/// survey submitters, 11–23 checkpoints of 6–8 ms each per burst kept every writer behind it
/// waiting (uprobes on `sqlite3WalCheckpoint`, 2026-12-02). So the writers' connection does not
/// checkpoint (`wal_autocheckpoint = 0`, `DatabaseSetup.tune`), and this one does, on a readers'
/// connection, in the passive mode: it copies what no reader still needs and never waits for the
/// writers, who go on appending meanwhile. SQLite starts the log from its beginning again at the
/// next write after everything was copied. Single writes outside the line (sessions) keep SQLite's
/// automatic checkpoint, which also runs outside the line.
final class SQLiteCheckpointer: LifecycleHandler {
    static let interval = TimeAmount.seconds(1)

    /// The last checkpoint: pages in the log, and how many of them are in the file now.
    struct Pass: Equatable {
        let logPages: Int
        let copiedPages: Int
    }

    private let task: NIOLockedValueBox<RepeatedTask?> = .init(nil)
    private let last: NIOLockedValueBox<Pass?> = .init(nil)

    var lastPass: Pass? { last.withLockedValue { $0 } }

    /// Starts checkpointing `app`'s SQLite file; stops when the application shuts down.
    static func start(_ app: Application) {
        let checkpointer = SQLiteCheckpointer()
        let loop = app.eventLoopGroup.next()
        let task = loop.scheduleRepeatedAsyncTask(initialDelay: interval, delay: interval) { _ in
            loop.makeFutureWithTask {
                do {
                    let pass = try await checkpoint(app.db(.sqlite))
                    checkpointer.last.withLockedValue { $0 = pass }
                } catch {
                    app.logger.warning("SQLite checkpoint failed", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        }
        checkpointer.task.withLockedValue { $0 = task }
        app.lifecycle.use(checkpointer)
        app.storage[Key.self] = checkpointer
    }

    /// The application's checkpointer, when its database is an SQLite file.
    static func of(_ app: Application) -> SQLiteCheckpointer? {
        app.storage[Key.self]
    }

    /// One passive checkpoint: copies what it can without waiting for anyone.
    static func checkpoint(_ database: any Database) async throws -> Pass {
        guard let sql = database as? any SQLDatabase,
              let row = try await sql.raw("PRAGMA wal_checkpoint(PASSIVE)").first()
        else { throw Abort(.internalServerError, reason: "a checkpoint needs an SQLite database") }
        return Pass(logPages: try row.decode(column: "log", as: Int.self),
                    copiedPages: try row.decode(column: "checkpointed", as: Int.self))
    }

    func shutdown(_ application: Application) {
        task.withLockedValue { $0 }?.cancel()
    }

    /// Stops before the database connections close, after a checkpoint under way has finished.
    func shutdownAsync(_ application: Application) async {
        guard let task = task.withLockedValue({ $0 }) else { return }
        let stopped = application.eventLoopGroup.any().makePromise(of: Void.self)
        task.cancel(promise: stopped)
        try? await stopped.futureResult.get()
    }

    private struct Key: StorageKey {
        typealias Value = SQLiteCheckpointer
    }
}
