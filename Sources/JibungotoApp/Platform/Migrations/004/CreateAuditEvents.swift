import Fluent
import SQLKit

struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AuditEvent.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_staff_number", .string)
            .field("action", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string)
            .field("detail", .string, .required)
            .field("address", .string, .required)
            .field("request_id", .string, .required)
            .create()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "audit_events_occurred_at").on(AuditEvent.schema)
                .column("occurred_at").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
    }
}
