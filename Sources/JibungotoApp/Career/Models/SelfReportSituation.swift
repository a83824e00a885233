import Fluent
import Foundation
import JibungotoDomain

/// The self-report's fixed-choice answers about the person's situation, kept beside the report:
/// health and family circumstances are for the person and HR only (`SelfReportReader`), so they
/// are read only where the reader may see them.
final class SelfReportSituation: Model, @unchecked Sendable {
    static let schema = "self_report_situations"

    @ID(key: .id) var id: UUID?
    @Field(key: "report_id") var reportID: UUID
    /// `HealthCondition` raw value, "" when not answered.
    @Field(key: "health_condition") var healthCondition: String
    /// `WorkloadLevel` raw value, "" when not answered.
    @Field(key: "workload") var workload: String
    /// `DifficultyLevel` raw value, "" when not answered.
    @Field(key: "difficulty") var difficulty: String
    /// `FamilyCircumstance.stored(_:)`.
    @Field(key: "family_circumstances") var familyCircumstances: String

    init() {}
}

extension SelfReportSituation {
    convenience init(
        reportID: UUID, healthCondition: String = "", workload: String = "", difficulty: String = "", familyCircumstances: String = ""
    ) {
        self.init()
        self.reportID = reportID
        self.healthCondition = healthCondition
        self.workload = workload
        self.difficulty = difficulty
        self.familyCircumstances = familyCircumstances
    }
}
