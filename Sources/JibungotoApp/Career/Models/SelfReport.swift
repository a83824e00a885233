import Fluent
import Foundation

/// An annual self-report round (自己申告) opened by HR for a target group, with a deadline.
final class SelfReportCycle: Model, @unchecked Sendable {
    static let schema = "self_report_cycles"

    @ID(key: .id) var id: UUID?
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "title") var title: String
    @Field(key: "opens_on") var opensOn: String
    /// The last day answers are accepted (Japan time, through 23:59).
    @Field(key: "deadline") var deadline: String
    /// Department codes the round is for; empty means everyone.
    @Field(key: "target_departments") var targetDepartments: String
    /// Employment types the round is for; empty means all.
    @Field(key: "target_employment_types") var targetEmploymentTypes: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var departmentCodes: [String] { targetDepartments.split(separator: ",").map(String.init) }
    var employmentTypes: [String] { targetEmploymentTypes.split(separator: ",").map(String.init) }
}

/// One staff member's self-report in a round: a draft until submitted, revisable until the deadline.
final class SelfReport: Model, @unchecked Sendable {
    static let schema = "self_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "cycle_id") var cycle: SelfReportCycle
    @Field(key: "staff_number") var staffNumber: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// move / stay / either
    @Field(key: "move_wish") var moveWish: String
    @Field(key: "career_plan") var careerPlan: String
    @Field(key: "project_team_interest") var projectTeamInterest: Bool
    @Field(key: "project_team_themes") var projectTeamThemes: String
    @Field(key: "side_job_interest") var sideJobInterest: Bool
    @Field(key: "side_job_themes") var sideJobThemes: String
    @Field(key: "skills") var skills: String
    /// Care, health, family: read by HR only, never shown to a manager or a colleague.
    @Field(key: "circumstances") var circumstances: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Children(for: \.$report) var wishes: [SelfReportWish]

    init() {}
}

/// A desired section (1st–3rd) with its reason.
final class SelfReportWish: Model, @unchecked Sendable {
    static let schema = "self_report_wishes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: SelfReport
    @Field(key: "rank") var rank: Int
    @Field(key: "section_code") var sectionCode: String
    @Field(key: "reason") var reason: String

    init() {}

    init(reportID: UUID, rank: Int, sectionCode: String, reason: String) {
        self.$report.id = reportID
        self.rank = rank
        self.sectionCode = sectionCode
        self.reason = reason
    }
}
