import Fluent

struct CreateSelfReportReminders: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SelfReportReminder.schema)
            .id()
            .field("cycle_id", .uuid, .required, .references(SelfReportCycle.schema, .id, onDelete: .cascade))
            .field("staff_number", .string, .required)
            .field("sent_by", .string, .required)
            .field("sent_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SelfReportReminder.schema).delete()
    }
}
