import Fluent
import Foundation
import JibungotoDomain

/// One staff member's application to a side job: the motivation, the manager's decision (a
/// refusal with its reason), the host's selection and, after the period, the member's own report.
final class SideJobApplication: Model, @unchecked Sendable {
    static let schema = "side_job_applications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "side_job_id") var sideJob: SideJob
    @Field(key: "staff_number") var staffNumber: StaffNumber
    /// The applicant's section when they applied (their manager is found from where they work at the decision).
    @OptionalField(key: "section_code") var sectionCode: SectionCode?
    @Field(key: "motivation") var motivation: String
    @Field(key: "applied_at") var appliedAt: Date
    @Field(key: "status") var status: SideJobApplicationStatus
    @OptionalField(key: "decided_by") var decidedBy: StaffNumber?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "refusal_reason") var refusalReason: String?
    @OptionalField(key: "selected_at") var selectedAt: Date?
    /// What the member learnt, written after the period.
    @OptionalField(key: "member_report") var memberReport: String?
    @OptionalField(key: "member_report_at") var memberReportAt: Date?

    init() {}
}

extension SideJobApplication {
    /// An application in one line, awaiting the manager unless told.
    convenience init(
        id: UUID? = nil, sideJobID: UUID, staffNumber: StaffNumber, sectionCode: SectionCode?, motivation: String, appliedAt: Date,
        status: SideJobApplicationStatus = .awaitingManager, decidedBy: StaffNumber? = nil, decidedAt: Date? = nil,
        refusalReason: String? = nil, selectedAt: Date? = nil, memberReport: String? = nil, memberReportAt: Date? = nil
    ) {
        self.init()
        self.id = id
        self.$sideJob.id = sideJobID
        self.staffNumber = staffNumber
        self.sectionCode = sectionCode
        self.motivation = motivation
        self.appliedAt = appliedAt
        self.status = status
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.refusalReason = refusalReason
        self.selectedAt = selectedAt
        self.memberReport = memberReport
        self.memberReportAt = memberReportAt
    }
}
