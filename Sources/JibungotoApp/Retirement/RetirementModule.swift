import Fluent
import Vapor

/// The retirement outlook (定年引上げ) for HR, with the record of the age-60 information.
enum RetirementModule: AppModule {
    static func register(on routes: any RoutesBuilder, app: Application) {
        RetirementRoutes().register(on: routes)
        app.navigation.add(NavigationEntry(labelKey: "nav.retirement", href: RetirementRoute.outlook.path, permission: .viewRetirement))
    }
}
