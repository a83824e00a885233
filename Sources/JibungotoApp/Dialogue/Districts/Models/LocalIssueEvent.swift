import Fluent
import Foundation
import JibungotoDomain

/// One line of a local issue's history: recorded, a status change, a corrected routing. Nothing
/// is ever changed or removed, so a wrong routing and its correction both stay on record.
final class LocalIssueEvent: Model, @unchecked Sendable {
    static let schema = "local_issue_events"

    enum Kind: String, Codable, Sendable, CaseIterable {
        /// The liaison recorded the issue and it was routed.
        case recorded
        /// The section changed its status.
        case statusChanged = "status_changed"
        /// A wrong routing was corrected: another category and section.
        case rerouted
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "issue_id") var issue: LocalIssue
    @Field(key: "kind") var kind: Kind
    /// The status after the event.
    @Field(key: "status") var status: LocalIssueStatus
    /// The category and section after the event, and before it for a correction.
    @Field(key: "category_id") var categoryID: UUID
    @Field(key: "section_code") var sectionCode: SectionCode
    @OptionalField(key: "previous_category_id") var previousCategoryID: UUID?
    @OptionalField(key: "previous_section_code") var previousSectionCode: SectionCode?
    /// The expected date after the event.
    @Field(key: "expected_on") var expectedOn: LocalDate
    /// Why the routing was corrected, or the reason of a 対応困難.
    @Field(key: "note") var note: String
    @Field(key: "actor") var actor: StaffNumber
    @Field(key: "occurred_at") var occurredAt: Date

    init() {}
}

extension LocalIssueEvent {
    /// The event that leaves `issue` as it is now.
    convenience init(_ kind: Kind, issue: LocalIssue, previousCategoryID: UUID? = nil, previousSectionCode: SectionCode? = nil, note: String = "",
                     actor: StaffNumber, at moment: Date) throws {
        self.init()
        self.$issue.id = try issue.requireID()
        self.kind = kind
        self.status = issue.status
        self.categoryID = issue.$category.id
        self.sectionCode = issue.sectionCode
        self.previousCategoryID = previousCategoryID
        self.previousSectionCode = previousSectionCode
        self.expectedOn = issue.expectedOn
        self.note = note
        self.actor = actor
        self.occurredAt = moment
    }
}
