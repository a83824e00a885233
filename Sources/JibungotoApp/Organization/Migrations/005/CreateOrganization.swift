import Fluent
import SQLKit

struct CreateOrganization: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(OrganizationUnit.schema)
            .id()
            .field("fiscal_year", .int, .required)
            .field("code", .string, .required)
            .field("name_ja", .string, .required)
            .field("name_en", .string, .required)
            .field("kind", .string, .required)
            .field("parent_code", .string)
            .field("is_collaboration_post", .bool, .required)
            .field("district", .string)
            .field("authorized_headcount", .int, .required)
            .field("is_managerial", .bool, .required)
            .unique(on: "fiscal_year", "code")
            .create()
        try await database.schema(OrganizationChange.schema)
            .id()
            .field("fiscal_year", .int, .required)
            .field("kind", .string, .required)
            .field("code", .string, .required)
            .field("target_code", .string)
            .field("detail", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(StaffMember.schema)
            .id()
            .field("staff_number", .string, .required)
            .field("name", .string, .required)
            .field("name_kana", .string, .required)
            .field("kana_search", .string, .required)
            .field("birth_date", .string, .required)
            .field("gender", .string)
            .field("hire_date", .string, .required)
            .field("hire_fiscal_year", .int, .required)
            .field("job_type", .string, .required)
            .field("grade", .string, .required)
            .field("employment_type", .string, .required)
            .field("current_section_code", .string)
            .field("current_post", .string)
            .field("current_since", .string)
            .unique(on: "staff_number")
            .create()
        try await database.schema(Assignment.schema)
            .id()
            .field("staff_number", .string, .required)
            .field("section_code", .string, .required)
            .field("post", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .create()
        try await database.schema(ImportBatch.schema)
            .id()
            .field("kind", .string, .required)
            .field("filename", .string, .required)
            .field("encoding", .string, .required)
            .field("content", .data, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .field("applied_at", .datetime)
            .create()
        try await database.schema(ImportHeaderMapping.schema)
            .id()
            .field("kind", .string, .required)
            .field("header", .string, .required)
            .field("field", .string, .required)
            .unique(on: "kind", "header")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        let indexes: [(String, String, [String])] = [
            ("staff_current_section", StaffMember.schema, ["current_section_code"]),
            ("staff_kana_search", StaffMember.schema, ["kana_search"]),
            ("staff_hire_fiscal_year", StaffMember.schema, ["hire_fiscal_year"]),
            ("staff_current_since", StaffMember.schema, ["current_since"]),
            ("assignments_staff", Assignment.schema, ["staff_number", "start_date"]),
            ("assignments_section", Assignment.schema, ["section_code"]),
            ("org_changes_code", OrganizationChange.schema, ["code"]),
        ]
        for (name, table, columns) in indexes {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: Database) async throws {
        for schema in [ImportHeaderMapping.schema, ImportBatch.schema, Assignment.schema, StaffMember.schema, OrganizationChange.schema, OrganizationUnit.schema] {
            try await database.schema(schema).delete()
        }
    }
}
