import Fluent
import Foundation
import JibungotoDomain

/// 所属長所見: the manager's comment on a submitted self-report. Read by HR and managers; by the
/// staff member only where the municipality shows it (`AppSettings.managerCommentVisibleToStaff`).
final class SelfReportManagerComment: Model, @unchecked Sendable {
    static let schema = "self_report_manager_comments"

    @ID(key: .id) var id: UUID?
    @Field(key: "report_id") var reportID: UUID
    @Field(key: "comment") var comment: String
    @Field(key: "written_by") var writtenBy: StaffNumber
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

extension SelfReportManagerComment {
    convenience init(reportID: UUID, comment: String, writtenBy: StaffNumber) {
        self.init()
        self.reportID = reportID
        self.comment = comment
        self.writtenBy = writtenBy
    }
}
