import Fluent
import Vapor

/// One sign-in attempt, kept to throttle guessing across all app instances (the table is shared).
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    /// The staff number as typed (normalised), whether or not such an account exists.
    @Field(key: "account_key") var accountKey: String
    @Field(key: "address") var address: String
    @Field(key: "attempted_at") var attemptedAt: Date
    @Field(key: "succeeded") var succeeded: Bool

    init() {}

    init(accountKey: String, address: String, succeeded: Bool) {
        self.accountKey = accountKey
        self.address = address
        self.attemptedAt = Date()
        self.succeeded = succeeded
    }
}

/// After `limit` failed sign-ins for one staff number or from one address within the window,
/// further attempts are refused until the oldest failure leaves the window. A success clears the
/// account's count but not the address's.
struct LoginThrottle {
    let database: any Database
    let limit: Int
    let window: TimeInterval

    func isBlocked(accountKey: String, address: String, now: Date = Date()) async throws -> Bool {
        let since = now.addingTimeInterval(-window)
        let lastSuccess = try await LoginAttempt.query(on: database)
            .filter(\.$accountKey == accountKey).filter(\.$succeeded == true)
            .filter(\.$attemptedAt >= since)
            .sort(\.$attemptedAt, .descending).first()?.attemptedAt
        let accountFailures = try await LoginAttempt.query(on: database)
            .filter(\.$accountKey == accountKey).filter(\.$succeeded == false)
            .filter(\.$attemptedAt >= max(since, lastSuccess ?? since))
            .count()
        if accountFailures >= limit { return true }
        let addressFailures = try await LoginAttempt.query(on: database)
            .filter(\.$address == address).filter(\.$succeeded == false)
            .filter(\.$attemptedAt >= since)
            .count()
        return addressFailures >= limit
    }

    func record(accountKey: String, address: String, succeeded: Bool) async throws {
        try await LoginAttempt(accountKey: accountKey, address: address, succeeded: succeeded).create(on: database)
    }

    /// Drops attempts older than the window so the table stays small.
    func prune(now: Date = Date()) async throws {
        try await LoginAttempt.query(on: database)
            .filter(\.$attemptedAt < now.addingTimeInterval(-window * 4)).delete()
    }
}

extension Request {
    var loginThrottle: LoginThrottle {
        let settings = application.jibungotoSettings
        return LoginThrottle(database: db, limit: settings.loginFailureLimit, window: TimeInterval(settings.loginWindowMinutes * 60))
    }
}
