import Fluent
import Foundation
import JibungotoDomain

/// What a line of a proposal's timeline records.
enum ProposalEventKind: String, Codable, Sendable {
    /// A change of state (with its note: the answer, what to change, the request).
    case transition
    /// The outcome's answer published.
    case answerPublished = "answer_published"
}

/// One line of a proposal's timeline. An outcome is not shown to the authors (nor to staff) until
/// its answer is published; every other change is, and tells the authors on their home page.
final class ProposalEvent: Model, @unchecked Sendable {
    static let schema = "proposal_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    /// The order within the proposal (several steps can share a moment).
    @Field(key: "sequence") var sequence: Int
    @Field(key: "kind") var kind: ProposalEventKind
    @OptionalField(key: "from_state") var fromState: ProposalState?
    @OptionalField(key: "to_state") var toState: ProposalState?
    @Field(key: "note") var note: String
    @Field(key: "actor_staff_number") var actorStaffNumber: StaffNumber
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "shown_to_authors") var shownToAuthors: Bool

    init() {}
}

extension ProposalEvent {
    convenience init(id: UUID? = nil, proposalID: UUID, sequence: Int, kind: ProposalEventKind = .transition, from: ProposalState? = nil,
                     to: ProposalState? = nil, note: String = "", actor: StaffNumber, occurredAt: Date, shownToAuthors: Bool) {
        self.init()
        self.id = id
        self.$proposal.id = proposalID
        self.sequence = sequence
        self.kind = kind
        self.fromState = from
        self.toState = to
        self.note = note
        self.actorStaffNumber = actor
        self.occurredAt = occurredAt
        self.shownToAuthors = shownToAuthors
    }
}
