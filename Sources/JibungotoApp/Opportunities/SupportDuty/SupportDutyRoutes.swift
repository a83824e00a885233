import Vapor

/// Support duty's route files, registered together by the Opportunities module.
struct SupportDutyRoutes {
    func register(on routes: any RoutesBuilder) {
        SupportEventRoutes().register(on: routes)
        SupportAllocationRoutes().register(on: routes)
        SupportSwapRoutes().register(on: routes)
    }
}
