import Fluent
import Foundation

/// One answer of a response: option keys, a number, or free text, as text.
final class SurveyAnswerRecord: Model, @unchecked Sendable {
    static let schema = "survey_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "response_id") var responseID: UUID
    @Field(key: "question_id") var questionID: String
    @Field(key: "value") var value: String
    /// Listed for Fluent: the demo city writes these by the thousand (see `ModelPropertyListTests`).
    var properties: [any AnyProperty] { [$id, $responseID, $questionID, $value] }

    init() {}
}

extension SurveyAnswerRecord {
    /// One answer in one line.
    convenience init(id: UUID? = nil, responseID: UUID, questionID: String, value: String) {
        self.init()
        self.id = id
        self.responseID = responseID
        self.questionID = questionID
        self.value = value
    }
}
