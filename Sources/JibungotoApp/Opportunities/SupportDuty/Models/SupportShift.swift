import Fluent
import Foundation
import JibungotoDomain

/// One shift of a support event: a day, its hours, a place and how many people it needs.
final class SupportShift: Model, @unchecked Sendable {
    static let schema = "support_shifts"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "shift_date") var date: LocalDate
    /// Minutes from midnight.
    @Field(key: "start_minute") var startMinute: Int
    @Field(key: "end_minute") var endMinute: Int
    @Field(key: "place") var place: String
    @Field(key: "headcount") var headcount: Int

    init() {}

    var time: SupportShiftTime { SupportShiftTime(date: date, clampingStart: startMinute, end: endMinute) }

    /// The shift's identity in the participation ledger and in the domain's rules.
    var activityID: String { id?.uuidString.lowercased() ?? "" }

    /// Shifts in roster order: by day and hours, then place.
    static func inOrder(_ shifts: [SupportShift]) -> [SupportShift] {
        shifts.sorted { ($0.time, $0.place, $0.activityID) < ($1.time, $1.place, $1.activityID) }
    }
}

extension SupportShift {
    /// A shift in one line.
    convenience init(id: UUID? = nil, eventID: UUID, time: SupportShiftTime, place: String, headcount: Int) {
        self.init()
        self.id = id
        self.eventID = eventID
        self.date = time.date
        self.startMinute = time.start
        self.endMinute = time.end
        self.place = place
        self.headcount = headcount
    }
}
