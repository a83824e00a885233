import Fluent
import Foundation
import JibungotoDomain

/// The municipality's rotation rules (one row; absent until HR first saves the settings page).
final class RotationSettingsRecord: Model, @unchecked Sendable {
    static let schema = "rotation_settings"

    @ID(key: .id) var id: UUID?
    /// ``RotationRuleSettings`` as JSON.
    @Field(key: "rules") var rules: String
    @Field(key: "updated_by") var updatedBy: String
    /// 起案/決裁: the drafter of a scenario may not approve it (nil before it was first set: no).
    @OptionalField(key: "separate_approver") var separateApprover: Bool?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
