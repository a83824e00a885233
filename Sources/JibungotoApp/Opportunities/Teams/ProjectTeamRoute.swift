/// URLs of project teams, their candidates and the managers' consent.
enum ProjectTeamRoute: TypedRoute {
    case teams
    case newTeam
    case team(RouteParameter)
    case apply(RouteParameter)
    case withdraw(RouteParameter)
    case nominate(RouteParameter)
    case respond(RouteParameter)
    case suggestions(RouteParameter)
    case select(RouteParameter)
    case log(RouteParameter)
    case close(RouteParameter)
    case consents
    case consent(RouteParameter)
    case refusals

    var path: String {
        switch self {
        case .teams: "/opportunities/teams"
        case .newTeam: "/opportunities/teams/new"
        case .team(let id): "/opportunities/teams/\(id.rendered(as: "teamID"))"
        case .apply(let id): "/opportunities/teams/\(id.rendered(as: "teamID"))/apply"
        case .withdraw(let id): "/opportunities/teams/\(id.rendered(as: "teamID"))/withdraw"
        case .nominate(let id): "/opportunities/teams/\(id.rendered(as: "teamID"))/nominate"
        case .respond(let id): "/opportunities/teams/\(id.rendered(as: "teamID"))/respond"
        case .suggestions(let id): "/opportunities/teams/\(id.rendered(as: "teamID"))/suggestions"
        case .select(let id): "/opportunities/teams/\(id.rendered(as: "teamID"))/select"
        case .log(let id): "/opportunities/teams/\(id.rendered(as: "teamID"))/log"
        case .close(let id): "/opportunities/teams/\(id.rendered(as: "teamID"))/close"
        case .consents: "/opportunities/consents"
        case .consent(let id): "/opportunities/consents/\(id.rendered(as: "candidateID"))"
        case .refusals: "/opportunities/refusals"
        }
    }
}
