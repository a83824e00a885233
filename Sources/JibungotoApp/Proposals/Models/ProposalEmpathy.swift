import Fluent
import Foundation
import JibungotoDomain

/// One person's 共感 (empathy mark) on a proposal: one per person, withdrawn by deleting it.
final class ProposalEmpathy: Model, @unchecked Sendable {
    static let schema = "proposal_empathies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension ProposalEmpathy {
    convenience init(id: UUID? = nil, proposalID: UUID, staffNumber: StaffNumber, createdAt: Date) {
        self.init()
        self.id = id
        self.$proposal.id = proposalID
        self.staffNumber = staffNumber
        self.createdAt = createdAt
    }
}
