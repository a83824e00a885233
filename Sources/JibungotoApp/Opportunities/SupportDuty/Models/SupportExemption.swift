import Fluent
import Foundation
import JibungotoDomain

/// One person HR left out of one event's allocation, with the reason (on leave and the like).
final class SupportExemption: Model, @unchecked Sendable {
    static let schema = "support_exemptions"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "reason") var reason: SupportExemptionReason
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: StaffNumber
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

extension SupportExemption {
    /// An exemption in one line; no note unless told.
    convenience init(
        id: UUID? = nil, eventID: UUID, staffNumber: StaffNumber, reason: SupportExemptionReason, note: String = "",
        recordedBy: StaffNumber, recordedAt: Date
    ) {
        self.init()
        self.id = id
        self.eventID = eventID
        self.staffNumber = staffNumber
        self.reason = reason
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
