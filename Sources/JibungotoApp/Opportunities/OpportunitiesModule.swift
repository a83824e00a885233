import Fluent
import JibungotoDomain
import Vapor

/// Cross-section opportunities (PRODUCT.md "Opportunities"): project teams, internal side jobs,
/// support duty, the participation ledger they all write to, and the fairness figures read from it.
enum OpportunitiesModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        OpportunitySettingsRoutes().register(on: routes)
        FairnessRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.opportunities", href: OpportunitiesRoute.overview.path, permission: .takePartInOpportunities))
    }
}
