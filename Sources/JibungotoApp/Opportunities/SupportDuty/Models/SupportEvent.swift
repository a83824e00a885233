import Fluent
import Foundation
import JibungotoDomain

/// An event that needs support duty (行事応援) or an election (選挙事務): open for volunteers until
/// HR allocates the remaining seats, which publishes the roster and keeps the arithmetic.
final class SupportEvent: Model, @unchecked Sendable {
    static let schema = "support_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: SupportEventKind
    @Field(key: "description") var details: String
    @Field(key: "status") var status: SupportEventStatus
    @Field(key: "created_by") var createdBy: StaffNumber
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "allocated_by") var allocatedBy: StaffNumber?
    @OptionalField(key: "allocated_at") var allocatedAt: Date?
    /// ``SupportAllocationSummary`` as JSON, written with the roster: the published reasoning.
    @OptionalField(key: "allocation") var allocation: String?

    init() {}

    var isOpenForVolunteers: Bool { status == .signUp }

    var summary: SupportAllocationSummary? { JSONText.decode(SupportAllocationSummary.self, from: allocation) }
}

extension SupportEvent {
    /// An event in one line, open for volunteers unless told.
    convenience init(
        id: UUID? = nil, title: String, kind: SupportEventKind, details: String, status: SupportEventStatus = .signUp,
        createdBy: StaffNumber, createdAt: Date, allocatedBy: StaffNumber? = nil, allocatedAt: Date? = nil, allocation: String? = nil
    ) {
        self.init()
        self.id = id
        self.title = title
        self.kind = kind
        self.details = details
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.allocatedBy = allocatedBy
        self.allocatedAt = allocatedAt
        self.allocation = allocation
    }
}
