import Fluent
import Foundation
import JibungotoDomain

/// A proposed swap of one seat for another (`counterpartAssignmentID`), or a handover of one
/// seat to a colleague (no counterpart seat), with the agreement and approvals it has so far.
final class SupportSwapProposal: Model, @unchecked Sendable {
    static let schema = "support_swaps"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "proposer") var proposer: StaffNumber
    @Field(key: "proposer_assignment_id") var proposerAssignmentID: UUID
    /// The shifts as they were when proposed: the description stays true after the swap, and a
    /// seat moved by another swap in the meantime is noticed.
    @Field(key: "proposer_shift_id") var proposerShiftID: UUID
    @Field(key: "counterpart") var counterpart: StaffNumber
    /// Nil for a handover.
    @OptionalField(key: "counterpart_assignment_id") var counterpartAssignmentID: UUID?
    @OptionalField(key: "counterpart_shift_id") var counterpartShiftID: UUID?
    @Field(key: "status") var status: SupportSwapStatus
    @OptionalField(key: "counterpart_agreed_at") var counterpartAgreedAt: Date?
    @OptionalField(key: "proposer_side_approved_by") var proposerSideApprovedBy: StaffNumber?
    @OptionalField(key: "counterpart_side_approved_by") var counterpartSideApprovedBy: StaffNumber?
    /// Who approved last (the swap was then made) or refused, and when.
    @OptionalField(key: "closed_by") var closedBy: StaffNumber?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "proposed_at") var proposedAt: Date

    init() {}

    var isHandover: Bool { counterpartAssignmentID == nil }

    /// The colleague has agreed and a manager has approved each side.
    var isFullyApproved: Bool {
        counterpartAgreedAt != nil && proposerSideApprovedBy != nil && counterpartSideApprovedBy != nil
    }
}

extension SupportSwapProposal {
    /// A swap in one line, proposed with nothing agreed or approved unless told.
    convenience init(
        id: UUID? = nil, eventID: UUID, proposer: StaffNumber, proposerAssignmentID: UUID, proposerShiftID: UUID, counterpart: StaffNumber,
        counterpartAssignmentID: UUID?, counterpartShiftID: UUID?, status: SupportSwapStatus = .proposed, counterpartAgreedAt: Date? = nil,
        proposerSideApprovedBy: StaffNumber? = nil, counterpartSideApprovedBy: StaffNumber? = nil,
        closedBy: StaffNumber? = nil, closedAt: Date? = nil, proposedAt: Date
    ) {
        self.init()
        self.id = id
        self.eventID = eventID
        self.proposer = proposer
        self.proposerAssignmentID = proposerAssignmentID
        self.proposerShiftID = proposerShiftID
        self.counterpart = counterpart
        self.counterpartAssignmentID = counterpartAssignmentID
        self.counterpartShiftID = counterpartShiftID
        self.status = status
        self.counterpartAgreedAt = counterpartAgreedAt
        self.proposerSideApprovedBy = proposerSideApprovedBy
        self.counterpartSideApprovedBy = counterpartSideApprovedBy
        self.closedBy = closedBy
        self.closedAt = closedAt
        self.proposedAt = proposedAt
    }
}
