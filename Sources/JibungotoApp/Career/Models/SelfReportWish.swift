import Fluent
import Foundation
import JibungotoDomain

/// A desired section (1st–3rd) with its reason.
final class SelfReportWish: Model, @unchecked Sendable {
    static let schema = "self_report_wishes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: SelfReport
    @Field(key: "rank") var rank: Int
    @Field(key: "section_code") var sectionCode: SectionCode
    @Field(key: "reason") var reason: String

    init() {}

    init(reportID: UUID, rank: Int, sectionCode: SectionCode, reason: String) {
        self.$report.id = reportID
        self.rank = rank
        self.sectionCode = sectionCode
        self.reason = reason
    }
}
