import Fluent
import Foundation
import JibungotoDomain

/// A person in a study group: a member (leaders answer requests), or one who asked to join.
final class StudyGroupMember: Model, @unchecked Sendable {
    static let schema = "dialogue_study_group_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "study_group_id") var group: StudyGroup
    @Field(key: "staff_number") var staffNumber: StaffNumber
    @Field(key: "status") var status: StudyGroupMemberStatus
    @Field(key: "is_leader") var isLeader: Bool
    /// What the person wrote when asking to join.
    @Field(key: "message") var message: String
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "answered_by") var answeredBy: StaffNumber?
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}
}

extension StudyGroupMember {
    convenience init(
        groupID: UUID, staffNumber: StaffNumber, status: StudyGroupMemberStatus, isLeader: Bool = false, message: String = "",
        requestedAt: Date, answeredBy: StaffNumber? = nil, answeredAt: Date? = nil
    ) {
        self.init()
        self.$group.id = groupID
        self.staffNumber = staffNumber
        self.status = status
        self.isLeader = isLeader
        self.message = message
        self.requestedAt = requestedAt
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}
