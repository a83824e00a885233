import Fluent
import Foundation

/// Answers per day of an open survey, kept in rows created when it opens (one per day of the
/// period) and counted up in place (stored as ``SurveyCounter``), so no answer sheet needs a date
/// and no row's position says when it was written.
final class SurveyDailyCount: Model, @unchecked Sendable {
    static let schema = "survey_daily_counts"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "day") var day: String
    @Field(key: "count") var count: Int

    init() {}
}
