import Fluent
import Foundation
import JibungotoDomain

/// A self-study group (自主研究グループ, the paper's §7-1): its purpose, whether it takes new
/// members, its members (`StudyGroupMember`), meetings (sessions of the group) and outputs.
final class StudyGroup: Model, @unchecked Sendable {
    static let schema = "dialogue_study_groups"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "purpose") var purpose: String
    @Field(key: "accepts_members") var acceptsMembers: Bool
    @Field(key: "created_by") var createdBy: StaffNumber
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension StudyGroup {
    convenience init(id: UUID? = nil, title: String, purpose: String, acceptsMembers: Bool = true, createdBy: StaffNumber, createdAt: Date) {
        self.init()
        self.id = id
        self.title = title
        self.purpose = purpose
        self.acceptsMembers = acceptsMembers
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
