import Fluent
import Vapor

/// A module of PRODUCT.md as the app sees it: its migrations, routes and navigation entries.
/// Modules reach each other only through their public functions and models.
protocol AppModule {
    static var migrations: [any Migration] { get }
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

    static var migrations: [any Migration] { all.flatMap { $0.migrations } }
}

/// Accounts, sign-in, preferences, administration and the audit log.
enum PlatformModule: AppModule {
    static var migrations: [any Migration] { PlatformMigrations.all }

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
    static var migrations: [any Migration] { [] }

    static func register(on routes: any RoutesBuilder, app: Application) {
        app.navigation.add(NavigationEntry(labelKey: "nav.accounts", href: AdminRoute.accounts.path, permission: .manageAccounts))
        app.navigation.add(NavigationEntry(labelKey: "nav.audit", href: AdminRoute.auditLog.path, permission: .readAuditLog))
    }
}
