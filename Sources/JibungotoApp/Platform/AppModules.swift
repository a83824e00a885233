import Fluent
import Vapor

/// A module of PRODUCT.md as the app sees it: its routes and navigation entries. (Its migrations
/// run in the one global order of `ShippedMigrations`.) Modules reach each other only through
/// their public functions and models.
protocol AppModule {
    static func register(on routes: any RoutesBuilder, app: Application)
}

/// Every module, in the order their navigation entries appear.
enum AppModules {
    static let all: [any AppModule.Type] = [
        PlatformModule.self,
        OrganizationModule.self,
        CareerModule.self,
        SurveysModule.self,
        RotationModule.self,
        RetirementModule.self,
        AdministrationModule.self,
    ]
}

/// Accounts, sign-in, preferences, administration and the audit log.
enum PlatformModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        HomeRoutes().register(on: routes)
        LoginRoutes().register(on: routes)
        AccountRoutes().register(on: routes)
        AccountAdminRoutes().register(on: routes)
        AuditLogRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.home", href: PlatformRoute.home.path, permission: .useApplication))
    }
}

/// The administrator's pages, last in the navigation.
enum AdministrationModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        app.navigation.add(NavigationEntry(labelKey: "nav.accounts", href: AdminRoute.accounts.path, permission: .manageAccounts))
        app.navigation.add(NavigationEntry(labelKey: "nav.audit", href: AdminRoute.auditLog.path, permission: .readAuditLog))
    }
}
