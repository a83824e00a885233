import Fluent
import SQLKit

/// Support duty (イベント応援・選挙事務): events with their stored allocation, shifts, the seats
/// on them (volunteered or allocated), HR's exemptions per event, and proposed shift swaps.
struct CreateSupportDuty: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("support_events")
            .id()
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("allocated_by", .string)
            .field("allocated_at", .datetime)
            .field("allocation", .string)
            .create()
        try await database.schema("support_shifts")
            .id()
            .field("event_id", .uuid, .required, .references("support_events", .id, onDelete: .cascade))
            .field("shift_date", .string, .required)
            .field("start_minute", .int, .required)
            .field("end_minute", .int, .required)
            .field("place", .string, .required)
            .field("headcount", .int, .required)
            .create()
        try await database.schema("support_assignments")
            .id()
            .field("shift_id", .uuid, .required, .references("support_shifts", .id, onDelete: .cascade))
            .field("event_id", .uuid, .required, .references("support_events", .id, onDelete: .cascade))
            .field("staff_number", .string, .required)
            .field("unit_code", .string)
            .field("route", .string, .required)
            .field("duty_hours", .double)
            .field("assigned_at", .datetime, .required)
            .unique(on: "shift_id", "staff_number")
            .create()
        try await database.schema("support_exemptions")
            .id()
            .field("event_id", .uuid, .required, .references("support_events", .id, onDelete: .cascade))
            .field("staff_number", .string, .required)
            .field("reason", .string, .required)
            .field("note", .string, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "event_id", "staff_number")
            .create()
        try await database.schema("support_swaps")
            .id()
            .field("event_id", .uuid, .required, .references("support_events", .id, onDelete: .cascade))
            .field("proposer", .string, .required)
            .field("proposer_assignment_id", .uuid, .required, .references("support_assignments", .id, onDelete: .cascade))
            .field("counterpart", .string, .required)
            .field("counterpart_assignment_id", .uuid, .references("support_assignments", .id, onDelete: .cascade))
            .field("status", .string, .required)
            .field("counterpart_agreed_at", .datetime)
            .field("proposer_side_approved_by", .string)
            .field("counterpart_side_approved_by", .string)
            .field("closed_by", .string)
            .field("closed_at", .datetime)
            .field("proposed_at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            // Clash checks read every shift one person holds, across events.
            try await sql.create(index: "support_assignments_staff").on("support_assignments").column("staff_number").run()
            try await sql.create(index: "support_assignments_event").on("support_assignments").column("event_id").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("support_swaps").delete()
        try await database.schema("support_exemptions").delete()
        try await database.schema("support_assignments").delete()
        try await database.schema("support_shifts").delete()
        try await database.schema("support_events").delete()
    }
}
