import Fluent
import Foundation
import JibungotoDomain

/// 部署紹介: what a section does and what an assignment there means, one per section and fiscal year.
final class SectionProfile: Model, @unchecked Sendable {
    static let schema = "section_profiles"

    @ID(key: .id) var id: UUID?
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "section_code") var sectionCode: SectionCode
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

extension SectionProfile {
    /// A section profile in one line; unfilled parts stay empty.
    convenience init(
        id: UUID? = nil, fiscalYear: Int, sectionCode: SectionCode, mission: String = "", mainWork: String = "",
        busySeasons: String = "", skills: String = "", staffVoices: String = "", careerMeaning: String = "",
        updatedBy: String = ""
    ) {
        self.init()
        self.id = id
        self.fiscalYear = fiscalYear
        self.sectionCode = sectionCode
        self.mission = mission
        self.mainWork = mainWork
        self.busySeasons = busySeasons
        self.skills = skills
        self.staffVoices = staffVoices
        self.careerMeaning = careerMeaning
        self.updatedBy = updatedBy
    }
}
