import Fluent
import JibungotoDomain
import Vapor

/// The office's work on a proposal (receipt, review, the outcome with its answer or 差し戻し,
/// publishing the answer, the request to a section), the reviewers it assigns, and the reviewers'
/// own work: their desk and their scores and private notes.
struct ProposalReviewRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.POST, ProposalRoute.state(.pattern), requires: .permission(.manageProposals), shows: .nothing, use: move)
        routes.on(.POST, ProposalRoute.publish(.pattern), requires: .permission(.manageProposals), shows: .nothing, use: publish)
        routes.on(.POST, ProposalRoute.reviewers(.pattern), requires: .permission(.manageProposals), shows: .nothing, use: assign)
        routes.on(.POST, ProposalRoute.removeReviewer(.pattern), requires: .permission(.manageProposals), shows: .nothing, use: unassign)
        routes.on(.POST, ProposalRoute.evaluation(.pattern), requires: .permission(.submitProposals), shows: .nothing, use: evaluate)
        routes.on(.GET, ProposalRoute.desk, requires: .permission(.submitProposals), shows: .viewed(subject: "proposal_reviews"), use: desk)
    }

    private func back(_ request: Request, _ context: ProposalContext) -> Response {
        request.redirect(to: ProposalRoute.proposal(context.parameter).path)
    }

    /// The page again with a refused step's reason at its top.
    private func refused(_ request: Request, _ reader: ProposalReader, _ context: ProposalContext, _ message: String) async throws -> Response {
        var forms = ProposalPageForms()
        forms.error = message
        return try await ProposalRoutes.page(request, reader: reader, context: context, forms: forms, status: .unprocessableEntity)
    }

    // MARK: - The office moves the proposal on

    @Sendable func move(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        let input = try request.content.decode([String: String].self)
        guard let to = ProposalState(rawValue: input["to"] ?? "") else {
            return try await refused(request, reader, context, request.t("form.invalidChoice", request.t("proposals.office.step")))
        }
        var validation = FormValidation(request: request)
        let text = validation.text("text", input["text"], labelKey: to.isRequestToSection ? "proposals.request.note" : "proposals.decision.text",
                                   required: false, maxLength: ProposalForms.textMaxLength)
        var section: SectionCode?
        if to.isRequestToSection, let typed = input["section"], !typed.isEmpty {
            let tree = try await request.currentOrganization()
            section = tree.units[SectionCode(typed)]?.code
            if section == nil { validation.fail("section", "form.invalidChoice", request.t("proposals.request.section")) }
        }
        let step = ProposalStep(to: to, text: text, section: section)
        if validation.isValid, let refusal = ProposalWorkflow.refusal(
            from: context.proposal.state, to: to, by: context.viewer.actors, facts: ProposalSteps.facts(context, step: step, today: request.today)) {
            let message = ProposalWords.refusal(refusal, names: [:], request.localizer)
            switch refusal {
            case .answerMissing, .returnReasonMissing: validation.fail("text", "proposals.refused", message)
            case .sectionMissing: validation.fail("section", "proposals.refused", message)
            default: validation.fail("to", "proposals.refused", message)
            }
        }
        guard validation.isValid else {
            var forms = ProposalPageForms()
            // The refusal goes where the step was asked: the decision's form, the request's, or above the panel.
            if to.isOutcome || to == .returned, context.proposal.state == .underReview {
                forms.decision = ProposalForms.decision(request, context.parameter, input: input, validation: validation)
            } else if to.isRequestToSection, context.proposal.state.isAdoption, context.proposal.answerPublished {
                forms.request = ProposalForms.requestToSection(request, context.parameter, tree: try await request.currentOrganization(), input: input, validation: validation)
            } else {
                forms.error = validation.errors.values.first
            }
            return try await ProposalRoutes.page(request, reader: reader, context: context, forms: forms, status: .unprocessableEntity)
        }
        let tree = try await request.currentOrganization()
        try await request.db.writeTransaction { database in
            try await ProposalSteps.record(step, on: context.proposal, authors: context.confirmedAuthors.map(\.staffNumber), tree: tree, request: request,
                                           database: database)
        }
        request.flash(.success, request.t("proposals.moved", context.proposal.title, ProposalWords.state(to, request.localizer)))
        return back(request, context)
    }

    @Sendable func publish(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        guard context.viewer.actors.contains(.secretariat) else {
            return try await refused(request, reader, context, ProposalWords.refusal(.notYours(required: .secretariat), names: [:], request.localizer))
        }
        if let refusal = ProposalPublication.refusal(outcome: context.proposal.outcome, published: context.proposal.answerPublished) {
            return try await refused(request, reader, context, ProposalWords.publicationRefusal(refusal, request.localizer))
        }
        let tree = try await request.currentOrganization()
        try await request.db.writeTransaction { database in
            try await ProposalSteps.publish(context.proposal, authors: context.confirmedAuthors.map(\.staffNumber), tree: tree, request: request, database: database)
        }
        request.flash(.success, request.t(context.call.answersPublishedToAll ? "proposals.publish.doneToAll" : "proposals.publish.doneToAuthors", context.proposal.title))
        return back(request, context)
    }

    // MARK: - Reviewers

    @Sendable func assign(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        if !context.viewer.actors.contains(.secretariat) {
            validation.fail("reviewer", "proposals.refused", ProposalWords.refusal(.notYours(required: .secretariat), names: [:], request.localizer))
        }
        let typed = validation.text("reviewer", input["reviewer"], labelKey: "proposals.reviewer.number", maxLength: 20)
        let number = StaffNumber((typed.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? typed).uppercased())
        let dueOn = validation.date("due_on", input["due_on"], labelKey: "proposals.reviewer.dueOn")
        if let dueOn, dueOn < request.today { validation.fail("due_on", "proposals.reviewer.dueInPast", request.localizer.date(request.today)) }
        var reviewer: StaffMember?
        if validation.errors["reviewer"] == nil {
            reviewer = try await StaffMember.query(on: request.db).filter(\.$staffNumber == number).first()
            if reviewer == nil {
                validation.fail("reviewer", "proposals.reviewer.unknown", typed)
            } else if let refusal = ProposalReviewRules.assignmentRefusal(
                reviewer: number, authors: context.authorNumbers, assigned: context.reviewerNumbers, state: context.proposal.state) {
                validation.fail("reviewer", "proposals.refused", ProposalWords.reviewRefusal(refusal, request.localizer))
            }
        }
        guard validation.isValid, let reviewer, let dueOn else {
            var forms = ProposalPageForms()
            forms.reviewer = ProposalForms.reviewer(request, context.parameter, input: input, validation: validation)
            return try await ProposalRoutes.page(request, reader: reader, context: context, forms: forms, status: .unprocessableEntity)
        }
        try await request.db.writeTransaction { database in
            try await ProposalReview(proposalID: context.id, reviewer: number, assignedBy: reader.staffNumber, assignedAt: request.now, dueOn: dueOn)
                .create(on: database)
            try await request.audit(.create, subjectType: "proposal_review", subjectID: number, detail: context.proposal.activityID, on: database)
        }
        request.flash(.success, request.t("proposals.reviewer.assigned", reviewer.name, request.localizer.date(dueOn)))
        return back(request, context)
    }

    /// A reviewer who has not scored yet is taken off the proposal (a scored review is kept).
    @Sendable func unassign(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        let number = StaffNumber((try? request.content.get(String.self, at: "reviewer")) ?? "")
        guard context.viewer.actors.contains(.secretariat), let review = context.reviews.first(where: { $0.reviewerStaffNumber == number }) else {
            return try await refused(request, reader, context, request.t("proposals.reviewer.notAssigned"))
        }
        guard review.evaluatedAt == nil, context.proposal.state == .received || context.proposal.state == .underReview else {
            return try await refused(request, reader, context, request.t("proposals.reviewer.keptEvaluated"))
        }
        try await request.db.writeTransaction { database in
            try await review.delete(on: database)
            try await request.audit(.update, subjectType: "proposal_review", subjectID: number, detail: "removed \(context.proposal.activityID)", on: database)
        }
        request.flash(.success, request.t("proposals.reviewer.removed"))
        return back(request, context)
    }

    // MARK: - A reviewer's scores and private note

    @Sendable func evaluate(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        let input = try request.content.decode([String: String].self)
        let criteria = context.call.criteriaList
        var validation = FormValidation(request: request)
        if let refusal = ProposalReviewRules.evaluationRefusal(
            reviewer: reader.staffNumber, authors: context.authorNumbers, assigned: context.reviewerNumbers, state: context.proposal.state) {
            // Nothing to score here: back to the page with the reason, no form.
            return try await refused(request, reader, context, ProposalWords.reviewRefusal(refusal, request.localizer))
        }
        var scores: [Int] = []
        for (index, criterion) in criteria.enumerated() {
            let name = "score_\(index)"
            if let score = Int(input[name] ?? ""), ProposalReviewRules.scores.contains(score) {
                scores.append(score)
            } else {
                validation.fail(name, "proposals.review.scoreMissing", criterion, String(ProposalReviewRules.scores.lowerBound),
                                String(ProposalReviewRules.scores.upperBound))
            }
        }
        let note = validation.text("note", input["note"], labelKey: "proposals.review.note", required: false, maxLength: ProposalForms.commentMaxLength)
        guard validation.isValid, let review = context.reviews.first(where: { $0.reviewerStaffNumber == reader.staffNumber }) else {
            var forms = ProposalPageForms()
            forms.evaluation = ProposalForms.evaluation(request, context.parameter, criteria: criteria, input: input, validation: validation)
            return try await ProposalRoutes.page(request, reader: reader, context: context, forms: forms, status: .unprocessableEntity)
        }
        review.scores = scores.map(String.init).joined(separator: ",")
        review.note = note
        review.evaluatedAt = request.now
        try await request.db.writeTransaction { database in
            try await review.save(on: database)
            try await request.audit(.update, subjectType: "proposal_review", subjectID: reader.staffNumber, detail: context.proposal.activityID, on: database)
        }
        request.flash(.success, request.t("proposals.review.saved"))
        return request.redirect(to: ProposalRoute.desk.path)
    }

    // MARK: - The desk

    /// The reader's assignments (HR's review readers: everyone's with `who=all`), pending or
    /// evaluated, with due dates and counts.
    @Sendable func desk(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let filter = ProposalReviewDesk.Filter(rawValue: (try? request.query.get(String.self, at: "show")) ?? "") ?? .pending
        let everyone = reader.readsAllReviews && (try? request.query.get(String.self, at: "who")) == "all"
        var query = ProposalReview.query(on: request.db).with(\.$proposal)
        if !everyone { query = query.filter(\.$reviewerStaffNumber == reader.staffNumber) }
        let reviews = try await query.all()
        var staff: [StaffNumber: StaffMember] = [:]
        if everyone { staff = try await ProposalLoading.staff(reviews.map(\.reviewerStaffNumber), on: request.db) }
        return try await request.renderPage(
            "proposals/desk", title: "proposals.desk.title",
            breadcrumbs: ProposalLoading.breadcrumbs(request, last: request.t("proposals.desk.title")),
            content: ProposalDeskPage.build(reviews: reviews, filter: filter, everyone: everyone, readsAll: reader.readsAllReviews,
                                            staff: staff, today: request.today, localizer: request.localizer))
    }
}
