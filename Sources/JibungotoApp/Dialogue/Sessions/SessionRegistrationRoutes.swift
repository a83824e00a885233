import Fluent
import JibungotoDomain
import Vapor

/// Taking part in a session: registering (a seat, or the waiting list when the seats are taken),
/// cancelling (the seat goes to whoever waited longest), the organizer's invitations, and
/// attendance — recorded by the organizer or by the attendee's code — which writes the
/// participation ledger in the same transaction.
struct SessionRegistrationRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.POST, SessionRoute.register(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: registerSelf)
        routes.on(.POST, SessionRoute.cancel(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: cancel)
        routes.on(.POST, SessionRoute.invite(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: invite)
        routes.on(.POST, SessionRoute.attendance(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: recordAttendance)
        routes.on(.POST, SessionRoute.checkIn(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: checkIn)
    }

    // MARK: - Registering and cancelling

    @Sendable func registerSelf(_ request: Request) async throws -> Response {
        let context = try await SessionContext.load(request)
        let session = context.session
        let id = try session.requireID()
        let back = SessionRoute.session(.id(id)).path
        let now = request.now
        let outcome: SeatKeeper.Outcome
        do {
            outcome = try await request.db.writeTransaction { database in
                let outcome = try await SeatKeeper.register(sessionID: id, staffNumber: context.viewer.staffNumber, invited: false,
                                                            admittedByGroup: context.isGroupMember, hasStaffRecord: context.hasStaffRecord,
                                                            now: now, on: database)
                try await request.audit(.create, subjectType: "dialogue_registration", subjectID: session.activityID,
                                        detail: Self.detail(outcome.placement), on: database)
                return outcome
            }
        } catch let refused as SeatKeeper.RegistrationRefused {
            request.flash(.error, SessionText.registrationRefusal(refused.refusal, request.localizer))
            return request.redirect(to: back)
        }
        switch outcome.placement {
        case .seat: request.flash(.success, request.t("dialogue.session.registered", session.title))
        case .waiting(let position): request.flash(.info, request.t("dialogue.session.waitingListed", session.title, String(position)))
        }
        return request.redirect(to: back)
    }

    @Sendable func cancel(_ request: Request) async throws -> Response {
        let context = try await SessionContext.load(request)
        let session = context.session
        let id = try session.requireID()
        let now = request.now
        do {
            try await request.db.writeTransaction { database in
                let promoted = try await SeatKeeper.cancel(sessionID: id, staffNumber: context.viewer.staffNumber, now: now, on: database)
                try await request.audit(.update, subjectType: "dialogue_registration", subjectID: session.activityID,
                                        detail: "cancelled" + (promoted.isEmpty ? "" : "; moved up " + promoted.map(\.rawValue).joined(separator: ",")),
                                        on: database)
            }
        } catch let refused as SeatKeeper.CancellationRefused {
            request.flash(.error, SessionText.cancellationRefusal(refused.refusal, request.localizer))
            return request.redirect(to: SessionRoute.session(.id(id)).path)
        }
        request.flash(.success, request.t("dialogue.session.cancelled", session.title))
        // An invitation-only session is no longer the reader's to see once they have left its list.
        return request.redirect(to: session.isOpenCall ? SessionRoute.session(.id(id)).path : SessionRoute.list.path)
    }

    static func detail(_ placement: DialogueWaitingList.Placement) -> String {
        switch placement {
        case .seat: "seat"
        case .waiting(let position): "waiting \(position)"
        }
    }

    // MARK: - Invitations

    @Sendable func invite(_ request: Request) async throws -> Response {
        let context = try await SessionContext.load(request)
        guard context.runs else { throw Abort(.forbidden) }
        let session = context.session
        let id = try session.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let typed = validation.text("staff_number", input["staff_number"], labelKey: "dialogue.session.invite.staffNumber", maxLength: 20)
        var member: StaffMember?
        if validation.isValid {
            member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == StaffNumber.typed(typed)).first()
            if member == nil { validation.fail("staff_number", "dialogue.session.invite.unknown", typed) }
        }
        guard validation.isValid, let member else {
            return try await SessionRoutes.page(request, context: context, failed: .invite(input, validation))
        }
        let now = request.now
        let outcome: SeatKeeper.Outcome
        do {
            outcome = try await request.db.writeTransaction { database in
                let outcome = try await SeatKeeper.register(sessionID: id, staffNumber: member.staffNumber, invited: true, admittedByGroup: false,
                                                            hasStaffRecord: true, now: now, on: database)
                try await request.audit(.create, subjectType: "dialogue_registration", subjectID: session.activityID,
                                        detail: "invited \(member.staffNumber.rawValue): " + Self.detail(outcome.placement), on: database)
                return outcome
            }
        } catch let refused as SeatKeeper.RegistrationRefused {
            let message: String
            switch refused.refusal {
            case .alreadyRegistered: message = request.t("dialogue.session.invite.alreadyListed", member.name)
            default: message = SessionText.registrationRefusal(refused.refusal, request.localizer)
            }
            validation.fail("staff_number", "dialogue.session.invite.refused", message)
            return try await SessionRoutes.page(request, context: context, failed: .invite(input, validation))
        }
        switch outcome.placement {
        case .seat: request.flash(.success, request.t("dialogue.session.invite.seated", member.name))
        case .waiting(let position): request.flash(.info, request.t("dialogue.session.invite.waiting", member.name, String(position)))
        }
        return request.redirect(to: SessionRoute.session(.id(id)).path)
    }

    // MARK: - Attendance

    struct AttendanceForm: Content {
        var attended: [String]?
    }

    /// The organizer ticks who came (people on the waiting list who came anyway too); the ledger
    /// gains an entry for each newly ticked person and loses the entry of each unticked one.
    @Sendable func recordAttendance(_ request: Request) async throws -> Response {
        let context = try await SessionContext.load(request)
        guard context.runs else { throw Abort(.forbidden) }
        let session = context.session
        let id = try session.requireID()
        guard DialogueAttendanceRule.organizerMayRecord(time: session.time, today: request.today) else {
            request.flash(.error, request.t("dialogue.session.attendance.tooEarly", request.localizer.date(session.date)))
            return request.redirect(to: SessionRoute.session(.id(id)).path)
        }
        let ticked = Set(try request.content.decode(AttendanceForm.self).attended ?? [])
        let rows = try await DialogueLoading.registrations(of: session, on: request.db).filter { $0.status != .cancelled }
        let known = Set(rows.map(\.entry.id))
        guard ticked.isSubset(of: known) else {
            request.flash(.error, request.t("dialogue.session.attendance.stale"))
            return request.redirect(to: SessionRoute.session(.id(id)).path)
        }
        let changed = rows.filter { ticked.contains($0.entry.id) != $0.attended }
        let staff = try await DialogueLoading.staff(changed.map(\.staffNumber), on: request.db)
        let tree = try await request.currentOrganization()
        let recorder = context.viewer.staffNumber
        let now = request.now
        try await request.db.writeTransaction { database in
            for row in changed {
                row.attended = ticked.contains(row.entry.id)
                row.attendanceRecordedBy = recorder
                row.attendanceRecordedAt = now
                try await row.save(on: database)
                if row.attended {
                    // The ledger entry needs the person's record; without it nothing is recorded.
                    guard let member = staff[row.staffNumber] else { throw Abort(.conflict) }
                    try await DialogueLedger.recordAttendance(of: row, member: member, session: session, tree: tree, on: database)
                } else {
                    try await DialogueLedger.removeAttendance(of: row.staffNumber, session: session, on: database)
                }
            }
            try await request.audit(.update, subjectType: "dialogue_session", subjectID: session.activityID,
                                    detail: "attendance " + changed.map { "\($0.staffNumber.rawValue)=\($0.attended)" }.joined(separator: ","), on: database)
        }
        request.flash(.success, request.t("dialogue.session.attendance.saved", String(rows.filter(\.attended).count)))
        return request.redirect(to: SessionRoute.session(.id(id)).path)
    }

    @Sendable func checkIn(_ request: Request) async throws -> Response {
        let context = try await SessionContext.load(request)
        let session = context.session
        let id = try session.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let entered = validation.text("code", input["code"], labelKey: "dialogue.session.checkIn.code", maxLength: 20)
        if validation.isValid, let refusal = DialogueAttendanceRule.checkInRefusal(
            status: context.mine?.status, attended: context.mine?.attended ?? false, time: session.time,
            now: DialogueMoment(request.now, in: .japan), entered: entered, code: session.attendanceCode) {
            validation.fail("code", "dialogue.session.checkIn.refused", SessionText.checkInRefusal(refusal, request.localizer))
        }
        guard validation.isValid, let mine = context.mine,
              let member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == mine.staffNumber).first()
        else {
            if validation.isValid { validation.fail("code", "dialogue.session.checkIn.refused", SessionText.checkInRefusal(.noSeat, request.localizer)) }
            return try await SessionRoutes.page(request, context: context, failed: .checkIn(input, validation))
        }
        let tree = try await request.currentOrganization()
        let now = request.now
        try await request.db.writeTransaction { database in
            mine.attended = true
            mine.attendanceRecordedBy = mine.staffNumber
            mine.attendanceRecordedAt = now
            try await mine.save(on: database)
            try await DialogueLedger.recordAttendance(of: mine, member: member, session: session, tree: tree, on: database)
            try await request.audit(.update, subjectType: "dialogue_registration", subjectID: session.activityID, detail: "checked in", on: database)
        }
        request.flash(.success, request.t("dialogue.session.checkIn.done", session.title))
        return request.redirect(to: SessionRoute.session(.id(id)).path)
    }
}
