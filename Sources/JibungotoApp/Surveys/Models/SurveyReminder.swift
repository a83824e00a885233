import Fluent
import Foundation
import JibungotoDomain

/// One 督促 sent for a survey: by whom, when, to which part (`scopeUnit` empty for the whole
/// survey) and the count the sender saw. It names no recipient.
final class SurveyReminder: Model, @unchecked Sendable {
    static let schema = "survey_reminders"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "sent_by") var sentBy: String
    @Field(key: "sent_at") var sentAt: Date
    @Field(key: "scope_unit") var scopeUnit: String
    /// Non-respondents in the part as the release showed them; nil where it hid them.
    @OptionalField(key: "shown_count") var shownCount: Int?

    init() {}

    /// The unit the reminder reaches, nil for the whole survey.
    var unit: String? { scopeUnit.isEmpty ? nil : scopeUnit }
}

extension SurveyReminder {
    /// One reminder in one line.
    convenience init(id: UUID? = nil, surveyID: UUID, sentBy: String, sentAt: Date, scope: SurveyReminderRule.Scope, shownCount: Int?) {
        self.init()
        self.id = id
        self.surveyID = surveyID
        self.sentBy = sentBy
        self.sentAt = sentAt
        self.scopeUnit = scope.unit ?? ""
        self.shownCount = shownCount
    }
}
