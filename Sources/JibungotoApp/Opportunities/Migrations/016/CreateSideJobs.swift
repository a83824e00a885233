import Fluent
import SQLKit

/// Internal side jobs (庁内副業): the postings with their closing report, the applications with
/// the manager's decision and the member's own report, and the hours logged per person and month.
struct CreateSideJobs: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("side_jobs")
            .id()
            .field("title", .string, .required)
            .field("work_description", .string, .required)
            .field("host_section_code", .string, .required)
            .field("hours_per_month", .double, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("skills", .string, .required)
            .field("applications_open_on", .string, .required)
            .field("applications_close_on", .string, .required)
            .field("seats", .int, .required)
            .field("posted_by", .string, .required)
            .field("posted_at", .datetime, .required)
            .field("report_work", .string)
            .field("report_outcome", .string)
            .field("closed_by", .string)
            .field("closed_at", .datetime)
            .create()
        try await database.schema("side_job_applications")
            .id()
            .field("side_job_id", .uuid, .required, .references("side_jobs", .id, onDelete: .cascade))
            .field("staff_number", .string, .required)
            .field("section_code", .string)
            .field("motivation", .string, .required)
            .field("applied_at", .datetime, .required)
            .field("status", .string, .required)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .field("refusal_reason", .string)
            .field("selected_at", .datetime)
            .field("member_report", .string)
            .field("member_report_at", .datetime)
            .unique(on: "side_job_id", "staff_number")
            .create()
        try await database.schema("side_job_hours")
            .id()
            .field("side_job_id", .uuid, .required, .references("side_jobs", .id, onDelete: .cascade))
            .field("staff_number", .string, .required)
            .field("month", .string, .required)
            .field("hours", .double, .required)
            .field("logged_by", .string, .required)
            .field("logged_at", .datetime, .required)
            .unique(on: "side_job_id", "staff_number", "month")
            .create()
        if let sql = database as? any SQLDatabase {
            // The cap adds up one person's month across all their side jobs; the approvals page
            // and a person's own applications read by staff number.
            try await sql.create(index: "side_job_hours_staff_month").on("side_job_hours").column("staff_number").column("month").run()
            try await sql.create(index: "side_job_applications_staff").on("side_job_applications").column("staff_number").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("side_job_hours").delete()
        try await database.schema("side_job_applications").delete()
        try await database.schema("side_jobs").delete()
    }
}
