import Fluent
import Foundation
import JibungotoDomain

/// That someone has answered: no time, no link to the answers (see docs/surveys-anonymity.md).
final class SurveyCompletion: Model, @unchecked Sendable {
    static let schema = "survey_completions"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "staff_number") var staffNumber: StaffNumber
    /// Listed for Fluent: the demo city writes these by the thousand (see `ModelPropertyListTests`).
    var properties: [any AnyProperty] { [$id, $surveyID, $staffNumber] }

    init() {}
}

extension SurveyCompletion {
    /// One "has answered" mark in one line.
    convenience init(id: UUID? = nil, surveyID: UUID, staffNumber: StaffNumber) {
        self.init()
        self.id = id
        self.surveyID = surveyID
        self.staffNumber = staffNumber
    }
}
