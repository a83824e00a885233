import Fluent
import SQLKit

/// The answer and completion tables are created by hand on SQLite as WITHOUT ROWID tables keyed
/// by a random id: a rowid would record the order of submission, which could be matched between
/// the two. (On PostgreSQL, closing a survey rewrites its rows in id order: `SurveyStorage`.)
struct CreateSurveys: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Survey.schema)
            .id()
            .field("series", .string, .required)
            .field("fiscal_year", .int, .required)
            .field("title_ja", .string, .required)
            .field("title_en", .string, .required)
            .field("description", .string, .required)
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("is_anonymous", .bool, .required)
            .field("target_departments", .string, .required)
            .field("target_employment_types", .string, .required)
            .field("reporting_attributes", .string, .required)
            .field("k", .int, .required)
            .field("free_text_k", .int, .required)
            .field("target_rate", .double, .required)
            .field("questions", .string, .required)
            .field("status", .string, .required)
            .field("organization_fiscal_year", .int)
            .field("created_by", .string, .required)
            .create()
        try await database.schema(SurveyTarget.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("staff_number", .string, .required)
            .field("department_code", .string, .required)
            .field("section_code", .string, .required)
            .unique(on: "survey_id", "staff_number")
            .create()
        try await database.schema(SurveyAction.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("owner", .string, .required)
            .field("due_on", .string, .required)
            .field("created_by", .string, .required)
            .create()
        try await database.schema(SurveyAnswerCount.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("department_code", .string, .required)
            .field("age_band", .string, .required)
            .field("service_band", .string, .required)
            .field("question_id", .string, .required)
            .field("value", .string, .required)
            .field("count", .int, .required)
            .unique(on: "survey_id", "department_code", "age_band", "service_band", "question_id", "value")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw("""
                CREATE TABLE survey_completions (id BLOB PRIMARY KEY NOT NULL, survey_id BLOB NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
                staff_number TEXT NOT NULL, UNIQUE (survey_id, staff_number)) WITHOUT ROWID
                """).run()
            try await sql.raw("""
                CREATE TABLE survey_responses (id BLOB PRIMARY KEY NOT NULL, survey_id BLOB NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
                day TEXT NOT NULL, department_code TEXT, age_band TEXT, service_band TEXT, employment_type TEXT, named_staff_number TEXT) WITHOUT ROWID
                """).run()
            try await sql.raw("""
                CREATE TABLE survey_answers (id BLOB PRIMARY KEY NOT NULL, response_id BLOB NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
                question_id TEXT NOT NULL, value TEXT NOT NULL) WITHOUT ROWID
                """).run()
        } else {
            try await database.schema(SurveyCompletion.schema)
                .id()
                .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
                .field("staff_number", .string, .required)
                .unique(on: "survey_id", "staff_number")
                .create()
            try await database.schema(SurveyResponseRecord.schema)
                .id()
                .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
                .field("day", .string, .required)
                .field("department_code", .string)
                .field("age_band", .string)
                .field("service_band", .string)
                .field("employment_type", .string)
                .field("named_staff_number", .string)
                .create()
            try await database.schema(SurveyAnswerRecord.schema)
                .id()
                .field("response_id", .uuid, .required, .references(SurveyResponseRecord.schema, .id, onDelete: .cascade))
                .field("question_id", .string, .required)
                .field("value", .string, .required)
                .create()
        }
        try await sql.create(index: "survey_responses_survey").on(SurveyResponseRecord.schema).column("survey_id").run()
        try await sql.create(index: "survey_answers_response").on(SurveyAnswerRecord.schema).column("response_id").run()
        try await sql.create(index: "survey_answers_question").on(SurveyAnswerRecord.schema).column("question_id").run()
    }

    func revert(on database: Database) async throws {
        for schema in [SurveyAnswerCount.schema, SurveyAnswerRecord.schema, SurveyResponseRecord.schema, SurveyAction.schema, SurveyCompletion.schema, SurveyTarget.schema, Survey.schema] {
            try await database.schema(schema).delete()
        }
    }
}
