import Fluent
import Foundation
import JibungotoDomain

/// A reusable written response a section keeps for the issues it often answers (「道路の補修は
/// 翌年度の工事計画で検討します…」); the section's managers pick one to start an answer from.
final class LocalIssueResponseTemplate: Model, @unchecked Sendable {
    static let schema = "local_issue_response_templates"

    @ID(key: .id) var id: UUID?
    @Field(key: "section_code") var sectionCode: SectionCode
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "updated_by") var updatedBy: StaffNumber
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

extension LocalIssueResponseTemplate {
    convenience init(id: UUID? = nil, sectionCode: SectionCode, title: String, body: String, updatedBy: StaffNumber, updatedAt: Date) {
        self.init()
        self.id = id
        self.sectionCode = sectionCode
        self.title = title
        self.body = body
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}
