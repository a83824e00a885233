import Fluent
import Foundation
import JibungotoDomain

/// A series grouping sessions (e.g. a study group's six meetings over a year), shown in order.
final class DialogueSeries: Model, @unchecked Sendable {
    static let schema = "dialogue_series"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "about") var about: String
    @Field(key: "created_by") var createdBy: StaffNumber
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

extension DialogueSeries {
    convenience init(id: UUID? = nil, title: String, about: String, createdBy: StaffNumber, createdAt: Date) {
        self.init()
        self.id = id
        self.title = title
        self.about = about
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
