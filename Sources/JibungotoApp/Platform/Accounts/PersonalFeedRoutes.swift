import Fluent
import JibungotoDomain
import Vapor

/// One's groupware address (`PersonalFeed`): the page that issues, replaces or stops it, and the
/// daily digest of home notices it opens. Issuing shows every feed's address once — the database
/// keeps only the token's hash — and replaces any earlier address; stopping closes all feeds.
struct PersonalFeedRoutes {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, AccountRoute.feeds, requires: .permission(.useApplication), shows: .nothing, use: show)
        routes.on(.POST, AccountRoute.feeds, requires: .permission(.useApplication), shows: .nothing, use: change)
        // The groupware's request: no session, the token is the only key.
        routes.on(.GET, AccountRoute.noticeFeed(.pattern), requires: .visitor, shows: .nothing, use: noticeDigest)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await page(request, issuedToken: nil)
    }

    @Sendable func change(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let action = try request.content.decode([String: String].self)["action"] ?? ""
        switch action {
        case "issue":
            let token = HashedSessionDriver.newID().string
            let now = request.now
            try await request.db.writeTransaction { database in
                try await PersonalFeed.query(on: database).filter(\.$staffNumber == user.staffNumber).delete()
                try await PersonalFeed(staffNumber: user.staffNumber, tokenHash: TokenHash.hex(token), createdAt: now).create(on: database)
                try await request.audit(.create, subjectType: "personal_feed", subjectID: user.staffNumber, on: database)
            }
            // Shown on this response only: the database cannot give the addresses back.
            return try await page(request, issuedToken: token)
        case "stop":
            try await request.db.writeTransaction { database in
                try await PersonalFeed.query(on: database).filter(\.$staffNumber == user.staffNumber).delete()
                try await request.audit(.update, subjectType: "personal_feed", subjectID: user.staffNumber, detail: "stopped", on: database)
            }
            request.flash(.success, request.t("account.feeds.stopped"))
            return request.redirect(to: AccountRoute.feeds.path)
        default:
            throw Abort(.badRequest)
        }
    }

    private func page(_ request: Request, issuedToken: String?) async throws -> Response {
        let user = try request.requireUser()
        let feed = try await PersonalFeed.query(on: request.db).filter(\.$staffNumber == user.staffNumber).first()
        let kinds = [PersonalFeedKind.notices] + request.application.personalFeeds.kinds.filter { user.scope(of: $0.permission) != nil }
        return try await request.renderPage(
            "platform/account-feeds", title: "account.feeds.title",
            breadcrumbs: [Breadcrumb(label: request.t("account.title"), href: AccountRoute.settings.path),
                          Breadcrumb(label: request.t("account.feeds.title"), href: nil)],
            content: PersonalFeedPage.build(issuedAt: feed?.createdAt, issuedToken: issuedToken, kinds: kinds,
                                            action: AccountRoute.feeds.path, csrfToken: request.csrfToken, localizer: request.localizer))
    }

    /// The digest: the notices the token's owner would see on their home page today, in their
    /// language, as one Atom entry for the day. An unknown token, or an account that is no
    /// longer active, is not found.
    @Sendable func noticeDigest(_ request: Request) async throws -> Response {
        guard let owner = try await PersonalFeed.owner(ofAddress: request.parameters.get("feedToken"), suffix: ".xml", on: request.db),
              let account = try await User.query(on: request.db).filter(\.$staffNumber == owner).filter(\.$isActive == true).with(\.$roles).first()
        else { throw Abort(.notFound) }
        let user = try SignedInUser(account)
        // The notice providers read the reader from the request, as on the home page.
        request.currentUser = user
        request.preferences = DisplayPreferences(language: account.language ?? .ja, dateDisplay: account.dateDisplay)
        let notices = try await request.application.homeNotices.notices(for: request, user: user)
        let document = NoticeDigest.atom(notices: notices, user: user, feedPath: AccountRoute.noticeFeed(.value(request.parameters.get("feedToken") ?? "")).path,
                                         today: request.today, now: request.now, localizer: request.localizer)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: document))
    }
}

/// A feed that one's groupware address opens, as a module offers it: its name and what it
/// holds, who may have it, and its address for a token.
struct PersonalFeedKind: Sendable {
    let titleKey: String
    let descriptionKey: String
    let permission: Permission
    let address: @Sendable (String) -> String

    /// The platform's own: the daily digest of home notices, for everyone.
    static let notices = PersonalFeedKind(titleKey: "account.feeds.notices", descriptionKey: "account.feeds.noticesHint",
                                          permission: .useApplication, address: { AccountRoute.noticeFeed(token: $0).path })
}

/// Modules add the feeds they offer (Dialogue: the calendar of one's registrations).
final class PersonalFeedRegistry: @unchecked Sendable {
    private(set) var kinds: [PersonalFeedKind] = []

    func add(_ kind: PersonalFeedKind) { kinds.append(kind) }
}

extension Application {
    private struct PersonalFeedsKey: StorageKey { typealias Value = PersonalFeedRegistry }

    var personalFeeds: PersonalFeedRegistry {
        if let registry = storage[PersonalFeedsKey.self] { return registry }
        let registry = PersonalFeedRegistry()
        storage[PersonalFeedsKey.self] = registry
        return registry
    }
}
