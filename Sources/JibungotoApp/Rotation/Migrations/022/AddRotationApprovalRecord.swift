import Fluent

/// 起案/決裁: the municipality may require that the person who approves a transfer list is not
/// the one who drafted it; and an approval keeps what it wrote to the assignment history, so
/// that it can be withdrawn before the transfer date exactly as it was written.
struct AddRotationApprovalRecord: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(RotationSettingsRecord.schema)
            .field("separate_approver", .bool)
            .update()
        try await database.schema(RotationScenario.schema)
            .field("approval_writes", .string)
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(RotationScenario.schema).deleteField("approval_writes").update()
        try await database.schema(RotationSettingsRecord.schema).deleteField("separate_approver").update()
    }
}
