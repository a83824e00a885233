import Fluent
import Foundation

/// 部署紹介: what a section does and what an assignment there means, one per section and fiscal year.
final class SectionProfile: Model, @unchecked Sendable {
    static let schema = "section_profiles"

    @ID(key: .id) var id: UUID?
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "section_code") var sectionCode: String
    @Field(key: "mission") var mission: String
    @Field(key: "main_work") var mainWork: String
    @Field(key: "busy_seasons") var busySeasons: String
    /// Skills gained, one per line; searched with LIKE.
    @Field(key: "skills") var skills: String
    @Field(key: "staff_voices") var staffVoices: String
    @Field(key: "career_meaning") var careerMeaning: String
    @Field(key: "updated_by") var updatedBy: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
