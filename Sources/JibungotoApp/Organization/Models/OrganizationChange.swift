import Fluent
import Foundation
import JibungotoDomain

/// What happened to a unit when a fiscal year's organization was edited, for the section's history.
final class OrganizationChange: Model, @unchecked Sendable {
    static let schema = "org_changes"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case created, renamed, updated, merged, abolished

        var messageKey: String { "organization.change.\(rawValue)" }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "kind") var kind: Kind
    @Field(key: "code") var code: SectionCode
    @OptionalField(key: "target_code") var targetCode: SectionCode?
    @Field(key: "detail") var detail: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(fiscalYear: Int, kind: Kind, code: SectionCode, targetCode: SectionCode? = nil, detail: String = "") {
        self.fiscalYear = fiscalYear
        self.kind = kind
        self.code = code
        self.targetCode = targetCode
        self.detail = detail
        self.recordedAt = Date()
    }
}
