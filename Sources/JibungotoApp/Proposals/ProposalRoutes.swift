import Fluent
import JibungotoDomain
import Vapor

/// Staff proposals: the list, writing a proposal (alone or with co-authors) as a draft, submitting
/// it, revising it after 差し戻し, and the proposal's page. Comments and 共感 are in
/// `ProposalReactionRoutes`; the office's and the reviewers' work in `ProposalReviewRoutes`.
struct ProposalRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, ProposalRoute.list, requires: .permission(.submitProposals), shows: .viewed(subject: "proposals"), use: list)
        routes.on(.GET, ProposalRoute.new, requires: .permission(.submitProposals), shows: .nothing, use: showNew)
        routes.on(.POST, ProposalRoute.new, requires: .permission(.submitProposals), shows: .nothing, use: create)
        routes.on(.GET, ProposalRoute.proposal(.pattern), requires: .permission(.submitProposals), shows: .viewed(subject: "proposal"), use: show)
        routes.on(.GET, ProposalRoute.edit(.pattern), requires: .permission(.submitProposals), shows: .nothing, use: showEdit)
        routes.on(.POST, ProposalRoute.edit(.pattern), requires: .permission(.submitProposals), shows: .nothing, use: save)
    }

    // MARK: - List

    @Sendable func list(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let year = ProposalLoading.fiscalYear(request)
        let myRows = try await ProposalAuthor.query(on: request.db).filter(\.$staffNumber == reader.staffNumber).filter(\.$status != .declined).all()
        let myReviews = Set(try await ProposalReview.query(on: request.db).filter(\.$reviewerStaffNumber == reader.staffNumber).all().map(\.$proposal.id))
        let authorship = Dictionary(myRows.map { ($0.$proposal.id, $0) }, uniquingKeysWith: { first, _ in first })
        var mine: [Proposal] = []
        if !authorship.isEmpty { mine = try await Proposal.query(on: request.db).filter(\.$id ~~ Array(authorship.keys)).with(\.$call).all() }
        let ofYear = try await Proposal.query(on: request.db).filter(\.$fiscalYear == year).with(\.$call).sort(\.$number).all()
        func viewer(_ proposal: Proposal) -> ProposalViewer {
            let id = proposal.id ?? UUID()
            return reader.viewer(of: proposal, authorship: authorship[id], isReviewer: myReviews.contains(id))
        }
        let visible = ofYear.filter { ProposalVisibility.sees(viewer($0), $0.disclosure(in: $0.call)) }
        let ids = (mine + visible).compactMap(\.id)
        var empathies: [UUID: Int] = [:], comments: [UUID: Int] = [:]
        for chunk in ids.chunked(into: 500) {
            for row in try await ProposalEmpathy.query(on: request.db).filter(\.$proposal.$id ~~ Array(chunk)).all() { empathies[row.$proposal.id, default: 0] += 1 }
            for row in try await ProposalComment.query(on: request.db).filter(\.$proposal.$id ~~ Array(chunk)).all() { comments[row.$proposal.id, default: 0] += 1 }
        }
        let staff = try await ProposalLoading.staff(visible.map(\.leadStaffNumber), on: request.db)
        let submittedYears = try await Proposal.query(on: request.db).filter(\.$fiscalYear != nil).unique().all(\.$fiscalYear).compactMap { $0 }
        let years = Set(submittedYears + [request.today.fiscalYear.startYear])
        let openCalls = try await ProposalLoading.openCalls(for: reader, today: request.today, on: request.db)
        let user = reader.user
        return try await request.renderPage(
            "proposals/list", title: "proposals.title", breadcrumbs: ProposalLoading.breadcrumbs(request),
            content: ProposalListPage.build(
                mine: mine.sorted { $0.createdAt > $1.createdAt }.map { proposal in
                    ProposalListPage.Item(proposal: proposal, viewer: viewer(proposal), lead: nil,
                                          empathies: empathies[proposal.id ?? UUID()] ?? 0, comments: comments[proposal.id ?? UUID()] ?? 0)
                },
                ofYear: visible.map { proposal in
                    ProposalListPage.Item(proposal: proposal, viewer: viewer(proposal), lead: staff[proposal.leadStaffNumber],
                                          empathies: empathies[proposal.id ?? UUID()] ?? 0, comments: comments[proposal.id ?? UUID()] ?? 0)
                },
                year: year, years: years.sorted(by: >),
                canPropose: !openCalls.isEmpty,
                reportsImplementation: user.scope(of: .reportProposalImplementation) != nil,
                viewsFigures: user.scope(of: .viewProposalFigures) != nil, managesCalls: reader.isSecretariat,
                localizer: request.localizer))
    }

    // MARK: - The proposal's page

    @Sendable func show(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        return try await Self.page(request, reader: reader, context: context)
    }

    /// The proposal's page as the reader may see it, with the forms they may use (and a refused form's messages).
    static func page(_ request: Request, reader: ProposalReader, context: ProposalContext, forms: ProposalPageForms = ProposalPageForms(),
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = context.id
        let versions = try await ProposalLoading.versions(of: id, on: request.db)
        let events = try await ProposalEvent.query(on: request.db).filter(\.$proposal.$id == id).sort(\.$sequence).all()
        let comments = try await ProposalComment.query(on: request.db).filter(\.$proposal.$id == id).sort(\.$createdAt).all()
        let empathies = try await ProposalEmpathy.query(on: request.db).filter(\.$proposal.$id == id).all()
        let numbers = context.authors.map(\.staffNumber) + context.reviewerNumbers + comments.map(\.authorStaffNumber) + comments.compactMap(\.answeredBy)
        let input = ProposalPage.Input(
            context: context, versions: versions, events: events, comments: comments,
            interviews: try await InterviewReferences.informing(proposal: id, for: request), empathyCount: empathies.count,
            markedEmpathy: empathies.contains { $0.staffNumber == reader.staffNumber },
            staff: try await ProposalLoading.staff(numbers, on: request.db), tree: try await request.currentOrganization(),
            forms: try await ProposalForms.page(request, context: context, reader: reader, keeping: forms),
            csrfToken: request.csrfToken, today: request.today)
        return try await request.renderPage(
            "proposals/show", title: "proposals.page.title", titleArguments: [context.proposal.title],
            breadcrumbs: ProposalLoading.breadcrumbs(request, proposal: context.proposal),
            content: ProposalPage.build(input, localizer: request.localizer), status: status)
    }

    // MARK: - Writing and submitting

    /// What a valid proposal form holds.
    struct Draft: Sendable {
        let call: ProposalCall
        let category: ProposalCategory
        let text: ProposalText
        /// The co-authors named (never the lead); nil on a revision, whose authors are fixed.
        let coAuthors: [StaffNumber]?
    }

    @Sendable func showNew(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let call = (try? request.query.get(String.self, at: "call")) ?? ""
        return try await formPage(request, reader: reader, existing: nil, input: ["call": call], validation: FormValidation(request: request))
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let input = try request.content.decode([String: String].self)
        let (draft, validation) = try await validate(request, reader: reader, input: input, existing: nil)
        guard let draft else { return try await formPage(request, reader: reader, existing: nil, input: input, validation: validation) }
        return try await store(request, reader: reader, existing: nil, draft: draft, input: input)
    }

    @Sendable func showEdit(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        guard context.viewer.isLead else { throw Abort(.notFound) }
        guard context.proposal.state.isEditable else { return frozen(request, context) }
        let proposal = context.proposal
        let input: [String: String] = [
            "call": proposal.$call.id.uuidString.lowercased(), "category": proposal.category.rawValue, "title": proposal.title,
            "related_measure": proposal.relatedMeasure, "problem": proposal.problem, "proposal": proposal.proposalText,
            "expected_effect": proposal.expectedEffect, "estimated_cost": proposal.estimatedCost,
            "co_authors": context.authors.filter { !$0.isLead && $0.status != .declined }.map(\.staffNumber.rawValue).joined(separator: ", "),
        ]
        return try await formPage(request, reader: reader, existing: context, input: input, validation: FormValidation(request: request))
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        guard context.viewer.isLead else { throw Abort(.notFound) }
        guard context.proposal.state.isEditable else { return frozen(request, context) }
        let input = try request.content.decode([String: String].self)
        let (draft, validation) = try await validate(request, reader: reader, input: input, existing: context)
        guard let draft else { return try await formPage(request, reader: reader, existing: context, input: input, validation: validation) }
        return try await store(request, reader: reader, existing: context, draft: draft, input: input)
    }

    /// A submitted proposal's text is frozen: back to its page with the reason.
    private func frozen(_ request: Request, _ context: ProposalContext) -> Response {
        request.flash(.error, request.t("proposals.frozen", ProposalWords.state(context.proposal.state, request.localizer)))
        return request.redirect(to: ProposalRoute.proposal(context.parameter).path)
    }

    /// Saves the draft (`action=draft`) or saves and submits it (`action=submit`). A refused
    /// submission saves nothing and shows the form again with the reason.
    private func store(_ request: Request, reader: ProposalReader, existing: ProposalContext?, draft: Draft, input: [String: String]) async throws -> Response {
        let submits = input["action"] == "submit"
        let now = request.now
        let lead = existing?.proposal.leadStaffNumber ?? reader.staffNumber
        let previous = existing?.authors ?? []
        // The co-authors as they will stand: a kept name keeps its answer, a new (or once declined) one is asked.
        let unconfirmed = draft.coAuthors.map { names in names.filter { name in previous.first(where: { $0.staffNumber == name })?.status != .confirmed } }
            ?? previous.filter { $0.status == .invited }.map(\.staffNumber)
        let authors = [lead] + (draft.coAuthors ?? previous.filter { !$0.isLead && $0.status == .confirmed }.map(\.staffNumber))
        if submits {
            var latest: ProposalVersion?
            if let existing { latest = try await ProposalLoading.versions(of: existing.id, on: request.db).last }
            let facts = ProposalFacts(unconfirmedCoAuthors: unconfirmed, callAcceptsSubmissions: draft.call.accepts(today: request.today),
                                      revisionChanged: latest.map { $0.text != draft.text } ?? true, today: request.today)
            if let refusal = ProposalWorkflow.refusal(from: existing?.proposal.state ?? .draft, to: .submitted, by: existing?.viewer.actors ?? [.author], facts: facts) {
                var validation = FormValidation(request: request)
                let field = switch refusal {
                case .coAuthorsUnconfirmed: "co_authors"
                case .callClosed: "call"
                default: "proposal"
                }
                let names = try await ProposalLoading.staff(unconfirmed, on: request.db)
                validation.fail(field, "proposals.refused", ProposalWords.refusal(refusal, names: names, request.localizer))
                return try await formPage(request, reader: reader, existing: existing, input: input, validation: validation)
            }
        }
        let callID = try draft.call.requireID()
        let proposal = existing?.proposal ?? Proposal(callID: callID, category: draft.category, text: draft.text, lead: lead, createdAt: now)
        proposal.$call.id = callID
        proposal.category = draft.category
        proposal.apply(draft.text)
        let isNew = existing == nil
        let tree = try await request.currentOrganization()
        try await request.db.writeTransaction { database in
            if isNew { try await proposal.create(on: database) } else { try await proposal.save(on: database) }
            let id = try proposal.requireID()
            if isNew { try await ProposalAuthor(proposalID: id, staffNumber: lead, isLead: true, status: .confirmed, answeredAt: now).create(on: database) }
            if let named = draft.coAuthors {
                for author in previous where !author.isLead && author.status != .declined && !named.contains(author.staffNumber) {
                    try await author.delete(on: database)
                }
                for number in named {
                    if let author = previous.first(where: { $0.staffNumber == number }) {
                        guard author.status == .declined else { continue }
                        author.status = .invited
                        author.answeredAt = nil
                        try await author.save(on: database)
                    } else {
                        try await ProposalAuthor(proposalID: id, staffNumber: number).create(on: database)
                    }
                }
            }
            try await request.audit(isNew ? .create : .update, subjectType: "proposal", subjectID: proposal.activityID, detail: draft.text.title, on: database)
            if submits {
                try await ProposalSteps.record(ProposalStep(to: .submitted), on: proposal, authors: authors, tree: tree, request: request, database: database)
            }
        }
        request.flash(.success, submits ? request.t("proposals.submitted", proposal.title)
                                        : request.t(unconfirmed.isEmpty ? "proposals.draftSaved" : "proposals.draftSavedAsking", proposal.title))
        return request.redirect(to: ProposalRoute.proposal(.id(try proposal.requireID())).path)
    }

    /// The calls a proposal may be written for: those open to the reader today, and its own call.
    private func callChoices(_ request: Request, reader: ProposalReader, existing: ProposalContext?) async throws -> [ProposalCall] {
        var calls = try await ProposalLoading.openCalls(for: reader, today: request.today, on: request.db)
        if let call = existing?.call, !calls.contains(where: { $0.id == call.id }) { calls.append(call) }
        return calls
    }

    private func validate(_ request: Request, reader: ProposalReader, input: [String: String], existing: ProposalContext?) async throws -> (Draft?, FormValidation) {
        var validation = FormValidation(request: request)
        let revising = existing?.proposal.state == .returned
        var call = existing?.call
        if !revising {
            let chosen = (input["call"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            call = try await callChoices(request, reader: reader, existing: existing).first { $0.id?.uuidString.lowercased() == chosen }
            if chosen.isEmpty {
                validation.fail("call", "form.required", request.t("proposals.field.call"))
            } else if call == nil {
                validation.fail("call", "form.invalidChoice", request.t("proposals.field.call"))
            }
        }
        if reader.staff == nil { validation.fail("title", "proposals.noStaffRecord") }
        let title = validation.text("title", input["title"], labelKey: "proposals.field.title", maxLength: ProposalForms.titleMaxLength)
        let category = ProposalCategory(rawValue: input["category"] ?? "")
        if category == nil { validation.fail("category", "form.required", request.t("proposals.field.category")) }
        let measure = validation.text("related_measure", input["related_measure"], labelKey: "proposals.field.relatedMeasure", required: false,
                                      maxLength: ProposalForms.shortTextMaxLength)
        let problem = validation.text("problem", input["problem"], labelKey: "proposals.field.problem", maxLength: ProposalForms.textMaxLength)
        let body = validation.text("proposal", input["proposal"], labelKey: "proposals.field.proposal", maxLength: ProposalForms.textMaxLength)
        let effect = validation.text("expected_effect", input["expected_effect"], labelKey: "proposals.field.expectedEffect", maxLength: ProposalForms.textMaxLength)
        let cost = validation.text("estimated_cost", input["estimated_cost"], labelKey: "proposals.field.estimatedCost", required: false,
                                   maxLength: ProposalForms.shortTextMaxLength)
        var coAuthors: [StaffNumber]?
        if !revising {
            coAuthors = try await coAuthorNumbers(request, text: input["co_authors"], lead: existing?.proposal.leadStaffNumber ?? reader.staffNumber,
                                                  validation: &validation)
        }
        guard validation.isValid, let call, let category else { return (nil, validation) }
        let text = ProposalText(title: title, relatedMeasure: measure, problem: problem, proposal: body, expectedEffect: effect, estimatedCost: cost)
        return (Draft(call: call, category: category, text: text, coAuthors: coAuthors), validation)
    }

    /// The co-authors' staff numbers as typed (separated by commas, 「、」, spaces or lines, full-width
    /// digits accepted), each a staff member other than the lead.
    private func coAuthorNumbers(_ request: Request, text: String?, lead: StaffNumber, validation: inout FormValidation) async throws -> [StaffNumber] {
        // Split before normalising: the width transform turns 「、」 into 「､」.
        var numbers: [StaffNumber] = []
        for part in (text ?? "").split(whereSeparator: { ",，、､".contains($0) || $0.isWhitespace }) {
            let number = StaffNumber.typed(String(part))
            if !numbers.contains(number) { numbers.append(number) }
        }
        let label = request.t("proposals.field.coAuthors")
        if numbers.contains(lead) {
            validation.fail("co_authors", "proposals.coAuthors.self", label)
        } else if numbers.count > ProposalForms.coAuthorLimit {
            validation.fail("co_authors", "proposals.coAuthors.tooMany", label, String(ProposalForms.coAuthorLimit))
        } else {
            let known = try await ProposalLoading.staff(numbers, on: request.db)
            if let unknown = numbers.first(where: { known[$0] == nil }) {
                validation.fail("co_authors", "proposals.coAuthors.unknown", label, unknown.rawValue)
            }
        }
        return numbers
    }

    private func formPage(_ request: Request, reader: ProposalReader, existing: ProposalContext?, input: [String: String], validation: FormValidation) async throws -> Response {
        let revising = existing?.proposal.state == .returned
        var calls: [ProposalCall] = []
        if !revising { calls = try await callChoices(request, reader: reader, existing: existing) }
        let titleKey = existing == nil ? "proposals.new" : revising ? "proposals.reviseTitle" : "proposals.editTitle"
        let breadcrumbs = ProposalLoading.breadcrumbs(request, proposal: existing?.proposal, last: request.t(titleKey))
        guard revising || !calls.isEmpty else {
            return try await request.renderPage("proposals/form", title: titleKey, breadcrumbs: breadcrumbs,
                                                content: ProposalFormPage.Content(intro: request.t("proposals.form.intro"), returnNote: nil,
                                                                                  noCall: request.t("proposals.form.noCall"), callsHref: ProposalRoute.calls.path, form: nil))
        }
        func field(_ name: String, _ labelKey: String, kind: FormField.Kind = .text, hintKey: String? = nil, required: Bool = true, max: Int) -> FormField {
            FormField(request: request, name: name, labelKey: labelKey, kind: kind, value: input[name] ?? "", hintKey: hintKey, isRequired: required, maxLength: max)
        }
        var fields: [FormField] = []
        if !revising {
            let chosen = input["call"] ?? ""
            fields.append(FormField(request: request, name: "call", labelKey: "proposals.field.call", kind: .select, value: chosen,
                                    options: [FormOption(value: "", label: request.t("proposals.form.chooseCall"), isSelected: chosen.isEmpty, fieldName: "call")]
                                        + calls.map { call in
                                            let id = call.id?.uuidString.lowercased() ?? ""
                                            return FormOption(value: id, label: request.localizer.withNote(ProposalWords.call(call, request.localizer), ProposalWords.window(call, request.localizer)),
                                                              isSelected: id == chosen.lowercased(), fieldName: "call")
                                        },
                                    hintKey: "proposals.field.call.hint", isRequired: true))
        }
        let category = input["category"] ?? ""
        fields += [
            field("title", "proposals.field.title", hintKey: "proposals.field.title.hint", max: ProposalForms.titleMaxLength),
            FormField(request: request, name: "category", labelKey: "proposals.field.category", kind: .select, value: category,
                      options: [FormOption(value: "", label: request.t("proposals.form.chooseCategory"), isSelected: category.isEmpty, fieldName: "category")]
                        + ProposalCategory.allCases.map {
                            FormOption(value: $0.rawValue, label: ProposalWords.category($0, request.localizer), isSelected: category == $0.rawValue, fieldName: "category")
                        }, isRequired: true),
            field("related_measure", "proposals.field.relatedMeasure", hintKey: "proposals.field.relatedMeasure.hint", required: false, max: ProposalForms.shortTextMaxLength),
            field("problem", "proposals.field.problem", kind: .textarea, hintKey: "proposals.field.problem.hint", max: ProposalForms.textMaxLength),
            field("proposal", "proposals.field.proposal", kind: .textarea, hintKey: "proposals.field.proposal.hint", max: ProposalForms.textMaxLength),
            field("expected_effect", "proposals.field.expectedEffect", kind: .textarea, hintKey: "proposals.field.expectedEffect.hint", max: ProposalForms.textMaxLength),
            field("estimated_cost", "proposals.field.estimatedCost", hintKey: "proposals.field.estimatedCost.hint", required: false, max: ProposalForms.shortTextMaxLength),
        ]
        if !revising {
            fields.append(field("co_authors", "proposals.field.coAuthors", hintKey: "proposals.field.coAuthors.hint", required: false, max: 200))
        }
        var form = FormModel(request: request, action: existing.map { ProposalRoute.edit($0.parameter).path } ?? ProposalRoute.new.path,
                             submitLabelKey: revising ? "proposals.form.resubmit" : "proposals.form.submit", fields: fields)
        form.draftLabel = request.t("proposals.form.saveDraft")
        form.apply(validation, request: request)
        return try await request.renderPage(
            "proposals/form", title: titleKey, breadcrumbs: breadcrumbs,
            content: ProposalFormPage.Content(
                intro: request.t(revising ? "proposals.form.reviseIntro" : "proposals.form.intro"),
                returnNote: revising ? existing?.proposal.returnNote : nil, noCall: nil, callsHref: ProposalRoute.calls.path, form: form),
            status: validation.isValid ? .ok : .unprocessableEntity)
    }
}

/// The proposal form with what the writer should know first.
enum ProposalFormPage {
    struct Content: Encodable, Sendable {
        let intro: String
        /// What the office asked to change, on a revision after 差し戻し.
        let returnNote: String?
        /// Why there is no form: no call takes the reader's proposals today.
        let noCall: String?
        let callsHref: String
        let form: FormModel?
    }
}
