import Fluent
import Foundation
import JibungotoDomain

/// The text of a proposal as submitted: version 1 at submission, one more at each revision after
/// 差し戻し. Never changed once written.
final class ProposalVersion: Model, @unchecked Sendable {
    static let schema = "proposal_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "related_measure") var relatedMeasure: String
    @Field(key: "problem") var problem: String
    @Field(key: "proposal_text") var proposalText: String
    @Field(key: "expected_effect") var expectedEffect: String
    @Field(key: "estimated_cost") var estimatedCost: String
    @Field(key: "submitted_at") var submittedAt: Date

    init() {}

    var text: ProposalText {
        ProposalText(title: title, relatedMeasure: relatedMeasure, problem: problem, proposal: proposalText,
                     expectedEffect: expectedEffect, estimatedCost: estimatedCost)
    }
}

extension ProposalVersion {
    convenience init(id: UUID? = nil, proposalID: UUID, number: Int, text: ProposalText, submittedAt: Date) {
        self.init()
        self.id = id
        self.$proposal.id = proposalID
        self.number = number
        self.title = text.title
        self.relatedMeasure = text.relatedMeasure
        self.problem = text.problem
        self.proposalText = text.proposal
        self.expectedEffect = text.expectedEffect
        self.estimatedCost = text.estimatedCost
        self.submittedAt = submittedAt
    }
}
