import Fluent

/// The day a survey's targets were fixed (when it was opened), so its pages can say "targets as
/// placed on …". A table of its own rather than a column of `surveys`: migration 011 reads
/// surveys and their targets through the models, so a new column there would break a fresh install.
struct CreateSurveyOpenings: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("survey_openings")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", .id, onDelete: .cascade))
            .field("targets_fixed_on", .string, .required)
            .unique(on: "survey_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("survey_openings").delete()
    }
}
