import Fluent
import SQLKit

/// One row that `/healthz` writes on every check: a database that answers reads but can no
/// longer write (a full disk) must not be reported healthy, since every signed-in page writes
/// its session.
struct CreateHealthProbe: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(HealthProbe.schema)
            .field("id", .int, .identifier(auto: false))
            .field("checked_at", .double, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("INSERT INTO \(ident: HealthProbe.schema) (id, checked_at) VALUES (1, 0)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(HealthProbe.schema).delete()
    }
}
