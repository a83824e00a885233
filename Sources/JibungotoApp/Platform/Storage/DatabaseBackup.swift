import FluentSQLiteDriver
import Foundation
import SQLKit

/// `jibungoto backup` and `jibungoto restore` for the SQLite database.
///
/// A backup is `VACUUM INTO` a new file: SQLite writes a consistent snapshot of one read
/// transaction, so the server keeps serving (in WAL mode readers and the one writer go on) and
/// the copy holds every transaction that had committed when it started. The copy is then
/// checked as a restore would check it. Neither command migrates: a backup taken before an
/// upgrade must be the database as it was.
///
/// A restore checks the copy before it touches anything (SQLite's integrity check, foreign
/// keys, a Jibungoto database no newer than this program), refuses while a server has the
/// database open (`ServeLock`), and keeps the database it replaces beside it.
public enum DatabaseBackup {
    /// What a database holds, printed after a backup and before a restore replaces anything.
    public struct Contents: Sendable, Equatable {
        public let migrations: Int
        public let staff: Int
        public let accounts: Int
        public let selfReports: Int
        public let surveyResponses: Int

        public var summary: String {
            "移行 \(migrations) 件・職員 \(staff) 人・アカウント \(accounts) 件・自己申告 \(selfReports) 件・アンケート回答 \(surveyResponses) 件"
                + "\n\(migrations) migrations, \(staff) staff, \(accounts) accounts, \(selfReports) self-reports, \(surveyResponses) survey responses"
        }
    }

    /// How a restore went: what the database now holds and where the one it replaced is.
    public struct Restored: Sendable {
        public let contents: Contents
        public let previous: String?
    }

    /// Writes a consistent copy of the SQLite database at `databasePath` to `copyPath`, which must
    /// not exist yet, and checks it.
    public static func backup(databasePath: String, to copyPath: String) async throws -> Contents {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw Launcher.Failure(description: "データベースがありません：\(databasePath)\nNo database at \(databasePath)")
        }
        guard !FileManager.default.fileExists(atPath: copyPath) else {
            throw Launcher.Failure(description: "\(copyPath) は既にあります。上書きしないよう、新しいファイル名を指定してください。\n\(copyPath) exists; name a new file so that no copy is overwritten.")
        }
        let connection = try await SQLiteConnection.open(storage: .file(path: databasePath))
        do {
            try await connection.sql().raw("VACUUM INTO \(bind: copyPath)").run()
            try await connection.close()
        } catch {
            try? await connection.close()
            throw Launcher.Failure(description: "コピーを書けませんでした：\(error)\nThe copy could not be written: \(error)")
        }
        return try await check(copyPath)
    }

    /// Reads a copy as a restore would: intact, a Jibungoto database, no newer than this program.
    public static func check(_ path: String) async throws -> Contents {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Launcher.Failure(description: "ファイルがありません：\(path)\nNo file at \(path)")
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path))
        } catch {
            throw unusable(path, "開けません / cannot be opened")
        }
        do {
            let contents = try await contents(of: connection.sql(), path: path)
            try await connection.close()
            return contents
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func contents(of sql: any SQLDatabase, path: String) async throws -> Contents {
        struct Line: Decodable { let integrity_check: String }
        let integrity: [String]
        do {
            integrity = try await sql.raw("PRAGMA integrity_check").all(decoding: Line.self).map(\.integrity_check)
        } catch {
            throw unusable(path, "SQLite のデータベースではありません / not an SQLite database")
        }
        guard integrity == ["ok"] else { throw unusable(path, "破損しています / damaged: \(integrity.prefix(3).joined(separator: "; "))") }
        guard try await sql.raw("PRAGMA foreign_key_check").all().isEmpty else {
            throw unusable(path, "参照の整合性が崩れています / rows refer to rows that do not exist")
        }
        struct Name: Decodable { let name: String }
        let applied: [String]
        do {
            applied = try await sql.raw("SELECT name FROM _fluent_migrations").all(decoding: Name.self).map(\.name)
        } catch {
            throw unusable(path, "自分ごとのデータベースではありません / not a Jibungoto database")
        }
        let known = Set(ShippedMigrations.all.map(\.name))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw unusable(path, "この版より新しい版で作られています / made by a newer version (\(unknown.joined(separator: ", ")))")
        }
        func count(_ table: String) async throws -> Int {
            struct Count: Decodable { let n: Int }
            let exists = try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = \(bind: table)").first(decoding: Count.self)
            guard exists?.n == 1 else { return 0 }
            return try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: Count.self)?.n ?? 0
        }
        return Contents(migrations: applied.count, staff: try await count(StaffMember.schema), accounts: try await count(User.schema),
                        selfReports: try await count(SelfReport.schema), surveyResponses: try await count(SurveyResponseRecord.schema))
    }

    private static func unusable(_ path: String, _ reason: String) -> Launcher.Failure {
        Launcher.Failure(description: "\(path) は使えません（\(reason)）。何も置き換えていません。\n\(path) cannot be used (\(reason)). Nothing was replaced.")
    }

    /// Replaces the SQLite database at `databasePath` with the checked copy at `copyPath`. The
    /// database it replaces is kept as `<database>.before-restore-<time>`.
    public static func restore(from copyPath: String, into databasePath: String, now: Date = Date()) async throws -> Restored {
        let contents = try await check(copyPath)
        guard let lock = try ServeLock.exclusive(for: databasePath) else {
            throw Launcher.Failure(description: "サーバーがこのデータベースを使っています。止めてから復元してください。何も置き換えていません。\nA server is using this database; stop it before restoring. Nothing was replaced.")
        }
        let files = FileManager.default
        // The copy is put beside the database first, so that no failure can leave the database
        // path empty (a server started then would make a new, empty database there).
        let incoming = databasePath + ".restoring"
        if files.fileExists(atPath: incoming) { try files.removeItem(atPath: incoming) }
        try files.copyItem(atPath: copyPath, toPath: incoming)
        var previous: String?
        if files.fileExists(atPath: databasePath) {
            // Whatever the write-ahead log still holds goes into the file first, so the file kept is whole.
            let connection = try await SQLiteConnection.open(storage: .file(path: databasePath))
            try await connection.sql().raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            try await connection.close()
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyyMMdd-HHmmss"
            let kept = "\(databasePath).before-restore-\(formatter.string(from: now))"
            try files.moveItem(atPath: databasePath, toPath: kept)
            previous = kept
        }
        for suffix in ["-wal", "-shm"] where files.fileExists(atPath: databasePath + suffix) {
            try files.removeItem(atPath: databasePath + suffix)
        }
        try files.moveItem(atPath: incoming, toPath: databasePath)
        withExtendedLifetime(lock) {}
        return Restored(contents: contents, previous: previous)
    }

    /// What to do instead on PostgreSQL, whose own tools make and check consistent copies.
    public static let postgresAdvice = """
        PostgreSQL のバックアップは pg_dump で取ります（サーバーを止める必要はありません）：
          pg_dump --format=custom --file=jibungoto-$(date +%Y%m%d).dump "$DATABASE_URL"
        復元は、サーバーを止めてから空のデータベースへ：
          pg_restore --exit-on-error --no-owner --dbname="$DATABASE_URL" jibungoto-YYYYMMDD.dump
        PostgreSQL is backed up with pg_dump (the server keeps running), and restored into an
        empty database with pg_restore while the app is stopped; see README.md, "Backups".
        """
}
