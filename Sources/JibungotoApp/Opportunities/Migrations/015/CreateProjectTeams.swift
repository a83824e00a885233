import Fluent
import SQLKit

/// Project teams: the team with its call, the people who applied or were nominated (with the
/// manager's consent once selected), and the team's meetings and activity log.
struct CreateProjectTeams: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("project_teams")
            .id()
            .field("title", .string, .required)
            .field("purpose", .string, .required)
            .field("sponsor_section_code", .string, .required)
            .field("organizer_staff_number", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("seats", .int, .required)
            .field("wanted_skills", .string, .required)
            .field("themes", .string, .required)
            .field("applications_open_on", .string, .required)
            .field("applications_close_on", .string, .required)
            .field("audience_departments", .string, .required)
            .field("fiscal_year", .int, .required)
            .field("closing_report", .string)
            .field("closed_on", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema("project_team_candidates")
            .id()
            .field("team_id", .uuid, .required, .references("project_teams", "id", onDelete: .cascade))
            .field("staff_number", .string, .required)
            .field("route", .string, .required)
            .field("status", .string, .required)
            .field("motivation", .string, .required)
            .field("nominated_by", .string)
            .field("nomination_reason", .string, .required)
            .field("section_code", .string)
            .field("selected_on", .string)
            .field("consent_deadline", .string)
            .field("consent_answer", .bool)
            .field("consent_reason", .string, .required)
            .field("consent_by", .string)
            .field("created_at", .datetime)
            .unique(on: "team_id", "staff_number")
            .create()
        try await database.schema("project_team_log_entries")
            .id()
            .field("team_id", .uuid, .required, .references("project_teams", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("held_on", .string, .required)
            .field("place", .string, .required)
            .field("text", .string, .required)
            .field("author_staff_number", .string, .required)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            // Managers' consent queue and the HR refusals page read candidates by status.
            try await sql.create(index: "project_team_candidates_status").on("project_team_candidates").column("status").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("project_team_log_entries").delete()
        try await database.schema("project_team_candidates").delete()
        try await database.schema("project_teams").delete()
    }
}
