import Fluent
import SQLKit

/// Each person's cross-section entries per fiscal year and route, kept by `ParticipationLedger`
/// beside the ledger (see `ParticipationTallies`), filled here from the entries already recorded.
struct CreateParticipationTallies: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ParticipationTallies.schema)
            .field("staff_number", .string, .required)
            .field("fiscal_year", .int, .required)
            .field("applied", .int, .required)
            .field("nominated", .int, .required)
            .field("allocated", .int, .required)
            .field("volunteered", .int, .required)
            .unique(on: "staff_number", "fiscal_year")
            .create()
        guard let sql = database as? any SQLDatabase else { throw ParticipationTallies.Unavailable() }
        // The figures read one fiscal year whole; the unique key serves one person's years.
        try await sql.create(index: "participation_tallies_year").on(ParticipationTallies.schema).column("fiscal_year").run()
        try await ParticipationTallies.rebuild(on: sql)
    }

    func revert(on database: Database) async throws {
        try await database.schema(ParticipationTallies.schema).delete()
    }
}
