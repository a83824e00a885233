import Fluent
import Foundation
import SQLKit

/// What `/healthz` checks: that the database takes a write, not only that it answers. A full
/// disk leaves SQLite readable while every signed-in page fails on its session's write
/// (`ops/fault-check.sh`); PostgreSQL away fails both.
enum HealthProbe {
    static let schema = "health_probe"

    static func check(_ database: any Database, now: Date) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("UPDATE \(ident: schema) SET checked_at = \(bind: now.timeIntervalSince1970) WHERE id = 1").run()
    }
}
