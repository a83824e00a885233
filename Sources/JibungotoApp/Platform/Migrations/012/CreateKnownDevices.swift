import Fluent
import SQLKit

/// Browsers each account signed in from, for login throttling that never locks an owner out.
struct CreateKnownDevices: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(KnownDevice.schema)
            .id()
            .field("account_key", .string, .required)
            .field("token_hash", .string, .required)
            .field("last_used_at", .datetime, .required)
            .unique(on: "account_key", "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(KnownDevice.schema).delete()
    }
}
