/// URLs of the Career module.
enum CareerRoute: TypedRoute {
    case profiles
    case profile(RouteParameter)
    case editProfile(RouteParameter)
    case selfReport
    case cycles
    case cycle(RouteParameter)
    case cycleExport(RouteParameter)
    case ownSubmittedReport(RouteParameter)
    case submittedReport(RouteParameter, RouteParameter)
    case managerComment(RouteParameter, RouteParameter)

    var path: String {
        switch self {
        case .profiles: "/career/sections"
        case .profile(let code): "/career/sections/\(code.rendered(as: "code"))"
        case .editProfile(let code): "/career/sections/\(code.rendered(as: "code"))/edit"
        case .selfReport: "/career/self-report"
        case .cycles: "/career/cycles"
        case .cycle(let id): "/career/cycles/\(id.rendered(as: "cycleID"))"
        case .cycleExport(let id): "/career/cycles/\(id.rendered(as: "cycleID"))/export"
        case .ownSubmittedReport(let id): "/career/self-report/rounds/\(id.rendered(as: "cycleID"))"
        case .submittedReport(let id, let number): "/career/cycles/\(id.rendered(as: "cycleID"))/reports/\(number.rendered(as: "staffNumber"))"
        case .managerComment(let id, let number): "/career/cycles/\(id.rendered(as: "cycleID"))/reports/\(number.rendered(as: "staffNumber"))/comment"
        }
    }
}
