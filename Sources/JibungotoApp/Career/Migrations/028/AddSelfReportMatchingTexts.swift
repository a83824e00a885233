import Fluent
import Foundation
import JibungotoDomain
import SQLKit

/// The self-report's project-team themes and skills as the candidate suggestions compare them
/// (`CandidateSuggestions.folded`: case and width folded), stored beside the texts when a report
/// is saved. Matching a team's words against a city's 40,000 reports is then a plain search in
/// the database instead of folding every text on every visit to the suggestions.
struct AddSelfReportMatchingTexts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SelfReport.schema)
            .field("project_team_themes_folded", .string, .required, .sql(.default("")))
            .update()
        try await database.schema(SelfReport.schema)
            .field("skills_folded", .string, .required, .sql(.default("")))
            .update()
        try await Self.fill(on: database)
    }

    /// The reports written before: folded once here, in Swift, by the same function the saving uses.
    static func fill(on database: any Database) async throws {
        // One transaction: a city's 40,000 updates, each committed on its own, would take minutes on SQLite.
        try await database.transaction { database in
            guard let sql = database as? any SQLDatabase else { return }
            try await foldEveryReport(on: sql)
        }
    }

    private static func foldEveryReport(on sql: any SQLDatabase) async throws {
        struct Texts: Decodable {
            let id: UUID
            let project_team_themes: String
            let skills: String
        }
        let rows = try await sql.raw("""
            SELECT id, project_team_themes, skills FROM \(ident: SelfReport.schema) WHERE project_team_themes <> '' OR skills <> ''
            """).all(decoding: Texts.self)
        for row in rows {
            try await sql.update(SelfReport.schema)
                .set("project_team_themes_folded", to: CandidateSuggestions.folded(row.project_team_themes))
                .set("skills_folded", to: CandidateSuggestions.folded(row.skills))
                .where("id", .equal, row.id)
                .run()
        }
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("ALTER TABLE \(ident: SelfReport.schema) DROP COLUMN skills_folded").run()
        try await sql.raw("ALTER TABLE \(ident: SelfReport.schema) DROP COLUMN project_team_themes_folded").run()
    }
}
