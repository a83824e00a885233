import Fluent
import SQLKit

/// Replaces Fluent's session table, which kept session ids in clear, by one that keeps only
/// their hashes. Every earlier session ends (users sign in again once).
struct CreateHashedSessions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(StoredSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid)
            .field("data", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "sessions_user_id").on(StoredSession.schema).column("user_id").run()
            try await sql.create(index: "sessions_updated_at").on(StoredSession.schema).column("updated_at").run()
        }
        try await database.schema("_fluent_sessions").delete()
    }

    func revert(on database: Database) async throws {
        try await database.schema(StoredSession.schema).delete()
        try await SessionRecord.migration.prepare(on: database).get()
    }
}
