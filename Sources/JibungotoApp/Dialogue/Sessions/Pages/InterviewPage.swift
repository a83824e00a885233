import Foundation
import JibungotoDomain

/// An interview study's page: target group, period, questions, the summarized dialogue, what it
/// informs (the staff proposals linked, and a written reference to a policy measure), its findings
/// and interviewers; for the interviewers only, the individual notes and the
/// forms to add notes and findings.
enum InterviewPage {
    struct Input: Sendable {
        let interview: DialogueInterview
        let interviewers: [StaffNumber]
        let isInterviewer: Bool
        let findings: [DialogueFinding]
        /// Empty unless the reader is an interviewer (the handler reads them only then).
        let notes: [DialogueInterviewNote]
        let staff: [StaffNumber: StaffMember]
        let noteForm: FormModel?
        let findingForm: FormModel?
        /// The linked proposals the reader may open.
        let proposals: [ProposalReferences.Reference]
        /// For the interviewers only.
        let proposalForm: FormModel?
        let csrfToken: String
    }

    struct Content: Encodable, Sendable {
        let targetGroup: String
        let period: String
        let informs: String?
        let questions: [String]
        let summary: String
        let interviewers: [String]
        let findings: [FindingRow]
        let findingForm: FormModel?
        let editHref: String?
        /// Nil for everyone but the interviewers.
        let notes: [Note]?
        let noteForm: FormModel?
        let proposals: [LinkedProposal]
        let proposalForm: FormModel?
        let csrfToken: String
    }

    struct LinkedProposal: Encodable, Sendable {
        let id: String
        let number: String
        let title: String
        let state: String
        let href: String
        /// Where an interviewer takes the link away; nil for other readers.
        let removeAction: String?
    }

    struct Note: Encodable, Sendable {
        let interviewee: String
        let heldOn: String
        let author: String
        let body: String
    }

    static func period(_ interview: DialogueInterview, _ localizer: Localizer) -> String {
        interview.periodStart == interview.periodEnd ? localizer.date(interview.periodStart)
            : localizer.t("dialogue.session.range", localizer.date(interview.periodStart), localizer.date(interview.periodEnd))
    }

    static func build(_ input: Input, localizer: Localizer) -> Content {
        let interview = input.interview
        return Content(
            targetGroup: interview.targetGroup, period: period(interview, localizer), informs: interview.informs.isEmpty ? nil : interview.informs,
            questions: interview.questionList, summary: interview.summary,
            interviewers: input.interviewers.map { input.staff[$0]?.name ?? $0.rawValue },
            findings: input.findings.map { FindingRow($0, source: nil, sourceHref: nil, localizer: localizer) },
            findingForm: input.findingForm,
            editHref: input.isInterviewer ? interview.id.map { SessionRoute.editInterview(.id($0)).path } : nil,
            notes: input.isInterviewer ? input.notes.map { note in
                Note(interviewee: note.interviewee, heldOn: localizer.date(note.heldOn), author: input.staff[note.author]?.name ?? note.author.rawValue,
                     body: note.body)
            } : nil,
            noteForm: input.noteForm,
            proposals: input.proposals.map { proposal in
                LinkedProposal(id: proposal.id.uuidString.lowercased(), number: proposal.number, title: proposal.title, state: proposal.state,
                               href: proposal.href,
                               removeAction: input.isInterviewer ? interview.id.map { SessionRoute.interviewProposalRemoval(.id($0)).path } : nil)
            },
            proposalForm: input.proposalForm, csrfToken: input.csrfToken)
    }
}
