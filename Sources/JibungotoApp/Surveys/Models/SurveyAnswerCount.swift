import Fluent
import Foundation

/// Running totals of answers by the recorded attributes, kept at submission so that a results
/// page reads a few thousand counts instead of grouping millions of answers. Created when the
/// survey opens, counted up in place, stored as ``SurveyCounter`` (offset, fixed size). It holds nothing a
/// GROUP BY over the answers would not give. Absent attributes are stored as "" (NULLs would not
/// meet in the unique key).
final class SurveyAnswerCount: Model, @unchecked Sendable {
    static let schema = "survey_answer_counts"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "department_code") var departmentCode: String
    @Field(key: "age_band") var ageBand: String
    @Field(key: "service_band") var serviceBand: String
    @Field(key: "section_code") var sectionCode: String
    @Field(key: "question_id") var questionID: String
    @Field(key: "value") var value: String
    @Field(key: "count") var count: Int

    init() {}
}
