import JibungotoDomain
import Fluent
import SQLKit
import Vapor

/// The account behind a request, loaded once per request from the session.
struct SignedInUser: Sendable {
    let id: UUID
    let staffNumber: StaffNumber
    let displayName: String
    let roles: Set<Role>
    let language: Language?
    let dateDisplay: DateDisplay
    let mustChangePassword: Bool

    /// The active account with this id, with its roles, in one statement. Every signed-in
    /// request asks this, so it is SQL read by column rather than two Fluent models (the account
    /// and its roles): `Benchmarks/stack-floor` measured a row through a Fluent model at twice the
    /// CPU of the same row through SQLKit. Its names go in unquoted, as in every statement run on
    /// each request (`docs/architecture.md`, "Sessions").
    static func load(id: UUID, on database: any Database) async throws -> SignedInUser? {
        guard let sql = database as? any SQLDatabase else { throw Abort(.internalServerError, reason: "accounts need an SQL database") }
        let (user, role) = (User.schema, UserRole.schema)
        let rows = try await sql.raw("""
            SELECT \(unsafeRaw: user).staff_number, \(unsafeRaw: user).display_name, \(unsafeRaw: user).language, \(unsafeRaw: user).date_display,
                \(unsafeRaw: user).must_change_password, \(unsafeRaw: role).role
            FROM \(unsafeRaw: user) LEFT JOIN \(unsafeRaw: role) ON \(unsafeRaw: role).user_id = \(unsafeRaw: user).id
            WHERE \(unsafeRaw: user).id = \(bind: id) AND \(unsafeRaw: user).is_active = \(bind: true)
            """).all()
        guard let first = rows.first else { return nil }
        return SignedInUser(
            id: id, staffNumber: StaffNumber(try first.decode(column: "staff_number", as: String.self)),
            displayName: try first.decode(column: "display_name", as: String.self),
            roles: Set(try rows.compactMap { try $0.decode(column: "role", as: Role?.self) }),
            language: try first.decode(column: "language", as: Language?.self),
            dateDisplay: try first.decode(column: "date_display", as: DateDisplay.self),
            mustChangePassword: try first.decode(column: "must_change_password", as: Bool.self))
    }

    private init(id: UUID, staffNumber: StaffNumber, displayName: String, roles: Set<Role>, language: Language?, dateDisplay: DateDisplay, mustChangePassword: Bool) {
        (self.id, self.staffNumber, self.displayName, self.roles) = (id, staffNumber, displayName, roles)
        (self.language, self.dateDisplay, self.mustChangePassword) = (language, dateDisplay, mustChangePassword)
    }

    init(_ user: User) throws {
        self.id = try user.requireID()
        self.staffNumber = user.staffNumber
        self.displayName = user.displayName
        self.roles = Set(user.roles.map(\.role))
        self.language = user.language
        self.dateDisplay = user.dateDisplay
        self.mustChangePassword = user.mustChangePassword
    }

    func scope(of permission: Permission) -> Scope? {
        RolePolicy.scope(of: permission, for: roles)
    }
}

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = SignedInUser }
    private struct SessionExpiredKey: StorageKey { typealias Value = Bool }

    var currentUser: SignedInUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// True when this request came with a session whose sign-in timed out.
    var sessionExpired: Bool {
        get { storage[SessionExpiredKey.self] ?? false }
        set { storage[SessionExpiredKey.self] = newValue }
    }

    /// The signed-in user; routes behind a permission can rely on it.
    func requireUser() throws -> SignedInUser {
        guard let user = currentUser else { throw Abort(.unauthorized) }
        return user
    }

    /// The scope the current user holds for a permission; routes use it to narrow their queries.
    func scope(of permission: Permission) throws -> Scope {
        guard let scope = try requireUser().scope(of: permission) else { throw Abort(.forbidden) }
        return scope
    }
}

/// Restores the signed-in user from the session, ending the sign-in after the idle time.
struct SessionUserMiddleware: AsyncMiddleware {
    static let userKey = "user"
    static let lastSeenKey = "seen"
    /// How stale the stored last-seen time may get before a request refreshes it.
    static let lastSeenResolution: TimeInterval = 60
    /// What an account that must change its password may still reach.
    static let openBeforePasswordChange: Set<String> = [
        AccountRoute.password.path, PlatformRoute.logout.path, PlatformRoute.language.path,
        PlatformRoute.stylesheet.path, PlatformRoute.healthz.path,
    ]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Without a session cookie there is nothing to restore, and touching the session would
        // store an empty one for every health check and crawler.
        if request.hasSession, let userID = request.session.data[Self.userKey].flatMap(UUID.init(uuidString:)) {
            let now = Date().timeIntervalSince1970
            let lastSeen = request.session.data[Self.lastSeenKey].flatMap(Double.init) ?? 0
            let idleLimit = Double(request.application.jibungotoSettings.sessionIdleMinutes * 60)
            if now - lastSeen > idleLimit {
                request.session.data[Self.userKey] = nil
                request.sessionExpired = true
            } else if let user = try await SignedInUser.load(id: userID, on: request.db) {
                request.currentUser = user
                // Once a minute at most: an unchanged session is not written back (see
                // `HashedSessionDriver.updateSession`), so most pages cost no write; the idle
                // limit is counted in tens of minutes.
                if now - lastSeen >= Self.lastSeenResolution {
                    request.session.data[Self.lastSeenKey] = String(Int(now))
                }
                // An initial password from a printed list is known to whoever handled the paper:
                // nothing opens until its owner has chosen their own.
                if user.mustChangePassword && !Self.openBeforePasswordChange.contains(request.url.path) {
                    return request.redirect(to: AccountRoute.password.path)
                }
            } else {
                request.session.data[Self.userKey] = nil
            }
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// Starts a signed-in session under a fresh session id, so an id planted before sign-in is useless.
    func signIn(_ user: User) async throws {
        let carried = session.data[LocaleMiddleware.sessionKey]
        if let oldID = session.id {
            try await application.sessions.driver.deleteSession(oldID, for: self).get()
        }
        session.id = nil
        session.data = SessionData()
        session.data[SessionUserMiddleware.userKey] = try user.requireID().uuidString
        session.data[SessionUserMiddleware.lastSeenKey] = String(Int(Date().timeIntervalSince1970))
        session.data[LocaleMiddleware.sessionKey] = carried
        currentUser = try SignedInUser(user)
    }

    /// Moves the session to a new id (the old one is already gone from the store), with a new
    /// CSRF token, so an id or token seen before a password change is useless afterwards.
    func rotateSession() {
        session.id = nil
        session.data[CSRFMiddleware.sessionKey] = nil
    }

    func signOut() {
        session.destroy()
        currentUser = nil
    }
}
