import Fluent
import Vapor

/// Fiscal-year organization, staff master, assignment history, CSV import and export.
enum OrganizationModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        OrganizationTreeRoutes().register(on: routes)
        StaffRoutes().register(on: routes)
        ImportRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.organization", href: OrganizationRoute.tree.path, permission: .viewOrganization))
        app.navigation.add(NavigationEntry(labelKey: "nav.staff", href: OrganizationRoute.staffList.path, permission: .viewStaff))
    }
}
