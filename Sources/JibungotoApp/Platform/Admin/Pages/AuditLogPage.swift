import JibungotoDomain
import Foundation

/// The audit log page: one row per recorded event, newest first, under the filter form.
enum AuditLogPage {
    struct Content: Encodable, Sendable {
        let form: FormModel
        let filtersActive: Bool
        let rows: [Row]
        let pagination: Pagination
        let exportHref: String
    }

    struct Row: Encodable, Sendable {
        let occurredAt: String
        let actor: String
        let action: String
        let subject: String
        let detail: String
        let address: String
        let requestID: String
    }

    /// `form` is the filter form as the handler built and validated it; `filtersActive` opens it
    /// when a filter is set or refused.
    static func build(
        events: [AuditEvent], form: FormModel, filtersActive: Bool, pagination: Pagination, exportHref: String, localizer: Localizer
    ) -> Content {
        Content(
            form: form,
            filtersActive: filtersActive,
            rows: events.map { row($0, localizer: localizer) },
            pagination: pagination,
            exportHref: exportHref
        )
    }

    private static func row(_ event: AuditEvent, localizer: Localizer) -> Row {
        Row(
            occurredAt: localizer.timestamp(event.occurredAt),
            actor: event.actorStaffNumber ?? "-",
            action: AuditAction(rawValue: event.action).map { localizer.t($0.messageKey) } ?? event.action,
            subject: [event.subjectType, event.subjectID].compactMap { $0 }.joined(separator: " "),
            detail: event.detail,
            address: event.address,
            requestID: event.requestID
        )
    }
}
