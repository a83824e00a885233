import Fluent
import Foundation
import JibungotoDomain
import SQLKit

/// How a survey counter (an answer total, the answers of a day) is stored: as `zero` plus the
/// count. SQLite stores a whole number in 0, 1, 2, 3, 4, 6 or 8 bytes depending on its size and
/// moves a row within its page when the row's size changes, so counts stored plainly (0 → 1 → 2 …)
/// would leave the rows a submission just updated at the top of their pages — readable from one
/// copy of the file. Offset by 2⁴⁰, every count below 2⁴⁷ − 2⁴⁰ takes the same six bytes: an
/// update never changes a row's size, and SQLite leaves it where it was.
enum SurveyCounter {
    static let zero = 1 << 40

    /// The count a stored value stands for.
    static func count(_ stored: Int) -> Int { stored - zero }
}

/// Keeps `survey_answer_counts` up to date: one statement per sheet, in the submission's
/// transaction, that adds one to each of its counted values' rows (the rows exist from the
/// opening; see `SurveyReleases.prepareCounters`).
enum SurveyAnswerTotals {
    /// The counted values of one sheet: the counted questions' stored values, plus one
    /// "answered" mark per multiple-choice question it answered.
    static func countedValues(_ values: [(questionID: String, value: String)], counted: Set<String>, multipleChoice: Set<String>) -> [(questionID: String, value: String)] {
        let kept = values.filter { counted.contains($0.questionID) }
        let answered = Set(kept.map(\.questionID)).intersection(multipleChoice).sorted()
        return kept + answered.map { ($0, SurveyReleaseBuilder.answeredValue) }
    }

    static func add(_ answers: [(questionID: String, value: String)], surveyID: UUID, attributes: RespondentAttributes, on database: any Database) async throws {
        let place = [attributes.departmentCode ?? "", attributes.sectionCode ?? "", attributes.ageBand?.rawValue ?? "", attributes.serviceBand?.rawValue ?? ""]
        var totals: [[String]: Int] = [:]
        for answer in answers { totals[place + [answer.questionID, answer.value], default: 0] += 1 }
        try await add(totals, surveyID: surveyID, on: database)
    }

    /// Totals for data loaded in bulk (the demo city, the benchmark): counted in memory, then added.
    static func insert(for responses: [SurveyResponseRecord], answers: [SurveyAnswerRecord], countedQuestions: Set<String>,
                       multipleChoice: Set<String> = [], on database: any Database) async throws {
        let byResponse = Dictionary(responses.compactMap { response in response.id.map { ($0, response) } }, uniquingKeysWith: { a, _ in a })
        var totals: [[String]: Int] = [:]
        for (responseID, sheet) in Dictionary(grouping: answers, by: \.responseID) {
            guard let response = byResponse[responseID] else { continue }
            for answer in countedValues(sheet.map { ($0.questionID, $0.value) }, counted: countedQuestions, multipleChoice: multipleChoice) {
                totals[[response.departmentCode ?? "", response.sectionCode ?? "", response.ageBand ?? "", response.serviceBand ?? "", answer.questionID, answer.value], default: 0] += 1
            }
        }
        guard let surveyID = responses.first?.surveyID else { return }
        try await add(totals, surveyID: surveyID, on: database)
    }

    /// Adds counts keyed by `AddSurveySections.keyColumns` (after the survey), creating the rows
    /// that do not exist yet. Each key once per statement (PostgreSQL refuses a row updated twice
    /// by one statement), in key order so that concurrent submissions lock rows in one order.
    private static func add(_ totals: [[String]: Int], surveyID: UUID, on database: any Database) async throws {
        guard !totals.isEmpty, let sql = database as? any SQLDatabase else { return }
        let keyColumns = AddSurveySections.keyColumns
        let rows = totals.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        for chunk in rows.chunked(into: 500) {
            var insert = sql.insert(into: SurveyAnswerCount.schema).columns(["id"] + keyColumns + ["count"])
            for (key, count) in chunk {
                insert = insert.values([SQLBind(UUID()), SQLBind(surveyID)] + key.map { SQLBind($0) } + [SQLBind(SurveyCounter.zero + count)])
            }
            try await insert.onConflict(with: keyColumns) {
                $0.set("count", to: SQLRaw("\(SurveyAnswerCount.schema).count + excluded.count - \(SurveyCounter.zero)"))
            }.run()
        }
    }
}
