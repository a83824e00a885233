import Fluent
import Foundation
import JibungotoDomain

/// One staff proposal an interview study informs, linked by one of its interviewers.
final class DialogueInterviewProposal: Model, @unchecked Sendable {
    static let schema = "dialogue_interview_proposals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "interview_id") var interview: DialogueInterview
    @Field(key: "proposal_id") var proposalID: UUID
    @Field(key: "linked_by") var linkedBy: StaffNumber
    @Field(key: "linked_at") var linkedAt: Date

    init() {}
}

extension DialogueInterviewProposal {
    convenience init(interviewID: UUID, proposalID: UUID, linkedBy: StaffNumber, linkedAt: Date) {
        self.init()
        self.$interview.id = interviewID
        self.proposalID = proposalID
        self.linkedBy = linkedBy
        self.linkedAt = linkedAt
    }
}
