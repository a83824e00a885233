import FluentKit
import NIOConcurrencyHelpers
import SQLKit

extension Database {
    /// The one way the app writes in a transaction: every change of several rows runs in one.
    ///
    /// On SQLite the write transactions of this process wait in `SQLiteWriters`' line, first come
    /// first served, and are written in batches on the writers' connection, each in a savepoint of
    /// its own, with one COMMIT for the batch (`SQLiteWriters.write`). One inside another's body
    /// (on its database) is part of that body. On PostgreSQL it is Fluent's transaction, which
    /// locks rows as it goes.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction, let writers = SQLiteWriters.of(self), let writing = writers.database(for: context) else {
            return try await transaction(body)
        }
        return try await writers.write(on: writing, body)
    }
}

extension SQLiteWriters {
    /// The writers waiting for the file, in the order they came, and whether a task is writing
    /// their batches.
    struct Line: Sendable {
        fileprivate var waiting: [Waiting] = []
        fileprivate var writing = false
    }

    fileprivate struct Waiting: Sendable {
        let write: PendingWrite
        /// Refuses the write once it has waited `waitLimit`; cancelled when its batch takes it.
        let timer: Task<Void, Never>
    }

    /// One write transaction's body, on its way through the line.
    fileprivate final class PendingWrite: Sendable {
        /// The writers' connection, with the context (logger) of the request that asked.
        let database: any Database
        /// Runs the body: its error, if it failed (then its savepoint is rolled back), and what
        /// answers the writer once the batch has committed.
        let run: @Sendable (any Database) async -> (error: (any Error)?, answer: @Sendable () -> Void)
        /// Answers the writer with a failure: the batch was not committed, or the write never ran.
        let fail: @Sendable (any Error) -> Void

        init(database: any Database, run: @escaping @Sendable (any Database) async -> (error: (any Error)?, answer: @Sendable () -> Void),
             fail: @escaping @Sendable (any Error) -> Void) {
            self.database = database
            self.run = run
            self.fail = fail
        }
    }

    /// How many writers one batch takes at most before it commits. Each writer is answered only
    /// after that COMMIT, so the first of a batch waits for the others' bodies too: 64 survey
    /// submissions are about 100 ms; a body that runs long (an import) makes its batch as long.
    static let batchSize = 64

    /// How many writers wait for their turn now, not counting the batch being written.
    var waitingCount: Int { line.withLockedValue { $0.waiting.count } }

    /// Runs `body` in its turn on `database` (the writers' connection) and answers once the batch it
    /// ran in has committed: with the body's value, or its error (its savepoint rolled back, the
    /// others' work kept). If the batch cannot commit, no writer of it is told its work was saved:
    /// a writer whose body failed so that its savepoint could not be rolled back (SQLite had
    /// rolled back the whole transaction) gets its own error, every other writer `NotSaved`, also
    /// when the COMMIT itself fails. `Busy` if the turn did not come within `waitLimit`, or if
    /// another process held the file past the busy timeout when the batch began.
    func write<T: Sendable>(on database: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let write = PendingWrite(database: database, run: { database in
                do {
                    let value = try await body(database)
                    return (nil, { continuation.resume(returning: value) })
                } catch {
                    return (error, { continuation.resume(throwing: error) })
                }
            }, fail: { continuation.resume(throwing: $0) })
            let timer = Task { [weak self] in
                guard (try? await Task.sleep(for: Self.waitLimit)) != nil else { return }
                self?.giveUp(write)
            }
            let startsWriting = line.withLockedValue { line in
                line.waiting.append(Waiting(write: write, timer: timer))
                defer { line.writing = true }
                return !line.writing
            }
            if startsWriting {
                // Detached: the batches are no one request's work, so none of its task-locals.
                Task.detached(executorPreference: executor) { await self.writeBatches() }
            }
        }
    }

    private func giveUp(_ write: PendingWrite) {
        let waited = line.withLockedValue { line in
            line.waiting.firstIndex { $0.write === write }.map { line.waiting.remove(at: $0) }
        }
        waited?.write.fail(Busy())
    }

    /// The next writer in line, its timer stopped; nil if none waits, and then, at the end of a
    /// batch (`lastOfTheLine`), no task writes any more until the next writer comes.
    private func takeNext(lastOfTheLine: Bool) -> PendingWrite? {
        let next = line.withLockedValue { line -> Waiting? in
            guard !line.waiting.isEmpty else {
                if lastOfTheLine { line.writing = false }
                return nil
            }
            return line.waiting.removeFirst()
        }
        next?.timer.cancel()
        return next?.write
    }

    private func writeBatches() async {
        while let first = takeNext(lastOfTheLine: true) {
            await writeBatch(startingWith: first)
        }
    }

    /// One transaction: the lock taken first, as `BEGIN IMMEDIATE` would (Fluent's `BEGIN` is
    /// deferred; a deferred transaction that read first cannot write once another connection has
    /// committed, `SQLITE_BUSY_SNAPSHOT`, which made staff imports fail under load,
    /// `ops/fault-check.sh`); then each writer's body in a savepoint, up to `batchSize`; one COMMIT;
    /// then the answers. The body runs on the writers' thread (`executor`), set inside Fluent's
    /// transaction, whose body is a task of its own (SQLiteNIO's `withConnection`).
    private func writeBatch(startingWith first: PendingWrite) async {
        let taken = NIOLockedValueBox([first])
        let answers = NIOLockedValueBox<[@Sendable () -> Void]>([])
        let culprit = NIOLockedValueBox<PendingWrite?>(nil)
        do {
            try await first.database.transaction { database in
                try await withTaskExecutorPreference(self.executor) {
                    guard let sql = database as? any SQLDatabase else { preconditionFailure("the writers' connection is SQLite's") }
                    do {
                        // A write that changes nothing: it still begins the write transaction.
                        // Refused after the busy timeout only while another process writes.
                        try await sql.raw("UPDATE _fluent_migrations SET batch = batch WHERE 0").run()
                    } catch where Self.isBusy(error) {
                        throw Busy()
                    }
                    var write = first
                    while true {
                        try await sql.raw("SAVEPOINT writer").run()
                        let (failure, answer) = await write.run(database)
                        answers.withLockedValue { $0.append(answer) }
                        if let failure {
                            // If SQLite has already rolled back the whole transaction (a full disk),
                            // the body's error says why the batch failed, not the missing savepoint.
                            do {
                                try await sql.raw("ROLLBACK TO writer").run()
                            } catch {
                                culprit.withLockedValue { $0 = write }
                                throw failure
                            }
                        }
                        try await sql.raw("RELEASE writer").run()
                        guard taken.withLockedValue({ $0.count }) < Self.batchSize, let following = self.takeNext(lastOfTheLine: false) else { break }
                        taken.withLockedValue { $0.append(following) }
                        write = following
                    }
                }
            }
            for answer in answers.withLockedValue({ $0 }) { answer() }
        } catch {
            // Its own error only to the writer it belongs to: another's (a refusal with its text,
            // a constraint a caller reads as "already answered") would mislead the rest.
            let culprit = culprit.withLockedValue { $0 }
            for write in taken.withLockedValue({ $0 }) {
                write.fail(write === culprit || error is Busy ? error : NotSaved(cause: error))
            }
        }
    }
}
