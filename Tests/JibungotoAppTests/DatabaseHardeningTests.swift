import Fluent
import FluentSQLiteDriver
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import Testing
import Vapor

/// The database as operations need it: an SQLite file in WAL mode with a busy timeout, copied
/// while it is served and restored only from a checked copy; PostgreSQL migrated once when
/// instances start together.
@Suite("Database hardening: SQLite settings, backup and restore, migrations under a lock")
struct DatabaseHardeningTests {
    /// An application on an SQLite file of its own in a new folder, as `jibungoto serve` opens it.
    static func withFileApp(threadPool: NIOThreadPool? = nil, eventLoopGroup: (any EventLoopGroup)? = nil,
                            _ body: (Application, URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jibungoto-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("city.sqlite").path
        let app = try await makeApplication(settings: AppSettings(database: .sqliteFile(path: path)), environment: .testing,
                                            threadPool: threadPool, eventLoopGroup: eventLoopGroup)
        do {
            try await body(app, folder)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func pragma(_ name: String, on database: any Database) async throws -> String {
        let sql = try #require(database as? any SQLDatabase)
        let row = try #require(try await sql.raw("PRAGMA \(unsafeRaw: name)").first())
        let column = try #require(row.allColumns.first)
        if let text = try? row.decode(column: column, as: String.self) { return text }
        return String(try row.decode(column: column, as: Int.self))
    }

    @Test("an SQLite file runs in WAL mode with foreign keys and a 5-second busy timeout on every connection, the readers' and the writers'")
    func sqliteSettings() async throws {
        try await Self.withFileApp { app, _ in
            #expect(try await Self.pragma("journal_mode", on: app.db(.sqlite)) == "wal")
            var connections = try app.eventLoopGroup.makeIterator().map { try #require(app.databases.database(.sqlite, logger: app.logger, on: $0)) }
            connections.append(try #require(SQLiteWriters.of(app.db)?.database(for: app.db.context)))
            for database in connections {
                #expect(try await Self.pragma("busy_timeout", on: database) == "5000")
                #expect(try await Self.pragma("foreign_keys", on: database) == "1")
            }
            let writers = try #require(connections.last)
            #expect(try await Self.pragma("cache_size", on: writers) == "-\(DatabaseSetup.writerCacheKibibytes)")
            #expect(try await Self.pragma("temp_store", on: writers) == "2")   // memory
        }
    }

    @Test("the write transactions of every event loop run on one connection, so it keeps its page cache: a connection forgets it whenever another connection has written",
          .enabled(if: System.coreCount >= 2, "two event loops"))
    func writersShareOneConnection() async throws {
        try await Self.withScratchOnTwoLoops { _, first, second, _ in
            // SQLite's data_version changes for a connection when another connection has committed.
            @Sendable func dataVersion(_ database: any Database) async throws -> String {
                try await database.writeTransaction { try await Self.pragma("data_version", on: $0) }
            }
            let before = try await dataVersion(first)
            try await second.writeTransaction { try await Self.insert(1, on: $0) }
            #expect(try await dataVersion(first) == before)
        }
    }

    /// An SQLite file app with a `scratch (x)` table, and its database on each of two event loops.
    static func withScratchOnTwoLoops(_ body: (Application, any Database, any Database, any SQLDatabase) async throws -> Void) async throws {
        try await withFileApp { app, _ in
            let loops = Array(app.eventLoopGroup.makeIterator())
            try #require(loops.count >= 2)
            let first = try #require(app.databases.database(.sqlite, logger: app.logger, on: loops[0]))
            let second = try #require(app.databases.database(.sqlite, logger: app.logger, on: loops[1]))
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("CREATE TABLE scratch (x INTEGER)").run()
            try await body(app, first, second, sql)
        }
    }

    @Sendable static func insert(_ x: Int, on database: any Database) async throws {
        try await #require(database as? any SQLDatabase).raw("INSERT INTO scratch (x) VALUES (\(literal: x))").run()
    }

    @Test("a write transaction's statements run on the writers' own thread: while every thread of the readers' pool is busy, a write transaction still commits, and a read waits")
    func writersDoNotQueueBehindReads() async throws {
        // The readers' pool of this app alone: the other suites' apps share NIO's.
        let threads = 2
        try await Self.withFileApp(threadPool: NIOThreadPool(numberOfThreads: threads)) { app, _ in
            // Before, the write's statements waited in the same queue until the pool was free.
            try await Self.expectWriteCommitsWhileReadWaits(app, busyThreads: threads) { block in
                for _ in 0..<threads { app.threadPool.submit { _ in block() } }
            }
        }
    }

    @Test("a write transaction runs on the writers' own event loop: while every event loop of the application is busy, a write transaction still commits, and a read waits")
    func writersDoNotWaitForTheEventLoops() async throws {
        // Event loops of this app alone: the other suites' apps share NIO's.
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        do {
            try await Self.withFileApp(eventLoopGroup: loops) { app, _ in
                // Before, the writers' connection was pooled on one of these loops; taking it
                // waited until they were free.
                let each = Array(loops.makeIterator())
                try await Self.expectWriteCommitsWhileReadWaits(app, busyThreads: each.count) { block in
                    for loop in each { loop.execute(block) }
                }
            }
        } catch {
            try? await loops.shutdownGracefully()
            throw error
        }
        try await loops.shutdownGracefully()
    }

    @Test("a write transaction's body runs on the writers' thread, so no statement's result waits for another thread to wake")
    func writeTransactionStaysOnTheWritersThread() async throws {
        try await Self.withFileApp { app, _ in
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("CREATE TABLE scratch (x INTEGER)").run()
            let writers = try #require(SQLiteWriters.of(app.db)?.executor as? ThreadPoolTaskExecutor)
            let writersThread = try await writers.pool.runIfActive { pthread_self() }
            let threads = try await app.db.writeTransaction { database in
                var seen = [pthread_self()]
                for x in 1...3 {
                    try await Self.insert(x, on: database)
                    seen.append(pthread_self())
                }
                return seen
            }
            #expect(threads == Array(repeating: writersThread, count: 4))
            #expect(try await sql.raw("SELECT x FROM scratch").all().count == 3)
        }
    }

    /// Keeps `busyThreads` threads busy (`occupy` hands the blocking job to each), then checks that
    /// a write transaction commits meanwhile while a read issued before it still waits.
    static func expectWriteCommitsWhileReadWaits(_ app: Application, busyThreads: Int,
                                                 occupy: (@escaping @Sendable () -> Void) -> Void) async throws {
        let sql = try #require(app.db as? any SQLDatabase)
        try await sql.raw("CREATE TABLE scratch (x INTEGER)").run()
        let release = DispatchSemaphore(value: 0)
        let busy = NIOLockedValueBox(0)
        occupy {
            busy.withLockedValue { $0 += 1 }
            _ = release.wait(timeout: .now() + 10)
            busy.withLockedValue { $0 -= 1 }
        }
        defer { for _ in 0..<busyThreads { release.signal() } }
        for _ in 0..<2_000 where busy.withLockedValue({ $0 }) < busyThreads { try await Task.sleep(for: .milliseconds(5)) }
        try #require(busy.withLockedValue { $0 } == busyThreads)
        let readDone = NIOLockedValueBox(false)
        let read = Task {
            let rows = try await sql.raw("SELECT x FROM scratch").all()
            readDone.withLockedValue { $0 = true }
            return rows.count
        }

        try await app.db.writeTransaction { database in
            try await insert(1, on: database)
        }
        #expect(busy.withLockedValue { $0 } == busyThreads)
        #expect(!readDone.withLockedValue { $0 })
        for _ in 0..<busyThreads { release.signal() }
        #expect(try await read.value == 1)
    }

    @Test("a write transaction holds SQLite's write lock from its first statement: reading first never makes its write fail because another connection committed meanwhile")
    func writeTransactionLocksFirst() async throws {
        try await Self.withFileApp { app, folder in
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("CREATE TABLE scratch (x INTEGER)").run()
            // Another writer that does not wait: refused at once while someone holds the lock.
            let other = try await SQLiteConnection.open(storage: .file(path: folder.appendingPathComponent("city.sqlite").path))
            _ = try await other.query("PRAGMA busy_timeout = 0", [])

            // Fluent's own deferred transaction: it read, the other connection committed, and its write fails.
            await #expect(throws: (any Error).self) {
                try await app.db.transaction { database in
                    let sql = try #require(database as? any SQLDatabase)
                    _ = try await sql.raw("SELECT COUNT(*) AS n FROM scratch").all()
                    _ = try await other.query("INSERT INTO scratch (x) VALUES (1)", [])
                    try await sql.raw("INSERT INTO scratch (x) VALUES (2)").run()
                }
            }

            // The app's: the other connection is refused while it is open, and its own write succeeds.
            try await app.db.writeTransaction { database in
                let sql = try #require(database as? any SQLDatabase)
                _ = try await sql.raw("SELECT COUNT(*) AS n FROM scratch").all()
                await #expect(throws: (any Error).self) {
                    _ = try await other.query("INSERT INTO scratch (x) VALUES (3)", [])
                }
                try await sql.raw("INSERT INTO scratch (x) VALUES (4)").run()
            }
            let stored = try await sql.raw("SELECT x FROM scratch ORDER BY x").all().map { try $0.decode(column: "x", as: Int.self) }
            #expect(stored == [1, 4])

            // Another process holding the lock past the busy timeout: the app's transaction cannot
            // begin, which is answered as busy (503, nothing written), not as the app's failure.
            _ = try await other.query("BEGIN IMMEDIATE", [])
            await #expect(throws: SQLiteWriters.Busy.self) {
                try await app.db.writeTransaction { database in
                    try await #require(database as? any SQLDatabase).raw("INSERT INTO scratch (x) VALUES (5)").run()
                }
            }
            _ = try await other.query("ROLLBACK", [])
            try await other.close()
        }
    }

    @Test("this process's write transactions take turns, first come first served: while one holds the file, the next waits in line, not in SQLite's busy handler, and goes before a later writer of the first one's event loop",
          .enabled(if: System.coreCount >= 2, "two event loops"))
    func writersTakeTurns() async throws {
        try await Self.withScratchOnTwoLoops { _, first, second, sql in
            let writers = try #require(SQLiteWriters.of(second))

            let (held, heldSignal) = AsyncStream<Void>.makeStream()
            let (release, releaser) = AsyncStream<Void>.makeStream()
            defer { releaser.finish() }
            let holder = Task {
                defer { heldSignal.finish() }
                try await first.writeTransaction { database in
                    try await Self.insert(1, on: database)
                    heldSignal.yield()
                    for await _ in release { break }
                }
            }
            for await _ in held { break }
            let next = Task { try await second.writeTransaction { try await Self.insert(2, on: $0) } }
            try await Self.waitUntil(writers, holds: 1)
            // Before the line, the first loop's next writer took the lock the moment the first
            // committed, while the waiting one slept on in the busy handler.
            let later = Task { try await first.writeTransaction { try await Self.insert(3, on: $0) } }
            releaser.yield()
            try await holder.value
            try await next.value
            try await later.value
            let stored = try await sql.raw("SELECT x FROM scratch ORDER BY rowid").all().map { try $0.decode(column: "x", as: Int.self) }
            #expect(stored == [1, 2, 3])
        }
    }

    @Test("writers that wait together are written in one transaction: a reader meanwhile sees nothing of the batch before its one COMMIT, each writer gets its own answer, and one whose body fails is rolled back alone")
    func waitingWritersShareOneCommit() async throws {
        struct Refused: Error {}
        try await Self.withFileApp { app, _ in
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("CREATE TABLE scratch (x INTEGER)").run()
            let writers = try #require(SQLiteWriters.of(app.db))
            let (release, releaser) = AsyncStream<Void>.makeStream()
            defer { releaser.finish() }
            let holder = try await Self.holdLine(app.db, until: release)
            let first = Task { try await app.db.writeTransaction { database in
                try await Self.insert(10, on: database)
                return "first"
            } }
            try await Self.waitUntil(writers, holds: 1)
            let refused = Task { try await app.db.writeTransaction { database in
                try await Self.insert(20, on: database)
                throw Refused()
            } }
            try await Self.waitUntil(writers, holds: 2)
            let last = Task { try await app.db.writeTransaction { database in
                try await Self.insert(30, on: database)
                // What a reader sees meanwhile: each writer committing on its own, it saw 10.
                return try await sql.raw("SELECT x FROM scratch").all().map { try $0.decode(column: "x", as: Int.self) }
            } }
            try await Self.waitUntil(writers, holds: 3)
            releaser.yield()
            try await holder.value
            #expect(try await first.value == "first")
            await #expect(throws: Refused.self) { try await refused.value }
            #expect(try await last.value == [], "nothing of the batch is committed before its end")
            let stored = try await sql.raw("SELECT x FROM scratch ORDER BY x").all().map { try $0.decode(column: "x", as: Int.self) }
            #expect(stored == [10, 30])
        }
    }

    @Test("if a batch cannot commit, every writer of it is answered with the failure and nothing of it is stored; the next batch writes")
    func failedCommitFailsTheWholeBatch() async throws {
        try await Self.withFileApp { app, _ in
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("CREATE TABLE scratch (x INTEGER)").run()
            try await Self.createCheckedAtCommit(sql)
            let writers = try #require(SQLiteWriters.of(app.db))
            let (release, releaser) = AsyncStream<Void>.makeStream()
            defer { releaser.finish() }
            let holder = try await Self.holdLine(app.db, until: release)
            let saved = Task { try await app.db.writeTransaction { try await Self.insert(10, on: $0) } }
            try await Self.waitUntil(writers, holds: 1)
            let orphan = Self.writeOrphan(on: app.db)
            try await Self.waitUntil(writers, holds: 2)
            releaser.yield()
            // The three were one batch: the holder's and the first one's bodies succeeded, but
            // their batch did not commit. The COMMIT's constraint error is no one's own: a
            // survey submission would read it as "already answered".
            for writer in [holder, saved, orphan] {
                let failure = await #expect(throws: SQLiteWriters.NotSaved.self) { try await writer.value }
                #expect((failure?.cause as? any DatabaseError)?.isConstraintFailure == true)
            }
            #expect(try await sql.raw("SELECT x FROM scratch").all().isEmpty)
            #expect(try await sql.raw("SELECT parent_id FROM child").all().isEmpty)
            try await app.db.writeTransaction { try await Self.insert(11, on: $0) }
            #expect(try await sql.raw("SELECT x FROM scratch").all().count == 1)
        }
    }

    @Test("a form whose write was in a batch that could not be committed is answered 503 with Retry-After, in the user's language, with the typed text given back; nothing is stored",
          .enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"].map(\.isEmpty) ?? true, "the batches are SQLite's"))
    func notSavedWriterIsToldClearly() async throws {
        try await ProposalTests().withCity { app in
            let call = try await ProposalTests.call(app)
            let author = try await ProposalTests().browser(app, "D0001")
            let sql = try #require(app.db as? any SQLDatabase)
            try await Self.createCheckedAtCommit(sql)
            let writers = try #require(SQLiteWriters.of(app.db))
            let (release, releaser) = AsyncStream<Void>.makeStream()
            defer { releaser.finish() }
            let holder = try await Self.holdLine(app.db, until: release)
            let form = try ProposalTests.form(call, action: "submit")
            let submission = Task { try await author.post(ProposalRoute.new.path, form) }
            try await Self.waitUntil(writers, holds: 1)
            let orphan = Self.writeOrphan(on: app.db)
            try await Self.waitUntil(writers, holds: 2)
            releaser.yield()
            _ = await holder.result
            _ = await orphan.result
            try await Self.expectProposalRefused(try await submission.value, on: app,
                                                 saying: "保存できませんでした。少し待ってから、もう一度お試しください。入力した内容は保存されていません。")
        }
    }

    /// A foreign key checked at COMMIT (a savepoint's release does not check it): a write of
    /// `writeOrphan` makes its batch's COMMIT fail.
    static func createCheckedAtCommit(_ sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE TABLE parent (id INTEGER PRIMARY KEY)").run()
        try await sql.raw("CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)").run()
    }

    static func writeOrphan(on database: any Database) -> Task<Void, any Error> {
        Task { try await database.writeTransaction { database in
            try await #require(database as? any SQLDatabase).raw("INSERT INTO child (parent_id) VALUES (99)").run()
        } }
    }

    /// The proposal form refused with 503, Retry-After, `message` and the typed text; nothing stored.
    static func expectProposalRefused(_ response: PageResponse, on app: Application, saying message: String) async throws {
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers.first(name: .retryAfter) == DatabaseAway.retryAfterSeconds)
        let page = String(buffer: response.body)
        #expect(page.contains(message))
        #expect(page.contains(Markup.escape(ProposalTests.effect)), "the typed text comes back")
        #expect(try await Proposal.query(on: app.db).count() == 0)
    }

    /// Vapor's sessions middleware sits outside the error page, so a session's write that the
    /// writers' line refused reaches the plain last resort.
    @Test("a write the writers did not take (its turn did not come, or its batch was not committed) reaching the plain last resort is answered 503 with Retry-After, not 500")
    func plainErrorsForWritesNotTaken() async throws {
        struct Failing: AsyncResponder {
            let error: any Error
            func respond(to request: Request) async throws -> Response { throw error }
        }
        try await Self.withFileApp { app, _ in
            for error: any Error in [SQLiteWriters.Busy(), SQLiteWriters.NotSaved(cause: SQLiteWriters.Busy())] {
                let request = Request(application: app, on: app.eventLoopGroup.next())
                let response = try await PlainErrorMiddleware().respond(to: request, chainingTo: Failing(error: error))
                #expect(response.status == .serviceUnavailable, "\(error)")
                #expect(response.headers.first(name: .retryAfter) == DatabaseAway.retryAfterSeconds)
                #expect(response.body.string?.contains("時間をおいてもう一度お試しください") == true)
            }
        }
    }

    /// Waits until `count` writers stand in the line.
    static func waitUntil(_ writers: SQLiteWriters, holds count: Int) async throws {
        for _ in 0..<10_000 where writers.waitingCount < count {
            try await Task.sleep(for: .milliseconds(1))
        }
        try #require(writers.waitingCount == count, "\(count) wait in line")
    }

    /// A write transaction that holds the line until `release` yields; returned once it holds it.
    static func holdLine(_ database: any Database, until release: AsyncStream<Void>) async throws -> Task<Void, any Error> {
        let (held, heldSignal) = AsyncStream<Void>.makeStream()
        let holder = Task {
            defer { heldSignal.finish() }
            try await database.writeTransaction { _ in
                heldSignal.yield()
                for await _ in release { break }
            }
        }
        for await _ in held { break }
        return holder
    }

    @Test("a form whose write cannot get its turn within the limit is answered 503 with Retry-After, in the user's language, with the typed text given back; nothing is stored",
          .enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"].map(\.isEmpty) ?? true, "the line is SQLite's; PostgreSQL locks rows"))
    func busyWriterIsRefusedClearly() async throws {
        try await ProposalTests().withCity { app in
            let call = try await ProposalTests.call(app)
            let author = try await ProposalTests().browser(app, "D0001")
            let (release, releaser) = AsyncStream<Void>.makeStream()
            defer { releaser.finish() }
            let holder = try await Self.holdLine(app.db, until: release)
            let response = try await author.post(ProposalRoute.new.path, try ProposalTests.form(call, action: "submit"))
            releaser.yield()
            try await holder.value
            try await Self.expectProposalRefused(response, on: app, saying: "ただいま保存の処理が混み合っています。少し待ってから、もう一度お試しください。")
        }
    }

    @Test("a backup taken while the database is open holds what was committed; a restore checks the copy, waits for the server to stop, and keeps the replaced file")
    func backupAndRestore() async throws {
        try await Self.withFileApp { app, folder in
            try await OrganizationFixture.load(on: app.db)
            let staffBefore = try await StaffMember.query(on: app.db).count()
            let database = folder.appendingPathComponent("city.sqlite").path
            let copy = folder.appendingPathComponent("city-backup.sqlite").path

            let contents = try await DatabaseBackup.backup(databasePath: database, to: copy)
            #expect(contents.staff == staffBefore)
            #expect(contents.migrations == ShippedMigrations.all.count)
            #expect(contents.accounts == (try await User.query(on: app.db).count()))

            await #expect(throws: Launcher.Failure.self, "the copy is never overwritten") {
                try await DatabaseBackup.backup(databasePath: database, to: copy)
            }
            let served = try ServeLock.shared(for: database)
            do {
                _ = try await DatabaseBackup.restore(from: copy, into: database)
                Issue.record("a restore went ahead under a running server")
            } catch let failure as Launcher.Failure {
                #expect(failure.description.contains("サーバーがこのデータベースを使っています。止めてから復元してください。何も置き換えていません。"))
            }
            withExtendedLifetime(served) {}
        }
    }

    @Test("a restore replaces the database with the copy and keeps the one it replaced")
    func restoreReplaces() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jibungoto-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("city.sqlite").path
        let copy = folder.appendingPathComponent("backup.sqlite").path
        let app = try await makeApplication(settings: AppSettings(database: .sqliteFile(path: database)), environment: .testing)
        try await OrganizationFixture.load(on: app.db)
        let staff = try await StaffMember.query(on: app.db).count()
        _ = try await DatabaseBackup.backup(databasePath: database, to: copy)
        try await StaffMember.query(on: app.db).filter(\.$staffNumber == "X0001").delete()
        try await app.asyncShutdown()

        let restored = try await DatabaseBackup.restore(from: copy, into: database)
        #expect(restored.contents.staff == staff)
        let previous = try #require(restored.previous)
        #expect(previous.wholeMatch(of: /.*city\.sqlite\.before-restore-\d{8}-\d{6}/) != nil, "\(previous)")
        #expect(try await DatabaseBackup.check(previous).staff == staff - 1, "the replaced database is kept whole, its last change included")
        #expect(try await DatabaseBackup.check(database).staff == staff)
    }

    @Test("a damaged file, a file that is not Jibungoto's and one from a newer version are refused with the reason, and nothing is replaced")
    func restoreRefusesBadCopies() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jibungoto-refusals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("city.sqlite").path
        try await makeApplication(settings: AppSettings(database: .sqliteFile(path: database)), environment: .testing).asyncShutdown()
        func refusal(_ copy: String) async throws -> String {
            do {
                _ = try await DatabaseBackup.restore(from: copy, into: database)
                Issue.record("\(copy) was restored")
                return ""
            } catch let failure as Launcher.Failure {
                return failure.description
            }
        }
        let garbage = folder.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x4A, count: 8_192).write(to: URL(fileURLWithPath: garbage))
        #expect(try await refusal(garbage).contains("garbage.sqlite は使えません（SQLite のデータベースではありません / not an SQLite database）。何も置き換えていません。"))

        let other = folder.appendingPathComponent("other.sqlite").path
        let otherConnection = try await SQLiteConnection.open(storage: .file(path: other))
        try await otherConnection.sql().raw("CREATE TABLE notes (body TEXT)").run()
        try await otherConnection.close()
        #expect(try await refusal(other).contains("自分ごとのデータベースではありません / not a Jibungoto database"))

        let newer = folder.appendingPathComponent("newer.sqlite").path
        _ = try await DatabaseBackup.backup(databasePath: database, to: newer)
        let newerConnection = try await SQLiteConnection.open(storage: .file(path: newer))
        try await newerConnection.sql().raw("""
            INSERT INTO _fluent_migrations (id, name, batch, created_at, updated_at) VALUES ('00000000-0000-0000-0000-000000000001', 'JibungotoApp.FromTheFuture', 99, NULL, NULL)
            """).run()
        try await newerConnection.close()
        #expect(try await refusal(newer).contains("この版より新しい版で作られています / made by a newer version (JibungotoApp.FromTheFuture)"))
        #expect(try await DatabaseBackup.check(database).migrations == ShippedMigrations.all.count, "the database is untouched")
    }

    @Test("two instances started together on one PostgreSQL schema migrate it once", .enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"]?.isEmpty == false))
    func migrationsUnderALock() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["DATABASE_URL"])
        let schema = "test_lock_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let settings = AppSettings(database: .postgres(url: url, searchPath: [schema]), databaseConnectionsPerLoop: 1)
        let first = try await Application.make(.testing), second = try await Application.make(.testing)
        try await configure(first, settings: settings)
        try await configure(second, settings: settings)
        let sql = try #require(first.db as? any SQLDatabase)
        try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
        do {
            async let one: Void = DatabaseSetup.migrate(first, settings: settings)
            async let two: Void = DatabaseSetup.migrate(second, settings: settings)
            _ = try await (one, two)
            struct Count: Decodable { let n: Int }
            let applied = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: schema)._fluent_migrations").first(decoding: Count.self)
            #expect(applied?.n == ShippedMigrations.all.count)
        } catch {
            Issue.record("starting together failed: \(error)")
        }
        try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
        try await first.asyncShutdown()
        try await second.asyncShutdown()
    }
}
