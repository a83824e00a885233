import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Marks an SQLite database as open by a server, so that `jibungoto restore` never replaces a
/// file under a running server: the server holds a shared lock on `<database>.serving` for as
/// long as it runs, and a restore needs the exclusive one. The kernel drops the lock when the
/// process ends, however it ends (kill -9 included), so a crash leaves no stale mark.
final class ServeLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The server's lock; it fails only while a restore of the same database runs.
    static func shared(for databasePath: String) throws -> ServeLock {
        guard let lock = try take(databasePath, operation: LOCK_SH) else {
            throw Launcher.Failure(description: "このデータベースは復元中です。終わってから起動してください。\nThis database is being restored; start the server when that has finished.")
        }
        return lock
    }

    /// A restore's lock; nil while a server has the database open.
    static func exclusive(for databasePath: String) throws -> ServeLock? {
        try take(databasePath, operation: LOCK_EX)
    }

    private static func take(_ databasePath: String, operation: Int32) throws -> ServeLock? {
        let path = databasePath + ".serving"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Launcher.Failure(description: "\(path) を作れません（\(String(cString: strerror(errno)))）\nCannot create \(path)")
        }
        guard flock(descriptor, operation | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return ServeLock(descriptor: descriptor)
    }
}
