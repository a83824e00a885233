/// URLs of the internal side jobs (庁内副業).
enum SideJobRoute: TypedRoute {
    case list
    case new
    /// The manager's applications awaiting approval.
    case approvals
    case job(RouteParameter)
    case apply(RouteParameter)
    case selection(RouteParameter)
    case hours(RouteParameter)
    case closingReport(RouteParameter)
    case memberReport(RouteParameter)
    /// One application: the applicant, the host, HR and the applicant's manager (who decides here).
    case application(RouteParameter)

    var path: String {
        switch self {
        case .list: "/opportunities/side-jobs"
        case .new: "/opportunities/side-jobs/new"
        case .approvals: "/opportunities/side-jobs/approvals"
        case .job(let id): "/opportunities/side-jobs/\(id.rendered(as: "sideJobID"))"
        case .apply(let id): "/opportunities/side-jobs/\(id.rendered(as: "sideJobID"))/apply"
        case .selection(let id): "/opportunities/side-jobs/\(id.rendered(as: "sideJobID"))/selection"
        case .hours(let id): "/opportunities/side-jobs/\(id.rendered(as: "sideJobID"))/hours"
        case .closingReport(let id): "/opportunities/side-jobs/\(id.rendered(as: "sideJobID"))/closing-report"
        case .memberReport(let id): "/opportunities/side-jobs/\(id.rendered(as: "sideJobID"))/member-report"
        case .application(let id): "/opportunities/side-jobs/applications/\(id.rendered(as: "sideJobApplicationID"))"
        }
    }
}
