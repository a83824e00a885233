import Fluent
import JibungotoDomain
import Vapor

/// The selected person's manager consents or refuses (with a reason) before the deadline;
/// HR sees the refusals by section.
struct TeamConsentRoutes {
    static let reasonMaxLength = 1_000

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, ProjectTeamRoute.consents, requires: .permission(.consentToOpportunities), shows: .viewed(subject: "team_consents"), use: queue)
        routes.on(.POST, ProjectTeamRoute.consent(.pattern), requires: .permission(.consentToOpportunities), shows: .nothing, use: answer)
        routes.on(.GET, ProjectTeamRoute.refusals, requires: .permission(.manageOpportunities), shows: .viewed(subject: "team_refusals"), use: refusals)
    }

    /// Selections of staff in the manager's reach that await an answer.
    static func pending(for request: Request) async throws -> [ProjectTeamCandidate] {
        let scope = try request.scope(of: .consentToOpportunities)
        let units = try await OrganizationScope.units(for: request, scope: scope)
        guard !units.isEmpty else { return [] }
        let user = try request.requireUser()
        return try await ProjectTeamCandidate.query(on: request.db).filter(\.$status == .selected).filter(\.$consentAnswer == nil)
            .filter(\.$consentDeadline >= request.today).filter(\.$sectionCode ~~ Array(units)).filter(\.$staffNumber != user.staffNumber)
            .with(\.$team).sort(\.$consentDeadline).all()
    }

    @Sendable func queue(_ request: Request) async throws -> Response {
        try await queuePage(request, error: nil, status: .ok)
    }

    private func queuePage(_ request: Request, error: (id: UUID, message: String, reason: String)?, status: HTTPResponseStatus) async throws -> Response {
        let pending = try await Self.pending(for: request)
        let people = try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ pending.map(\.staffNumber)).all()
        return try await request.renderPage(
            "opportunities/consents", title: "teams.consents",
            breadcrumbs: [Breadcrumb(label: request.t("opportunities.title"), href: OpportunitiesRoute.overview.path), Breadcrumb(label: request.t("teams.consents"), href: nil)],
            content: TeamConsentsPage.build(pending: pending, people: people, tree: try await request.currentOrganization(), error: error,
                                            csrfToken: request.csrfToken, localizer: request.localizer),
            status: status)
    }

    @Sendable func answer(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("candidateID", as: UUID.self) else { throw Abort(.notFound) }
        // Only a selection in the manager's reach that is still open for an answer; anything else is not theirs to see.
        guard let candidate = try await Self.pending(for: request).first(where: { $0.id == id }) else { throw Abort(.notFound) }
        let input = try request.content.decode([String: String].self)
        let user = try request.requireUser()
        switch input["answer"] {
        case "consent":
            candidate.consentAnswer = true
            candidate.consentBy = user.staffNumber
            try await candidate.save(on: request.db)
            request.flash(.success, request.t("teams.consented"))
        case "refuse":
            let reason = (input["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty, reason.count <= Self.reasonMaxLength else {
                let message = reason.isEmpty ? request.t("teams.refusalNeedsReason") : request.t("form.tooLong", request.t("teams.refusalReason"), String(Self.reasonMaxLength))
                return try await queuePage(request, error: (id, message, reason), status: .unprocessableEntity)
            }
            candidate.consentAnswer = false
            candidate.consentReason = reason
            candidate.consentBy = user.staffNumber
            candidate.status = .refusedByManager
            try await request.db.writeTransaction { database in
                try await candidate.save(on: database)
                try await ParticipationLedger.remove(kind: .projectTeam, activityID: candidate.$team.id.uuidString, staffNumber: candidate.staffNumber, on: database)
                try await request.audit(.update, subjectType: "team_consent", subjectID: candidate.staffNumber, detail: "refused", on: database)
            }
            request.flash(.success, request.t("teams.refused"))
        default:
            return try await queuePage(request, error: (id, request.t("form.invalidChoice", request.t("teams.answer")), ""), status: .unprocessableEntity)
        }
        return request.redirect(to: ProjectTeamRoute.consents.path)
    }

    @Sendable func refusals(_ request: Request) async throws -> Response {
        let refused = try await ProjectTeamCandidate.query(on: request.db).filter(\.$status == .refusedByManager).with(\.$team).all()
        let numbers = Set(refused.map(\.staffNumber) + refused.compactMap(\.consentBy))
        let people = try await StaffMember.query(on: request.db).filter(\.$staffNumber ~~ Array(numbers)).all()
        return try await request.renderPage(
            "opportunities/refusals", title: "teams.refusals",
            breadcrumbs: [Breadcrumb(label: request.t("opportunities.title"), href: OpportunitiesRoute.overview.path), Breadcrumb(label: request.t("teams.refusals"), href: nil)],
            content: TeamRefusalsPage.build(refused: refused, people: people, tree: try await request.currentOrganization(), localizer: request.localizer))
    }
}
