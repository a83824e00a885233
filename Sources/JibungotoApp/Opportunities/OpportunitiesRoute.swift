/// URLs of the Opportunities module shared by its parts: the overview and HR's settings.
/// Project teams, side jobs, support duty and the fairness figures have their own route enums.
enum OpportunitiesRoute: TypedRoute {
    case overview
    case settings

    var path: String {
        switch self {
        case .overview: "/opportunities"
        case .settings: "/opportunities/settings"
        }
    }
}
