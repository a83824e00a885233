import Fluent
import Foundation
import JibungotoDomain

/// A reviewer assigned to a proposal, with a due date, and once they have evaluated it their
/// scores (one per criterion of the call) and private note. Read only by the office, HR's review
/// readers and the proposal's reviewers; never by its authors or other staff.
final class ProposalReview: Model, @unchecked Sendable {
    static let schema = "proposal_reviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    @Field(key: "reviewer_staff_number") var reviewerStaffNumber: StaffNumber
    @Field(key: "assigned_by") var assignedBy: StaffNumber
    @Field(key: "assigned_at") var assignedAt: Date
    @Field(key: "due_on") var dueOn: LocalDate
    /// The scores in the order of the call's criteria, joined by commas; empty until evaluated.
    @Field(key: "scores") var scores: String
    @Field(key: "note") var note: String
    @OptionalField(key: "evaluated_at") var evaluatedAt: Date?

    init() {}

    var scoreList: [Int] {
        scores.split(separator: ",").compactMap { Int($0) }
    }

    func assignment(state: ProposalState) -> ProposalAssignment {
        ProposalAssignment(dueOn: dueOn, evaluated: evaluatedAt != nil, state: state)
    }
}

extension ProposalReview {
    convenience init(id: UUID? = nil, proposalID: UUID, reviewer: StaffNumber, assignedBy: StaffNumber, assignedAt: Date, dueOn: LocalDate,
                     scores: [Int] = [], note: String = "", evaluatedAt: Date? = nil) {
        self.init()
        self.id = id
        self.$proposal.id = proposalID
        self.reviewerStaffNumber = reviewer
        self.assignedBy = assignedBy
        self.assignedAt = assignedAt
        self.dueOn = dueOn
        self.scores = scores.map(String.init).joined(separator: ",")
        self.note = note
        self.evaluatedAt = evaluatedAt
    }
}
