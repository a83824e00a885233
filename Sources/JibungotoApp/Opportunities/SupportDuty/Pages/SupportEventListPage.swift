import Foundation
import JibungotoDomain

/// The support-duty events, newest first, each with its days, seats and whether the reader is on it.
enum SupportEventListPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let rows: [Row]
        let newHref: String?
    }

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let kind: String
        let period: String
        let seats: String
        let status: String
        let isMine: Bool
    }

    /// `shifts` and `taken` are by event; `mine` the events where the reader holds a shift.
    static func build(events: [SupportEvent], shifts: [UUID: [SupportShift]], taken: [UUID: Int], mine: Set<UUID>,
                      canManage: Bool, localizer: Localizer) throws -> Content {
        let rows = try events.map { event -> (first: LocalDate?, row: Row) in
            let id = try event.requireID()
            let eventShifts = shifts[id] ?? []
            let seats = eventShifts.reduce(0) { $0 + $1.headcount }
            return (eventShifts.map(\.date).min(), Row(
                title: event.title, href: SupportDutyRoute.event(.id(id)).path, kind: SupportDutyText.kind(event.kind, localizer),
                period: SupportDutyText.period(eventShifts, localizer),
                seats: localizer.t("support.seatsTaken", String(taken[id] ?? 0), String(seats)),
                status: SupportDutyText.status(event.status, localizer), isMine: mine.contains(id)))
        }
        // Newest first by the first shift's day; an event still without shifts at the top.
        let ordered = rows.sorted { ($0.first ?? .latest, $0.row.title) > ($1.first ?? .latest, $1.row.title) }
        return Content(intro: localizer.t("support.intro"), rows: ordered.map(\.row),
                       newHref: canManage ? SupportDutyRoute.newEvent.path : nil)
    }
}
