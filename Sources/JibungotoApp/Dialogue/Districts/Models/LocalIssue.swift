import Fluent
import Foundation
import JibungotoDomain

/// A local issue (地域課題) raised by citizens in a district, recorded by its liaison and routed by
/// its category to the section that answers it.
final class LocalIssue: Model, @unchecked Sendable {
    static let schema = "local_issues"

    @ID(key: .id) var id: UUID?
    @Parent(key: "district_id") var district: District
    /// The citizen dialogue at which it was raised, if it was.
    @OptionalParent(key: "dialogue_record_id") var dialogueRecord: DistrictDialogueRecord?
    @Field(key: "title") var title: String
    /// What the citizens raised, as the liaison wrote it.
    @Field(key: "details") var details: String
    /// Where in the district, as the liaison wrote it (never a citizen's name or home).
    @Field(key: "place") var place: String
    @Parent(key: "category_id") var category: LocalIssueCategory
    /// The section answering it now (the category's when routed; kept when the category later changes).
    @Field(key: "section_code") var sectionCode: SectionCode
    @Field(key: "received_on") var receivedOn: LocalDate
    /// The day the current section received it.
    @Field(key: "routed_on") var routedOn: LocalDate
    @Field(key: "expected_on") var expectedOn: LocalDate
    @Field(key: "status") var status: LocalIssueStatus
    /// The section's written response (required for 対応済).
    @Field(key: "response") var response: String
    /// Why it cannot be done (required for 対応困難).
    @Field(key: "difficulty_reason") var difficultyReason: String
    @OptionalField(key: "responded_on") var respondedOn: LocalDate?
    @Field(key: "recorded_by") var recordedBy: StaffNumber
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    func isOverdue(today: LocalDate) -> Bool {
        LocalIssueDeadline.isOverdue(status: status, expectedOn: expectedOn, today: today)
    }

    var facts: LocalIssueFacts {
        LocalIssueFacts(district: $district.id.uuidString.lowercased(), category: $category.id.uuidString.lowercased(), status: status,
                        receivedOn: receivedOn, expectedOn: expectedOn, respondedOn: respondedOn)
    }
}

extension LocalIssue {
    /// An issue in one line, as routed; received and open unless told.
    convenience init(id: UUID? = nil, districtID: UUID, dialogueRecordID: UUID? = nil, title: String, details: String, place: String = "",
                     categoryID: UUID, routing: IssueRouting, receivedOn: LocalDate, status: LocalIssueStatus = .received, response: String = "",
                     difficultyReason: String = "", respondedOn: LocalDate? = nil, recordedBy: StaffNumber, updatedAt: Date) {
        self.init()
        self.id = id
        self.$district.id = districtID
        self.$dialogueRecord.id = dialogueRecordID
        self.title = title
        self.details = details
        self.place = place
        self.$category.id = categoryID
        self.sectionCode = routing.section
        self.routedOn = routing.routedOn
        self.expectedOn = routing.expectedOn
        self.receivedOn = receivedOn
        self.status = status
        self.response = response
        self.difficultyReason = difficultyReason
        self.respondedOn = respondedOn
        self.recordedBy = recordedBy
        self.updatedAt = updatedAt
    }
}
