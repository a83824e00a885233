import Fluent
import SQLKit

struct CreateLoginAttempts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(LoginAttempt.schema)
            .id()
            .field("account_key", .string, .required)
            .field("address", .string, .required)
            .field("attempted_at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "login_attempts_attempted_at").on(LoginAttempt.schema)
                .column("attempted_at").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(LoginAttempt.schema).delete()
    }
}
