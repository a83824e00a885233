import Fluent

struct CreateAgeSixtyRecords: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AgeSixtyRecord.schema)
            .id()
            .field("staff_number", .string, .required)
            .field("informed_on", .string, .required)
            .field("choice", .string)
            .field("note", .string, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime)
            .unique(on: "staff_number")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AgeSixtyRecord.schema).delete()
    }
}
