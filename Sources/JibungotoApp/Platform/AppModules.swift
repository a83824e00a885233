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
        OpportunitiesModule.self,
        DialogueModule.self,
        ProposalsModule.self,
        AdministrationModule.self,
    ]
}
