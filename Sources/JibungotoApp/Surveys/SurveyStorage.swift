import Fluent
import Foundation
import Logging
import SQLKit

/// Storage measures that keep answers unlinkable to the people who gave them.
enum SurveyStorage {
    /// Rebuilds an SQLite file (VACUUM): where rows sit inside their pages (newer cells first) no
    /// longer says which were written last. Exclusive for a moment; a failure leaves the survey
    /// closed and is logged, since the next closing rebuilds the file again.
    static func compactSQLite(_ database: any Database) async {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        do { try await sql.raw("VACUUM").run() } catch {
            database.logger.warning("VACUUM after closing a survey failed", metadata: ["error": "\(error)"])
        }
    }

    /// On PostgreSQL, heap order (ctid) and inserting transaction ids (xmin) follow submission
    /// order (an updated answer total gets a new row version too). Closing a survey rewrites its
    /// completions, responses, answers and answer totals in random-id order in one transaction,
    /// so neither can link an answer to a completion. SQLite stores these tables WITHOUT ROWID
    /// from the start and is compacted instead (inside a larger transaction, by its caller after).
    static func rewriteInRandomOrder(surveyID: UUID, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            if !database.inTransaction { await compactSQLite(database) }
            return
        }
        guard sql.dialect.name == "postgresql" else { return }
        try await database.writeTransaction { database in
            guard let sql = database as? any SQLDatabase else { return }
            let statements: [SQLQueryString] = [
                "CREATE TEMPORARY TABLE rewrite_completions ON COMMIT DROP AS SELECT * FROM survey_completions WHERE survey_id = \(bind: surveyID)",
                "CREATE TEMPORARY TABLE rewrite_responses ON COMMIT DROP AS SELECT * FROM survey_responses WHERE survey_id = \(bind: surveyID)",
                "CREATE TEMPORARY TABLE rewrite_answers ON COMMIT DROP AS SELECT a.* FROM survey_answers a JOIN rewrite_responses r ON r.id = a.response_id",
                "CREATE TEMPORARY TABLE rewrite_counts ON COMMIT DROP AS SELECT * FROM survey_answer_counts WHERE survey_id = \(bind: surveyID)",
                "DELETE FROM survey_answer_counts WHERE survey_id = \(bind: surveyID)",
                "DELETE FROM survey_answers WHERE response_id IN (SELECT id FROM rewrite_responses)",
                "DELETE FROM survey_responses WHERE survey_id = \(bind: surveyID)",
                "DELETE FROM survey_completions WHERE survey_id = \(bind: surveyID)",
                "INSERT INTO survey_completions SELECT * FROM rewrite_completions ORDER BY id",
                "INSERT INTO survey_responses SELECT * FROM rewrite_responses ORDER BY id",
                "INSERT INTO survey_answers SELECT * FROM rewrite_answers ORDER BY id",
                "INSERT INTO survey_answer_counts SELECT * FROM rewrite_counts ORDER BY id",
            ]
            for statement in statements { try await sql.raw(statement).run() }
        }
    }
}
