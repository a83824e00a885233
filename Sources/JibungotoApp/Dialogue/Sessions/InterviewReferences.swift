import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// The interview studies that inform a staff proposal, as the proposal's page shows them: the one
/// way Proposals reads the Dialogue module. Interviews (without their private notes) are open to
/// everyone who takes part in dialogue, so a reader without that right sees none.
enum InterviewReferences {
    struct Reference: Sendable, Equatable {
        let title: String
        let period: String
        let href: String
    }

    static func informing(proposal id: UUID, for request: Request) async throws -> [Reference] {
        guard try request.requireUser().scope(of: .takePartInDialogue) != nil else { return [] }
        let interviewIDs = try await DialogueInterviewProposal.query(on: request.db).filter(\.$proposalID == id).all().map(\.$interview.id)
        guard !interviewIDs.isEmpty else { return [] }
        return try await DialogueInterview.query(on: request.db).filter(\.$id ~~ interviewIDs).sort(\.$periodStart).sort(\.$title).all()
            .map { interview in
                Reference(title: interview.title, period: InterviewPage.period(interview, request.localizer),
                          href: SessionRoute.interview(.id(try interview.requireID())).path)
            }
    }
}
