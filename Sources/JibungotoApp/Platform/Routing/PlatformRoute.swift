/// URLs of the platform itself: home, sign-in, language, health, liveness, metrics, stylesheet.
enum PlatformRoute: TypedRoute {
    case home
    case login
    case logout
    case language
    case healthz
    case livez
    case metrics
    case stylesheet

    var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .language: "/language"
        case .healthz: "/healthz"
        case .livez: "/livez"
        case .metrics: "/metrics"
        case .stylesheet: "/static/style.css"
        }
    }
}

/// The signed-in user's own account: preferences and password.
enum AccountRoute: TypedRoute {
    case settings
    case password
    /// Issuing, replacing or stopping one's groupware address (`PersonalFeed`).
    case feeds
    /// The daily digest of one's home notices; the parameter is the secret token followed by `.xml`.
    case noticeFeed(RouteParameter)

    /// The digest of the token: feed readers expect an address ending in `.xml`.
    static func noticeFeed(token: String) -> AccountRoute { .noticeFeed(.value(token + ".xml")) }

    var path: String {
        switch self {
        case .settings: "/account"
        case .password: "/account/password"
        case .feeds: "/account/feeds"
        case .noticeFeed(let token): "/account/feeds/\(token.rendered(as: "feedToken"))"
        }
    }
}

/// The administrator's pages: accounts and roles, the audit log.
enum AdminRoute: TypedRoute {
    case accounts
    case newAccount
    case bulkAccounts
    case deactivateLeavers
    case account(RouteParameter)
    case reissuePassword(RouteParameter)
    case auditLog
    case auditLogExport

    var path: String {
        switch self {
        case .accounts: "/admin/accounts"
        case .newAccount: "/admin/accounts/new"
        case .bulkAccounts: "/admin/accounts/bulk"
        case .deactivateLeavers: "/admin/accounts/leavers"
        case .account(let id): "/admin/accounts/\(id.rendered(as: "accountID"))"
        case .reissuePassword(let id): Self.account(id).path + "/reissue"
        case .auditLog: "/admin/audit"
        case .auditLogExport: "/admin/audit/export"
        }
    }
}
