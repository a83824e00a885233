import Fluent
import Foundation
import JibungotoDomain

/// Something a study group produced: a document as text, a link to it, or both.
final class StudyGroupOutput: Model, @unchecked Sendable {
    static let schema = "dialogue_study_group_outputs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "study_group_id") var group: StudyGroup
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @OptionalField(key: "link") var link: String?
    @Field(key: "added_by") var addedBy: StaffNumber
    @Field(key: "added_at") var addedAt: Date

    init() {}
}

extension StudyGroupOutput {
    convenience init(groupID: UUID, title: String, body: String, link: String?, addedBy: StaffNumber, addedAt: Date) {
        self.init()
        self.$group.id = groupID
        self.title = title
        self.body = body
        self.link = link
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}
