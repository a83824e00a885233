import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// Proposals as other modules name and show them: by their number (令和8年度 第12号), only to a
/// reader who may open them, with the state that reader is shown. Dialogue's interview studies
/// link to the proposals they inform through this, and nothing else of the module.
enum ProposalReferences {
    struct Reference: Sendable, Equatable {
        let id: UUID
        /// 「令和8年度 第12号」.
        let number: String
        let title: String
        /// The state the reader is shown (an unpublished outcome shows as 審査中).
        let state: String
        let href: String
    }

    /// The proposal numbered `number` in `fiscalYear`, if there is one the signed-in reader may open.
    static func find(fiscalYear: Int, number: Int, for request: Request) async throws -> Reference? {
        guard let proposal = try await Proposal.query(on: request.db).filter(\.$fiscalYear == fiscalYear).filter(\.$number == number)
            .with(\.$call).first() else { return nil }
        return try await visible([proposal], for: request).first
    }

    /// Of the proposals `ids`, those the signed-in reader may open, in number order.
    static func visible(_ ids: [UUID], for request: Request) async throws -> [Reference] {
        guard !ids.isEmpty else { return [] }
        let proposals = try await Proposal.query(on: request.db).filter(\.$id ~~ ids).with(\.$call).all()
        return try await visible(proposals, for: request)
    }

    private static func visible(_ proposals: [Proposal], for request: Request) async throws -> [Reference] {
        let reader = try await ProposalReader.resolve(request)
        var references: [(year: Int, number: Int, reference: Reference)] = []
        for proposal in proposals {
            let context = try await ProposalContext.load(proposal, reader: reader, on: request.db)
            guard ProposalVisibility.sees(context.viewer, context.disclosure) else { continue }
            let shown = ProposalVisibility.shownState(context.viewer, context.disclosure)
            references.append((proposal.fiscalYear ?? 0, proposal.number ?? 0, Reference(
                id: context.id, number: ProposalWords.number(proposal, request.localizer), title: proposal.title,
                state: ProposalWords.state(shown, request.localizer), href: ProposalRoute.proposal(context.parameter).path)))
        }
        return references.sorted { ($0.year, $0.number) < ($1.year, $1.number) }.map(\.reference)
    }
}
