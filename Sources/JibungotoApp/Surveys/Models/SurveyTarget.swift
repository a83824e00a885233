import Fluent
import Foundation

/// Who was asked, frozen when the survey opened (the denominators of the response rate).
final class SurveyTarget: Model, @unchecked Sendable {
    static let schema = "survey_targets"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "staff_number") var staffNumber: String
    @Field(key: "department_code") var departmentCode: String
    @Field(key: "section_code") var sectionCode: String

    init() {}
}
