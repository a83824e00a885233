import Fluent
import JibungotoDomain
import Vapor

/// Self-study groups (自主研究グループ, §7-1): the page where staff find them and ask to join, the
/// group's page with members, meetings (sessions of the group) and outputs; leaders answer requests
/// to join; members add outputs and schedule meetings. Anyone may start a group and leads it.
struct StudyGroupRoutes {
    static let titleMaxLength = 100
    static let purposeMaxLength = 2_000
    static let messageMaxLength = 500
    static let outputMaxLength = 8_000

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, SessionRoute.studyGroups, requires: .permission(.takePartInDialogue), shows: .nothing, use: list)
        routes.on(.GET, SessionRoute.newStudyGroup, requires: .permission(.takePartInDialogue), shows: .nothing, use: showNew)
        routes.on(.POST, SessionRoute.newStudyGroup, requires: .permission(.takePartInDialogue), shows: .nothing, use: create)
        routes.on(.GET, SessionRoute.studyGroup(.pattern), requires: .permission(.takePartInDialogue), shows: .viewed(subject: "dialogue_study_group"), use: show)
        routes.on(.POST, SessionRoute.joinStudyGroup(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: join)
        routes.on(.POST, SessionRoute.studyGroupMembers(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: answer)
        routes.on(.POST, SessionRoute.studyGroupOutputs(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: addOutput)
        routes.on(.GET, SessionRoute.newStudyGroupMeeting(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: showNewMeeting)
        routes.on(.POST, SessionRoute.newStudyGroupMeeting(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: createMeeting)
    }

    /// The group the URL names with the reader's place in it.
    struct GroupContext: Sendable {
        let group: StudyGroup
        let members: [StudyGroupMember]
        let mine: StudyGroupMember?
        let viewer: DialogueViewer

        var isMember: Bool { mine?.status == .member }
        var isLeader: Bool { isMember && mine?.isLeader == true }

        static func load(_ request: Request) async throws -> GroupContext {
            guard let id = request.parameters.get("studyGroupID").flatMap(UUID.init(uuidString:)),
                  let group = try await StudyGroup.find(id, on: request.db)
            else { throw Abort(.notFound) }
            let viewer = try await DialogueViewer.load(request)
            let members = try await StudyGroupMember.query(on: request.db).filter(\.$group.$id == id).sort(\.$requestedAt).all()
            return GroupContext(group: group, members: members, mine: members.first { $0.staffNumber == viewer.staffNumber }, viewer: viewer)
        }
    }

    // MARK: - Finding groups

    @Sendable func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let groups = try await StudyGroup.query(on: request.db).sort(\.$title).all()
        let members = try await StudyGroupMember.query(on: request.db).all()
        let meetings = try await DialogueSession.query(on: request.db).filter(\.$studyGroup.$id != nil).filter(\.$date >= request.today)
            .sort(\.$date).all()
        return try await request.renderPage(
            "dialogue/study-group-list", title: "dialogue.studyGroup.title",
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(request.t("dialogue.studyGroup.title"), nil)]),
            content: StudyGroupListPage.build(groups: groups, members: members, upcomingMeetings: meetings, reader: user.staffNumber,
                                              localizer: request.localizer))
    }

    // MARK: - Starting a group

    @Sendable func showNew(_ request: Request) async throws -> Response {
        try await newPage(request, input: [:], validation: nil)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let title = validation.text("title", input["title"], labelKey: "dialogue.studyGroup.field.title", maxLength: Self.titleMaxLength)
        let purpose = validation.text("purpose", input["purpose"], labelKey: "dialogue.studyGroup.field.purpose", maxLength: Self.purposeMaxLength)
        let accepts = input["accepts_members"] ?? ""
        if accepts != "yes" && accepts != "no" {
            validation.fail("accepts_members", "form.invalidChoice", request.t("dialogue.studyGroup.field.acceptsMembers"))
        }
        if validation.isValid, try await StudyGroup.query(on: request.db).filter(\.$title == title).count() > 0 {
            validation.fail("title", "dialogue.studyGroup.titleTaken", title)
        }
        guard validation.isValid else { return try await newPage(request, input: input, validation: validation) }
        let group = StudyGroup(title: title, purpose: purpose, acceptsMembers: accepts == "yes", createdBy: user.staffNumber, createdAt: request.now)
        let now = request.now
        try await request.db.writeTransaction { database in
            try await group.create(on: database)
            let id = try group.requireID()
            try await StudyGroupMember(groupID: id, staffNumber: user.staffNumber, status: .member, isLeader: true, requestedAt: now,
                                       answeredBy: user.staffNumber, answeredAt: now).create(on: database)
            try await request.audit(.create, subjectType: "dialogue_study_group", subjectID: id.uuidString.lowercased(), detail: title, on: database)
        }
        request.flash(.success, request.t("dialogue.studyGroup.created", title))
        return request.redirect(to: SessionRoute.studyGroup(.id(try group.requireID())).path)
    }

    private func newPage(_ request: Request, input: [String: String], validation: FormValidation?) async throws -> Response {
        let accepts = input["accepts_members"] ?? "yes"
        var form = FormModel(request: request, action: SessionRoute.newStudyGroup.path, submitLabelKey: "dialogue.studyGroup.create", fields: [
            FormField(request: request, name: "title", labelKey: "dialogue.studyGroup.field.title", value: input["title"] ?? "", isRequired: true,
                      maxLength: Self.titleMaxLength),
            FormField(request: request, name: "purpose", labelKey: "dialogue.studyGroup.field.purpose", kind: .textarea, value: input["purpose"] ?? "",
                      hintKey: "dialogue.studyGroup.field.purpose.hint", isRequired: true, maxLength: Self.purposeMaxLength),
            FormField(request: request, name: "accepts_members", labelKey: "dialogue.studyGroup.field.acceptsMembers", kind: .radios, value: accepts,
                      options: ["yes", "no"].map { FormOption(value: $0, label: request.t("dialogue.studyGroup.accepts.\($0)"), isSelected: accepts == $0,
                                                               fieldName: "accepts_members") },
                      isRequired: true),
        ])
        if let validation { form.apply(validation, request: request) }
        return try await request.renderPage(
            "dialogue/session-form", title: "dialogue.studyGroup.new",
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(request.t("dialogue.studyGroup.title"), SessionRoute.studyGroups.path),
                                                               (request.t("dialogue.studyGroup.new"), nil)]),
            content: SessionFormPage.Content(intro: request.t("dialogue.studyGroup.newIntro"), facts: [], notes: [], form: form),
            status: validation?.isValid == false ? .unprocessableEntity : .ok)
    }

    // MARK: - A group's page

    @Sendable func show(_ request: Request) async throws -> Response {
        try await page(request, context: try await GroupContext.load(request), failed: nil)
    }

    enum FailedForm {
        case join([String: String], FormValidation)
        case output([String: String], FormValidation)
    }

    private func page(_ request: Request, context: GroupContext, failed: FailedForm?) async throws -> Response {
        let group = context.group
        let id = try group.requireID()
        let meetings = try await DialogueSession.query(on: request.db).filter(\.$studyGroup.$id == id).sort(\.$date).sort(\.$startMinute).all()
        // Members see every meeting; others the open ones.
        let shown = meetings.filter { $0.isOpenCall || context.isMember || context.viewer.organizes(section: nil) }
        let outputs = try await StudyGroupOutput.query(on: request.db).filter(\.$group.$id == id).sort(\.$addedAt, .descending).all()
        let people = context.members.filter { $0.status == .member || context.isLeader && $0.status == .requested }
        let staff = try await DialogueLoading.staff(people.map(\.staffNumber) + outputs.map(\.addedBy), on: request.db)
        let names = try await DialogueLoading.sectionNames(staff.values.compactMap(\.currentSectionCode), today: request.today, on: request.db)
        var joinForm: FormModel?
        var joinNote: String?
        if let refusal = StudyGroupJoinRule.refusal(status: context.mine?.status, acceptsMembers: group.acceptsMembers) {
            if refusal != .alreadyMember { joinNote = SessionText.joinRefusal(refusal, request.localizer) }
        } else {
            joinForm = Self.joinForm(request, group: id, input: [:])
        }
        var outputForm = context.isMember ? Self.outputForm(request, group: id, input: [:]) : nil
        switch failed {
        case .join(let input, let validation)?: joinForm = Self.joinForm(request, group: id, input: input, validation: validation)
        case .output(let input, let validation)?: outputForm = Self.outputForm(request, group: id, input: input, validation: validation)
        case nil: break
        }
        return try await request.renderPage(
            "dialogue/study-group-show", title: "dialogue.studyGroup.pageTitle", titleArguments: [group.title],
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(request.t("dialogue.studyGroup.title"), SessionRoute.studyGroups.path), (group.title, nil)]),
            content: StudyGroupPage.build(
                StudyGroupPage.Input(group: group, members: context.members, isMember: context.isMember, isLeader: context.isLeader,
                                     myStatus: context.mine?.status, meetings: shown, outputs: outputs, staff: staff, sectionNames: names,
                                     today: request.today, csrfToken: request.csrfToken, joinForm: joinForm, joinNote: joinNote, outputForm: outputForm),
                localizer: request.localizer),
            status: failed == nil ? .ok : .unprocessableEntity)
    }

    static func joinForm(_ request: Request, group: UUID, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: SessionRoute.joinStudyGroup(.id(group)).path, submitLabelKey: "dialogue.studyGroup.join", fields: [
            FormField(request: request, name: "message", labelKey: "dialogue.studyGroup.field.message", kind: .textarea, value: input["message"] ?? "",
                      hintKey: "dialogue.studyGroup.field.message.hint", maxLength: messageMaxLength),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    static func outputForm(_ request: Request, group: UUID, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: SessionRoute.studyGroupOutputs(.id(group)).path, submitLabelKey: "dialogue.studyGroup.output.add", fields: [
            FormField(request: request, name: "title", labelKey: "dialogue.studyGroup.output.field.title", value: input["title"] ?? "", isRequired: true,
                      maxLength: titleMaxLength),
            FormField(request: request, name: "body", labelKey: "dialogue.studyGroup.output.field.body", kind: .textarea, value: input["body"] ?? "",
                      hintKey: "dialogue.studyGroup.output.field.body.hint", maxLength: outputMaxLength),
            FormField(request: request, name: "link", labelKey: "dialogue.studyGroup.output.field.link", value: input["link"] ?? "",
                      hintKey: "dialogue.studyGroup.output.field.link.hint", maxLength: SessionForms.linkMaxLength),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    // MARK: - Joining

    @Sendable func join(_ request: Request) async throws -> Response {
        let context = try await GroupContext.load(request)
        let id = try context.group.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let message = validation.text("message", input["message"], labelKey: "dialogue.studyGroup.field.message", required: false,
                                      maxLength: Self.messageMaxLength)
        if let refusal = StudyGroupJoinRule.refusal(status: context.mine?.status, acceptsMembers: context.group.acceptsMembers) {
            request.flash(.error, SessionText.joinRefusal(refusal, request.localizer))
            return request.redirect(to: SessionRoute.studyGroup(.id(id)).path)
        }
        guard validation.isValid else { return try await page(request, context: context, failed: .join(input, validation)) }
        let row = context.mine ?? StudyGroupMember(groupID: id, staffNumber: context.viewer.staffNumber, status: .requested, requestedAt: request.now)
        row.status = .requested
        row.message = message
        row.requestedAt = request.now
        row.answeredBy = nil
        row.answeredAt = nil
        try await request.db.writeTransaction { database in
            try await row.save(on: database)
            try await request.audit(.create, subjectType: "dialogue_study_group_request", subjectID: id.uuidString.lowercased(), on: database)
        }
        request.flash(.success, request.t("dialogue.studyGroup.requested", context.group.title))
        return request.redirect(to: SessionRoute.studyGroup(.id(id)).path)
    }

    /// A leader accepts or declines a request to join.
    @Sendable func answer(_ request: Request) async throws -> Response {
        let context = try await GroupContext.load(request)
        guard context.isLeader else { throw Abort(.forbidden) }
        let id = try context.group.requireID()
        let input = try request.content.decode([String: String].self)
        guard let row = context.members.first(where: { $0.id?.uuidString.lowercased() == input["member"]?.lowercased() }), row.status == .requested,
              let decision = input["decision"], decision == "accept" || decision == "decline"
        else {
            request.flash(.error, request.t("dialogue.studyGroup.answerStale"))
            return request.redirect(to: SessionRoute.studyGroup(.id(id)).path)
        }
        row.status = decision == "accept" ? .member : .declined
        row.answeredBy = context.viewer.staffNumber
        row.answeredAt = request.now
        try await request.db.writeTransaction { database in
            try await row.save(on: database)
            try await request.audit(.update, subjectType: "dialogue_study_group_request", subjectID: id.uuidString.lowercased(),
                                    detail: "\(row.staffNumber.rawValue) \(row.status.rawValue)", on: database)
        }
        let name = try await StaffMember.query(on: request.db).filter(\.$staffNumber == row.staffNumber).first()?.name ?? row.staffNumber.rawValue
        request.flash(.success, request.t(decision == "accept" ? "dialogue.studyGroup.accepted" : "dialogue.studyGroup.declined", name))
        return request.redirect(to: SessionRoute.studyGroup(.id(id)).path)
    }

    // MARK: - Outputs

    @Sendable func addOutput(_ request: Request) async throws -> Response {
        let context = try await GroupContext.load(request)
        guard context.isMember else { throw Abort(.forbidden) }
        let id = try context.group.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let title = validation.text("title", input["title"], labelKey: "dialogue.studyGroup.output.field.title", maxLength: Self.titleMaxLength)
        let body = validation.text("body", input["body"], labelKey: "dialogue.studyGroup.output.field.body", required: false, maxLength: Self.outputMaxLength)
        let link = validation.text("link", input["link"], labelKey: "dialogue.studyGroup.output.field.link", required: false, maxLength: SessionForms.linkMaxLength)
        if !link.isEmpty && !SessionForms.isWebLink(link) {
            validation.fail("link", "dialogue.session.linkInvalid", request.t("dialogue.studyGroup.output.field.link"))
        }
        if validation.isValid && body.isEmpty && link.isEmpty {
            validation.fail("body", "dialogue.studyGroup.output.empty")
        }
        guard validation.isValid else { return try await page(request, context: context, failed: .output(input, validation)) }
        let output = StudyGroupOutput(groupID: id, title: title, body: body, link: link.isEmpty ? nil : link, addedBy: context.viewer.staffNumber,
                                      addedAt: request.now)
        try await request.db.writeTransaction { database in
            try await output.create(on: database)
            try await request.audit(.create, subjectType: "dialogue_study_group_output", subjectID: id.uuidString.lowercased(), detail: title, on: database)
        }
        request.flash(.success, request.t("dialogue.studyGroup.output.added", title))
        return request.redirect(to: SessionRoute.studyGroup(.id(id)).path)
    }

    // MARK: - Meetings

    @Sendable func showNewMeeting(_ request: Request) async throws -> Response {
        let context = try await GroupContext.load(request)
        guard context.isMember else { throw Abort(.notFound) }
        return try await meetingPage(request, context: context, input: [:], validation: nil)
    }

    @Sendable func createMeeting(_ request: Request) async throws -> Response {
        let context = try await GroupContext.load(request)
        guard context.isMember else { throw Abort(.forbidden) }
        let id = try context.group.requireID()
        let input = try request.content.decode([String: String].self)
        let series = try await DialogueSeries.query(on: request.db).sort(\.$createdAt, .descending).all()
        var validation = FormValidation(request: request)
        guard let draft = SessionForms.validateSession(request, input: input, host: .studyGroup(id), series: series, validation: &validation) else {
            return try await meetingPage(request, context: context, input: input, validation: validation)
        }
        let session = try await SessionRoutes.store(draft, studyGroupID: id, request: request)
        request.flash(.success, request.t("dialogue.session.created", session.title))
        return request.redirect(to: SessionRoute.session(.id(try session.requireID())).path)
    }

    private func meetingPage(_ request: Request, context: GroupContext, input: [String: String], validation: FormValidation?) async throws -> Response {
        let id = try context.group.requireID()
        let series = try await DialogueSeries.query(on: request.db).sort(\.$createdAt, .descending).all()
        let form = SessionForms.session(request, action: SessionRoute.newStudyGroupMeeting(.id(id)).path, host: .studyGroup(id), series: series,
                                        input: input, validation: validation)
        return try await request.renderPage(
            "dialogue/session-form", title: "dialogue.studyGroup.newMeeting",
            breadcrumbs: DialogueLoading.breadcrumbs(request, [(request.t("dialogue.studyGroup.title"), SessionRoute.studyGroups.path),
                                                               (context.group.title, SessionRoute.studyGroup(.id(id)).path),
                                                               (request.t("dialogue.studyGroup.newMeeting"), nil)]),
            content: SessionFormPage.Content(intro: request.t("dialogue.studyGroup.newMeetingIntro", context.group.title), facts: [], notes: [], form: form),
            status: validation?.isValid == false ? .unprocessableEntity : .ok)
    }
}
