import Fluent
import JibungotoDomain
import Vapor

/// The closing report of a session (minutes and the number who attended), its findings (気づき)
/// with tags, and the search of findings across sessions and interviews by tag, kind and fiscal year.
struct FindingRoutes {
    static let bodyMaxLength = 2_000
    static let minutesMaxLength = 8_000
    static let attendeeCounts = 0...10_000
    /// The search shows the newest findings first, this many at most.
    static let searchLimit = 200

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SessionRoute.report(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: showReport)
        routes.on(.POST, SessionRoute.report(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: saveReport)
        routes.on(.POST, SessionRoute.findings(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: addToSession)
        routes.on(.GET, SessionRoute.findingSearch, requires: .permission(.takePartInDialogue), shows: .nothing, use: search)
    }

    // MARK: - The closing report

    @Sendable func showReport(_ request: Request) async throws -> Response {
        let context = try await SessionContext.load(request)
        guard context.runs else { throw Abort(.notFound) }
        let session = context.session
        return try await reportPage(request, session: session, input: [
            "minutes": session.reportMinutes ?? "",
            "attendee_count": session.reportAttendeeCount.map(String.init) ?? "",
        ], validation: nil)
    }

    @Sendable func saveReport(_ request: Request) async throws -> Response {
        let context = try await SessionContext.load(request)
        guard context.runs else { throw Abort(.forbidden) }
        let session = context.session
        let id = try session.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let minutes = validation.text("minutes", input["minutes"], labelKey: "dialogue.session.report.minutes", maxLength: Self.minutesMaxLength)
        let count = validation.integer("attendee_count", input["attendee_count"], range: Self.attendeeCounts, messageKey: "dialogue.session.wholeNumberRange",
                                       labelKey: "dialogue.session.report.attendeeCount")
        let recorded = try await DialogueRegistration.query(on: request.db).filter(\.$session.$id == id).filter(\.$attended == true).count()
        if let count, let refusal = DialogueReportRule.refusal(time: session.time, now: DialogueMoment(request.now, in: .japan),
                                                                attendeeCount: count, recordedAttendees: recorded) {
            var field = "attendee_count"
            if case .notYetOver = refusal { field = "minutes" }
            validation.fail(field, "dialogue.session.report.refused", SessionText.reportRefusal(refusal, request.localizer))
        }
        guard validation.isValid, let count else {
            return try await reportPage(request, session: session, input: input, validation: validation)
        }
        let firstReport = !session.isReported
        session.reportMinutes = minutes
        session.reportAttendeeCount = count
        session.reportedBy = context.viewer.staffNumber
        session.reportedAt = session.reportedAt ?? request.now
        try await request.db.writeTransaction { database in
            try await session.save(on: database)
            try await request.audit(firstReport ? .create : .update, subjectType: "dialogue_session_report", subjectID: session.activityID,
                                    detail: "attendees \(count)", on: database)
        }
        request.flash(.success, request.t("dialogue.session.report.saved", session.title))
        return request.redirect(to: SessionRoute.session(.id(id)).path)
    }

    private func reportPage(_ request: Request, session: DialogueSession, input: [String: String], validation: FormValidation?) async throws -> Response {
        let id = try session.requireID()
        let now = DialogueMoment(request.now, in: .japan)
        let recorded = try await DialogueRegistration.query(on: request.db).filter(\.$session.$id == id).filter(\.$attended == true).count()
        var form: FormModel?
        var notes: [String] = []
        if session.time.hasEnded(at: now) || validation != nil {
            var model = FormModel(request: request, action: SessionRoute.report(.id(id)).path, submitLabelKey: "dialogue.session.report.save", fields: [
                FormField(request: request, name: "minutes", labelKey: "dialogue.session.report.minutes", kind: .textarea, value: input["minutes"] ?? "",
                          hintKey: "dialogue.session.report.minutes.hint", isRequired: true, maxLength: Self.minutesMaxLength),
                FormField(request: request, name: "attendee_count", labelKey: "dialogue.session.report.attendeeCount", value: input["attendee_count"] ?? "",
                          hint: request.t("dialogue.session.report.attendeeCount.hint", String(recorded)), isRequired: true, maxLength: 5),
            ])
            if let validation { model.apply(validation, request: request) }
            form = model
        } else {
            notes.append(SessionText.reportRefusal(.notYetOver(ends: session.time.endMoment), request.localizer))
        }
        return try await request.renderPage(
            "dialogue/session-form", title: "dialogue.session.report.title", titleArguments: [session.title],
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(session.title, SessionRoute.session(.id(id)).path), (request.t("dialogue.session.report.short"), nil)]),
            content: SessionFormPage.Content(
                intro: request.t("dialogue.session.report.intro"),
                facts: [SessionFormPage.Fact(label: request.t("dialogue.session.field.when"), value: SessionText.when(session.time, request.localizer))],
                notes: notes, form: form),
            status: validation?.isValid == false ? .unprocessableEntity : .ok)
    }

    // MARK: - Findings

    @Sendable func addToSession(_ request: Request) async throws -> Response {
        let context = try await SessionContext.load(request)
        guard context.runs else { throw Abort(.forbidden) }
        let session = context.session
        let id = try session.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        if !session.time.hasEnded(at: DialogueMoment(request.now, in: .japan)) {
            validation.fail("body", "dialogue.finding.notYetHeld", SessionText.moment(session.time.endMoment, request.localizer))
        }
        guard let finding = Self.validate(request, input: input, validation: &validation) else {
            return try await SessionRoutes.page(request, context: context, failed: .finding(input, validation))
        }
        try await Self.store(finding, sessionID: id, interviewID: nil, kind: session.kind, fiscalYear: session.fiscalYear, request: request)
        request.flash(.success, request.t("dialogue.finding.added"))
        return request.redirect(to: SessionRoute.session(.id(id)).path)
    }

    /// A finding's text and tags, checked; nil when a field is wrong (or `validation` already failed).
    static func validate(_ request: Request, input: [String: String], validation: inout FormValidation) -> (body: String, tags: [String])? {
        let body = validation.text("body", input["body"], labelKey: "dialogue.finding.field.body", maxLength: bodyMaxLength)
        let typed = validation.text("tags", input["tags"], labelKey: "dialogue.finding.field.tags", maxLength: 300)
        var tags: [String] = []
        if !typed.isEmpty {
            switch DialogueFindingTags.parse(typed) {
            case .success(let parsed): tags = parsed
            case .failure(let problem): validation.fail("tags", "dialogue.finding.tagsRefused", SessionText.tagProblem(problem, request.localizer))
            }
        }
        guard validation.isValid else { return nil }
        return (body, tags)
    }

    /// Stores a finding and its tags in one transaction.
    static func store(_ finding: (body: String, tags: [String]), sessionID: UUID?, interviewID: UUID?, kind: DialogueSessionKind, fiscalYear: Int,
                      request: Request) async throws {
        let user = try request.requireUser()
        let record = DialogueFinding(sessionID: sessionID, interviewID: interviewID, kind: kind, fiscalYear: fiscalYear, body: finding.body,
                                     writtenBy: user.staffNumber, writtenAt: request.now)
        try await request.db.writeTransaction { database in
            try await record.create(on: database)
            let id = try record.requireID()
            try await finding.tags.map { DialogueFindingTag(findingID: id, tag: $0, fiscalYear: fiscalYear) }.create(on: database)
            try await request.audit(.create, subjectType: "dialogue_finding", subjectID: id.uuidString.lowercased(),
                                    detail: finding.tags.joined(separator: ","), on: database)
        }
    }

    // MARK: - Search

    @Sendable func search(_ request: Request) async throws -> Response {
        let typedTag = DialogueFindingTags.normalize((try? request.query.get(String.self, at: "tag")) ?? "")
        let tag = typedTag.isEmpty ? nil : typedTag
        let kind = (try? request.query.get(String.self, at: "kind")).flatMap(DialogueSessionKind.init(rawValue:))
        let year = try? request.query.get(Int.self, at: "fy")
        var tagged: [UUID]?
        if let tag {
            var query = DialogueFindingTag.query(on: request.db).filter(\.$tag == tag)
            if let year { query = query.filter(\.$fiscalYear == year) }
            tagged = Array(Set(try await query.all().map(\.$finding.id)))
        }
        func filtered() -> QueryBuilder<DialogueFinding> {
            var query = DialogueFinding.query(on: request.db)
            if let kind { query = query.filter(\.$kind == kind) }
            if let year { query = query.filter(\.$fiscalYear == year) }
            if let tagged { query = query.filter(\.$id ~~ tagged) }
            return query
        }
        var total = 0
        var findings: [DialogueFinding] = []
        // A tag no finding carries matches nothing (an empty IN list is left to no database).
        if tagged?.isEmpty != true {
            total = try await filtered().count()
            findings = try await DialogueLoading.findings(filtered().limit(Self.searchLimit))
        }
        // Where each finding came from, by title.
        var sessions: [DialogueSession] = []
        var interviews: [DialogueInterview] = []
        let sessionIDs = Array(Set(findings.compactMap(\.$session.id)))
        let interviewIDs = Array(Set(findings.compactMap(\.$interview.id)))
        if !sessionIDs.isEmpty { sessions = try await DialogueSession.query(on: request.db).filter(\.$id ~~ sessionIDs).all() }
        if !interviewIDs.isEmpty { interviews = try await DialogueInterview.query(on: request.db).filter(\.$id ~~ interviewIDs).all() }
        var tagQuery = DialogueFindingTag.query(on: request.db)
        if let year { tagQuery = tagQuery.filter(\.$fiscalYear == year) }
        var tagCounts: [String: Int] = [:]
        for row in try await tagQuery.all() { tagCounts[row.tag, default: 0] += 1 }
        let years = Set(try await DialogueFinding.query(on: request.db).unique().all(\.$fiscalYear) + [request.today.fiscalYear.startYear])
        return try await request.renderPage(
            "dialogue/finding-search", title: "dialogue.finding.title",
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(request.t("dialogue.finding.title"), nil)]),
            content: FindingSearchPage.build(
                findings: findings, total: total, limit: Self.searchLimit,
                sessions: Dictionary(sessions.compactMap { session in session.id.map { ($0, session) } }, uniquingKeysWith: { first, _ in first }),
                interviews: Dictionary(interviews.compactMap { interview in interview.id.map { ($0, interview) } }, uniquingKeysWith: { first, _ in first }),
                filter: FindingSearchPage.Filter(tag: tag, kind: kind, fiscalYear: year, years: years.sorted(by: >)),
                tagCounts: tagCounts, localizer: request.localizer))
    }
}
