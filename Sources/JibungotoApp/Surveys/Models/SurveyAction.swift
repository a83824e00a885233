import Fluent
import Foundation
import JibungotoDomain

/// An action planned from the results, with an owner and a date.
final class SurveyAction: Model, @unchecked Sendable {
    static let schema = "survey_actions"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "title") var title: String
    @Field(key: "owner") var owner: String
    @Field(key: "due_on") var dueOn: LocalDate
    @Field(key: "created_by") var createdBy: String

    init() {}
}

extension SurveyAction {
    /// A follow-up action in one line.
    convenience init(id: UUID? = nil, surveyID: UUID, title: String, owner: String = "", dueOn: LocalDate, createdBy: String = "") {
        self.init()
        self.id = id
        self.surveyID = surveyID
        self.title = title
        self.owner = owner
        self.dueOn = dueOn
        self.createdBy = createdBy
    }
}
