import FluentKit
import FluentSQLiteDriver
import NIOConcurrencyHelpers
import NIOPosix
import SQLiteNIO

/// The line in which this process's write transactions on one SQLite file take turns, first come
/// first served (`Database.writeTransaction`, `write`).
///
/// SQLite lets one connection write at a time, and Fluent keeps one connection per event loop. A
/// write transaction on one loop that found the file locked by the other slept in SQLite's busy
/// handler (1, 2, 5 … then 100 ms at a time), holding its loop's only connection, while the
/// other loop's next writers kept taking the lock as soon as it was free. Under 200 survey
/// submitters at once the busy handler slept about 70 times per burst (`perf stat` of the burst,
/// 2026-12-02), up to 100 ms each. In the line, a transaction waits without a thread, and is
/// written in the first batch after those that came before it.
/// Single writes outside a transaction (an audit row, a login failure) and writers in another
/// process (a command beside the server) still meet SQLite's busy timeout. Sessions are written
/// in the line (`HashedSessionDriver`): between batches the file is free only for a moment, which
/// the busy handler's sleeps (up to 100 ms) could keep missing while the line stays full.
///
/// The transactions run on one connection of their own, whose statements run on a thread of its
/// own (`database(for:)`), and the transaction's body runs on that same thread (`executor`).
/// On the readers' connections each statement waited in the one queue of the application's thread
/// pool, behind the reads of every other request: under the same burst
/// the gap from one submission's COMMIT to the next one's BEGIN was 0.9 ms at the median and
/// up to 20–80 ms while page reads queued (uprobes on SQLite's prepare, 2026-12-02), and the
/// line's holder kept the whole file waiting meanwhile. One connection, not one per event loop:
/// a connection forgets its page cache whenever another has written, so two writers taking
/// turns read their pages from the file again on every transaction. Single writes outside a
/// transaction still go through the readers' connections: they meet the writers' connection in
/// SQLite's busy timeout, and each makes it forget its cache.
///
/// The body on the same thread: each statement's result woke the transaction's task in Swift's
/// shared pool, busy with every other request, and its next statement woke the writers' thread
/// again. Now a statement's result queues the body's next step on the thread that is already
/// awake (under 200 submitters, end of one statement to start of the next: 0.15–0.17 ms at the
/// median before, 0.14 after, mostly Swift building the next statement; BEGIN to COMMIT 1.7–1.8
/// → 1.5–1.6 ms; uprobes, 2026-12-02). The writers' connection also has an event loop of its own,
/// so taking it from Fluent's pool never waits behind the requests on the HTTP event loops.
///
/// The writers who wait together are written together: one transaction, each body in a savepoint
/// of its own, one COMMIT, and only then the answers (`writeBatch`). Each writer committing on its
/// own took about 2.5 ms per survey submission under 200 submitters, of which about 1 ms was
/// handing the turn from one task to the next through Swift's shared pool and 0.5 ms the COMMIT
/// with its `fsync`; the last of the 200 waited for that chain (uprobes, 2026-12-02).
final class SQLiteWriters: Sendable {
    /// The transaction could not begin: another writer held the file longer than `waitLimit`, in
    /// this process (the line) or another (SQLite's busy timeout). Nothing of it was written, so
    /// the request is answered 503 with Retry-After (`ErrorPageMiddleware`). SQLite's busy error
    /// from any later statement is not this: work may have been saved before it.
    struct Busy: Error, CustomStringConvertible {
        var description: String { "another writer held the SQLite file for longer than the wait limit" }
    }

    /// The write ran, but the batch it ran in could not be committed (`cause`: a full disk, or
    /// another writer's body that broke the transaction), so nothing of it was stored. Answered
    /// 503 with Retry-After and the typed text (`ErrorPageMiddleware`).
    struct NotSaved: Error, CustomStringConvertible {
        let cause: any Error
        var description: String { "the batch of writes this one ran in was not committed: \(String(reflecting: cause))" }
    }

    /// The writers waiting for their turn (`write`, in WriteTransaction.swift).
    let line = NIOLockedValueBox(Line())
    /// Set when Fluent makes the file's driver (`LinedSQLiteDriver`): the writers' driver, their
    /// own event loop, whose pool holds their one connection, and their thread as an executor.
    fileprivate let writer = NIOLockedValueBox<(driver: any DatabaseDriver, loop: any EventLoop, thread: ThreadPoolTaskExecutor)?>(nil)

    /// The file as a write transaction sees it: the writers' connection.
    func database(for context: DatabaseContext) -> (any Database)? {
        guard let writer = writer.withLockedValue({ $0 }) else { return nil }
        return writer.driver.makeDatabase(with: DatabaseContext(
            configuration: context.configuration, logger: context.logger, eventLoop: writer.loop,
            history: context.history, pageSizeLimit: context.pageSizeLimit, shouldTrace: context.shouldTrace))
    }

    /// Where the batches of write transactions run: the writers' thread, where their statements run.
    var executor: (any TaskExecutor)? { writer.withLockedValue { $0?.thread } }

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

    /// The readers' driver on the application's thread pool and event loops, and the writers' on a
    /// thread and an event loop of their own: the same configuration (file, or named memory) opened
    /// twice.
    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let loop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let writer = base.makeDriver(for: Databases(threadPool: thread, on: loop))
        writers.writer.withLockedValue { $0 = (writer, loop.next(), ThreadPoolTaskExecutor(thread)) }
        return LinedSQLiteDriver(readers: base.makeDriver(for: databases), writer: writer, writerThread: thread, writerLoop: loop)
    }
}

/// Every query on the readers' connections; write transactions find the writers' connections
/// through `SQLiteWriters.database(for:)`. Shut down together, the writers' thread and event loop
/// after their connection.
struct LinedSQLiteDriver: DatabaseDriver {
    let readers: any DatabaseDriver
    let writer: any DatabaseDriver
    let writerThread: NIOThreadPool
    let writerLoop: MultiThreadedEventLoopGroup

    func makeDatabase(with context: DatabaseContext) -> any Database {
        readers.makeDatabase(with: context)
    }

    func shutdown() {
        writer.shutdown()
        try? writerThread.syncShutdownGracefully()
        try? writerLoop.syncShutdownGracefully()
        readers.shutdown()
    }

    func shutdownAsync() async {
        await writer.shutdownAsync()
        try? await writerThread.shutdownGracefully()
        try? await writerLoop.shutdownGracefully()
        await readers.shutdownAsync()
    }
}

extension DatabaseConfigurationFactory {
    /// An SQLite file or memory database whose write transactions take turns (`SQLiteWriters`).
    static func linedSQLite(_ configuration: SQLiteConfiguration) -> Self {
        let base = Self.sqlite(configuration, sqlLogLevel: .debug)
        return .init { LinedSQLiteConfiguration(base: base.make()) }
    }
}

/// A task executor that runs its jobs on a NIO thread pool, after the work already queued there.
final class ThreadPoolTaskExecutor: TaskExecutor {
    let pool: NIOThreadPool

    init(_ pool: NIOThreadPool) {
        self.pool = pool
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // Run whatever the pool's state (a stopped pool runs it here and now; one shutting down
        // hands what is still queued to a dispatch queue): a job not run would leave its task
        // waiting forever.
        pool.submit { _ in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
