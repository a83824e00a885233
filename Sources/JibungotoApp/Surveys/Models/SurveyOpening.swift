import Fluent
import Foundation
import JibungotoDomain

/// When a survey was opened and its targets fixed (one row per opened survey; surveys opened
/// before it was kept have none).
final class SurveyOpening: Model, @unchecked Sendable {
    static let schema = "survey_openings"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "targets_fixed_on") var targetsFixedOn: LocalDate

    init() {}

    init(surveyID: UUID, targetsFixedOn: LocalDate) {
        self.surveyID = surveyID
        self.targetsFixedOn = targetsFixedOn
    }

    /// The day the survey's targets were fixed, if it was recorded.
    static func targetsFixedOn(_ surveyID: UUID, on database: any Database) async throws -> LocalDate? {
        try await query(on: database).filter(\.$surveyID == surveyID).first()?.targetsFixedOn
    }
}
