import JibungotoDomain
import Vapor

/// The first segment of a module's URLs (`/career`, `/dialogue`, `/admin`) where no page lives
/// there: a typed or remembered address is sent to the module's main page for the reader
/// instead of answering 404. Modules whose root is a page of its own (`/organization`,
/// `/surveys`, `/rotation`, `/retirement`, `/opportunities`, `/proposals`) are not listed.
enum ModuleRootRoute: TypedRoute, CaseIterable {
    case career
    case dialogue
    case admin

    var path: String {
        switch self {
        case .career: "/career"
        case .dialogue: "/dialogue"
        case .admin: "/admin"
        }
    }

    /// The module's pages in the order they are offered: the first the reader may open wins.
    var destinations: [(path: String, permission: Permission)] {
        switch self {
        case .career: [(CareerRoute.selfReport.path, .submitSelfReport), (CareerRoute.profiles.path, .viewSectionProfiles)]
        case .dialogue: [(SessionRoute.list.path, .takePartInDialogue), (DistrictRoute.districts.path, .viewDistricts)]
        case .admin: [(AdminRoute.accounts.path, .manageAccounts), (AdminRoute.auditLog.path, .readAuditLog)]
        }
    }
}

struct ModuleRoots {
    func register(on routes: any RoutesBuilder) {
        for root in ModuleRootRoute.allCases {
            routes.on(.GET, root, requires: .permission(.useApplication), shows: .nothing) { request in
                Self.redirect(request, root: root)
            }
        }
    }

    /// The module's first page the reader may open; home when they may open none of them (a
    /// member of staff typing `/admin`), so the address never ends on a refusal.
    static func redirect(_ request: Request, root: ModuleRootRoute) -> Response {
        let target = root.destinations.first { request.currentUser?.scope(of: $0.permission) != nil }?.path ?? PlatformRoute.home.path
        return request.redirect(to: target)
    }
}
