import Fluent
import JibungotoDomain
import Vapor

/// Interview studies like the paper's §2-2 (若手職員インタビュー and the others): organizers start
/// one with its interviewers; the interviewers keep it up to date (target group, period,
/// questions, the summarized dialogue, what it informs), add findings and write individual notes
/// that only they read. Everyone reads the rest.
struct InterviewRoutes {
    static let titleMaxLength = 100
    static let lineMaxLength = 200
    static let textMaxLength = 8_000
    static let noteMaxLength = 4_000
    static let maximumInterviewers = 10

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SessionRoute.interviews, requires: .permission(.takePartInDialogue), shows: .nothing, use: list)
        routes.on(.GET, SessionRoute.newInterview, requires: .permission(.organizeDialogue), shows: .nothing, use: showNew)
        routes.on(.POST, SessionRoute.newInterview, requires: .permission(.organizeDialogue), shows: .nothing, use: create)
        routes.on(.GET, SessionRoute.interview(.pattern), requires: .permission(.takePartInDialogue), shows: .viewed(subject: "dialogue_interview"), use: show)
        routes.on(.GET, SessionRoute.editInterview(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: showEdit)
        routes.on(.POST, SessionRoute.editInterview(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: update)
        routes.on(.POST, SessionRoute.interviewNotes(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: addNote)
        routes.on(.POST, SessionRoute.interviewFindings(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: addFinding)
    }

    /// The interview the URL names, its interviewers, and whether the reader is one of them.
    struct InterviewContext: Sendable {
        let interview: DialogueInterview
        let interviewers: [StaffNumber]
        let reader: StaffNumber

        var isInterviewer: Bool { interviewers.contains(reader) }

        static func load(_ request: Request) async throws -> InterviewContext {
            guard let id = request.parameters.get("interviewID").flatMap(UUID.init(uuidString:)),
                  let interview = try await DialogueInterview.find(id, on: request.db)
            else { throw Abort(.notFound) }
            let interviewers = try await DialogueInterviewer.query(on: request.db).filter(\.$interview.$id == id).all().map(\.staffNumber)
            return InterviewContext(interview: interview, interviewers: interviewers, reader: try request.requireUser().staffNumber)
        }
    }

    // MARK: - List

    @Sendable func list(_ request: Request) async throws -> Response {
        let interviews = try await DialogueInterview.query(on: request.db).sort(\.$periodStart, .descending).sort(\.$title).all()
        var findings: [UUID: Int] = [:]
        for finding in try await DialogueFinding.query(on: request.db).filter(\.$interview.$id != nil).all() {
            if let id = finding.$interview.id { findings[id, default: 0] += 1 }
        }
        let viewer = try await DialogueViewer.load(request)
        return try await request.renderPage(
            "dialogue/interview-list", title: "dialogue.interview.title",
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(request.t("dialogue.interview.title"), nil)]),
            content: InterviewListPage.build(interviews: interviews, findingCounts: findings, mayStart: viewer.mayOrganize, localizer: request.localizer))
    }

    // MARK: - Starting and editing

    @Sendable func showNew(_ request: Request) async throws -> Response {
        try await formPage(request, interview: nil, input: ["interviewers": try request.requireUser().staffNumber.rawValue], validation: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        guard let fields = try await validate(request, input: input, validation: &validation) else {
            return try await formPage(request, interview: nil, input: input, validation: validation)
        }
        let interview = DialogueInterview(
            title: fields.title, targetGroup: fields.targetGroup, periodStart: fields.start, periodEnd: fields.end, questions: fields.questions,
            summary: fields.summary, informs: fields.informs, createdBy: user.staffNumber, createdAt: request.now)
        // The one who starts the study is one of its interviewers, so it always has someone to keep it.
        let interviewers = [user.staffNumber] + fields.interviewers.filter { $0 != user.staffNumber }
        try await request.db.writeTransaction { database in
            try await interview.create(on: database)
            let id = try interview.requireID()
            try await interviewers.map { DialogueInterviewer(interviewID: id, staffNumber: $0) }.create(on: database)
            try await request.audit(.create, subjectType: "dialogue_interview", subjectID: id.uuidString.lowercased(), detail: fields.title, on: database)
        }
        request.flash(.success, request.t("dialogue.interview.created", fields.title))
        return request.redirect(to: SessionRoute.interview(.id(try interview.requireID())).path)
    }

    @Sendable func showEdit(_ request: Request) async throws -> Response {
        let context = try await InterviewContext.load(request)
        guard context.isInterviewer else { throw Abort(.notFound) }
        let interview = context.interview
        return try await formPage(request, interview: interview, input: [
            "title": interview.title, "target_group": interview.targetGroup, "period_start": interview.periodStart.iso,
            "period_end": interview.periodEnd.iso, "questions": interview.questions, "summary": interview.summary, "informs": interview.informs,
            "interviewers": context.interviewers.map(\.rawValue).joined(separator: ", "),
        ], validation: nil)
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let context = try await InterviewContext.load(request)
        guard context.isInterviewer else { throw Abort(.forbidden) }
        let interview = context.interview
        let id = try interview.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        guard let fields = try await validate(request, input: input, validation: &validation) else {
            return try await formPage(request, interview: interview, input: input, validation: validation)
        }
        interview.title = fields.title
        interview.targetGroup = fields.targetGroup
        interview.periodStart = fields.start
        interview.periodEnd = fields.end
        interview.questions = fields.questions
        interview.summary = fields.summary
        interview.informs = fields.informs
        interview.updatedAt = request.now
        // The editor stays an interviewer: nobody removes themselves by accident and leaves the notes unread.
        let interviewers = [context.reader] + fields.interviewers.filter { $0 != context.reader }
        try await request.db.writeTransaction { database in
            try await interview.save(on: database)
            try await DialogueInterviewer.query(on: database).filter(\.$interview.$id == id).delete()
            try await interviewers.map { DialogueInterviewer(interviewID: id, staffNumber: $0) }.create(on: database)
            try await request.audit(.update, subjectType: "dialogue_interview", subjectID: id.uuidString.lowercased(),
                                    detail: "interviewers " + interviewers.map(\.rawValue).joined(separator: ","), on: database)
        }
        request.flash(.success, request.t("dialogue.interview.saved", fields.title))
        return request.redirect(to: SessionRoute.interview(.id(id)).path)
    }

    struct Fields: Sendable {
        let title: String
        let targetGroup: String
        let start: LocalDate
        let end: LocalDate
        let questions: String
        let summary: String
        let informs: String
        let interviewers: [StaffNumber]
    }

    private func validate(_ request: Request, input: [String: String], validation: inout FormValidation) async throws -> Fields? {
        let title = validation.text("title", input["title"], labelKey: "dialogue.interview.field.title", maxLength: Self.titleMaxLength)
        let target = validation.text("target_group", input["target_group"], labelKey: "dialogue.interview.field.targetGroup", maxLength: Self.lineMaxLength)
        let start = validation.date("period_start", input["period_start"], labelKey: "dialogue.interview.field.periodStart")
        let end = validation.date("period_end", input["period_end"], labelKey: "dialogue.interview.field.periodEnd")
        if let start, let end, end < start {
            validation.fail("period_end", "dialogue.interview.endsBeforeStart", request.localizer.date(start))
        }
        let questions = validation.text("questions", input["questions"], labelKey: "dialogue.interview.field.questions", maxLength: Self.textMaxLength)
        let summary = validation.text("summary", input["summary"], labelKey: "dialogue.interview.field.summary", required: false, maxLength: Self.textMaxLength)
        let informs = validation.text("informs", input["informs"], labelKey: "dialogue.interview.field.informs", required: false, maxLength: Self.lineMaxLength)
        let typed = validation.text("interviewers", input["interviewers"], labelKey: "dialogue.interview.field.interviewers", required: false, maxLength: 300)
        var numbers: [StaffNumber] = []
        for piece in typed.split(whereSeparator: { ",、， \n".contains($0) || $0 == "　" }) {
            let number = StaffNumber.typed(String(piece))
            if !numbers.contains(number) { numbers.append(number) }
        }
        if numbers.count > Self.maximumInterviewers {
            validation.fail("interviewers", "dialogue.interview.tooManyInterviewers", String(Self.maximumInterviewers))
        } else if !numbers.isEmpty {
            let known = Set(try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ numbers).all().map(\.staffNumber))
            if let unknown = numbers.first(where: { !known.contains($0) }) {
                validation.fail("interviewers", "dialogue.interview.unknownInterviewer", unknown.rawValue)
            }
        }
        guard validation.isValid, let start, let end else { return nil }
        return Fields(title: title, targetGroup: target, start: start, end: end, questions: questions, summary: summary, informs: informs, interviewers: numbers)
    }

    private func formPage(_ request: Request, interview: DialogueInterview?, input: [String: String], validation: FormValidation?) async throws -> Response {
        let action = interview?.id.map { SessionRoute.editInterview(.id($0)).path } ?? SessionRoute.newInterview.path
        func field(_ name: String, _ labelKey: String, kind: FormField.Kind = .text, hintKey: String? = nil, required: Bool = true, maxLength: Int) -> FormField {
            FormField(request: request, name: name, labelKey: labelKey, kind: kind, value: input[name] ?? "", hintKey: hintKey, isRequired: required, maxLength: maxLength)
        }
        var form = FormModel(request: request, action: action, submitLabelKey: interview == nil ? "dialogue.interview.create" : "form.save", fields: [
            field("title", "dialogue.interview.field.title", maxLength: Self.titleMaxLength),
            field("target_group", "dialogue.interview.field.targetGroup", hintKey: "dialogue.interview.field.targetGroup.hint", maxLength: Self.lineMaxLength),
            field("period_start", "dialogue.interview.field.periodStart", hintKey: "form.dateHint", maxLength: 20),
            field("period_end", "dialogue.interview.field.periodEnd", hintKey: "form.dateHint", maxLength: 20),
            field("questions", "dialogue.interview.field.questions", kind: .textarea, hintKey: "dialogue.interview.field.questions.hint", maxLength: Self.textMaxLength),
            field("summary", "dialogue.interview.field.summary", kind: .textarea, hintKey: "dialogue.interview.field.summary.hint", required: false,
                  maxLength: Self.textMaxLength),
            field("informs", "dialogue.interview.field.informs", hintKey: "dialogue.interview.field.informs.hint", required: false, maxLength: Self.lineMaxLength),
            field("interviewers", "dialogue.interview.field.interviewers", hintKey: "dialogue.interview.field.interviewers.hint", required: false, maxLength: 300),
        ])
        if let validation { form.apply(validation, request: request) }
        var trail: [(String, String?)] = [(request.t("dialogue.interview.title"), SessionRoute.interviews.path)]
        if let interview, let id = interview.id { trail.append((interview.title, SessionRoute.interview(.id(id)).path)) }
        trail.append((request.t(interview == nil ? "dialogue.interview.new" : "dialogue.interview.edit"), nil))
        return try await request.renderPage(
            "dialogue/session-form", title: interview == nil ? "dialogue.interview.new" : "dialogue.interview.edit",
            breadcrumbs: DialogueLoading.breadcrumbs(request, trail),
            content: SessionFormPage.Content(intro: request.t("dialogue.interview.formIntro"), facts: [], notes: [], form: form),
            status: validation?.isValid == false ? .unprocessableEntity : .ok)
    }

    // MARK: - The interview's page

    @Sendable func show(_ request: Request) async throws -> Response {
        try await Self.page(request, context: try await InterviewContext.load(request), failed: nil)
    }

    enum FailedForm {
        case note([String: String], FormValidation)
        case finding([String: String], FormValidation)
        case proposal([String: String], FormValidation)
    }

    static func page(_ request: Request, context: InterviewContext, failed: FailedForm?) async throws -> Response {
        let interview = context.interview
        let id = try interview.requireID()
        let findings = try await DialogueLoading.findings(DialogueFinding.query(on: request.db).filter(\.$interview.$id == id))
        // The notes are read from the database only for the interviewers.
        var notes: [DialogueInterviewNote] = []
        if context.isInterviewer {
            notes = try await DialogueInterviewNote.query(on: request.db).filter(\.$interview.$id == id).sort(\.$heldOn).sort(\.$createdAt).all()
        }
        let staff = try await DialogueLoading.staff(context.interviewers + notes.map(\.author), on: request.db)
        var noteForm = context.isInterviewer ? Self.noteForm(request, interview: id, input: ["held_on": request.today.iso]) : nil
        var findingForm = context.isInterviewer ? SessionForms.finding(request, action: SessionRoute.interviewFindings(.id(id)).path, input: [:]) : nil
        var proposalForm = context.isInterviewer ? InterviewProposalRoutes.form(request, interview: id, input: [:]) : nil
        let linked = try await DialogueInterviewProposal.query(on: request.db).filter(\.$interview.$id == id).all().map(\.proposalID)
        let proposals = try await ProposalReferences.visible(linked, for: request)
        switch failed {
        case .note(let input, let validation)?: noteForm = Self.noteForm(request, interview: id, input: input, validation: validation)
        case .finding(let input, let validation)?:
            findingForm = SessionForms.finding(request, action: SessionRoute.interviewFindings(.id(id)).path, input: input, validation: validation)
        case .proposal(let input, let validation)?: proposalForm = InterviewProposalRoutes.form(request, interview: id, input: input, validation: validation)
        case nil: break
        }
        return try await request.renderPage(
            "dialogue/interview-show", title: "dialogue.interview.pageTitle", titleArguments: [interview.title],
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(request.t("dialogue.interview.title"), SessionRoute.interviews.path), (interview.title, nil)]),
            content: InterviewPage.build(
                InterviewPage.Input(interview: interview, interviewers: context.interviewers, isInterviewer: context.isInterviewer, findings: findings,
                                    notes: notes, staff: staff, noteForm: noteForm, findingForm: findingForm, proposals: proposals,
                                    proposalForm: proposalForm, csrfToken: request.csrfToken),
                localizer: request.localizer),
            status: failed == nil ? .ok : .unprocessableEntity)
    }

    static func noteForm(_ request: Request, interview: UUID, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: SessionRoute.interviewNotes(.id(interview)).path, submitLabelKey: "dialogue.interview.note.add", fields: [
            FormField(request: request, name: "interviewee", labelKey: "dialogue.interview.note.interviewee", value: input["interviewee"] ?? "",
                      hintKey: "dialogue.interview.note.interviewee.hint", isRequired: true, maxLength: lineMaxLength),
            FormField(request: request, name: "held_on", labelKey: "dialogue.interview.note.heldOn", value: input["held_on"] ?? "",
                      hintKey: "form.dateHint", isRequired: true, maxLength: 20),
            // "note", not "body": the findings form on the same page has a field "body".
            FormField(request: request, name: "note", labelKey: "dialogue.interview.note.body", kind: .textarea, value: input["note"] ?? "",
                      hintKey: "dialogue.interview.note.body.hint", isRequired: true, maxLength: noteMaxLength),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    // MARK: - Notes and findings

    @Sendable func addNote(_ request: Request) async throws -> Response {
        let context = try await InterviewContext.load(request)
        guard context.isInterviewer else { throw Abort(.forbidden) }
        let id = try context.interview.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let interviewee = validation.text("interviewee", input["interviewee"], labelKey: "dialogue.interview.note.interviewee", maxLength: Self.lineMaxLength)
        let heldOn = validation.date("held_on", input["held_on"], labelKey: "dialogue.interview.note.heldOn")
        let body = validation.text("note", input["note"], labelKey: "dialogue.interview.note.body", maxLength: Self.noteMaxLength)
        guard validation.isValid, let heldOn else { return try await Self.page(request, context: context, failed: .note(input, validation)) }
        let note = DialogueInterviewNote(interviewID: id, author: context.reader, interviewee: interviewee, heldOn: heldOn, body: body, createdAt: request.now)
        try await request.db.writeTransaction { database in
            try await note.create(on: database)
            try await request.audit(.create, subjectType: "dialogue_interview_note", subjectID: id.uuidString.lowercased(), on: database)
        }
        request.flash(.success, request.t("dialogue.interview.note.added"))
        return request.redirect(to: SessionRoute.interview(.id(id)).path)
    }

    @Sendable func addFinding(_ request: Request) async throws -> Response {
        let context = try await InterviewContext.load(request)
        guard context.isInterviewer else { throw Abort(.forbidden) }
        let interview = context.interview
        let id = try interview.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        guard let finding = FindingRoutes.validate(request, input: input, validation: &validation) else {
            return try await Self.page(request, context: context, failed: .finding(input, validation))
        }
        try await FindingRoutes.store(finding, sessionID: nil, interviewID: id, kind: .interview,
                                      fiscalYear: interview.periodEnd.fiscalYear.startYear, request: request)
        request.flash(.success, request.t("dialogue.finding.added"))
        return request.redirect(to: SessionRoute.interview(.id(id)).path)
    }
}
