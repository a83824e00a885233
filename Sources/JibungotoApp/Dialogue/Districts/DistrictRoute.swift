/// URLs of the districts (地区) and the local issues (地域課題) raised there.
enum DistrictRoute: TypedRoute {
    case districts
    /// HR creates a district for each citizen center of the organization that has none yet.
    case createFromOrganization
    case district(RouteParameter)
    case newLiaison(RouteParameter)
    /// One liaison assignment: HR changes its term.
    case liaison(RouteParameter)
    case newRecord(RouteParameter)
    case newIssue(RouteParameter)
    /// Every issue the reader may see, with the counts and the median days to a response.
    case issues
    /// The same issues as Open311 GeoReport v2 CSV.
    case issuesExport
    /// The issues routed to the reader's section or department.
    case queue
    case issue(RouteParameter)
    case issueStatus(RouteParameter)
    case issueRouting(RouteParameter)
    case categories
    case category(RouteParameter)
    case templates
    case template(RouteParameter)

    var path: String {
        switch self {
        case .districts: "/dialogue/districts"
        case .createFromOrganization: "/dialogue/districts/from-organization"
        case .district(let id): "/dialogue/districts/\(id.rendered(as: "districtID"))"
        case .newLiaison(let id): "/dialogue/districts/\(id.rendered(as: "districtID"))/liaisons/new"
        case .liaison(let id): "/dialogue/districts/liaisons/\(id.rendered(as: "liaisonID"))"
        case .newRecord(let id): "/dialogue/districts/\(id.rendered(as: "districtID"))/records/new"
        case .newIssue(let id): "/dialogue/districts/\(id.rendered(as: "districtID"))/issues/new"
        case .issues: "/dialogue/issues"
        case .issuesExport: "/dialogue/issues/export"
        case .queue: "/dialogue/issues/queue"
        case .issue(let id): "/dialogue/issues/\(id.rendered(as: "issueID"))"
        case .issueStatus(let id): "/dialogue/issues/\(id.rendered(as: "issueID"))/status"
        case .issueRouting(let id): "/dialogue/issues/\(id.rendered(as: "issueID"))/routing"
        case .categories: "/dialogue/issues/categories"
        case .category(let id): "/dialogue/issues/categories/\(id.rendered(as: "categoryID"))"
        case .templates: "/dialogue/issues/templates"
        case .template(let id): "/dialogue/issues/templates/\(id.rendered(as: "templateID"))"
        }
    }
}
