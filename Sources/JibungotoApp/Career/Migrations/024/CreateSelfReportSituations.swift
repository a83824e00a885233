import Fluent

/// The self-report's situation answers (health, workload, difficulty, family) and the manager's
/// comment (所属長所見), each one row per report in its own table.
struct CreateSelfReportSituations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SelfReportSituation.schema)
            .id()
            .field("report_id", .uuid, .required, .references(SelfReport.schema, .id, onDelete: .cascade))
            .field("health_condition", .string, .required)
            .field("workload", .string, .required)
            .field("difficulty", .string, .required)
            .field("family_circumstances", .string, .required)
            .unique(on: "report_id")
            .create()
        try await database.schema(SelfReportManagerComment.schema)
            .id()
            .field("report_id", .uuid, .required, .references(SelfReport.schema, .id, onDelete: .cascade))
            .field("comment", .string, .required)
            .field("written_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "report_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SelfReportManagerComment.schema).delete()
        try await database.schema(SelfReportSituation.schema).delete()
    }
}
