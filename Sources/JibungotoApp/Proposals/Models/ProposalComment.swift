import Fluent
import Foundation
import JibungotoDomain

/// A comment on a proposal by someone who may read it, with the authors' one answer.
final class ProposalComment: Model, @unchecked Sendable {
    static let schema = "proposal_comments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    @Field(key: "author_staff_number") var authorStaffNumber: StaffNumber
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_by") var answeredBy: StaffNumber?
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}
}

extension ProposalComment {
    convenience init(id: UUID? = nil, proposalID: UUID, author: StaffNumber, body: String, createdAt: Date,
                     answer: String? = nil, answeredBy: StaffNumber? = nil, answeredAt: Date? = nil) {
        self.init()
        self.id = id
        self.$proposal.id = proposalID
        self.authorStaffNumber = author
        self.body = body
        self.createdAt = createdAt
        self.answer = answer
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}
