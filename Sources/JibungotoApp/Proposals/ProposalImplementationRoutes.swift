import Fluent
import JibungotoDomain
import Vapor

/// The sections asked to carry out (実施要請) or consider (検討要請) an adopted proposal: their list
/// of requests, and their report of 実施中 and 実施済 with the dates.
struct ProposalImplementationRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, ProposalRoute.requests, requires: .permission(.reportProposalImplementation), shows: .nothing, use: requests)
        routes.on(.POST, ProposalRoute.implementation(.pattern), requires: .permission(.reportProposalImplementation), shows: .nothing, use: report)
    }

    @Sendable func report(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let context = try await ProposalContext.load(request, reader: reader)
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        // A section reports only these two steps; anything else is not a choice of this form.
        let to = ProposalState(rawValue: input["to"] ?? "").flatMap { $0 == .implementing || $0 == .implemented ? $0 : nil }
        if to == nil { validation.fail("date", "form.invalidChoice", request.t("proposals.implementation.to")) }
        let date = validation.date("date", input["date"], labelKey: "proposals.implementation.date", required: false)
        let text = validation.text("text", input["text"], labelKey: "proposals.implementation.note", required: false, maxLength: ProposalForms.textMaxLength)
        if validation.isValid, let to, let refusal = ProposalWorkflow.refusal(
            from: context.proposal.state, to: to, by: context.viewer.actors,
            facts: ProposalSteps.facts(context, step: ProposalStep(to: to, text: text, date: date), today: request.today)) {
            validation.fail("date", "proposals.refused", ProposalWords.refusal(refusal, names: [:], request.localizer))
        }
        guard validation.isValid, let to else {
            var forms = ProposalPageForms()
            let next = to ?? ProposalWorkflow.next(from: context.proposal.state).first(where: { $0.actor == .responsibleSection })?.to ?? .implementing
            forms.implementation = ProposalForms.implementation(request, context.parameter, to: next, input: input, validation: validation)
            return try await ProposalRoutes.page(request, reader: reader, context: context, forms: forms, status: .unprocessableEntity)
        }
        let tree = try await request.currentOrganization()
        try await request.db.writeTransaction { database in
            try await ProposalSteps.record(ProposalStep(to: to, text: text, date: date), on: context.proposal,
                                           authors: context.confirmedAuthors.map(\.staffNumber), tree: tree, request: request, database: database)
        }
        request.flash(.success, request.t("proposals.moved", context.proposal.title, ProposalWords.state(to, request.localizer)))
        return request.redirect(to: ProposalRoute.proposal(context.parameter).path)
    }

    /// The proposals requested to the sections the reader reports for, newest request first; titles
    /// and dates only (the authors are on each proposal's page).
    @Sendable func requests(_ request: Request) async throws -> Response {
        let reader = try await ProposalReader.resolve(request)
        let requested = try await Proposal.query(on: request.db).filter(\.$requestedSectionCode != nil)
            .sort(\.$requestedOn, .descending).all()
            .filter { reader.reportsImplementation(for: $0.requestedSectionCode) }
        return try await request.renderPage(
            "proposals/requests", title: "proposals.requests.title",
            breadcrumbs: ProposalLoading.breadcrumbs(request, last: request.t("proposals.requests.title")),
            content: ProposalRequestsPage.build(proposals: requested, tree: try await request.currentOrganization(), localizer: request.localizer))
    }
}

/// The sections' list of requests: what to carry out or consider, since when, and how far it has come.
enum ProposalRequestsPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let waiting: [Row]
        let done: [Row]
    }

    struct Row: Encodable, Sendable {
        let number: String
        let title: String
        let href: String
        let kind: String
        let section: String
        let requestedOn: String
        let state: String
        let startedOn: String
        let implementedOn: String
    }

    static func build(proposals: [Proposal], tree: OrganizationTree, localizer: Localizer) -> Content {
        func row(_ proposal: Proposal) -> Row {
            Row(number: ProposalWords.number(proposal, localizer), title: proposal.title, href: ProposalRoute.proposal(.id(proposal.id ?? UUID())).path,
                kind: proposal.requestKind.map { ProposalWords.state($0, localizer) } ?? "",
                section: ProposalWords.section(proposal.requestedSectionCode, tree: tree, localizer),
                requestedOn: proposal.requestedOn.map(localizer.date) ?? "", state: ProposalWords.state(proposal.state, localizer),
                startedOn: proposal.implementationStartedOn.map(localizer.date) ?? "", implementedOn: proposal.implementedOn.map(localizer.date) ?? "")
        }
        return Content(intro: localizer.t("proposals.requests.intro"),
                       waiting: proposals.filter { $0.state != .implemented }.map(row),
                       done: proposals.filter { $0.state == .implemented }.map(row))
    }
}
