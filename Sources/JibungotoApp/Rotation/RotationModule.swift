import Fluent
import Vapor

/// Transfer scenarios, the rotation rules and the collaboration-post compliance view (HR).
enum RotationModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        ScenarioRoutes().register(on: routes)
        ScenarioApprovalRoutes().register(on: routes)
        ScenarioComparisonRoutes().register(on: routes)
        ScenarioInputRoutes().register(on: routes)
        ScenarioResultRoutes().register(on: routes)
        RotationSettingsRoutes().register(on: routes)
        DocumentRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.rotation", href: RotationRoute.scenarios.path, permission: .planRotation))
    }
}
