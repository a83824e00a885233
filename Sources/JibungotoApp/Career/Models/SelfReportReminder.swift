import Fluent
import Foundation
import JibungotoDomain

/// One reminder (督促) to submit a round's self-report, sent to one staff member: who sent it and
/// when. A sending writes one row per recipient, all with the same time, so the record says who
/// was reminded, by whom and when.
final class SelfReportReminder: Model, @unchecked Sendable {
    static let schema = "self_report_reminders"

    @ID(key: .id) var id: UUID?
    @Field(key: "cycle_id") var cycleID: UUID
    /// The staff member reminded.
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "sent_by") var sentBy: StaffNumber
    @Field(key: "sent_at") var sentAt: Date

    init() {}
}

extension SelfReportReminder {
    /// A reminder in one line.
    convenience init(id: UUID? = nil, cycleID: UUID, staffNumber: StaffNumber, sentBy: StaffNumber, sentAt: Date) {
        self.init()
        self.id = id
        self.cycleID = cycleID
        self.staffNumber = staffNumber
        self.sentBy = sentBy
        self.sentAt = sentAt
    }
}
