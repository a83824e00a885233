import Fluent
import Vapor

/// A browser in which an account has signed in before: a random token in a long-lived cookie,
/// kept here only as a hash, per account. Login throttling holds back everyone else, never
/// these, so nobody can keep a person out of their own account — not from the same city-hall
/// address either, which an address-based exemption would have let an insider do.
final class KnownDevice: Model, @unchecked Sendable {
    static let schema = "known_devices"
    static let cookieName = "jibungoto_device"
    /// A browser unused for this long is forgotten.
    static let lifetime: TimeInterval = 90 * 24 * 3600

    @ID(key: .id) var id: UUID?
    /// The staff number as typed at sign-in, normalised (the throttle's account key).
    @Field(key: "account_key") var accountKey: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "last_used_at") var lastUsedAt: Date

    init() {}

    static func hash(_ token: String) -> String { TokenHash.hex(token) }

    /// Whether the request's device cookie belongs to a browser this account signed in from.
    static func isKnown(_ request: Request, accountKey: String, now: Date = Date()) async throws -> Bool {
        guard let token = request.cookies[cookieName]?.string, !token.isEmpty else { return false }
        return try await query(on: request.db)
            .filter(\.$accountKey == accountKey).filter(\.$tokenHash == hash(token))
            .filter(\.$lastUsedAt >= now.addingTimeInterval(-lifetime))
            .count() > 0
    }

    /// After a successful sign-in: remembers this browser for the account (giving it a token if
    /// it has none) and forgets browsers unused for the lifetime.
    static func remember(_ request: Request, accountKey: String, response: Response, now: Date = Date()) async throws {
        let existing = request.cookies[cookieName].map(\.string).flatMap { $0.isEmpty ? nil : $0 }
        let token = existing ?? HashedSessionDriver.newID().string
        let tokenHash = hash(token)
        if let known = try await query(on: request.db).filter(\.$accountKey == accountKey).filter(\.$tokenHash == tokenHash).first() {
            known.lastUsedAt = now
            try await known.update(on: request.db)
        } else {
            let device = KnownDevice()
            device.accountKey = accountKey
            device.tokenHash = tokenHash
            device.lastUsedAt = now
            try await device.create(on: request.db)
        }
        try await query(on: request.db).filter(\.$lastUsedAt < now.addingTimeInterval(-lifetime)).delete()
        response.cookies[cookieName] = HTTPCookies.Value(
            string: token, expires: now.addingTimeInterval(lifetime), maxAge: Int(lifetime), path: "/",
            // Marked Secure over HTTPS by SecurityHeadersMiddleware, like the session cookie.
            isSecure: false, isHTTPOnly: true, sameSite: .lax)
    }
}
