import Fluent
import JibungotoDomain
import SQLKit

/// Frozen releases of closed surveys and per-day answer counters, so that answer sheets carry no
/// date. Existing data: each survey's sheet days become its counters; a closed survey gets its
/// release now, and its sheets lose their days.
struct CreateSurveyReleases: AsyncMigration {
    func prepare(on database: Database) async throws {
        // All or nothing: a failure leaves the database as before, and the next start tries again.
        try await database.transaction { database in try await migrate(database) }
        await SurveyStorage.compactSQLite(database)
    }

    private func migrate(_ database: any Database) async throws {
        try await database.schema(SurveyReleaseRecord.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("content", .string, .required)
            .unique(on: "survey_id")
            .create()
        try await database.schema(SurveyDailyCount.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("count", .int, .required)
            .unique(on: "survey_id", "day")
            .create()
        // Existing totals take the counter offset (SurveyCounter).
        if let sql = database as? any SQLDatabase {
            try await sql.update(SurveyAnswerCount.schema).set("count", to: SQLRaw("count + \(SurveyCounter.zero)"))
                .where("count", .lessThan, SurveyCounter.zero).run()
        }
        for survey in try await Survey.query(on: database).filter(\.$status != .draft).all() {
            let surveyID = try survey.requireID()
            let days = try await SurveyResponseRecord.query(on: database).filter(\.$surveyID == surveyID).all(\.$day)
            for (day, count) in Dictionary(grouping: days, by: { $0 }).mapValues(\.count) where !day.isEmpty {
                let row = SurveyDailyCount()
                row.surveyID = surveyID
                row.day = day
                row.count = SurveyCounter.zero + count
                try await row.create(on: database)
            }
            if survey.status == .closed {
                try await SurveyReleases.close(survey, today: AppClock.system.today, on: database)
            }
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(SurveyDailyCount.schema).delete()
        try await database.schema(SurveyReleaseRecord.schema).delete()
    }
}
