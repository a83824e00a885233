import Fluent
import JibungotoDomain
import Vapor

/// Support-duty events: the list and each event's page for every staff member, HR creating an
/// event and its shifts, and staff signing up for shifts (or withdrawing) while volunteers are taken.
struct SupportEventRoutes {
    static let titleMaxLength = 100
    static let detailsMaxLength = 2_000
    static let placeMaxLength = 100
    static let headcountRange = 1...500

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SupportDutyRoute.events, requires: .permission(.takePartInOpportunities), shows: .nothing, use: list)
        routes.on(.GET, SupportDutyRoute.newEvent, requires: .permission(.manageOpportunities), shows: .nothing, use: showNew)
        routes.on(.POST, SupportDutyRoute.newEvent, requires: .permission(.manageOpportunities), shows: .nothing, use: create)
        routes.on(.GET, SupportDutyRoute.event(.pattern), requires: .permission(.takePartInOpportunities), shows: .viewed(subject: "support_event"), use: show)
        routes.on(.GET, SupportDutyRoute.shifts(.pattern), requires: .permission(.manageOpportunities), shows: .nothing, use: showShifts)
        routes.on(.POST, SupportDutyRoute.shifts(.pattern), requires: .permission(.manageOpportunities), shows: .nothing, use: addShift)
        routes.on(.POST, SupportDutyRoute.removeShift(.pattern), requires: .permission(.manageOpportunities), shows: .nothing, use: removeShift)
        routes.on(.POST, SupportDutyRoute.signUp(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: signUp)
        routes.on(.POST, SupportDutyRoute.withdraw(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: withdraw)
    }

    /// Opportunities › Support duty › the event › `last`.
    static func breadcrumbs(_ request: Request, event: SupportEvent? = nil, last: String? = nil) -> [Breadcrumb] {
        var crumbs = [Breadcrumb(label: request.t("opportunities.title"), href: OpportunitiesRoute.overview.path),
                      Breadcrumb(label: request.t("support.title"), href: event == nil && last == nil ? nil : SupportDutyRoute.events.path)]
        if let event, let id = event.id {
            crumbs.append(Breadcrumb(label: event.title, href: last == nil ? nil : SupportDutyRoute.event(.id(id)).path))
        }
        if let last { crumbs.append(Breadcrumb(label: last, href: nil)) }
        return crumbs
    }

    // MARK: - The list

    @Sendable func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let events = try await SupportEvent.query(on: request.db).all()
        let shifts = try await SupportShift.query(on: request.db).all()
        let seats = try await SupportAssignment.query(on: request.db).all()
        let content = try SupportEventListPage.build(
            events: events, shifts: Dictionary(grouping: shifts, by: \.eventID), taken: Dictionary(grouping: seats, by: \.eventID).mapValues(\.count),
            mine: Set(seats.filter { $0.staffNumber == user.staffNumber }.map(\.eventID)),
            canManage: user.scope(of: .manageOpportunities) != nil, localizer: request.localizer)
        return try await request.renderPage("opportunities/support-events", title: "support.title",
                                            breadcrumbs: Self.breadcrumbs(request), content: content)
    }

    // MARK: - A new event

    struct EventForm: Content {
        var title: String?
        var kind: String?
        var description: String?
    }

    struct FormContent: Encodable, Sendable {
        let form: FormModel
    }

    @Sendable func showNew(_ request: Request) async throws -> Response {
        try await newPage(request, input: EventForm(), validation: FormValidation(request: request))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(EventForm.self)
        var validation = FormValidation(request: request)
        let title = validation.text("title", input.title, labelKey: "support.field.title", maxLength: Self.titleMaxLength)
        let kind = SupportEventKind(rawValue: input.kind ?? "")
        if kind == nil { validation.fail("kind", "form.invalidChoice", request.t("support.field.kind")) }
        let details = validation.text("description", input.description, labelKey: "support.field.description", required: false, maxLength: Self.detailsMaxLength)
        guard validation.isValid, let kind else {
            return try await newPage(request, input: input, validation: validation)
        }
        let event = SupportEvent(title: title, kind: kind, details: details, createdBy: try request.requireUser().staffNumber, createdAt: request.now)
        try await request.db.writeTransaction { database in
            try await event.create(on: database)
            try await request.audit(.create, subjectType: "support_event", subjectID: try event.requireID().uuidString.lowercased(), detail: title, on: database)
        }
        request.flash(.success, request.t("support.created", title))
        return request.redirect(to: SupportDutyRoute.shifts(.id(try event.requireID())).path)
    }

    private func newPage(_ request: Request, input: EventForm, validation: FormValidation) async throws -> Response {
        var form = FormModel(request: request, action: SupportDutyRoute.newEvent.path, submitLabelKey: "support.createEvent", fields: [
            FormField(request: request, name: "title", labelKey: "support.field.title", value: input.title ?? "", hintKey: "support.field.title.hint",
                      isRequired: true, maxLength: Self.titleMaxLength),
            FormField(request: request, name: "kind", labelKey: "support.field.kind", kind: .radios,
                      options: SupportEventKind.allCases.map {
                          FormOption(value: $0.rawValue, label: request.t("support.kind.\($0.rawValue)"), isSelected: input.kind == $0.rawValue, fieldName: "kind")
                      }, isRequired: true),
            FormField(request: request, name: "description", labelKey: "support.field.description", kind: .textarea, value: input.description ?? "",
                      hintKey: "support.field.description.hint", maxLength: Self.detailsMaxLength),
        ])
        form.apply(validation, request: request)
        return try await request.renderPage("platform/form-page", title: "support.newEvent",
                                            breadcrumbs: Self.breadcrumbs(request, last: request.t("support.newEvent")),
                                            content: FormContent(form: form), status: validation.isValid ? .ok : .unprocessableEntity)
    }

    // MARK: - The event's page

    @Sendable func show(_ request: Request) async throws -> Response {
        try await Self.eventPage(request, event: try await SupportDutyStore.event(request))
    }

    /// The event's page, with `errors` at the top when an action on it was refused.
    static func eventPage(_ request: Request, event: SupportEvent, errors: [String] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let id = try event.requireID()
        let shifts = try await SupportDutyStore.shifts(of: id, on: request.db)
        let seats = try await SupportDutyStore.seats(of: id, on: request.db)
        let proposals = try await SupportSwapProposal.query(on: request.db).filter(\.$eventID == id).sort(\.$proposedAt, .descending).all()
        let staff = try await SupportDutyStore.staff(proposals.flatMap { [$0.proposer, $0.counterpart] }, on: request.db)
        let approver = try await SupportApprover.load(request)
        let swaps = proposals.compactMap { proposal -> SupportEventPage.SwapView? in
            let sides = approver.sides(for: proposal, staff: staff)
            guard proposal.proposer == user.staffNumber || proposal.counterpart == user.staffNumber || !sides.isEmpty else { return nil }
            return SupportEventPage.SwapView(proposal: proposal, sides: sides)
        }
        let tree = try await request.currentOrganization()
        return try await request.renderPage(
            "opportunities/support-event", title: "support.eventTitle", titleArguments: [event.title],
            breadcrumbs: breadcrumbs(request, event: event),
            content: SupportEventPage.build(
                event: event, shifts: shifts, seats: seats, reader: user.staffNumber, swaps: swaps, staff: staff,
                sectionNames: sectionNames(of: Array(staff.values), tree: tree, request: request),
                canManage: user.scope(of: .manageOpportunities) != nil, errors: errors, csrfToken: request.csrfToken, localizer: request.localizer),
            status: status)
    }

    /// The names of the people's current sections, in the reader's language.
    static func sectionNames(of people: [StaffMember], tree: OrganizationTree, request: Request) -> [SectionCode: String] {
        var names: [SectionCode: String] = [:]
        for code in people.compactMap(\.currentSectionCode) {
            if let unit = tree.units[code] { names[code] = request.text(unit.localizedName) }
        }
        return names
    }

    // MARK: - Shifts (HR)

    struct ShiftForm: Content {
        var date: String?
        var start: String?
        var end: String?
        var place: String?
        var headcount: String?
    }

    @Sendable func showShifts(_ request: Request) async throws -> Response {
        try await shiftsPage(request, event: try await SupportDutyStore.event(request), input: ShiftForm(), validation: FormValidation(request: request))
    }

    @Sendable func addShift(_ request: Request) async throws -> Response {
        let event = try await SupportDutyStore.event(request)
        guard event.isOpenForVolunteers else {
            return try await shiftsPage(request, event: event, input: ShiftForm(), validation: FormValidation(request: request),
                                        errors: [request.t("support.shiftsClosed")], status: .conflict)
        }
        let input = try request.content.decode(ShiftForm.self)
        var validation = FormValidation(request: request)
        let date = validation.date("date", input.date, labelKey: "support.field.date")
        let start = validation.clockTime("start", input.start, labelKey: "support.field.start")
        let end = validation.clockTime("end", input.end, labelKey: "support.field.end")
        let place = validation.text("place", input.place, labelKey: "support.field.place", maxLength: Self.placeMaxLength)
        let headcount = validation.integer("headcount", input.headcount, range: Self.headcountRange, messageKey: "support.outOfRange", labelKey: "support.field.headcount")
        var time: SupportShiftTime?
        if let date, let start, let end {
            time = SupportShiftTime(date: date, start: start, end: end)
            if time == nil { validation.fail("end", "support.endBeforeStart") }
        }
        guard validation.isValid, let time, let headcount else {
            return try await shiftsPage(request, event: event, input: input, validation: validation)
        }
        let shift = SupportShift(eventID: try event.requireID(), time: time, place: place, headcount: headcount)
        try await request.db.writeTransaction { database in
            try await shift.create(on: database)
            try await request.audit(.update, subjectType: "support_event", subjectID: try event.requireID().uuidString.lowercased(),
                                    detail: "shift \(time.date.iso) \(SupportShiftTime.clock(time.start))-\(SupportShiftTime.clock(time.end)) \(place)", on: database)
        }
        request.flash(.success, request.t("support.shiftAdded", SupportDutyText.shift(shift, request.localizer)))
        return request.redirect(to: SupportDutyRoute.shifts(.id(try event.requireID())).path)
    }

    @Sendable func removeShift(_ request: Request) async throws -> Response {
        let shift = try await SupportDutyStore.shift(request)
        guard let event = try await SupportEvent.find(shift.eventID, on: request.db) else { throw Abort(.notFound) }
        let shiftID = try shift.requireID()
        let taken = try await SupportAssignment.query(on: request.db).filter(\.$shiftID == shiftID).count()
        guard event.isOpenForVolunteers, taken == 0 else {
            let message = event.isOpenForVolunteers ? request.t("support.shiftHasPeople", SupportDutyText.shift(shift, request.localizer))
                                                    : request.t("support.shiftsClosed")
            return try await shiftsPage(request, event: event, input: ShiftForm(), validation: FormValidation(request: request), errors: [message], status: .conflict)
        }
        try await request.db.writeTransaction { database in
            try await shift.delete(on: database)
            try await request.audit(.update, subjectType: "support_event", subjectID: try event.requireID().uuidString.lowercased(),
                                    detail: "shift removed \(shift.date.iso) \(shift.place)", on: database)
        }
        request.flash(.success, request.t("support.shiftRemoved", SupportDutyText.shift(shift, request.localizer)))
        return request.redirect(to: SupportDutyRoute.shifts(.id(try event.requireID())).path)
    }

    private func shiftsPage(_ request: Request, event: SupportEvent, input: ShiftForm, validation: FormValidation,
                            errors: [String] = [], status: HTTPResponseStatus? = nil) async throws -> Response {
        let id = try event.requireID()
        var form: FormModel?
        if event.isOpenForVolunteers {
            var model = FormModel(request: request, action: SupportDutyRoute.shifts(.id(id)).path, submitLabelKey: "support.addShift", fields: [
                FormField(request: request, name: "date", labelKey: "support.field.date", value: input.date ?? "", hintKey: "audit.dateHint", isRequired: true, maxLength: 20),
                FormField(request: request, name: "start", labelKey: "support.field.start", value: input.start ?? "", hintKey: "support.field.time.hint", isRequired: true, maxLength: 5),
                FormField(request: request, name: "end", labelKey: "support.field.end", value: input.end ?? "", hintKey: "support.field.time.hint", isRequired: true, maxLength: 5),
                FormField(request: request, name: "place", labelKey: "support.field.place", value: input.place ?? "", hintKey: "support.field.place.hint",
                          isRequired: true, maxLength: Self.placeMaxLength),
                FormField(request: request, name: "headcount", labelKey: "support.field.headcount", value: input.headcount ?? "", isRequired: true, maxLength: 3),
            ])
            model.apply(validation, request: request)
            form = model
        }
        let content = try SupportShiftsPage.build(
            event: event, shifts: try await SupportDutyStore.shifts(of: id, on: request.db), seats: try await SupportDutyStore.seats(of: id, on: request.db),
            form: form, errors: errors, csrfToken: request.csrfToken, localizer: request.localizer)
        return try await request.renderPage("opportunities/support-shifts", title: "support.shiftsTitle", titleArguments: [event.title],
                                            breadcrumbs: Self.breadcrumbs(request, event: event, last: request.t("support.shifts")),
                                            content: content, status: status ?? (validation.isValid ? .ok : .unprocessableEntity))
    }

    // MARK: - Signing up

    @Sendable func signUp(_ request: Request) async throws -> Response {
        let shift = try await SupportDutyStore.shift(request)
        guard let event = try await SupportEvent.find(shift.eventID, on: request.db) else { throw Abort(.notFound) }
        let user = try request.requireUser()
        guard let me = try await StaffMember.query(on: request.db).filter(\.$staffNumber == user.staffNumber).first() else {
            return try await Self.eventPage(request, event: event, errors: [request.t("support.signUp.notStaff")], status: .conflict)
        }
        let tree = try await request.currentOrganization()
        let shiftID = try shift.requireID(), eventID = try event.requireID()
        let refused: (SupportSignUp.Refusal, SupportDutyStore.HeldShifts)? = try await request.db.writeTransaction { database in
            let current = try await SupportEvent.find(eventID, on: database)
            let held = try await SupportDutyStore.heldShifts(of: [me.staffNumber], on: database)
            let taken = try await SupportAssignment.query(on: database).filter(\.$shiftID == shiftID).count()
            if let refusal = SupportSignUp.refusal(isOpen: current?.isOpenForVolunteers == true, shiftID: shift.activityID, time: shift.time,
                                                   headcount: shift.headcount, taken: taken, holds: held.commitments(of: me.staffNumber)) {
                return (refusal, held)
            }
            try await SupportAssignment(shiftID: shiftID, eventID: eventID, staffNumber: me.staffNumber, unitCode: SupportDutyStore.unit(of: me, tree: tree),
                                        route: .volunteered, assignedAt: request.now).create(on: database)
            try await request.audit(.update, subjectType: "support_event", subjectID: eventID.uuidString.lowercased(),
                                    detail: "sign-up \(shift.date.iso) \(shift.place)", on: database)
            return nil
        }
        if let refused {
            let message = SupportDutyText.signUpRefusal(refused.0, shift: shift, held: refused.1, request.localizer)
            return try await Self.eventPage(request, event: event, errors: [message], status: .conflict)
        }
        request.flash(.success, request.t("support.signedUp", SupportDutyText.shift(shift, request.localizer)))
        return request.redirect(to: SupportDutyRoute.event(.id(eventID)).path)
    }

    @Sendable func withdraw(_ request: Request) async throws -> Response {
        let shift = try await SupportDutyStore.shift(request)
        guard let event = try await SupportEvent.find(shift.eventID, on: request.db) else { throw Abort(.notFound) }
        let user = try request.requireUser()
        let shiftID = try shift.requireID(), eventID = try event.requireID()
        guard event.isOpenForVolunteers else {
            return try await Self.eventPage(request, event: event, errors: [request.t("support.withdrawClosed", SupportDutyText.shift(shift, request.localizer))],
                                            status: .conflict)
        }
        guard let seat = try await SupportAssignment.query(on: request.db).filter(\.$shiftID == shiftID).filter(\.$staffNumber == user.staffNumber).first() else {
            return try await Self.eventPage(request, event: event, errors: [request.t("support.notSignedUp", SupportDutyText.shift(shift, request.localizer))],
                                            status: .conflict)
        }
        try await request.db.writeTransaction { database in
            try await seat.delete(on: database)
            try await request.audit(.update, subjectType: "support_event", subjectID: eventID.uuidString.lowercased(),
                                    detail: "withdrawal \(shift.date.iso) \(shift.place)", on: database)
        }
        request.flash(.success, request.t("support.withdrawn", SupportDutyText.shift(shift, request.localizer)))
        return request.redirect(to: SupportDutyRoute.event(.id(eventID)).path)
    }
}

extension FormValidation {
    /// A time of day as typed (8:30, ８：３０), in minutes from midnight.
    mutating func clockTime(_ field: String, _ value: String?, labelKey: String) -> Int? {
        let text = self.text(field, value, labelKey: labelKey, maxLength: 10)
        guard !text.isEmpty else { return nil }
        guard let minutes = SupportShiftTime.minutes(from: text) else {
            fail(field, "support.badTime", request.t(labelKey))
            return nil
        }
        return minutes
    }
}

/// The signed-in user as an approver of swaps: a manager for the sections their consent scope
/// reaches, HR for every section.
struct SupportApprover: Sendable {
    let staffNumber: StaffNumber
    let reachesAll: Bool
    let units: Set<SectionCode>

    static func load(_ request: Request) async throws -> SupportApprover {
        let user = try request.requireUser()
        if user.scope(of: .manageOpportunities) != nil {
            return SupportApprover(staffNumber: user.staffNumber, reachesAll: true, units: [])
        }
        guard let scope = user.scope(of: .consentToOpportunities), scope != .own else {
            return SupportApprover(staffNumber: user.staffNumber, reachesAll: false, units: [])
        }
        if scope == .all { return SupportApprover(staffNumber: user.staffNumber, reachesAll: true, units: []) }
        return SupportApprover(staffNumber: user.staffNumber, reachesAll: false, units: try await OrganizationScope.units(for: request, scope: scope))
    }

    func reaches(_ section: SectionCode) -> Bool { reachesAll || units.contains(section) }

    /// The sides of the swap this approver may approve, from where the two people work today.
    func sides(for proposal: SupportSwapProposal, staff: [StaffNumber: StaffMember]) -> [SupportSwap.Side] {
        SupportSwap.sides(approver: staffNumber, proposer: proposal.proposer, proposerSection: staff[proposal.proposer]?.currentSectionCode,
                          counterpart: proposal.counterpart, counterpartSection: staff[proposal.counterpart]?.currentSectionCode,
                          reaches: { reaches($0) })
    }
}
