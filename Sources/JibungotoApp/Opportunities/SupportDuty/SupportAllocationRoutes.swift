import Fluent
import JibungotoDomain
import Vapor

/// HR's exemptions per event, the allocation (previewed, then made in one transaction) and the
/// published roster with each unit's quota and its arithmetic.
struct SupportAllocationRoutes {
    static let noteMaxLength = 200

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SupportDutyRoute.exemptions(.pattern), requires: .permission(.manageOpportunities), shows: .viewed(subject: "support_exemptions"), use: showExemptions)
        routes.on(.POST, SupportDutyRoute.exemptions(.pattern), requires: .permission(.manageOpportunities), shows: .nothing, use: addExemption)
        routes.on(.POST, SupportDutyRoute.removeExemption(.pattern, staff: .pattern), requires: .permission(.manageOpportunities), shows: .nothing, use: removeExemption)
        routes.on(.GET, SupportDutyRoute.allocation(.pattern), requires: .permission(.manageOpportunities), shows: .viewed(subject: "support_allocation"), use: preview)
        routes.on(.POST, SupportDutyRoute.allocation(.pattern), requires: .permission(.manageOpportunities), shows: .nothing, use: allocate)
        routes.on(.GET, SupportDutyRoute.roster(.pattern), requires: .permission(.takePartInOpportunities), shows: .viewed(subject: "support_roster"), use: roster)
    }

    // MARK: - Exemptions

    struct ExemptionForm: Content {
        var staff_number: String?
        var reason: String?
        var note: String?
    }

    @Sendable func showExemptions(_ request: Request) async throws -> Response {
        try await exemptionsPage(request, event: try await SupportDutyStore.event(request), input: ExemptionForm(), validation: FormValidation(request: request))
    }

    @Sendable func addExemption(_ request: Request) async throws -> Response {
        let event = try await SupportDutyStore.event(request)
        let eventID = try event.requireID()
        guard event.isOpenForVolunteers else {
            return try await exemptionsPage(request, event: event, input: ExemptionForm(), validation: FormValidation(request: request),
                                            errors: [request.t("support.exemptionsClosed")], status: .conflict)
        }
        let input = try request.content.decode(ExemptionForm.self)
        var validation = FormValidation(request: request)
        let number = validation.text("staff_number", input.staff_number, labelKey: "support.field.staffNumber", maxLength: 20)
        var member: StaffMember?
        if !number.isEmpty {
            member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == StaffNumber(number)).first()
            if member == nil {
                validation.fail("staff_number", "support.unknownStaff", request.t("support.field.staffNumber"), number)
            } else if try await SupportExemption.query(on: request.db).filter(\.$eventID == eventID).filter(\.$staffNumber == StaffNumber(number)).count() > 0 {
                validation.fail("staff_number", "support.exemptionExists", member?.name ?? number)
            }
        }
        let reason = SupportExemptionReason(rawValue: input.reason ?? "")
        if reason == nil { validation.fail("reason", "form.invalidChoice", request.t("support.field.reason")) }
        let note = validation.text("note", input.note, labelKey: "support.field.note", required: reason == .other, maxLength: Self.noteMaxLength)
        guard validation.isValid, let member, let reason else {
            return try await exemptionsPage(request, event: event, input: input, validation: validation)
        }
        try await request.db.writeTransaction { database in
            try await SupportExemption(eventID: eventID, staffNumber: member.staffNumber, reason: reason, note: note,
                                       recordedBy: try request.requireUser().staffNumber, recordedAt: request.now).create(on: database)
            try await request.audit(.update, subjectType: "support_event", subjectID: eventID.uuidString.lowercased(),
                                    detail: "exemption \(member.staffNumber.rawValue) \(reason.rawValue)", on: database)
        }
        request.flash(.success, request.t("support.exemptionAdded", member.name))
        return request.redirect(to: SupportDutyRoute.exemptions(.id(eventID)).path)
    }

    @Sendable func removeExemption(_ request: Request) async throws -> Response {
        let event = try await SupportDutyStore.event(request)
        let eventID = try event.requireID()
        guard let number = request.parameters.get("staffNumber"),
              let exemption = try await SupportExemption.query(on: request.db).filter(\.$eventID == eventID).filter(\.$staffNumber == StaffNumber(number)).first()
        else { throw Abort(.notFound) }
        guard event.isOpenForVolunteers else {
            return try await exemptionsPage(request, event: event, input: ExemptionForm(), validation: FormValidation(request: request),
                                            errors: [request.t("support.exemptionsClosed")], status: .conflict)
        }
        try await request.db.writeTransaction { database in
            try await exemption.delete(on: database)
            try await request.audit(.update, subjectType: "support_event", subjectID: eventID.uuidString.lowercased(),
                                    detail: "exemption removed \(number)", on: database)
        }
        request.flash(.success, request.t("support.exemptionRemoved", number))
        return request.redirect(to: SupportDutyRoute.exemptions(.id(eventID)).path)
    }

    private func exemptionsPage(_ request: Request, event: SupportEvent, input: ExemptionForm, validation: FormValidation,
                                errors: [String] = [], status: HTTPResponseStatus? = nil) async throws -> Response {
        let eventID = try event.requireID()
        let exemptions = try await SupportExemption.query(on: request.db).filter(\.$eventID == eventID).sort(\.$staffNumber).all()
        let staff = try await SupportDutyStore.staff(exemptions.map(\.staffNumber), on: request.db)
        let settings = try await OpportunitySettings.load(on: request.db)
        var form: FormModel?
        if event.isOpenForVolunteers {
            var model = FormModel(request: request, action: SupportDutyRoute.exemptions(.id(eventID)).path, submitLabelKey: "support.addExemption", fields: [
                FormField(request: request, name: "staff_number", labelKey: "support.field.staffNumber", value: input.staff_number ?? "", isRequired: true, maxLength: 20),
                FormField(request: request, name: "reason", labelKey: "support.field.reason", kind: .select,
                          options: SupportExemptionReason.allCases.map {
                              FormOption(value: $0.rawValue, label: SupportDutyText.exemptionReason($0, request.localizer), isSelected: input.reason == $0.rawValue,
                                         fieldName: "reason")
                          }, isRequired: true),
                FormField(request: request, name: "note", labelKey: "support.field.note", value: input.note ?? "", hintKey: "support.field.note.hint",
                          maxLength: Self.noteMaxLength),
            ])
            model.apply(validation, request: request)
            form = model
        }
        let tree = try await request.currentOrganization()
        let content = try SupportExemptionsPage.build(
            event: event, exemptions: exemptions, staff: staff,
            sectionNames: SupportEventRoutes.sectionNames(of: Array(staff.values), tree: tree, request: request),
            exemptTypes: settings.supportExemptEmploymentTypes, form: form, errors: errors, csrfToken: request.csrfToken, localizer: request.localizer)
        return try await request.renderPage("opportunities/support-exemptions", title: "support.exemptionsTitle", titleArguments: [event.title],
                                            breadcrumbs: SupportEventRoutes.breadcrumbs(request, event: event, last: request.t("support.exemptions")),
                                            content: content, status: status ?? (validation.isValid ? .ok : .unprocessableEntity))
    }

    // MARK: - The allocation

    @Sendable func preview(_ request: Request) async throws -> Response {
        let event = try await SupportDutyStore.event(request)
        let eventID = try event.requireID()
        let tree = try await request.currentOrganization()
        let summary: SupportAllocationSummary?, shifts: [SupportShift], seats: [SupportAssignment]
        if event.isOpenForVolunteers {
            let prepared = try await SupportDutyStore.prepareAllocation(of: event, tree: tree, today: request.today, on: request.db)
            summary = SupportDutyStore.summary(of: prepared, tree: tree)
            shifts = prepared.shifts
            seats = prepared.seats + SupportDutyStore.allocatedSeats(of: prepared, eventID: eventID, at: request.now)
        } else {
            summary = event.summary
            shifts = try await SupportDutyStore.shifts(of: eventID, on: request.db)
            seats = try await SupportDutyStore.seats(of: eventID, on: request.db)
        }
        return try await rosterPage(request, event: event, mode: .preview, summary: summary, shifts: shifts, seats: seats,
                                    title: "support.allocationTitle", last: request.t("support.allocation"))
    }

    @Sendable func allocate(_ request: Request) async throws -> Response {
        let event = try await SupportDutyStore.event(request)
        let eventID = try event.requireID()
        guard try await SupportShift.query(on: request.db).filter(\.$eventID == eventID).count() > 0 else {
            request.flash(.error, request.t("support.noShiftsToAllocate"))
            return request.redirect(to: SupportDutyRoute.shifts(.id(eventID)).path)
        }
        let user = try request.requireUser()
        guard let plan = try await SupportDutyStore.allocate(event, by: user.staffNumber, at: request.now, tree: try await request.currentOrganization(),
                                                             today: request.today, on: request.db)
        else {
            request.flash(.error, request.t("support.alreadyAllocated"))
            return request.redirect(to: SupportDutyRoute.roster(.id(eventID)).path)
        }
        try await request.audit(.update, subjectType: "support_event", subjectID: eventID.uuidString.lowercased(),
                                detail: "allocated \(plan.placements.count) of \(plan.seatsToAllocate) seats")
        request.flash(.success, request.t("support.allocated", count: plan.placements.count, String(plan.placements.count)))
        return request.redirect(to: SupportDutyRoute.roster(.id(eventID)).path)
    }

    // MARK: - The roster

    @Sendable func roster(_ request: Request) async throws -> Response {
        let event = try await SupportDutyStore.event(request)
        let eventID = try event.requireID()
        // Volunteers are not named before the roster is published.
        var seats: [SupportAssignment] = []
        if !event.isOpenForVolunteers { seats = try await SupportDutyStore.seats(of: eventID, on: request.db) }
        return try await rosterPage(request, event: event, mode: .roster, summary: event.summary,
                                    shifts: try await SupportDutyStore.shifts(of: eventID, on: request.db), seats: seats,
                                    title: "support.rosterTitle", last: request.t("support.roster"))
    }

    private func rosterPage(_ request: Request, event: SupportEvent, mode: SupportRosterPage.Mode, summary: SupportAllocationSummary?,
                            shifts: [SupportShift], seats: [SupportAssignment], title: String, last: String) async throws -> Response {
        let staff = try await SupportDutyStore.staff(seats.map(\.staffNumber), on: request.db)
        let tree = try await request.currentOrganization()
        let content = try SupportRosterPage.build(
            event: event, mode: mode, summary: summary, shifts: shifts, seats: seats, staff: staff,
            sectionNames: SupportEventRoutes.sectionNames(of: Array(staff.values), tree: tree, request: request),
            csrfToken: request.csrfToken, localizer: request.localizer)
        return try await request.renderPage("opportunities/support-roster", title: title, titleArguments: [event.title],
                                            breadcrumbs: SupportEventRoutes.breadcrumbs(request, event: event, last: last), content: content)
    }
}
