import FluentKit
import NIOCore

/// The line in which this process's write transactions on one SQLite file take turns, first come
/// first served (`Database.writeTransaction`).
///
/// SQLite lets one connection write at a time, and Fluent keeps one connection per event loop. A
/// writer on one loop that found the file locked by the other slept in SQLite's busy handler (1,
/// 2, 5 … then 100 ms at a time), holding its loop's only connection, so every page of its loop
/// waited too, while the other loop's next writers kept taking the lock as soon as it was free.
/// Under 200 survey submitters at once the busy handler slept about 70 times per burst (`perf
/// stat` of the burst, 2026-12-02), up to 100 ms each. In the line, a writer waits without a
/// thread and starts the moment the one before it commits, before any later writer. A writer in
/// another process (a command beside the server) still meets the busy timeout, and a writer
/// waits here no longer than that either.
///
/// Fluent hands every `Database` a copy of its configuration; its model middleware are the only
/// objects of the app that travel with it, so the line is registered as one that passes every
/// model event on unchanged.
struct SQLiteWriters: AnyModelMiddleware {
    let turns = TurnQueue(capacity: 1)

    /// How long a write transaction waits for its turn before the request is answered "busy".
    static let waitLimit = Duration.milliseconds(DatabaseSetup.busyTimeoutMilliseconds)

    func handle(_ event: ModelEvent, _ model: any AnyModel, on db: any Database,
                chainingTo next: any AnyModelResponder) -> EventLoopFuture<Void> {
        next.handle(event, model, on: db)
    }

    /// The line of the SQLite file `database` writes to; nil for PostgreSQL, which locks rows.
    static func of(_ database: any Database) -> SQLiteWriters? {
        for middleware in database.context.configuration.middleware {
            if let writers = middleware as? SQLiteWriters { return writers }
        }
        return nil
    }
}
