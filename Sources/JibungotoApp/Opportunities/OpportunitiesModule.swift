import Fluent
import JibungotoDomain
import Vapor

/// Cross-section opportunities (PRODUCT.md "Opportunities"): project teams, internal side jobs,
/// support duty, the participation ledger they all write to, and the fairness figures read from it.
enum OpportunitiesModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        OpportunitiesOverviewRoutes().register(on: routes)
        OpportunitySettingsRoutes().register(on: routes)
        ProjectTeamRoutes().register(on: routes)
        TeamCandidacyRoutes().register(on: routes)
        TeamConsentRoutes().register(on: routes)
        SideJobRoutes().register(on: routes)
        SupportDutyRoutes().register(on: routes)
        FairnessRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.opportunities", href: OpportunitiesRoute.overview.path, permission: .takePartInOpportunities))
        app.homeNotices.add(nominationsAwaitingAnswer)
        app.homeNotices.add(consentsAwaitingAnswer)
    }

    /// The module's pages besides the project teams' list, each for those granted its permission (the overview lists them).
    static let destinations: [(Permission, OpportunitiesOverviewPage.Destination)] = [
        (.takePartInOpportunities, .init(labelKey: "sideJob.title", descriptionKey: "opportunities.dest.sideJobs", href: SideJobRoute.list.path)),
        (.takePartInOpportunities, .init(labelKey: "support.title", descriptionKey: "opportunities.dest.support", href: SupportDutyRoute.events.path)),
        (.consentToOpportunities, .init(labelKey: "sideJob.approvals", descriptionKey: "opportunities.dest.sideJobApprovals", href: SideJobRoute.approvals.path)),
        (.consentToOpportunities, .init(labelKey: "teams.consents", descriptionKey: "opportunities.dest.consents", href: ProjectTeamRoute.consents.path)),
        (.viewParticipationFigures, .init(labelKey: "fairness.title", descriptionKey: "opportunities.dest.figures", href: FairnessRoute.figures.path)),
        (.manageOpportunities, .init(labelKey: "teams.refusals", descriptionKey: "opportunities.dest.refusals", href: ProjectTeamRoute.refusals.path)),
        (.manageOpportunities, .init(labelKey: "opportunities.settings", descriptionKey: "opportunities.dest.settings", href: OpportunitiesRoute.settings.path)),
    ]

    /// A nominee is asked on their home page until they answer.
    @Sendable static func nominationsAwaitingAnswer(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        let waiting = try await ProjectTeamCandidate.query(on: request.db).filter(\.$staffNumber == user.staffNumber)
            .filter(\.$status == .awaitingNominee).with(\.$team).all().filter { !$0.team.isClosed }
        return waiting.map { candidate in
            HomeNotice(message: request.t("teams.notice.nominated", candidate.team.title),
                       href: ProjectTeamRoute.team(.id(candidate.$team.id)).path, linkLabel: request.t("teams.notice.answer"))
        }
    }

    /// A manager sees how many selections of their staff await consent.
    @Sendable static func consentsAwaitingAnswer(_ request: Request, _ user: SignedInUser) async throws -> [HomeNotice] {
        guard user.scope(of: .consentToOpportunities) != nil else { return [] }
        let count = try await TeamConsentRoutes.pending(for: request).count
        guard count > 0 else { return [] }
        return [HomeNotice(message: request.t("teams.consentsWaiting", count: count, String(count)), href: ProjectTeamRoute.consents.path, linkLabel: request.t("teams.notice.answerConsents"))]
    }
}
