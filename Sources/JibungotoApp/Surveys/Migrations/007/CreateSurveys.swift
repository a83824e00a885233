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
        // Written once for every SQL database; on SQLite without a rowid (see above).
        guard let sql = database as? any SQLDatabase else { throw AnonymousTable.Unsupported() }
        try await AnonymousTable.create(SurveyCompletion.schema, on: sql) { table in
            table.column("survey_id", type: .custom(AnonymousTable.UUIDType()), .notNull, .references(Survey.schema, "id", onDelete: .cascade))
                .column("staff_number", type: .text, .notNull)
                .unique("survey_id", "staff_number")
        }
        try await AnonymousTable.create(SurveyResponseRecord.schema, on: sql) { table in
            table.column("survey_id", type: .custom(AnonymousTable.UUIDType()), .notNull, .references(Survey.schema, "id", onDelete: .cascade))
                .column("day", type: .text, .notNull)
                .column("department_code", type: .text)
                .column("age_band", type: .text)
                .column("service_band", type: .text)
                .column("employment_type", type: .text)
                .column("named_staff_number", type: .text)
        }
        try await AnonymousTable.create(SurveyAnswerRecord.schema, on: sql) { table in
            table.column("response_id", type: .custom(AnonymousTable.UUIDType()), .notNull, .references(SurveyResponseRecord.schema, "id", onDelete: .cascade))
                .column("question_id", type: .text, .notNull)
                .column("value", type: .text, .notNull)
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

/// A table keyed by a random UUID that keeps no order of insertion: `WITHOUT ROWID` on SQLite (a
/// rowid would number the rows in the order they were written); on PostgreSQL an ordinary table
/// (closing a survey rewrites its rows in id order: `SurveyStorage`).
enum AnonymousTable {
    struct Unsupported: Error, CustomStringConvertible {
        var description: String { "The survey tables need an SQL database (SQLite or PostgreSQL)." }
    }

    /// `UUID` on PostgreSQL, `BLOB` on SQLite — what Fluent's `.uuid` maps to on each.
    struct UUIDType: SQLExpression {
        func serialize(to serializer: inout SQLSerializer) {
            serializer.write(serializer.dialect.name == "sqlite" ? "BLOB" : "UUID")
        }
    }

    private struct WithoutRowIDOnSQLite: SQLExpression {
        let table: SQLCreateTable

        func serialize(to serializer: inout SQLSerializer) {
            table.serialize(to: &serializer)
            if serializer.dialect.name == "sqlite" { serializer.write(" WITHOUT ROWID") }
        }
    }

    static func create(_ name: String, on sql: any SQLDatabase, columns: (SQLCreateTableBuilder) -> SQLCreateTableBuilder) async throws {
        let builder = columns(sql.create(table: name).column("id", type: .custom(UUIDType()), .primaryKey(autoIncrement: false), .notNull))
        try await sql.execute(sql: WithoutRowIDOnSQLite(table: builder.createTable)) { _ in }
    }
}
