import Fluent
import Vapor

/// Accounts, sign-in, preferences, administration and the audit log.
enum PlatformModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        HomeRoutes().register(on: routes)
        MonitoringRoutes().register(on: routes)
        LoginRoutes().register(on: routes)
        AccountRoutes().register(on: routes)
        PersonalFeedRoutes().register(on: routes)
        AccountAdminRoutes().register(on: routes)
        AuditLogRoutes().register(on: routes)
        ModuleRoots().register(on: routes)
        SearchRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.home", href: PlatformRoute.home.path, permission: .useApplication))
    }
}
