import Vapor

/// URLs of the Rotation planner (HR only).
enum RotationRoute: TypedRoute {
    case scenarios
    case settings
    case compliance
    case compare
    case scenario(RouteParameter)
    case scenarioRules(RouteParameter)
    case scenarioDelete(RouteParameter)
    case movers(RouteParameter)
    case moverAdd(RouteParameter)
    case moverRemove(RouteParameter)
    case moversPropose(RouteParameter)
    case pins(RouteParameter)
    case pinRemove(RouteParameter)
    case capacities(RouteParameter)
    case solve(RouteParameter)
    case results(RouteParameter)
    case person(RouteParameter, RouteParameter)
    case changes(RouteParameter)
    case export(RouteParameter)
    case approve(RouteParameter)
    case withdraw(RouteParameter)

    var path: String {
        switch self {
        case .scenarios: "/rotation"
        case .settings: "/rotation/settings"
        case .compliance: "/rotation/compliance"
        case .compare: "/rotation/compare"
        case .scenario(let id): "/rotation/scenarios/\(id.rendered(as: "scenarioID"))"
        case .scenarioRules(let id): Self.scenario(id).path + "/rules"
        case .scenarioDelete(let id): Self.scenario(id).path + "/delete"
        case .movers(let id): Self.scenario(id).path + "/movers"
        case .moverAdd(let id): Self.scenario(id).path + "/movers/add"
        case .moverRemove(let id): Self.scenario(id).path + "/movers/remove"
        case .moversPropose(let id): Self.scenario(id).path + "/movers/propose"
        case .pins(let id): Self.scenario(id).path + "/pins"
        case .pinRemove(let id): Self.scenario(id).path + "/pins/remove"
        case .capacities(let id): Self.scenario(id).path + "/capacities"
        case .solve(let id): Self.scenario(id).path + "/solve"
        case .results(let id): Self.scenario(id).path + "/results"
        case .person(let id, let number): Self.scenario(id).path + "/staff/\(number.rendered(as: "staffNumber"))"
        case .changes(let id): Self.scenario(id).path + "/changes"
        case .export(let id): Self.scenario(id).path + "/export"
        case .approve(let id): Self.scenario(id).path + "/approve"
        case .withdraw(let id): Self.scenario(id).path + "/withdraw"
        }
    }
}
