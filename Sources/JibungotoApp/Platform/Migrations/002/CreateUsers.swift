import Fluent

struct CreateUsers: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("staff_number", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("language", .string)
            .field("date_display", .string, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "staff_number")
            .create()
        try await database.schema(UserRole.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "user_id", "role")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(UserRole.schema).delete()
        try await database.schema(User.schema).delete()
    }
}
