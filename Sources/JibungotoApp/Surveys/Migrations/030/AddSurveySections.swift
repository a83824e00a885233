import Fluent
import SQLKit

/// Surveys that report by section (``ReportingAttribute/section``): each target's 課 is frozen at
/// opening, and each answer sheet and each answer total carries it. The totals' unique key gains
/// the column, so on SQLite the table is rebuilt (a table's UNIQUE constraint cannot be altered
/// there); on PostgreSQL the constraint is replaced. Existing rows keep their values, with no 課.
struct AddSurveySections: AsyncMigration {
    static let keyColumns = ["survey_id", "department_code", "section_code", "age_band", "service_band", "question_id", "value"]

    func prepare(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw AnonymousTable.Unsupported() }
        try await sql.alter(table: SurveyResponseRecord.schema).column("section_code", type: .text).run()
        try await sql.raw("ALTER TABLE \(ident: SurveyTarget.schema) ADD COLUMN division_code TEXT NOT NULL DEFAULT ''").run()
        try await rekeyCounts(Self.keyColumns, on: sql)
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw AnonymousTable.Unsupported() }
        try await rekeyCounts(Self.keyColumns.filter { $0 != "section_code" }, on: sql)
        try await sql.alter(table: SurveyResponseRecord.schema).dropColumn("section_code").run()
        try await sql.alter(table: SurveyTarget.schema).dropColumn("division_code").run()
    }

    /// Gives `survey_answer_counts` the unique key `key`, with the `section_code` column when the
    /// key has it and without it otherwise, keeping every counter.
    private func rekeyCounts(_ key: [String], on sql: any SQLDatabase) async throws {
        let table = SurveyAnswerCount.schema
        let withSection = key.contains("section_code")
        let keyList = SQLRaw(key.joined(separator: ", "))
        if sql.dialect.name == "sqlite" {
            let section = withSection ? SQLRaw("section_code TEXT NOT NULL DEFAULT '', ") : SQLRaw("")
            try await sql.raw("""
                CREATE TABLE survey_answer_counts_new (
                    id BLOB PRIMARY KEY NOT NULL,
                    survey_id BLOB NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
                    department_code TEXT NOT NULL, \(section)age_band TEXT NOT NULL, service_band TEXT NOT NULL,
                    question_id TEXT NOT NULL, value TEXT NOT NULL, count INTEGER NOT NULL, UNIQUE (\(keyList)))
                """).run()
            let columns = SQLRaw("id, survey_id, department_code, age_band, service_band, question_id, value, count")
            try await sql.raw("INSERT INTO survey_answer_counts_new (\(columns)) SELECT \(columns) FROM \(ident: table)").run()
            try await sql.raw("DROP TABLE \(ident: table)").run()
            try await sql.raw("ALTER TABLE survey_answer_counts_new RENAME TO \(ident: table)").run()
        } else {
            // Fluent named the old key itself: find it rather than repeat its naming rule.
            struct Constraint: Decodable { let conname: String }
            let old = try await sql.raw("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(\(bind: table)) AND contype = 'u'")
                .all(decoding: Constraint.self)
            for constraint in old { try await sql.raw("ALTER TABLE \(ident: table) DROP CONSTRAINT \(ident: constraint.conname)").run() }
            if withSection {
                try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN section_code TEXT NOT NULL DEFAULT ''").run()
            } else {
                try await sql.raw("ALTER TABLE \(ident: table) DROP COLUMN section_code").run()
            }
            try await sql.raw("ALTER TABLE \(ident: table) ADD CONSTRAINT survey_answer_counts_key UNIQUE (\(keyList))").run()
        }
    }
}
