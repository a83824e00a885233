import Fluent
import Foundation

/// The municipality's settings for Opportunities (one row; absent until HR first saves them).
final class OpportunitySettingsRecord: Model, @unchecked Sendable {
    static let schema = "opportunity_settings"

    @ID(key: .id) var id: UUID?
    /// ``OpportunitySettings`` as JSON.
    @Field(key: "settings") var settings: String
    @Field(key: "updated_by") var updatedBy: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
