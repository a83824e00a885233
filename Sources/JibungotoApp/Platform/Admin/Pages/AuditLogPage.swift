import JibungotoDomain
import Foundation

/// The audit log page: one row per recorded event, newest first, under the filter form. Events
/// are stored with stable English keys (for the CSV and for searching); this page words them:
/// the operator by name, the action and the kind of record in the reader's language, and the
/// detail's `key=value` pairs with their labels.
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
    /// when a filter is set or refused; `actorNames` the names of the operators by staff number.
    static func build(
        events: [AuditEvent], actorNames: [String: String], form: FormModel, filtersActive: Bool, pagination: Pagination,
        exportHref: String, localizer: Localizer
    ) -> Content {
        Content(
            form: form,
            filtersActive: filtersActive,
            rows: events.map { row($0, actorNames: actorNames, localizer: localizer) },
            pagination: pagination,
            exportHref: exportHref
        )
    }

    private static func row(_ event: AuditEvent, actorNames: [String: String], localizer: Localizer) -> Row {
        let actor: String
        if let number = event.actorStaffNumber {
            actor = actorNames[number].map { localizer.t("audit.actorNamed", $0, number) } ?? number
        } else {
            actor = localizer.t("audit.actorSystem")
        }
        return Row(
            occurredAt: localizer.timestamp(event.occurredAt),
            actor: actor,
            action: AuditAction(rawValue: event.action).map { localizer.t($0.messageKey) } ?? event.action,
            subject: [subjectTypeName(event.subjectType, localizer: localizer), event.subjectID].compactMap { $0 }.joined(separator: " "),
            detail: readableDetail(event.detail, localizer: localizer),
            address: event.address,
            requestID: event.requestID
        )
    }

    static let subjectPrefix = "audit.subject."

    /// The kind of record in words (`account` → アカウント); the key itself when the catalog lacks it.
    static func subjectTypeName(_ subjectType: String, localizer: Localizer) -> String {
        message(subjectPrefix + subjectType, localizer: localizer) ?? subjectType
    }

    /// Every kind of record the catalog words, for the filter's choices.
    static func knownSubjectTypes(localizer: Localizer) -> [String] {
        (localizer.catalogs.messages[localizer.language] ?? [:]).keys
            .filter { $0.hasPrefix(subjectPrefix) }
            .map { String($0.dropFirst(subjectPrefix.count)) }
            .sorted()
    }

    /// The detail with each `key=value` pair the catalog knows as「label：value」(values worded
    /// too: roles, yes/no, dates, fiscal years), empty values left out, known single words
    /// translated and anything else as recorded.
    static func readableDetail(_ detail: String, localizer: Localizer) -> String {
        let parts: [String] = detail.split(separator: " ").compactMap { part in
            let token = String(part)
            if let date = LocalDate(iso: token) { return localizer.date(date) }
            guard let equals = token.firstIndex(of: "=") else {
                return message("audit.detail.\(token)", localizer: localizer) ?? token
            }
            let key = String(token[..<equals]), value = String(token[token.index(after: equals)...])
            guard let label = message("audit.detail.\(key)", localizer: localizer) else { return token }
            guard !value.isEmpty else { return nil }
            return localizer.t("audit.detail.pair", label, readableValue(key: key, value: value, localizer: localizer))
        }
        return parts.joined(separator: localizer.t("audit.detail.separator"))
    }

    private static func readableValue(key: String, value: String, localizer: Localizer) -> String {
        switch key {
        case "roles":
            return value.split(separator: ",").map { name in
                Role(rawValue: String(name)).map { localizer.t($0.messageKey) } ?? String(name)
            }.joined(separator: "、")
        case "fy":
            return Int(value).map { localizer.fiscalYear($0) } ?? value
        default:
            if let date = LocalDate(iso: value) { return localizer.date(date) }
            return message("audit.value.\(key).\(value)", localizer: localizer) ?? value
        }
    }

    private static func message(_ key: String, localizer: Localizer) -> String? {
        localizer.catalogs.messages[localizer.language]?[key]
    }
}
