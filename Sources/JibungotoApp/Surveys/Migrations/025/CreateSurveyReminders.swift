import Fluent

/// 督促: who reminded which part of a survey's targets, when, and the non-respondent count the
/// sender was shown (empty when the release hid it). Never who was reminded: the banner is
/// worked out from the frozen targets and the completions when a target opens the home page.
struct CreateSurveyReminders: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("survey_reminders")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", .id, onDelete: .cascade))
            .field("sent_by", .string, .required)
            .field("sent_at", .datetime, .required)
            .field("scope_unit", .string, .required)
            .field("shown_count", .int)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("survey_reminders").delete()
    }
}
