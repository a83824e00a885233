import Fluent
import SQLKit
import Vapor

/// One browser session as the database keeps it: only a SHA-256 hash of the id in the cookie,
/// so a copy of the database or a backup signs no one in.
final class StoredSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    /// The signed-in account, so a password change can end that account's other sessions.
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "data") var data: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// The fields for Fluent, instead of reflection on each row: a session is read this way when
    /// it is written back (every request reads it with `HashedSessionDriver.readSession`)
    /// (`ModelPropertyListTests` checks the list against reflection).
    var properties: [any AnyProperty] { [$id, $tokenHash, $userID, $data, $updatedAt] }
}

/// Sessions in the shared database (several app instances can serve one user), keyed by the
/// hash of the cookie's id. An empty session is never written, and rows idle for longer than
/// `idleLifetime` are read as absent and removed. The lifetime is the sign-in's idle limit plus
/// a grace period, so a returning user is told their sign-in expired rather than shown a blank
/// login page. Every write is a write transaction, so on SQLite it takes its turn in the writers'
/// line (`SQLiteWriters`) instead of waiting for a free moment between its batches.
struct HashedSessionDriver: AsyncSessionDriver {
    let idleLifetime: TimeInterval

    static let gracePeriod: TimeInterval = 12 * 3600

    static func hash(_ id: SessionID) -> String { TokenHash.hex(id.string) }

    static func newID() -> SessionID {
        let bytes = [UInt8].random(count: 32)
        return SessionID(string: Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: ""))
    }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = Self.newID()
        guard !data.snapshot.isEmpty else { return id }
        let row = StoredSession()
        row.tokenHash = Self.hash(id)
        Self.fill(row, with: data)
        try await request.db.writeTransaction { [idleLifetime] database in
            try await StoredSession.query(on: database)
                .filter(\.$updatedAt < Date().addingTimeInterval(-idleLifetime)).delete()
            try await row.create(on: database)
        }
        return id
    }

    /// Every request with a cookie asks this, so the two columns are read with SQL rather than
    /// through the model (see `SignedInUser.load`).
    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard let sql = request.db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "sessions need an SQL database") }
        let hash = Self.hash(sessionID)
        guard let row = try await sql.select().columns("data", "updated_at").from(StoredSession.schema)
            .where("token_hash", .equal, SQLBind(hash)).first()
        else { return nil }
        guard try row.decode(column: "updated_at", as: Date.self) >= Date().addingTimeInterval(-idleLifetime) else {
            try await deleteSession(sessionID, for: request)
            return nil
        }
        let stored = JSONText.decode([String: String].self, from: try row.decode(column: "data", as: String.self)) ?? [:]
        request.storage[StoredSessionData.self] = stored
        return SessionData(initialData: stored)
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        // Vapor asks after every request; a session the request did not change is left as it is,
        // so reading a page costs no write (the last-seen time changes at most once a minute).
        if let stored = request.storage[StoredSessionData.self], stored == data.snapshot { return sessionID }
        // Vapor updates only sessions it found at the start of the request, so a missing row was
        // deleted meanwhile — by a password change, a reset, a sign-out elsewhere or expiry. It must
        // stay deleted: storing it again would undo the sign-out for a request already in flight.
        try await request.db.writeTransaction { database in
            guard let row = try await Self.row(sessionID, on: database) else { return }
            guard !data.snapshot.isEmpty else {
                try await row.delete(on: database)
                return
            }
            Self.fill(row, with: data)
            try await row.update(on: database)
        }
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await request.db.writeTransaction { database in
            try await StoredSession.query(on: database).filter(\.$tokenHash == Self.hash(sessionID)).delete()
        }
    }

    private static func row(_ id: SessionID, on database: any Database) async throws -> StoredSession? {
        try await StoredSession.query(on: database).filter(\.$tokenHash == Self.hash(id)).first()
    }

    private static func fill(_ row: StoredSession, with data: SessionData) {
        row.data = JSONText.encode(data.snapshot, fallback: "{}")
        row.userID = data[SessionUserMiddleware.userKey].flatMap(UUID.init(uuidString:))
        row.updatedAt = Date()
    }

    /// The session as this request read it, to tell whether it changed.
    private struct StoredSessionData: StorageKey {
        typealias Value = [String: String]
    }

    /// Ends every session of an account (after its password changed or it was deactivated).
    static func endSessions(ofUser userID: UUID, on database: any Database) async throws {
        try await StoredSession.query(on: database).filter(\.$userID == userID).delete()
    }
}
