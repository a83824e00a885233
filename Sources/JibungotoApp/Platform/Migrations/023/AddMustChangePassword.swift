import Fluent
import FluentSQL

/// Accounts made with an initial password handed out on paper must choose their own at the
/// first sign-in; accounts that existed before keep working as they did.
struct AddMustChangePassword: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(User.schema)
            .field("must_change_password", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(User.schema).deleteField("must_change_password").update()
    }
}
