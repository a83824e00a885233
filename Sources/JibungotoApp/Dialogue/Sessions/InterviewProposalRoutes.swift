import Fluent
import JibungotoDomain
import Vapor

/// The staff proposals an interview study informs, linked by its interviewers by the proposal's
/// number (令和8年度 第12号) — a link to the proposal record, which its page lists in return.
/// An interviewer links only a proposal they may open, and every reader of the interview sees only
/// the linked proposals they may open themselves (a proposal a call keeps from staff stays hidden).
struct InterviewProposalRoutes {
    /// The fiscal years offered for a proposal's number: this one and the four before.
    static let yearsOffered = 5

    func register(on routes: any RoutesBuilder) {
        routes.on(.POST, SessionRoute.interviewProposals(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: link)
        routes.on(.POST, SessionRoute.interviewProposalRemoval(.pattern), requires: .permission(.takePartInDialogue), shows: .nothing, use: unlink)
    }

    static func form(_ request: Request, interview: UUID, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        let thisYear = request.today.fiscalYear.startYear
        let asked = input["proposal_year"] ?? String(thisYear)
        var form = FormModel(request: request, action: SessionRoute.interviewProposals(.id(interview)).path,
                             submitLabelKey: "dialogue.interview.proposals.link", fields: [
            FormField(request: request, name: "proposal_year", labelKey: "dialogue.interview.proposals.year", kind: .select, value: asked,
                      options: (0..<yearsOffered).map { thisYear - $0 }.map { year in
                          FormOption(value: String(year), label: request.localizer.fiscalYear(year), isSelected: asked == String(year), fieldName: "proposal_year")
                      }),
            FormField(request: request, name: "proposal_number", labelKey: "dialogue.interview.proposals.number", value: input["proposal_number"] ?? "",
                      hintKey: "dialogue.interview.proposals.number.hint", isRequired: true, maxLength: 6),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    @Sendable func link(_ request: Request) async throws -> Response {
        let context = try await InterviewRoutes.InterviewContext.load(request)
        guard context.isInterviewer else { throw Abort(.forbidden) }
        let id = try context.interview.requireID()
        let input = try request.content.decode([String: String].self)
        var validation = FormValidation(request: request)
        let thisYear = request.today.fiscalYear.startYear
        let year = validation.integer("proposal_year", input["proposal_year"], range: (thisYear - Self.yearsOffered + 1)...thisYear,
                                      messageKey: "dialogue.interview.proposals.badYear")
        let number = validation.integer("proposal_number", input["proposal_number"], range: 1...99_999,
                                        messageKey: "dialogue.interview.proposals.badNumber", labelKey: "dialogue.interview.proposals.number")
        var proposal: ProposalReferences.Reference?
        if let year, let number {
            proposal = try await ProposalReferences.find(fiscalYear: year, number: number, for: request)
            if proposal == nil {
                // The same words whether there is no such proposal or the interviewer may not open it.
                validation.fail("proposal_number", "dialogue.interview.proposals.notFound", request.localizer.fiscalYear(year), String(number))
            }
        }
        if let proposal, try await DialogueInterviewProposal.query(on: request.db).filter(\.$interview.$id == id)
            .filter(\.$proposalID == proposal.id).first() != nil {
            validation.fail("proposal_number", "dialogue.interview.proposals.already", proposal.number)
        }
        guard validation.isValid, let proposal else {
            return try await InterviewRoutes.page(request, context: context, failed: .proposal(input, validation))
        }
        let link = DialogueInterviewProposal(interviewID: id, proposalID: proposal.id, linkedBy: context.reader, linkedAt: request.now)
        try await request.db.writeTransaction { database in
            try await link.create(on: database)
            try await request.audit(.create, subjectType: "dialogue_interview_proposal", subjectID: id.uuidString.lowercased(),
                                    detail: "proposal=\(proposal.id.uuidString.lowercased())", on: database)
        }
        request.flash(.success, request.t("dialogue.interview.proposals.linked", proposal.number))
        return request.redirect(to: SessionRoute.interview(.id(id)).path)
    }

    @Sendable func unlink(_ request: Request) async throws -> Response {
        let context = try await InterviewRoutes.InterviewContext.load(request)
        guard context.isInterviewer else { throw Abort(.forbidden) }
        let id = try context.interview.requireID()
        guard let proposalID = (try? request.content.get(String.self, at: "proposal_id")).flatMap(UUID.init(uuidString:)),
              let link = try await DialogueInterviewProposal.query(on: request.db).filter(\.$interview.$id == id)
                .filter(\.$proposalID == proposalID).first()
        else { throw Abort(.notFound) }
        try await request.db.writeTransaction { database in
            try await link.delete(on: database)
            try await request.audit(.update, subjectType: "dialogue_interview_proposal", subjectID: id.uuidString.lowercased(),
                                    detail: "unlink proposal=\(proposalID.uuidString.lowercased())", on: database)
        }
        request.flash(.success, request.t("dialogue.interview.proposals.unlinked"))
        return request.redirect(to: SessionRoute.interview(.id(id)).path)
    }
}
