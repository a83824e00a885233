import Fluent

struct CreateRotation: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(RotationSettingsRecord.schema)
            .id()
            .field("rules", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(RotationScenario.schema)
            .id()
            .field("name", .string, .required)
            .field("transfer_date", .string, .required)
            .field("rules", .string, .required)
            .field("status", .string, .required)
            .field("revision", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .field("solved_revision", .int)
            .field("solved_at", .datetime)
            .field("solution", .string)
            .field("previous_solution", .string)
            .field("approved_at", .datetime)
            .field("approved_by", .string)
            .create()
        try await database.schema(RotationScenarioMover.schema)
            .id()
            .field("scenario_id", .uuid, .required, .references(RotationScenario.schema, .id, onDelete: .cascade))
            .field("staff_number", .string, .required)
            .field("reasons", .string, .required)
            .unique(on: "scenario_id", "staff_number")
            .create()
        try await database.schema(RotationScenarioPin.schema)
            .id()
            .field("scenario_id", .uuid, .required, .references(RotationScenario.schema, .id, onDelete: .cascade))
            .field("staff_number", .string, .required)
            .field("kind", .string, .required)
            .field("section_code", .string)
            .create()
        try await database.schema(RotationScenarioCapacity.schema)
            .id()
            .field("scenario_id", .uuid, .required, .references(RotationScenario.schema, .id, onDelete: .cascade))
            .field("section_code", .string, .required)
            .field("headcount", .int, .required)
            .unique(on: "scenario_id", "section_code")
            .create()
    }

    func revert(on database: Database) async throws {
        for schema in [RotationScenarioCapacity.schema, RotationScenarioPin.schema, RotationScenarioMover.schema,
                       RotationScenario.schema, RotationSettingsRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
