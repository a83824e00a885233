import Fluent
import Foundation
import JibungotoDomain

/// An interviewer's note of one conversation: who was asked (described, e.g. 「入庁3年目・事務職」),
/// when, and what was said. Read by the study's interviewers only — not by HR, not by the person's
/// manager — because people speak freely only when their words stay with those who asked.
final class DialogueInterviewNote: Model, @unchecked Sendable {
    static let schema = "dialogue_interview_notes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "interview_id") var interview: DialogueInterview
    @Field(key: "author") var author: StaffNumber
    @Field(key: "interviewee") var interviewee: String
    @Field(key: "held_on") var heldOn: LocalDate
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension DialogueInterviewNote {
    convenience init(interviewID: UUID, author: StaffNumber, interviewee: String, heldOn: LocalDate, body: String, createdAt: Date) {
        self.init()
        self.$interview.id = interviewID
        self.author = author
        self.interviewee = interviewee
        self.heldOn = heldOn
        self.body = body
        self.createdAt = createdAt
    }
}
