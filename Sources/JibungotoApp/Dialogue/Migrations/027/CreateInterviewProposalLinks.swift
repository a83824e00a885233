import Fluent

/// The staff proposals an interview study informs (the paper's §2-2 interviews fed its proposals):
/// a link to the proposal record, not a written reference.
struct CreateInterviewProposalLinks: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("dialogue_interview_proposals")
            .id()
            .field("interview_id", .uuid, .required, .references("dialogue_interviews", .id, onDelete: .cascade))
            .field("proposal_id", .uuid, .required, .references("proposals", .id, onDelete: .cascade))
            .field("linked_by", .string, .required)
            .field("linked_at", .datetime, .required)
            .unique(on: "interview_id", "proposal_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("dialogue_interview_proposals").delete()
    }
}
