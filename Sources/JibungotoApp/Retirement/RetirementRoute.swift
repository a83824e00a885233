/// URLs of the Retirement module.
enum RetirementRoute: TypedRoute {
    case outlook
    case years
    case yearsExport
    case ageSixty(RouteParameter)

    var path: String {
        switch self {
        case .outlook: "/retirement"
        case .years: "/retirement/years"
        case .yearsExport: "/retirement/years/export"
        case .ageSixty(let number): "/retirement/age-sixty/\(number.rendered(as: "staffNumber"))"
        }
    }
}
