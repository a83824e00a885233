import Fluent
import Foundation
import JibungotoDomain

/// An annual self-report round (自己申告) opened by HR for a target group, with a deadline.
final class SelfReportCycle: Model, @unchecked Sendable {
    static let schema = "self_report_cycles"

    @ID(key: .id) var id: UUID?
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "title") var title: String
    @Field(key: "opens_on") var opensOn: LocalDate
    /// The last day answers are accepted (Japan time, through 23:59).
    @Field(key: "deadline") var deadline: LocalDate
    /// Department codes the round is for; empty means everyone.
    @Field(key: "target_departments") var targetDepartments: String
    /// Employment types the round is for; empty means all.
    @Field(key: "target_employment_types") var targetEmploymentTypes: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Who the round is for (the form stores only known employment types).
    var group: TargetGroup {
        TargetGroup(storedDepartments: targetDepartments, storedEmploymentTypes: targetEmploymentTypes)
    }
}

extension SelfReportCycle {
    /// A round in one line; empty target lists mean everyone.
    convenience init(
        id: UUID? = nil, fiscalYear: Int, title: String, opensOn: LocalDate, deadline: LocalDate,
        targetDepartments: String = "", targetEmploymentTypes: String = "", createdBy: String = ""
    ) {
        self.init()
        self.id = id
        self.fiscalYear = fiscalYear
        self.title = title
        self.opensOn = opensOn
        self.deadline = deadline
        self.targetDepartments = targetDepartments
        self.targetEmploymentTypes = targetEmploymentTypes
        self.createdBy = createdBy
    }
}
