/// URLs of the fairness figures: the page and its CSV, both for one fiscal year (`?fy=2026`).
enum FairnessRoute: TypedRoute {
    case figures
    case export

    var path: String {
        switch self {
        case .figures: "/opportunities/figures"
        case .export: "/opportunities/figures/export"
        }
    }
}
