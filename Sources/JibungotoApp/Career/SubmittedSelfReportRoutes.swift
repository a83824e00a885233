import Fluent
import JibungotoDomain
import Vapor

/// A submitted self-report as it was submitted (read-only, printable on A4), and the manager's
/// comment (所属長所見) on it. The person, HR and the managers whose completion scope reaches the
/// person's section read it — health and family only the person and HR (`SelfReportReader`);
/// the section manager writes the comment. Anyone else gets 404: not even whether it exists.
struct SubmittedSelfReportRoutes {
    static let commentMaxLength = 2_000

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, CareerRoute.ownSubmittedReport(.pattern), requires: .permission(.submitSelfReport), shows: .nothing, use: showOwn)
        routes.on(.GET, CareerRoute.submittedReport(.pattern, .pattern), requires: .permission(.viewSelfReportCompletion), shows: .viewed(subject: "self_report"), use: show)
        routes.on(.POST, CareerRoute.managerComment(.pattern, .pattern), requires: .permission(.viewSelfReportCompletion), shows: .nothing, use: saveComment)
    }

    /// The report, its round and person, and how the reader stands to it.
    struct Context {
        let cycle: SelfReportCycle
        let report: SelfReport
        let member: StaffMember
        let reader: SelfReportReader
        /// The section manager over the person (section scope reaching their section).
        let writesComment: Bool
    }

    /// `number` nil: the `staffNumber` of the path.
    private func context(_ request: Request, number own: StaffNumber? = nil) async throws -> Context {
        guard let id = request.parameters.get("cycleID", as: UUID.self), let cycle = try await SelfReportCycle.find(id, on: request.db),
              let number = own ?? request.parameters.get("staffNumber").map(StaffNumber.typed) else { throw Abort(.notFound) }
        guard let member = try await StaffMember.query(on: request.db).filter(\.$staffNumber == number).first(),
              let report = try await SelfReport.query(on: request.db).filter(\.$cycle.$id == id).filter(\.$staffNumber == number)
                .filter(\.$submittedAt != nil).with(\.$wishes).first() else { throw Abort(.notFound) }
        let user = try request.requireUser()
        let isSelf = user.staffNumber == number
        var reaches = false
        var writes = false
        if !isSelf, let scope = user.scope(of: .viewSelfReportCompletion), scope != .own, let section = member.currentSectionCode {
            if scope != .all {
                reaches = try await OrganizationScope.units(for: request, scope: scope).contains(section)
            }
            writes = reaches && scope == .section
        }
        let reader = SelfReportReader(isSelf: isSelf, isHR: user.scope(of: .manageSelfReports) != nil, isManager: reaches)
        guard reader.mayRead else { throw Abort(.notFound) }
        return Context(cycle: cycle, report: report, member: member, reader: reader, writesComment: writes)
    }

    /// The signed-in staff member's own report of a round.
    @Sendable func showOwn(_ request: Request) async throws -> Response {
        let context = try await self.context(request, number: try request.requireUser().staffNumber)
        return try await page(request, context: context, commentInput: nil, validation: nil)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let context = try await self.context(request)
        return try await page(request, context: context, commentInput: nil, validation: nil)
    }

    struct CommentForm: Content {
        var comment: String?
    }

    @Sendable func saveComment(_ request: Request) async throws -> Response {
        let context = try await self.context(request)
        guard context.writesComment else { throw Abort(.forbidden) }
        let input = try request.content.decode(CommentForm.self)
        var validation = FormValidation(request: request)
        let text = validation.text("comment", input.comment, labelKey: "selfReport.managerComment", maxLength: Self.commentMaxLength)
        guard validation.isValid else {
            // The form comes back with the report on it: a view of the report, audited as one.
            try await request.audit(.view, subjectType: "self_report", subjectID: context.member.staffNumber, detail: context.cycle.title)
            return try await page(request, context: context, commentInput: input.comment ?? "", validation: validation)
        }
        let reportID = try context.report.requireID()
        let comment = try await SelfReportManagerComment.query(on: request.db).filter(\.$reportID == reportID).first()
            ?? SelfReportManagerComment(reportID: reportID, comment: "", writtenBy: try request.requireUser().staffNumber)
        comment.comment = text
        comment.writtenBy = try request.requireUser().staffNumber
        try await request.db.writeTransaction { database in
            try await comment.save(on: database)
            try await request.audit(.update, subjectType: "self_report_manager_comment", subjectID: context.member.staffNumber,
                                    detail: context.cycle.title, on: database)
        }
        request.flash(.success, request.t("selfReport.managerCommentSaved", context.member.name))
        return request.redirect(to: CareerRoute.submittedReport(.id(try context.cycle.requireID()), .staff(context.member.staffNumber)).path)
    }

    private func page(_ request: Request, context: Context, commentInput: String?, validation: FormValidation?) async throws -> Response {
        let reportID = try context.report.requireID()
        let cycleID = try context.cycle.requireID()
        let situation = try await SelfReportSituation.query(on: request.db).filter(\.$reportID == reportID).first()
        let showsComment = context.reader.readsManagerComment(shownToStaff: request.application.jibungotoSettings.managerCommentVisibleToStaff)
        var comment: SelfReportManagerComment? = nil
        if showsComment {
            comment = try await SelfReportManagerComment.query(on: request.db).filter(\.$reportID == reportID).first()
        }
        var form: FormModel? = nil
        if context.writesComment {
            var model = FormModel(request: request, action: CareerRoute.managerComment(.id(cycleID), .staff(context.member.staffNumber)).path,
                                  submitLabelKey: "selfReport.saveManagerComment", fields: [
                FormField(request: request, name: "comment", labelKey: "selfReport.managerComment", kind: .textarea,
                          value: commentInput ?? comment?.comment ?? "", hintKey: "selfReport.managerCommentHint", isRequired: true, maxLength: Self.commentMaxLength),
            ])
            if let validation { model.apply(validation, request: request) }
            form = model
        }
        let name = context.member.name
        return try await request.renderPage(
            "career/submitted", title: "selfReport.submittedTitle", titleArguments: [name],
            breadcrumbs: [context.reader.isSelf ? Breadcrumb(label: request.t("selfReport.title"), href: CareerRoute.selfReport.path)
                            : Breadcrumb(label: name, href: OrganizationRoute.staff(.staff(context.member.staffNumber)).path),
                          Breadcrumb(label: request.t("selfReport.submittedTitle", name), href: nil)],
            content: SubmittedSelfReportPage.build(
                cycle: context.cycle, report: context.report, member: context.member, tree: try await request.currentOrganization(),
                situation: situation, showsSensitive: context.reader.readsSensitive, showsComment: showsComment, comment: comment, commentForm: form,
                today: request.today, localizer: request.localizer),
            status: validation.map { $0.isValid ? HTTPResponseStatus.ok : .unprocessableEntity } ?? .ok)
    }
}
