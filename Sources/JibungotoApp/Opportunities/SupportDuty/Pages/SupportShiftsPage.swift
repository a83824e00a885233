import Foundation
import JibungotoDomain

/// HR's page of an event's shifts: how many have signed up for each, removing a shift nobody
/// has taken, and the form to add one while the event takes volunteers.
enum SupportShiftsPage {
    struct Content: Encodable, Sendable {
        let errors: [String]
        let note: String?
        let rows: [Row]
        let totalSeats: Int
        let form: FormModel?
        let eventHref: String
        let csrfToken: String
    }

    struct Row: Encodable, Sendable {
        let day: String
        let hours: String
        let place: String
        let headcount: Int
        let taken: Int
        let removeAction: String?
    }

    static func build(event: SupportEvent, shifts: [SupportShift], seats: [SupportAssignment], form: FormModel?, errors: [String],
                      csrfToken: String, localizer: Localizer) throws -> Content {
        let isOpen = event.isOpenForVolunteers
        let rows = try shifts.map { shift -> Row in
            let id = try shift.requireID()
            let taken = seats.filter { $0.shiftID == id }.count
            return Row(day: localizer.date(shift.date), hours: SupportDutyText.hours(shift.time, localizer), place: shift.place,
                       headcount: shift.headcount, taken: taken,
                       removeAction: isOpen && taken == 0 ? SupportDutyRoute.removeShift(.id(id)).path : nil)
        }
        return Content(
            errors: errors, note: isOpen ? nil : localizer.t("support.shiftsClosed"), rows: rows, totalSeats: shifts.reduce(0) { $0 + $1.headcount },
            form: form, eventHref: SupportDutyRoute.event(.id(try event.requireID())).path, csrfToken: csrfToken)
    }
}
