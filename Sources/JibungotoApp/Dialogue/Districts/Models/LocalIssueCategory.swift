import Fluent
import Foundation
import JibungotoDomain

/// A category of local issues (道路・側溝, 公園, ごみ・不法投棄 …): the section it routes issues
/// to and the number of days in which an answer is expected. HR keeps the table.
final class LocalIssueCategory: Model, @unchecked Sendable {
    static let schema = "local_issue_categories"

    @ID(key: .id) var id: UUID?
    /// A short code (Open311 `service_code`); unique.
    @Field(key: "code") var code: String
    @Field(key: "name_ja") var nameJa: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "section_code") var sectionCode: SectionCode
    @Field(key: "expected_days") var expectedDays: Int
    @Field(key: "updated_by") var updatedBy: StaffNumber
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var name: Bilingual { Bilingual(ja: nameJa, en: nameEn.isEmpty ? nameJa : nameEn) }

    /// The category's id as text, for the figures and the routing rule.
    var key: String { id?.uuidString.lowercased() ?? "" }
}

extension LocalIssueCategory {
    convenience init(id: UUID? = nil, code: String, nameJa: String, nameEn: String, sectionCode: SectionCode, expectedDays: Int,
                     updatedBy: StaffNumber, updatedAt: Date) {
        self.init()
        self.id = id
        self.code = code
        self.nameJa = nameJa
        self.nameEn = nameEn
        self.sectionCode = sectionCode
        self.expectedDays = expectedDays
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}
