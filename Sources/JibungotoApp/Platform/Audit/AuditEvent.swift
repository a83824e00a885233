import Fluent
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
        event.actorStaffNumber = currentUser?.staffNumber
        event.action = action.rawValue
        event.subjectType = subjectType
        event.subjectID = subjectID
        event.detail = String(detail.prefix(500))
        event.address = clientAddress
        event.requestID = id
        try await event.create(on: database ?? db)
    }

    /// The client's address; behind a load balancer, the first `X-Forwarded-For` entry when the
    /// deployment says the proxy is trusted.
    var clientAddress: String {
        if application.jibungotoSettings.trustForwardedHeaders,
           let forwarded = headers.first(name: "X-Forwarded-For")?
               .split(separator: ",").first?.trimmingCharacters(in: .whitespaces),
           !forwarded.isEmpty {
            return forwarded
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
