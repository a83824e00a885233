import Fluent
import JibungotoDomain
import Vapor

/// The administrator reads, filters and exports the audit log.
struct AuditLogRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, AdminRoute.auditLog, requires: .permission(.readAuditLog), shows: .viewed(subject: "audit_log"), use: list)
        routes.on(.GET, AdminRoute.auditLogExport, requires: .permission(.readAuditLog), shows: .exported(subject: "audit_log"), use: export)
    }

    /// The filters of the audit log page, from its query string.
    struct Filter: Sendable {
        var actor = ""
        var action = ""
        var subjectType = ""
        var subjectID = ""
        var from: LocalDate?
        var to: LocalDate?
        var fromText = ""
        var toText = ""

        init(request: Request, validation: inout FormValidation) {
            func value(_ name: String) -> String {
                ((try? request.query.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespaces)
            }
            actor = StaffNumber.normalise(value("actor"))
            action = value("action")
            subjectType = value("subject_type")
            subjectID = value("subject_id")
            fromText = value("from")
            toText = value("to")
            if !action.isEmpty && AuditAction(rawValue: action) == nil {
                validation.fail("action", "form.invalidChoice", request.t("audit.action"))
                action = ""
            }
            from = validation.date("from", fromText, labelKey: "audit.from", required: false)
            to = validation.date("to", toText, labelKey: "audit.to", required: false)
        }

        var queryItems: [(String, String)] {
            [("actor", actor), ("action", action), ("subject_type", subjectType), ("subject_id", subjectID), ("from", fromText), ("to", toText)]
        }

        func apply(to query: QueryBuilder<AuditEvent>) -> QueryBuilder<AuditEvent> {
            if !actor.isEmpty { query.filter(\.$actorStaffNumber == actor) }
            if !action.isEmpty { query.filter(\.$action == action) }
            if !subjectType.isEmpty { query.filter(\.$subjectType == subjectType) }
            if !subjectID.isEmpty { query.filter(\.$subjectID == subjectID) }
            if let from { query.filter(\.$occurredAt >= from.startOfDay(in: .japan)) }
            if let to { query.filter(\.$occurredAt < to.adding(days: 1).startOfDay(in: .japan)) }
            return query
        }

        /// The filter form with the values as typed and the refusals beside them.
        func form(request: Request, validation: FormValidation) -> FormModel {
            var form = FormModel(request: request, action: AdminRoute.auditLog.path, method: .GET, submitLabelKey: "audit.filter", fields: [
                FormField(request: request, name: "actor", labelKey: "audit.actor", value: actor, maxLength: LoginRoutes.staffNumberMaxLength),
                FormField(request: request, name: "action", labelKey: "audit.action", kind: .select, value: action,
                          options: [FormOption(value: "", label: request.t("audit.anyAction"), isSelected: action.isEmpty, fieldName: "action")]
                            + AuditAction.allCases.map { FormOption(value: $0.rawValue, label: request.t($0.messageKey), isSelected: $0.rawValue == action, fieldName: "action") }),
                FormField(request: request, name: "subject_type", labelKey: "audit.subjectType", kind: .select, value: subjectType,
                          options: [FormOption(value: "", label: request.t("audit.anySubject"), isSelected: subjectType.isEmpty, fieldName: "subject_type")]
                            + subjectTypeChoices(request: request)),
                FormField(request: request, name: "subject_id", labelKey: "audit.subjectID", value: subjectID, maxLength: 64),
                FormField(request: request, name: "from", labelKey: "audit.from", value: fromText, hintKey: "audit.dateHint", maxLength: 20),
                FormField(request: request, name: "to", labelKey: "audit.to", value: toText, hintKey: "audit.dateHint", maxLength: 20),
            ])
            form.apply(validation, request: request)
            return form
        }

        /// The kinds of record the catalog words, by their words; a kind asked for in the
        /// address that the catalog lacks stays selectable, so the filter shows what it applies.
        private func subjectTypeChoices(request: Request) -> [FormOption] {
            let localizer = request.localizer
            var types = AuditLogPage.knownSubjectTypes(localizer: localizer)
            if !subjectType.isEmpty && !types.contains(subjectType) { types.append(subjectType) }
            return types
                .map { (value: $0, label: AuditLogPage.subjectTypeName($0, localizer: localizer)) }
                .sorted { $0.label < $1.label }
                .map { FormOption(value: $0.value, label: $0.label, isSelected: $0.value == subjectType, fieldName: "subject_type") }
        }
    }

    /// Operators' names by staff number: the staff master's, else the account's (an account
    /// outside the master, such as the first administrator).
    private func actorNames(of events: [AuditEvent], on database: any Database) async throws -> [String: String] {
        let numbers = Array(Set(events.compactMap(\.actorStaffNumber))).map { StaffNumber($0) }
        guard !numbers.isEmpty else { return [:] }
        var names: [String: String] = [:]
        for user in try await User.query(on: database).filter(\.$staffNumber ~~ numbers).all() {
            names[user.staffNumber.rawValue] = user.displayName
        }
        for member in try await StaffMember.query(on: database).filter(\.$staffNumber ~~ numbers).all() {
            names[member.staffNumber.rawValue] = member.name
        }
        return names
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        var validation = FormValidation(request: request)
        let filter = Filter(request: request, validation: &validation)
        let page = Pagination.requestedPage(request)
        let total = try await filter.apply(to: AuditEvent.query(on: request.db)).count()
        let events = try await filter.apply(to: AuditEvent.query(on: request.db))
            .sort(\.$occurredAt, .descending)
            .range(((page - 1) * Pagination.perPage)..<(page * Pagination.perPage)).all()
        let names = try await actorNames(of: events, on: request.db)
        try await request.audit(.view, subjectType: "audit_log", detail: "page=\(page)")
        return try await request.renderPage(
            "platform/admin-audit",
            title: "audit.title",
            breadcrumbs: [Breadcrumb(label: request.t("audit.title"), href: nil)],
            content: AuditLogPage.build(
                events: events,
                actorNames: names,
                form: filter.form(request: request, validation: validation),
                filtersActive: !validation.isValid || filter.queryItems.contains { !$0.1.isEmpty },
                pagination: Pagination(request: request, route: AdminRoute.auditLog, filters: filter.queryItems, page: page, total: total),
                exportHref: AdminRoute.auditLogExport.path(query: filter.queryItems),
                localizer: request.localizer
            ),
            status: validation.isValid ? .ok : .unprocessableEntity
        )
    }

    @Sendable func export(_ request: Request) async throws -> Response {
        var validation = FormValidation(request: request)
        let filter = Filter(request: request, validation: &validation)
        guard validation.isValid else { throw Abort(.badRequest, reason: validation.errors.values.joined(separator: " ")) }
        let events = try await filter.apply(to: AuditEvent.query(on: request.db)).sort(\.$occurredAt, .descending).all()
        try await request.audit(.export, subjectType: "audit_log", detail: "rows=\(events.count)")
        let header = ["occurred_at", "actor_staff_number", "action", "subject_type", "subject_id", "detail", "address", "request_id"]
        let rows = events.map { event in
            [ISO8601DateFormatter().string(from: event.occurredAt), event.actorStaffNumber ?? "", event.action,
             event.subjectType, event.subjectID ?? "", event.detail, event.address, event.requestID]
        }
        return try CSVResponse.make(filename: "audit-log.csv", header: header, rows: rows, request: request)
    }
}
