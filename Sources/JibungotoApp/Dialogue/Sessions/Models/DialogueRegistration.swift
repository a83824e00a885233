import Fluent
import Foundation
import JibungotoDomain

/// A person on a session's list: a seat, a place on the waiting list (by queue number) or a
/// cancellation; whether the organizer invited them; when a freed seat moved them up; attendance.
final class DialogueRegistration: Model, @unchecked Sendable {
    static let schema = "dialogue_registrations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "session_id") var session: DialogueSession
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "status") var status: DialogueSeatStatus
    /// The order in which registrations were accepted, given under the session's lock.
    @Field(key: "queue_number") var queueNumber: Int
    @Field(key: "is_invited") var isInvited: Bool
    @Field(key: "registered_at") var registeredAt: Date
    /// When a cancellation gave them a seat from the waiting list (their home page tells them).
    @OptionalField(key: "promoted_at") var promotedAt: Date?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @Field(key: "attended") var attended: Bool
    @OptionalField(key: "attendance_recorded_by") var attendanceRecordedBy: StaffNumber?
    @OptionalField(key: "attendance_recorded_at") var attendanceRecordedAt: Date?

    init() {}

    var entry: DialogueWaitingList.Entry {
        DialogueWaitingList.Entry(id: id?.uuidString.lowercased() ?? "", status: status, queueNumber: queueNumber)
    }

    /// How the person came, as the participation ledger records it.
    var route: ParticipationRoute { isInvited ? .nominated : .volunteered }
}

extension DialogueRegistration {
    convenience init(
        id: UUID? = nil, sessionID: UUID, staffNumber: StaffNumber, status: DialogueSeatStatus, queueNumber: Int, isInvited: Bool = false,
        registeredAt: Date, promotedAt: Date? = nil, attended: Bool = false, attendanceRecordedBy: StaffNumber? = nil, attendanceRecordedAt: Date? = nil
    ) {
        self.init()
        self.id = id
        self.$session.id = sessionID
        self.staffNumber = staffNumber
        self.status = status
        self.queueNumber = queueNumber
        self.isInvited = isInvited
        self.registeredAt = registeredAt
        self.promotedAt = promotedAt
        self.cancelledAt = nil
        self.attended = attended
        self.attendanceRecordedBy = attendanceRecordedBy
        self.attendanceRecordedAt = attendanceRecordedAt
    }
}
