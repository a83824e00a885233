import Fluent
import Vapor

/// One sign-in attempt (or one password check on the password page), kept to throttle guessing
/// across all app instances (the table is shared).
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    /// The staff number as typed (normalised), whether or not such an account exists.
    @Field(key: "account_key") var accountKey: String
    @Field(key: "address") var address: String
    @Field(key: "attempted_at") var attemptedAt: Date
    @Field(key: "succeeded") var succeeded: Bool

    init() {}

    init(accountKey: String, address: String, succeeded: Bool, at date: Date) {
        self.accountKey = accountKey
        self.address = address
        self.attemptedAt = date
        self.succeeded = succeeded
    }
}

/// Slows guessing without locking anyone out:
/// - per account: after `accountLimit` failures in the window, each further attempt waits twice
///   as long as the one before — 30 s, 1 min, 2 min … up to the window.
/// - per address: only after `addressLimit` failures in the window (far more than one person
///   mistypes), because a whole city hall may share one address behind its NAT or proxy.
/// - never a browser the account signed in from before (`KnownDevice`): neither limit holds its
///   owner back, so nobody — elsewhere or at the next desk — can keep a person out of their account.
struct LoginThrottle {
    let database: any Database
    let accountLimit: Int
    let addressLimit: Int
    let window: TimeInterval

    static let firstDelay: TimeInterval = 30

    /// Why an attempt must wait, and until when.
    enum Verdict: Equatable {
        case allowed
        case wait(seconds: Int)
    }

    /// The wait after `failures` failures of one account: nothing up to the limit, then doubling.
    static func accountDelay(failures: Int, limit: Int, window: TimeInterval) -> TimeInterval {
        guard failures >= limit else { return 0 }
        let doublings = min(failures - limit, 30)
        return min(firstDelay * pow(2, Double(doublings)), window)
    }

    /// `knownDevice`: the attempt comes from a browser the account signed in from before. Pass
    /// false on the password page: there the session is signed in already, so the browser proves
    /// nothing and every guess counts.
    func verdict(accountKey: String, address: String, knownDevice: Bool, now: Date = Date()) async throws -> Verdict {
        if knownDevice { return .allowed }
        let since = now.addingTimeInterval(-window)
        let addressFailures = try await LoginAttempt.query(on: database)
            .filter(\.$address == address).filter(\.$succeeded == false)
            .filter(\.$attemptedAt >= since)
            .sort(\.$attemptedAt).all(\.$attemptedAt)
        if addressFailures.count >= addressLimit, let oldest = addressFailures.first {
            return .wait(seconds: Self.seconds(until: oldest.addingTimeInterval(window), from: now))
        }
        // A success does not start the count afresh: the owner signs in from a known browser,
        // which the limits never hold back, and must not hand a guesser new tries by doing so.
        let failures = try await LoginAttempt.query(on: database)
            .filter(\.$accountKey == accountKey).filter(\.$succeeded == false)
            .filter(\.$attemptedAt >= since)
            .sort(\.$attemptedAt).all(\.$attemptedAt)
        let delay = Self.accountDelay(failures: failures.count, limit: accountLimit, window: window)
        guard delay > 0, let last = failures.last else { return .allowed }
        let until = last.addingTimeInterval(delay)
        return until > now ? .wait(seconds: Self.seconds(until: until, from: now)) : .allowed
    }

    func record(accountKey: String, address: String, succeeded: Bool, now: Date = Date()) async throws {
        try await LoginAttempt(accountKey: accountKey, address: address, succeeded: succeeded, at: now).create(on: database)
    }

    /// Drops attempts long out of the window, so the table stays small.
    func prune(now: Date = Date()) async throws {
        try await LoginAttempt.query(on: database).filter(\.$attemptedAt < now.addingTimeInterval(-window * 4)).delete()
    }

    private static func seconds(until date: Date, from now: Date) -> Int {
        max(1, Int(date.timeIntervalSince(now).rounded(.up)))
    }
}

extension Request {
    var loginThrottle: LoginThrottle {
        let settings = application.jibungotoSettings
        return LoginThrottle(
            database: db,
            accountLimit: settings.loginFailureLimit,
            addressLimit: settings.loginAddressFailureLimit,
            window: TimeInterval(settings.loginWindowMinutes * 60)
        )
    }

    /// "30秒" / "2分" / "about 2 minutes": how long to wait, as a person says it.
    func waitText(seconds: Int) -> String {
        seconds < 60 ? t("throttle.seconds", String(seconds)) : t("throttle.minutes", String((seconds + 59) / 60))
    }
}
