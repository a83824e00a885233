import Fluent
import Foundation
import SQLKit

/// Locks one row until the transaction ends, so that two requests deciding about the same record
/// (a session's seats, a scenario's approval) take turns. PostgreSQL: `SELECT … FOR UPDATE`.
/// SQLite has no row locks but one writer at a time: a write as the transaction's first statement
/// takes that lock at once, before anything is read (a transaction that read first and wrote later
/// could deadlock with another doing the same).
enum RowLock {
    static func lock(_ schema: String, id: UUID, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.select().column("id").from(schema).where("id", .equal, id).for(.update).run()
        } else {
            try await sql.raw("UPDATE \(ident: schema) SET id = id WHERE id = \(bind: id)").run()
        }
    }
}
