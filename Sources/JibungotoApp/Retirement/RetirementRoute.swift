/// URLs of the Retirement module.
enum RetirementRoute: TypedRoute {
    case outlook
    case ageSixty(RouteParameter)

    var path: String {
        switch self {
        case .outlook: "/retirement"
        case .ageSixty(let number): "/retirement/age-sixty/\(number.rendered(as: "staffNumber"))"
        }
    }
}
