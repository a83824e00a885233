import Fluent
import JibungotoDomain
import Vapor

/// What people do around a proposal besides reviewing it: a co-author's confirmation, comments
/// and the authors' answers to them, and 共感 (once per person, withdrawable).
struct ProposalReactionRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.POST, ProposalRoute.coAuthorship(.pattern), requires: .permission(.submitProposals), shows: .nothing, use: answerInvitation)
        routes.on(.POST, ProposalRoute.comments(.pattern), requires: .permission(.submitProposals), shows: .nothing, use: comment)
        routes.on(.POST, ProposalRoute.commentAnswer(.pattern), requires: .permission(.submitProposals), shows: .nothing, use: answerComment)
        routes.on(.POST, ProposalRoute.empathy(.pattern), requires: .permission(.submitProposals), shows: .nothing, use: markEmpathy)
        routes.on(.POST, ProposalRoute.withdrawEmpathy(.pattern), requires: .permission(.submitProposals), shows: .nothing, use: withdrawEmpathy)
    }

    private func back(_ request: Request, _ context: ProposalContext, anchor: String = "") -> Response {
        request.redirect(to: ProposalRoute.proposal(context.parameter).path + anchor)
    }

    // MARK: - Co-authors

    /// The co-author asked confirms (the proposal counts as theirs too) or declines.
    @Sendable func answerInvitation(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        guard let mine = context.authors.first(where: { $0.staffNumber == reader.staffNumber && !$0.isLead }),
              mine.status == .invited, context.proposal.state == .draft
        else {
            request.flash(.error, request.t("proposals.invitation.nothingToAnswer"))
            return back(request, context)
        }
        let confirms: Bool
        switch (try? request.content.get(String.self, at: "answer")) ?? "" {
        case "confirm": confirms = true
        case "decline": confirms = false
        default:
            request.flash(.error, request.t("form.invalidChoice", request.t("proposals.invitation.answer")))
            return back(request, context)
        }
        mine.status = confirms ? .confirmed : .declined
        mine.answeredAt = request.now
        try await request.db.writeTransaction { database in
            try await mine.save(on: database)
            try await request.audit(.update, subjectType: "proposal_author", subjectID: context.proposal.activityID,
                                    detail: confirms ? "confirmed" : "declined", on: database)
        }
        request.flash(.success, request.t(confirms ? "proposals.invitation.confirmed" : "proposals.invitation.declined", context.proposal.title))
        // One who declined no longer reads the draft.
        return confirms ? back(request, context) : request.redirect(to: ProposalRoute.list.path)
    }

    // MARK: - Comments

    @Sendable func comment(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        if let refusal = ProposalReactions.commentRefusal(state: context.proposal.state) {
            validation.fail("body", "proposals.refused", ProposalWords.reactionRefusal(refusal, request.localizer))
        }
        let body = validation.text("body", input["body"], labelKey: "proposals.comment.body", maxLength: ProposalForms.commentMaxLength)
        guard validation.isValid else {
            var forms = ProposalPageForms()
            forms.comment = ProposalForms.comment(request, context.parameter, input: input, validation: validation)
            return try await ProposalRoutes.page(request, reader: reader, context: context, forms: forms, status: .unprocessableEntity)
        }
        try await request.db.writeTransaction { database in
            try await ProposalComment(proposalID: context.id, author: reader.staffNumber, body: body, createdAt: request.now).create(on: database)
            try await request.audit(.create, subjectType: "proposal_comment", subjectID: context.proposal.activityID, on: database)
        }
        request.flash(.success, request.t("proposals.comment.saved"))
        return back(request, context, anchor: "#comments")
    }

    /// An author answers a comment, once.
    @Sendable func answerComment(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        let input = try request.content.decode([String: String].self)
        guard let commentID = input["comment_id"].flatMap(UUID.init(uuidString:)),
              let comment = try await ProposalComment.query(on: request.db).filter(\.$id == commentID).filter(\.$proposal.$id == context.id).first()
        else { throw Abort(.notFound) }
        var validation = FormValidation(request: request)
        if let refusal = ProposalReactions.answerRefusal(isAuthor: context.viewer.isLead || context.viewer.isCoAuthor, alreadyAnswered: comment.answer != nil) {
            validation.fail("answer", "proposals.refused", ProposalWords.reactionRefusal(refusal, request.localizer))
        }
        let answer = validation.text("answer", input["answer"], labelKey: "proposals.comment.answer", maxLength: ProposalForms.commentMaxLength)
        guard validation.isValid else {
            var forms = ProposalPageForms()
            forms.answerError = (commentID: commentID.uuidString.lowercased(), message: validation.errors["answer"] ?? "")
            return try await ProposalRoutes.page(request, reader: reader, context: context, forms: forms, status: .unprocessableEntity)
        }
        comment.answer = answer
        comment.answeredBy = reader.staffNumber
        comment.answeredAt = request.now
        try await request.db.writeTransaction { database in
            try await comment.save(on: database)
            try await request.audit(.update, subjectType: "proposal_comment", subjectID: context.proposal.activityID, detail: "answered", on: database)
        }
        request.flash(.success, request.t("proposals.comment.answered"))
        return back(request, context, anchor: "#comments")
    }

    // MARK: - 共感

    @Sendable func markEmpathy(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        let marked = try await ProposalEmpathy.query(on: request.db).filter(\.$proposal.$id == context.id).filter(\.$staffNumber == reader.staffNumber).count() > 0
        if let refusal = ProposalReactions.empathyRefusal(isAuthor: context.viewer.isAuthor, alreadyMarked: marked, state: context.proposal.state) {
            request.flash(.error, ProposalWords.reactionRefusal(refusal, request.localizer))
            return back(request, context, anchor: "#empathy")
        }
        try await ProposalEmpathy(proposalID: context.id, staffNumber: reader.staffNumber, createdAt: request.now).create(on: request.db)
        request.flash(.success, request.t("proposals.empathy.marked"))
        return back(request, context, anchor: "#empathy")
    }

    @Sendable func withdrawEmpathy(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        let mine = try await ProposalEmpathy.query(on: request.db).filter(\.$proposal.$id == context.id).filter(\.$staffNumber == reader.staffNumber).first()
        if let refusal = ProposalReactions.withdrawalRefusal(hasMarked: mine != nil) {
            request.flash(.error, ProposalWords.reactionRefusal(refusal, request.localizer))
            return back(request, context, anchor: "#empathy")
        }
        try await mine?.delete(on: request.db)
        request.flash(.success, request.t("proposals.empathy.withdrawn"))
        return back(request, context, anchor: "#empathy")
    }
}
