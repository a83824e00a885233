import Fluent
import Foundation
import JibungotoDomain

/// One interviewer of an interview study: they edit it and read and write its individual notes.
final class DialogueInterviewer: Model, @unchecked Sendable {
    static let schema = "dialogue_interviewers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "interview_id") var interview: DialogueInterview
    @Field(key: "staff_number") var staffNumber: StaffNumber

    init() {}
}

extension DialogueInterviewer {
    convenience init(interviewID: UUID, staffNumber: StaffNumber) {
        self.init()
        self.$interview.id = interviewID
        self.staffNumber = staffNumber
    }
}
