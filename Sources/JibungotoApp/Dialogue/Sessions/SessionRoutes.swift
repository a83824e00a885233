import Fluent
import JibungotoDomain
import Vapor

/// Dialogue sessions (対話の場): the list of a fiscal year's sessions, posting one (organizers, for
/// the sections their scope reaches; HR and the promotion team for any), each session's page and
/// its iCalendar file. Registering, cancelling, inviting and attendance are in
/// `SessionRegistrationRoutes`; the closing report and findings in `FindingRoutes`.
struct SessionRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SessionRoute.list, requires: .permission(.takePartInDialogue), shows: .nothing, use: list)
        routes.on(.GET, SessionRoute.new, requires: .permission(.organizeDialogue), shows: .nothing, use: showNew)
        routes.on(.POST, SessionRoute.new, requires: .permission(.organizeDialogue), shows: .nothing, use: create)
        routes.on(.GET, SessionRoute.session(.pattern), requires: .permission(.takePartInDialogue), shows: .viewed(subject: "dialogue_session"), use: show)
        routes.on(.GET, SessionRoute.calendarFile(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: calendarFile)
        SessionRegistrationRoutes().register(on: routes)
        FindingRoutes().register(on: routes)
        SeriesRoutes().register(on: routes)
        StudyGroupRoutes().register(on: routes)
        InterviewRoutes().register(on: routes)
        InterviewProposalRoutes().register(on: routes)
        CalendarFeedRoutes().register(on: routes)
    }

    // MARK: - List

    @Sendable func list(_ request: Request) async throws -> Response {
        let viewer = try await DialogueViewer.load(request)
        let today = request.today
        let year = (try? request.query.get(Int.self, at: "fy")) ?? today.fiscalYear.startYear
        let kind = (try? request.query.get(String.self, at: "kind")).flatMap(DialogueSessionKind.init(rawValue:))
        var query = DialogueSession.query(on: request.db).filter(\.$fiscalYear == year)
        if let kind { query = query.filter(\.$kind == kind) }
        let sessions = try await query.with(\.$series).sort(\.$date).sort(\.$startMinute).all()
        let ids = sessions.compactMap(\.id)
        var rows: [DialogueRegistration] = []
        for chunk in ids.chunked(into: 500) {
            rows += try await DialogueRegistration.query(on: request.db).filter(\.$session.$id ~~ Array(chunk)).filter(\.$status != .cancelled).all()
        }
        let mine = try await DialogueRegistration.query(on: request.db).filter(\.$staffNumber == viewer.staffNumber).with(\.$session).all()
        let groups = Set(try await StudyGroupMember.query(on: request.db).filter(\.$staffNumber == viewer.staffNumber)
            .filter(\.$status == .member).all().map(\.$group.id))
        let myRows = Dictionary(mine.map { ($0.$session.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Leaders run their group's meetings; the list needs only whether the reader sees a session.
        let visible = sessions.filter { session in
            guard let id = session.id else { return false }
            return session.isOpenCall || myRows[id] != nil || session.$studyGroup.id.map(groups.contains) == true
                || viewer.runs(session, leadsGroup: false)
        }
        let years = Set(try await DialogueSession.query(on: request.db).unique().all(\.$fiscalYear) + [today.fiscalYear.startYear])
        return try await request.renderPage(
            "dialogue/session-list", title: "dialogue.session.title", breadcrumbs: DialogueLoading.breadcrumbs(request, []),
            content: SessionListPage.build(
                sessions: visible, counts: rows, mine: myRows, upcomingMine: mine.filter { $0.status != .cancelled && $0.session.date >= today },
                filter: SessionListPage.Filter(fiscalYear: year, kind: kind, years: years.sorted(by: >)),
                mayOrganize: viewer.mayOrganize, today: today, localizer: request.localizer))
    }

    // MARK: - Posting

    @Sendable func showNew(_ request: Request) async throws -> Response {
        try await newPage(request, input: [:], validation: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let viewer = try await DialogueViewer.load(request)
        let input = try request.content.decode([String: String].self)
        let host = SessionHost.sections(try await hostChoices(request, viewer: viewer), tree: try await request.currentOrganization())
        let series = try await DialogueSeries.query(on: request.db).sort(\.$createdAt, .descending).all()
        var validation = FormValidation(request: request)
        guard let draft = SessionForms.validateSession(request, input: input, host: host, series: series, validation: &validation) else {
            return try await newPage(request, input: input, validation: validation)
        }
        let session = try await Self.store(draft, studyGroupID: nil, request: request)
        request.flash(.success, request.t("dialogue.session.created", session.title))
        return request.redirect(to: SessionRoute.session(.id(try session.requireID())).path)
    }

    /// Saves a checked draft with a fresh attendance code (also for a study group's meetings).
    static func store(_ draft: SessionDraft, studyGroupID: UUID?, request: Request) async throws -> DialogueSession {
        let user = try request.requireUser()
        let session = DialogueSession(
            title: draft.title, kind: draft.kind, about: draft.about, time: draft.time, mode: draft.mode, place: draft.place,
            onlineLink: draft.onlineLink, capacity: draft.capacity, window: draft.window, isOpenCall: draft.isOpenCall,
            hostSectionCode: draft.hostSectionCode, seriesID: draft.seriesID, studyGroupID: studyGroupID,
            attendanceCode: DialogueAttendanceRule.code(from: [UInt8].random(count: DialogueAttendanceRule.codeLength)),
            createdBy: user.staffNumber, createdAt: request.now)
        try await request.db.writeTransaction { database in
            try await session.create(on: database)
            try await request.audit(.create, subjectType: "dialogue_session", subjectID: session.activityID, detail: draft.title, on: database)
        }
        return session
    }

    /// The sections the organizer may hold a session for: those their scope reaches today.
    private func hostChoices(_ request: Request, viewer: DialogueViewer) async throws -> [(record: SectionRecord, depth: Int)] {
        try await request.currentOrganization().flattened().filter { viewer.organizes(section: $0.record.code) }
    }

    private func newPage(_ request: Request, input: [String: String], validation: FormValidation?) async throws -> Response {
        let viewer = try await DialogueViewer.load(request)
        let series = try await DialogueSeries.query(on: request.db).sort(\.$createdAt, .descending).all()
        let form = SessionForms.session(request, action: SessionRoute.new.path, host: .sections(try await hostChoices(request, viewer: viewer), tree: try await request.currentOrganization()),
                                        series: series, input: input, validation: validation)
        return try await request.renderPage(
            "dialogue/session-form", title: "dialogue.session.new",
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(request.t("dialogue.session.new"), nil)]),
            content: SessionFormPage.Content(intro: request.t("dialogue.session.newIntro"), facts: [], notes: [], form: form),
            status: validation?.isValid == false ? .unprocessableEntity : .ok)
    }

    // MARK: - One session

    @Sendable func show(_ request: Request) async throws -> Response {
        try await Self.page(request, context: try await SessionContext.load(request))
    }

    /// A form on the session page that was refused, shown again with what was typed and the messages.
    enum FailedForm {
        case checkIn([String: String], FormValidation)
        case invite([String: String], FormValidation)
        case finding([String: String], FormValidation)
    }

    /// The session page for the reader, with the forms that apply to them now.
    static func page(_ request: Request, context: SessionContext, failed: FailedForm? = nil) async throws -> Response {
        let session = context.session
        let id = try session.requireID()
        let rows = try await DialogueLoading.registrations(of: session, on: request.db)
        let staff = try await DialogueLoading.staff(rows.map(\.staffNumber), on: request.db)
        let hostCodes = session.hostSectionCode.map { [$0] } ?? []
        let names = try await DialogueLoading.sectionNames(hostCodes + staff.values.compactMap(\.currentSectionCode), today: request.today, on: request.db)
        let findings = try await DialogueLoading.findings(DialogueFinding.query(on: request.db).filter(\.$session.$id == id))
        let now = DialogueMoment(request.now, in: .japan)
        let today = request.today
        var forms = SessionPage.Forms()
        let mine = context.mine
        if mine?.status == .registered && mine?.attended == false && today == session.date {
            forms.checkIn = SessionForms.checkIn(request, session: id, input: [:])
        }
        if context.runs {
            if !session.isReported && !session.time.hasStarted(at: now) {
                forms.invite = SessionForms.invite(request, session: id, input: [:])
            }
            if DialogueAttendanceRule.organizerMayRecord(time: session.time, today: today) && rows.contains(where: { $0.status != .cancelled }) {
                forms.attendance = SessionForms.attendance(request, session: id, rows: rows, names: staff.mapValues(\.name))
            }
            if session.time.hasEnded(at: now) {
                forms.finding = SessionForms.finding(request, action: SessionRoute.findings(.id(id)).path, input: [:])
            }
        }
        switch failed {
        case .checkIn(let input, let validation)?: forms.checkIn = SessionForms.checkIn(request, session: id, input: input, validation: validation)
        case .invite(let input, let validation)?: forms.invite = SessionForms.invite(request, session: id, input: input, validation: validation)
        case .finding(let input, let validation)?:
            forms.finding = SessionForms.finding(request, action: SessionRoute.findings(.id(id)).path, input: input, validation: validation)
        case nil: break
        }
        let refusal = DialogueRegistrationRule.refusal(
            time: session.time, window: session.window, isOpenCall: session.isOpenCall,
            admitted: mine?.isInvited == true || context.isGroupMember, isReported: session.isReported, status: mine?.status,
            hasStaffRecord: context.hasStaffRecord, now: now)
        let input = SessionPage.Input(
            context: context, registrations: rows, staff: staff, sectionNames: names, findings: findings, refusal: refusal,
            now: now, today: today, csrfToken: request.csrfToken, forms: forms)
        let failedStatus: HTTPResponseStatus = failed == nil ? .ok : .unprocessableEntity
        return try await request.renderPage(
            "dialogue/session-show", title: "dialogue.session.pageTitle", titleArguments: [session.title],
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(session.title, nil)]),
            content: SessionPage.build(input, localizer: request.localizer), status: failedStatus)
    }

    // MARK: - iCalendar

    /// The session as an .ics file for the groupware calendar; the online link only for those
    /// who hold a seat. A session the reader may not see is not found, with a message saying so.
    @Sendable func calendarFile(_ request: Request) async throws -> Response {
        let context: SessionContext
        do {
            context = try await SessionContext.load(request)
        } catch let abort as any AbortError where abort.status == .notFound {
            return try await request.renderPage(
                "platform/error", title: "error.title", titleArguments: ["404"],
                content: ErrorPageMiddleware.ErrorContent(status: 404, message: request.t("dialogue.session.calendarUnavailable"), requestID: request.id,
                                                          homeHref: PlatformRoute.home.path, typed: []),
                status: .notFound)
        }
        let event = SessionCalendar.event(context.session, status: context.mine?.status, seesLink: context.seesLink, localizer: request.localizer)
        return SessionCalendar.response(ICalendar.document(events: [event], stamp: request.now), filename: "dialogue-session.ics")
    }
}

/// Sessions as calendar events, and the response that carries them.
enum SessionCalendar {
    static func event(_ session: DialogueSession, status: DialogueSeatStatus?, seesLink: Bool, localizer: Localizer) -> ICalendarEvent {
        let link = seesLink ? session.onlineLink : nil
        let location: String?
        switch session.mode {
        case .onSite: location = session.place
        case .online: location = link ?? localizer.t("dialogue.session.mode.online")
        }
        let about = [SessionText.kind(session.kind, localizer), session.about].filter { !$0.isEmpty }.joined(separator: "\n")
        return ICalendarEvent(
            uid: session.activityID + "@jibungoto", time: session.time, summary: session.title, description: about, location: location,
            url: link, status: status == .waiting ? .tentative : .confirmed)
    }

    static func response(_ document: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: document))
    }
}
