import Fluent
import Vapor

/// The administrator's pages, last in the navigation.
enum AdministrationModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        app.navigation.add(NavigationEntry(labelKey: "nav.accounts", href: AdminRoute.accounts.path, permission: .manageAccounts))
        app.navigation.add(NavigationEntry(labelKey: "nav.audit", href: AdminRoute.auditLog.path, permission: .readAuditLog))
    }
}
