import Fluent
import Foundation

/// The frozen release of a closed survey: everything its readers may ever see of it.
final class SurveyReleaseRecord: Model, @unchecked Sendable {
    static let schema = "survey_releases"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    /// The ``SurveyRelease`` as JSON.
    @Field(key: "content") var content: String

    init() {}
}
