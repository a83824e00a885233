import Fluent
import Foundation
import JibungotoDomain

/// A call for proposals (募集): year-round or themed for a period, who may submit, whether staff
/// read proposals before review and answers are published to all, and the reviewers' criteria.
final class ProposalCall: Model, @unchecked Sendable {
    static let schema = "proposal_calls"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "kind") var kind: ProposalCallKind
    /// The theme of a themed call; empty for a year-round one.
    @Field(key: "theme") var theme: String
    @Field(key: "opens_on") var opensOn: LocalDate
    @Field(key: "closes_on") var closesOn: LocalDate
    @Field(key: "fiscal_year") var fiscalYear: Int
    /// Department codes joined by commas; empty for all staff.
    @Field(key: "audience_departments") var audienceDepartments: String
    @Field(key: "open_to_staff_before_review") var openToStaffBeforeReview: Bool
    @Field(key: "answers_published_to_all") var answersPublishedToAll: Bool
    /// The review criteria, one per line.
    @Field(key: "criteria") var criteria: String
    @Field(key: "created_by") var createdBy: StaffNumber
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var audience: [SectionCode] {
        audienceDepartments.split(separator: ",").map { SectionCode(String($0)) }
    }

    var criteriaList: [String] { ProposalReviewRules.criteria(from: criteria) }

    func accepts(today: LocalDate) -> Bool {
        ProposalCallRules.accepts(opens: opensOn, closes: closesOn, today: today)
    }

    func admits(department: SectionCode?) -> Bool {
        ProposalCallRules.admits(department: department, audience: audience)
    }
}

extension ProposalCall {
    convenience init(
        id: UUID? = nil, title: String, kind: ProposalCallKind, theme: String = "", opensOn: LocalDate, closesOn: LocalDate,
        audience: [SectionCode] = [], openToStaffBeforeReview: Bool, answersPublishedToAll: Bool, criteria: [String],
        createdBy: StaffNumber, createdAt: Date
    ) {
        self.init()
        self.id = id
        self.title = title
        self.kind = kind
        self.theme = theme
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.fiscalYear = FiscalYear.containing(opensOn).startYear
        self.audienceDepartments = audience.map(\.rawValue).joined(separator: ",")
        self.openToStaffBeforeReview = openToStaffBeforeReview
        self.answersPublishedToAll = answersPublishedToAll
        self.criteria = criteria.joined(separator: "\n")
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
