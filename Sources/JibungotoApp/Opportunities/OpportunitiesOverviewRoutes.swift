import Fluent
import JibungotoDomain
import Vapor

/// `/opportunities`: what is open to the viewer now, what awaits their answer, and where to go.
struct OpportunitiesOverviewRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, OpportunitiesRoute.overview, requires: .permission(.takePartInOpportunities), shows: .nothing, use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let viewer = try await TeamViewer.resolve(request)
        let today = request.today
        let teams = try await ProjectTeam.query(on: request.db).filter(\.$closedOn == nil)
            .filter(\.$applicationsOpenOn <= today).filter(\.$applicationsCloseOn >= today).sort(\.$applicationsCloseOn).all()
        let mine = try await ProjectTeamCandidate.query(on: request.db).filter(\.$staffNumber == viewer.user.staffNumber).with(\.$team).all()
        let pendingConsents = viewer.user.scope(of: .consentToOpportunities) != nil ? try await TeamConsentRoutes.pending(for: request).count : 0
        var destinations: [OpportunitiesOverviewPage.Destination] = [
            .init(labelKey: "teams.title", descriptionKey: "opportunities.dest.teams", href: ProjectTeamRoute.teams.path),
        ]
        for (permission, destination) in OpportunitiesModule.destinations where viewer.user.scope(of: permission) != nil {
            destinations.append(destination)
        }
        return try await request.renderPage(
            "opportunities/overview", title: "opportunities.title", breadcrumbs: [Breadcrumb(label: request.t("opportunities.title"), href: nil)],
            content: OpportunitiesOverviewPage.build(
                recruiting: teams.filter { $0.isOpen(toDepartment: viewer.department) }, mine: mine, pendingConsents: pendingConsents,
                destinations: destinations, today: today, localizer: request.localizer))
    }
}
