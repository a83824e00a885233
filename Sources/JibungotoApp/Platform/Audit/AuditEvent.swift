import Fluent
import JibungotoDomain
import Vapor

/// One view or export of personal data (or another act worth answering for later):
/// who, when, what, which record, from where.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @OptionalField(key: "actor_staff_number") var actorStaffNumber: String?
    @Field(key: "action") var action: String
    @Field(key: "subject_type") var subjectType: String
    @OptionalField(key: "subject_id") var subjectID: String?
    @Field(key: "detail") var detail: String
    @Field(key: "address") var address: String
    @Field(key: "request_id") var requestID: String

    init() {}
}

/// What was done to the data.
enum AuditAction: String, CaseIterable, Codable, Sendable {
    case view
    case export
    case create
    case update
    case login
    case loginFailed
    case logout

    var messageKey: String { "audit.action.\(rawValue)" }
}

extension Request {
    /// Records an audit event on the request's database (inside its transaction when given one).
    /// An audit row about one staff member.
    func audit(_ action: AuditAction, subjectType: String, subjectID: StaffNumber, detail: String = "", on database: (any Database)? = nil) async throws {
        try await audit(action, subjectType: subjectType, subjectID: subjectID.rawValue, detail: detail, on: database)
    }

    /// An audit row about one organizational unit.
    func audit(_ action: AuditAction, subjectType: String, subjectID: SectionCode, detail: String = "", on database: (any Database)? = nil) async throws {
        try await audit(action, subjectType: subjectType, subjectID: subjectID.rawValue, detail: detail, on: database)
    }

    func audit(
        _ action: AuditAction,
        subjectType: String,
        subjectID: String? = nil,
        detail: String = "",
        on database: (any Database)? = nil
    ) async throws {
        let event = AuditEvent()
        event.occurredAt = Date()
        event.actorID = currentUser?.id
        event.actorStaffNumber = currentUser?.staffNumber.rawValue
        event.action = action.rawValue
        event.subjectType = subjectType
        event.subjectID = subjectID
        event.detail = String(detail.prefix(500))
        event.address = clientAddress
        event.requestID = id
        try await event.create(on: database ?? db)
        if action == .view || action == .export { recordedPersonalDataAudit = true }
    }

    /// The client's address. Behind trusted proxies (`JIBUNGOTO_TRUST_PROXY`), the entry of
    /// `X-Forwarded-For` that the outermost trusted proxy appended: each of the `hops` proxies
    /// appends the address it saw, so entries further left were written by the client itself.
    var clientAddress: String {
        let settings = application.jibungotoSettings
        if settings.trustForwardedHeaders {
            let entries = headers[.xForwardedFor]
                .flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if let address = Self.forwardedClient(entries, hops: settings.trustedProxyHops) {
                return address
            }
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }

    /// The `hops`-th entry from the right, or the leftmost when fewer were appended.
    static func forwardedClient(_ entries: [String], hops: Int) -> String? {
        guard !entries.isEmpty, hops > 0 else { return nil }
        let address = entries[max(0, entries.count - hops)]
        return address.isEmpty ? nil : address
    }
}

extension AuditEvent {
    /// An audit event in one line; request details stay empty unless told.
    convenience init(
        id: UUID? = nil, occurredAt: Date, actorID: UUID? = nil, actorStaffNumber: String? = nil, action: String,
        subjectType: String, subjectID: String? = nil, detail: String = "", address: String = "", requestID: String = ""
    ) {
        self.init()
        self.id = id
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actorStaffNumber = actorStaffNumber
        self.action = action
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.detail = detail
        self.address = address
        self.requestID = requestID
    }
}
