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
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
