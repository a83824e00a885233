import Fluent
import Foundation
import JibungotoDomain

/// Where a co-author stands: asked, confirmed (an author from then on) or declined.
enum ProposalAuthorStatus: String, Codable, Sendable {
    case invited
    case confirmed
    case declined
}

/// One author of a proposal: its lead (confirmed from the start) or a co-author the lead named,
/// who confirms before the proposal counts as theirs.
final class ProposalAuthor: Model, @unchecked Sendable {
    static let schema = "proposal_authors"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "is_lead") var isLead: Bool
    @Field(key: "status") var status: ProposalAuthorStatus
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}
}

extension ProposalAuthor {
    convenience init(id: UUID? = nil, proposalID: UUID, staffNumber: StaffNumber, isLead: Bool = false,
                     status: ProposalAuthorStatus = .invited, answeredAt: Date? = nil) {
        self.init()
        self.id = id
        self.$proposal.id = proposalID
        self.staffNumber = staffNumber
        self.isLead = isLead
        self.status = status
        self.answeredAt = answeredAt
    }
}
