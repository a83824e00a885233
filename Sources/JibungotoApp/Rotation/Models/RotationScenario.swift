import Fluent
import Foundation
import JibungotoDomain

/// A transfer scenario (異動案) for one transfer date: its rules, movers, pins and capacity
/// edits are the input; the last solution and the one before it are kept for the diff.
final class RotationScenario: Model, @unchecked Sendable {
    static let schema = "rotation_scenarios"

    enum Status: String, Codable, Sendable {
        case draft, approved
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// ISO date, e.g. 2027-04-01.
    @Field(key: "transfer_date") var transferDate: LocalDate
    /// ``RotationRuleSettings`` as JSON, copied from the settings at creation and editable per scenario.
    @Field(key: "rules") var rules: String
    @Field(key: "status") var status: Status
    /// Raised by every change of the input, so a stored solution can tell whether it is current.
    @Field(key: "revision") var revision: Int
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The revision the stored solution was computed for.
    @OptionalField(key: "solved_revision") var solvedRevision: Int?
    @OptionalField(key: "solved_at") var solvedAt: Date?
    /// ``StoredSolution`` as JSON.
    @OptionalField(key: "solution") var solution: String?
    @OptionalField(key: "previous_solution") var previousSolution: String?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @OptionalField(key: "approved_by") var approvedBy: String?
    /// ``ApprovalWrites`` as JSON: what the approval wrote, so that it can be withdrawn.
    @OptionalField(key: "approval_writes") var approvalWrites: String?

    init() {}

    var isApproved: Bool { status == .approved }
}

extension RotationScenario {
    /// A scenario in one line: an unsolved draft at its first revision unless told.
    convenience init(
        id: UUID? = nil, name: String, transferDate: LocalDate, rules: String, status: Status = .draft,
        revision: Int = 1, createdBy: String = ""
    ) {
        self.init()
        self.id = id
        self.name = name
        self.transferDate = transferDate
        self.rules = rules
        self.status = status
        self.revision = revision
        self.createdBy = createdBy
    }
}
