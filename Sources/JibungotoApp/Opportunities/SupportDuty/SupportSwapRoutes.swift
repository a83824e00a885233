import Fluent
import JibungotoDomain
import Vapor

/// Swapping shifts after the roster is published: a staff member proposes to exchange their shift
/// with a colleague's, or to hand it to a colleague; the colleague agrees, the managers of both
/// sides approve (HR may approve either), and the last approval makes the swap — seats and
/// ledger lines in one transaction, after checking the rules again.
struct SupportSwapRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SupportDutyRoute.swaps(.pattern), requires: .permission(.takePartInOpportunities), shows: .viewed(subject: "support_roster"), use: showForm)
        routes.on(.POST, SupportDutyRoute.swaps(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: propose)
        routes.on(.POST, SupportDutyRoute.agreeToSwap(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: agree)
        routes.on(.POST, SupportDutyRoute.approveSwap(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: approve)
        routes.on(.POST, SupportDutyRoute.refuseSwap(.pattern), requires: .permission(.takePartInOpportunities), shows: .nothing, use: refuse)
    }

    // MARK: - Proposing

    struct SwapForm: Content {
        var my_shift: String?
        var counterpart_shift: String?
        var colleague: String?
    }

    @Sendable func showForm(_ request: Request) async throws -> Response {
        try await formPage(request, event: try await SupportDutyStore.event(request), input: SwapForm(), validation: FormValidation(request: request))
    }

    @Sendable func propose(_ request: Request) async throws -> Response {
        let event = try await SupportDutyStore.event(request)
        let eventID = try event.requireID()
        let user = try request.requireUser()
        guard event.status == .allocated else {
            return try await formPage(request, event: event, input: SwapForm(), validation: FormValidation(request: request), status: .conflict)
        }
        let input = try request.content.decode(SwapForm.self)
        var validation = FormValidation(request: request)
        let shifts = try await SupportDutyStore.shifts(of: eventID, on: request.db)
        let seats = try await SupportDutyStore.seats(of: eventID, on: request.db)
        let mine = seats.first { $0.id == input.my_shift.flatMap(UUID.init(uuidString:)) && $0.staffNumber == user.staffNumber }
        if mine == nil { validation.fail("my_shift", "support.swap.chooseYourShift") }
        var theirs: SupportAssignment?
        if let chosen = input.counterpart_shift, !chosen.isEmpty {
            theirs = seats.first { $0.id == UUID(uuidString: chosen) && $0.staffNumber != user.staffNumber }
            if theirs == nil { validation.fail("counterpart_shift", "form.invalidChoice", request.t("support.field.counterpartShift")) }
        }
        let number = validation.text("colleague", input.colleague, labelKey: "support.field.colleague", required: false, maxLength: 20)
        var colleague: StaffMember?
        if theirs == nil && number.isEmpty && validation.errors["counterpart_shift"] == nil {
            validation.fail("counterpart_shift", "support.swap.chooseOne")
        } else if theirs != nil && !number.isEmpty {
            validation.fail("colleague", "support.swap.onlyOne")
        } else if !number.isEmpty {
            colleague = try await StaffMember.query(on: request.db).filter(\.$staffNumber == StaffNumber(number)).first()
            if let colleague, colleague.currentSectionCode != nil {
                if try await SupportExemption.query(on: request.db).filter(\.$eventID == eventID).filter(\.$staffNumber == colleague.staffNumber).count() > 0 {
                    validation.fail("colleague", "support.swap.colleagueExempt", colleague.name)
                }
            } else {
                validation.fail("colleague", "support.unknownStaff", request.t("support.field.colleague"), number)
            }
        }
        if let mine, try await SupportSwapProposal.query(on: request.db).filter(\.$proposerAssignmentID == mine.requireID())
            .filter(\.$status == .proposed).count() > 0 {
            validation.fail("my_shift", "support.swap.alreadyProposed")
        }
        guard validation.isValid, let mine else {
            return try await formPage(request, event: event, input: input, validation: validation)
        }
        let proposal = SupportSwapProposal(
            eventID: eventID, proposer: user.staffNumber, proposerAssignmentID: try mine.requireID(), proposerShiftID: mine.shiftID,
            counterpart: theirs?.staffNumber ?? colleague?.staffNumber ?? StaffNumber(number),
            counterpartAssignmentID: try theirs?.requireID(), counterpartShiftID: theirs?.shiftID, proposedAt: request.now)
        let tree = try await request.currentOrganization()
        if let proposed = SupportDutyStore.change(of: proposal, seats: seats, shifts: shifts, colleagueUnit: SupportDutyStore.unit(of: colleague, tree: tree)),
           let refused = try await SupportDutyStore.refusal(proposed, event: event, seats: seats, shifts: shifts, on: request.db) {
            let field = theirs == nil ? "colleague" : "counterpart_shift"
            let text = try await Self.refusalText(refused.0, held: refused.1, event: event, request: request, on: request.db)
            validation.fail(field, "support.swap.fieldError", request.t(field == "colleague" ? "support.field.colleague" : "support.field.counterpartShift"), text)
            return try await formPage(request, event: event, input: input, validation: validation)
        }
        try await request.db.writeTransaction { database in
            try await proposal.create(on: database)
            try await request.audit(.create, subjectType: "support_swap", subjectID: try proposal.requireID().uuidString.lowercased(),
                                    detail: "\(event.title): \(proposal.proposer.rawValue) → \(proposal.counterpart.rawValue)", on: database)
        }
        request.flash(.success, request.t("support.swap.proposed"))
        return request.redirect(to: SupportDutyRoute.event(.id(eventID)).path)
    }

    /// A swap refusal in words, naming the people and units by name. `database` is the
    /// transaction's when there is one (the request's connection is held by it).
    static func refusalText(_ refusal: SupportSwap.Refusal, held: SupportDutyStore.HeldShifts?, event: SupportEvent, request: Request,
                            on database: any Database) async throws -> String {
        var people: [StaffNumber] = []
        if case .alreadyOnShift(let person) = refusal { people.append(person) }
        if case .clash(let person, _) = refusal { people.append(person) }
        let names = try await SupportDutyStore.staff(people, on: database).mapValues(\.name)
        let unitNames = (event.summary?.unitNames ?? [:]).mapValues { request.text($0) }
        return SupportDutyText.swapRefusal(refusal, names: names, unitNames: unitNames, held: held, request.localizer)
    }

    private func formPage(_ request: Request, event: SupportEvent, input: SwapForm, validation: FormValidation,
                          status: HTTPResponseStatus? = nil) async throws -> Response {
        let user = try request.requireUser()
        let eventID = try event.requireID()
        let shifts = try await SupportDutyStore.shifts(of: eventID, on: request.db)
        // Nobody's seat is named before the roster is published.
        var seats: [SupportAssignment] = []
        if event.status == .allocated { seats = try await SupportDutyStore.seats(of: eventID, on: request.db) }
        let staff = try await SupportDutyStore.staff(seats.map(\.staffNumber), on: request.db)
        let sectionNames = SupportEventRoutes.sectionNames(of: Array(staff.values), tree: try await request.currentOrganization(), request: request)
        let mine = seats.filter { $0.staffNumber == user.staffNumber }
        var form: FormModel?
        if !mine.isEmpty {
            func label(_ seat: SupportAssignment) -> String {
                shifts.first { $0.id == seat.shiftID }.map { SupportDutyText.shift($0, request.localizer) } ?? ""
            }
            let others = try seats.filter { $0.staffNumber != user.staffNumber }.map { seat -> FormOption in
                let id = try seat.requireID().uuidString.lowercased()
                let person = SupportDutyText.person(seat.staffNumber, staff: staff,
                                                    sectionName: staff[seat.staffNumber]?.currentSectionCode.flatMap { sectionNames[$0] }, request.localizer)
                return FormOption(value: id, label: request.t("support.swap.seatOption", label(seat), person),
                                  isSelected: input.counterpart_shift == id, fieldName: "counterpart_shift")
            }
            var model = FormModel(request: request, action: SupportDutyRoute.swaps(.id(eventID)).path, submitLabelKey: "support.swap.submit", fields: [
                FormField(request: request, name: "my_shift", labelKey: "support.field.myShift", kind: .select,
                          options: try mine.map { seat -> FormOption in
                              let id = try seat.requireID().uuidString.lowercased()
                              return FormOption(value: id, label: label(seat), isSelected: input.my_shift == id, fieldName: "my_shift")
                          }, isRequired: true),
                FormField(request: request, name: "counterpart_shift", labelKey: "support.field.counterpartShift", kind: .select,
                          options: [FormOption(value: "", label: request.t("support.swap.handoverOption"), isSelected: (input.counterpart_shift ?? "").isEmpty,
                                               fieldName: "counterpart_shift")]
                              + others,
                          hintKey: "support.field.counterpartShift.hint"),
                FormField(request: request, name: "colleague", labelKey: "support.field.colleague", value: input.colleague ?? "",
                          hintKey: "support.field.colleague.hint", maxLength: 20),
            ])
            model.apply(validation, request: request)
            form = model
        }
        let note: String?
        if event.status != .allocated {
            note = request.t("support.swap.notYet")
        } else if mine.isEmpty {
            note = request.t("support.swap.noShift")
        } else {
            note = nil
        }
        return try await request.renderPage(
            "opportunities/support-swap", title: "support.swapTitle", titleArguments: [event.title],
            breadcrumbs: SupportEventRoutes.breadcrumbs(request, event: event, last: request.t("support.swap.propose")),
            content: SwapContent(intro: request.t("support.swap.intro"), note: note, form: form, eventHref: SupportDutyRoute.event(.id(eventID)).path),
            status: status ?? (validation.isValid ? .ok : .unprocessableEntity))
    }

    /// The proposal form's page: only a form and its notes.
    struct SwapContent: Encodable, Sendable {
        let intro: String
        let note: String?
        let form: FormModel?
        let eventHref: String
    }

    // MARK: - Agreeing, approving, refusing

    @Sendable func agree(_ request: Request) async throws -> Response {
        let (swap, event) = try await load(request)
        let user = try request.requireUser()
        guard swap.counterpart == user.staffNumber else { throw Abort(.forbidden) }
        if let refusal = closedRefusal(swap, request: request) {
            return try await SupportEventRoutes.eventPage(request, event: event, errors: [refusal], status: .conflict)
        }
        guard swap.counterpartAgreedAt == nil else {
            return try await SupportEventRoutes.eventPage(request, event: event, errors: [request.t("support.swap.alreadyAgreed")], status: .conflict)
        }
        swap.counterpartAgreedAt = request.now
        return try await record(request, swap: swap, event: event, action: "agreed", successKey: "support.swap.agreed")
    }

    @Sendable func approve(_ request: Request) async throws -> Response {
        let (swap, event) = try await load(request)
        let user = try request.requireUser()
        let staff = try await SupportDutyStore.staff([swap.proposer, swap.counterpart], on: request.db)
        let sides = try await SupportApprover.load(request).sides(for: swap, staff: staff)
        guard !sides.isEmpty else { throw Abort(.forbidden) }
        if let refusal = closedRefusal(swap, request: request) {
            return try await SupportEventRoutes.eventPage(request, event: event, errors: [refusal], status: .conflict)
        }
        let pending = sides.filter { $0 == .proposer ? swap.proposerSideApprovedBy == nil : swap.counterpartSideApprovedBy == nil }
        guard !pending.isEmpty else {
            return try await SupportEventRoutes.eventPage(request, event: event, errors: [request.t("support.swap.alreadyApproved")], status: .conflict)
        }
        for side in pending {
            switch side {
            case .proposer: swap.proposerSideApprovedBy = user.staffNumber
            case .counterpart: swap.counterpartSideApprovedBy = user.staffNumber
            }
        }
        return try await record(request, swap: swap, event: event, action: "approved", successKey: "support.swap.approvedSide")
    }

    @Sendable func refuse(_ request: Request) async throws -> Response {
        let (swap, event) = try await load(request)
        let user = try request.requireUser()
        let staff = try await SupportDutyStore.staff([swap.proposer, swap.counterpart], on: request.db)
        let sides = try await SupportApprover.load(request).sides(for: swap, staff: staff)
        guard swap.proposer == user.staffNumber || swap.counterpart == user.staffNumber || !sides.isEmpty else { throw Abort(.forbidden) }
        if let refusal = closedRefusal(swap, request: request) {
            return try await SupportEventRoutes.eventPage(request, event: event, errors: [refusal], status: .conflict)
        }
        swap.status = .refused
        swap.closedBy = user.staffNumber
        swap.closedAt = request.now
        let successKey = swap.proposer == user.staffNumber ? "support.swap.withdrawn"
            : swap.counterpart == user.staffNumber ? "support.swap.declined" : "support.swap.refused"
        return try await record(request, swap: swap, event: event, action: "refused", successKey: successKey)
    }

    private func load(_ request: Request) async throws -> (SupportSwapProposal, SupportEvent) {
        let swap = try await SupportDutyStore.swap(request)
        guard let event = try await SupportEvent.find(swap.eventID, on: request.db) else { throw Abort(.notFound) }
        return (swap, event)
    }

    /// The message for acting on a swap that is no longer open.
    private func closedRefusal(_ swap: SupportSwapProposal, request: Request) -> String? {
        swap.status == .proposed ? nil : request.t("support.swap.closed", request.t("support.swap.status.\(swap.status.rawValue)"))
    }

    /// A refused swap's message, thrown out of the transaction so nothing of it is saved.
    struct Refused: Error {
        let message: String
    }

    /// Saves the agreement, approval or refusal; when the swap now has every approval, makes it in
    /// the same transaction — after checking that it still breaks no rule.
    private func record(_ request: Request, swap: SupportSwapProposal, event: SupportEvent, action: String, successKey: String) async throws -> Response {
        let user = try request.requireUser()
        let tree = try await request.currentOrganization()
        let eventID = try event.requireID()
        let made: Bool
        do {
            made = try await request.db.writeTransaction { database in
                if swap.status == .proposed && swap.isFullyApproved {
                    let shifts = try await SupportDutyStore.shifts(of: eventID, on: database)
                    let seats = try await SupportDutyStore.seats(of: eventID, on: database)
                    var colleague: StaffMember?
                    if swap.isHandover { colleague = try await StaffMember.query(on: database).filter(\.$staffNumber == swap.counterpart).first() }
                    guard let proposed = SupportDutyStore.change(of: swap, seats: seats, shifts: shifts, colleagueUnit: SupportDutyStore.unit(of: colleague, tree: tree)) else {
                        throw Refused(message: request.t("support.swap.stale"))
                    }
                    if let refused = try await SupportDutyStore.refusal(proposed, event: event, seats: seats, shifts: shifts, on: database) {
                        throw Refused(message: try await Self.refusalText(refused.0, held: refused.1, event: event, request: request, on: database))
                    }
                    try await SupportDutyStore.apply(proposed, event: event, shifts: shifts, tree: tree, on: database)
                    swap.status = .approved
                    swap.closedBy = user.staffNumber
                    swap.closedAt = request.now
                }
                try await swap.save(on: database)
                try await request.audit(.update, subjectType: "support_swap", subjectID: try swap.requireID().uuidString.lowercased(),
                                        detail: "\(action)\(swap.status == .approved ? ", made" : "")", on: database)
                return swap.status == .approved
            }
        } catch let refused as Refused {
            return try await SupportEventRoutes.eventPage(request, event: event, errors: [refused.message], status: .conflict)
        }
        request.flash(.success, request.t(made ? "support.swap.made" : successKey))
        return request.redirect(to: SupportDutyRoute.event(.id(eventID)).path)
    }
}
