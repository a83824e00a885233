import Fluent
import Foundation
import JibungotoDomain

/// One person's seat on one shift: volunteered, or allocated by HR for the person's unit.
final class SupportAssignment: Model, @unchecked Sendable {
    static let schema = "support_assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "shift_id") var shiftID: UUID
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "staff_number") var staffNumber: StaffNumber
    /// The unit the seat counts for (the 課 or センター of the holder when it was taken).
    @OptionalField(key: "unit_code") var unitCode: SectionCode?
    /// `.volunteered` or `.allocated`.
    @Field(key: "route") var route: ParticipationRoute
    /// For an allocated seat: the holder's support-duty hours by which they were chosen.
    @OptionalField(key: "duty_hours") var dutyHours: Double?
    @Field(key: "assigned_at") var assignedAt: Date

    init() {}
}

extension SupportAssignment {
    /// A seat in one line.
    convenience init(
        id: UUID? = nil, shiftID: UUID, eventID: UUID, staffNumber: StaffNumber, unitCode: SectionCode?,
        route: ParticipationRoute, dutyHours: Double? = nil, assignedAt: Date
    ) {
        self.init()
        self.id = id
        self.shiftID = shiftID
        self.eventID = eventID
        self.staffNumber = staffNumber
        self.unitCode = unitCode
        self.route = route
        self.dutyHours = dutyHours
        self.assignedAt = assignedAt
    }
}
