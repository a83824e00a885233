import Fluent
import Foundation
import JibungotoDomain
import Vapor

/// A step asked of a proposal: the state it goes to and what it carries.
struct ProposalStep: Sendable {
    let to: ProposalState
    /// The answer, what to change, the request's or the implementation's note.
    var text: String = ""
    /// The section a 実施要請 or 検討要請 goes to.
    var section: SectionCode?
    /// The day implementation began or was completed.
    var date: LocalDate?
}

/// Every change of a proposal's state is written here, after `ProposalWorkflow` has allowed it:
/// in the caller's transaction, the state and what the step records, a line on the timeline, and
/// at first submission the authors' lines in the participation ledger (at publication of an
/// adoption, `publish` adds theirs for the adoption).
enum ProposalSteps {
    /// The facts `ProposalWorkflow` checks `step` against.
    /// - Parameters:
    ///   - submitted: the text being submitted (a submission), compared with the last version.
    ///   - unconfirmed: the co-authors who have not confirmed, as they will stand.
    static func facts(_ context: ProposalContext, step: ProposalStep, submitted: ProposalText? = nil, latest: ProposalVersion? = nil,
                      unconfirmed: [StaffNumber] = [], today: LocalDate) -> ProposalFacts {
        ProposalFacts(
            text: step.text, unconfirmedCoAuthors: unconfirmed, callAcceptsSubmissions: context.call.accepts(today: today),
            revisionChanged: latest.map { $0.text != (submitted ?? context.proposal.text) } ?? true,
            reviewerCount: context.reviews.count, answerPublished: context.proposal.answerPublished, requestedSection: step.section,
            date: step.date, startedOn: context.proposal.implementationStartedOn, today: today)
    }

    /// Records an allowed step, in the caller's transaction `database` (nothing here reads `request.db`).
    /// - Parameters:
    ///   - authors: the confirmed authors (the lead among them), for the ledger at first submission.
    ///   - tree: today's organization, loaded before the transaction.
    static func record(_ step: ProposalStep, on proposal: Proposal, authors: [StaffNumber], tree: OrganizationTree, request: Request,
                       database: any Database) async throws {
        let id = try proposal.requireID()
        let from = proposal.state
        let today = request.today
        switch step.to {
        case .submitted:
            if from == .draft {
                try await number(proposal, tree: tree, request: request, database: database)
                try await recordInLedger(kind: .proposal, proposal: proposal, authors: authors, tree: tree, request: request, database: database)
            }
            proposal.versionCount += 1
            try await ProposalVersion(proposalID: id, number: proposal.versionCount, text: proposal.text, submittedAt: request.now).create(on: database)
        case .adopted, .partiallyAdopted, .rejected:
            proposal.outcome = step.to
            proposal.answer = step.text
            proposal.answeredOn = today
        case .returned:
            proposal.returnNote = step.text
        case .implementationRequested, .considerationRequested:
            proposal.requestedSectionCode = step.section
            proposal.requestKind = step.to
            proposal.requestNote = step.text
            proposal.requestedOn = today
        case .implementing:
            proposal.implementationStartedOn = step.date
            if !step.text.isEmpty { proposal.implementationNote = step.text }
        case .implemented:
            proposal.implementedOn = step.date
            if !step.text.isEmpty { proposal.implementationNote = step.text }
        case .draft, .received, .underReview:
            break
        }
        proposal.state = step.to
        try await proposal.save(on: database)
        // An outcome reaches the authors when its answer is published (that line tells them).
        try await addEvent(on: proposal, from: from, to: step.to, note: step.text, shownToAuthors: !step.to.isOutcome, request: request, database: database)
        try await request.audit(.update, subjectType: "proposal", subjectID: proposal.activityID, detail: step.to.rawValue, on: database)
    }

    /// Publishes the outcome's answer (already allowed by `ProposalPublication`); an adoption
    /// enters the ledger for each confirmed author.
    static func publish(_ proposal: Proposal, authors: [StaffNumber], tree: OrganizationTree, request: Request, database: any Database) async throws {
        proposal.answerPublishedAt = request.now
        try await proposal.save(on: database)
        try await addEvent(on: proposal, kind: .answerPublished, from: nil, to: proposal.outcome, note: "", shownToAuthors: true, request: request, database: database)
        if proposal.outcome?.isAdoption == true {
            try await recordInLedger(kind: .proposalAdopted, proposal: proposal, authors: authors, tree: tree, request: request, database: database)
        }
        try await request.audit(.update, subjectType: "proposal", subjectID: proposal.activityID, detail: "answer published", on: database)
    }

    /// The fiscal year, number (第N号), date and the lead's section and department of a first submission.
    private static func number(_ proposal: Proposal, tree: OrganizationTree, request: Request, database: any Database) async throws {
        let today = request.today
        let fiscalYear = today.fiscalYear.startYear
        let last = try await Proposal.query(on: database).filter(\.$fiscalYear == fiscalYear).sort(\.$number, .descending).first()?.number ?? 0
        let lead = try await StaffMember.query(on: database).filter(\.$staffNumber == proposal.leadStaffNumber).first()
        proposal.fiscalYear = fiscalYear
        proposal.number = last + 1
        proposal.submittedOn = today
        proposal.sectionCode = lead?.currentSectionCode
        proposal.departmentCode = lead?.currentSectionCode.flatMap { tree.department(of: $0)?.code }
    }

    /// One ledger line per author: a proposal belongs to no section, so it always crosses sections.
    private static func recordInLedger(kind: ParticipationKind, proposal: Proposal, authors: [StaffNumber], tree: OrganizationTree, request: Request,
                                       database: any Database) async throws {
        let people = try await ProposalLoading.staff(authors, on: database)
        for number in authors {
            guard let member = people[number] else { continue }
            try await ParticipationLedger.record(
                ParticipationLedger.entry(for: member, kind: kind, activityID: proposal.activityID, title: proposal.title, hostSection: nil,
                                          route: .volunteered, date: request.today, tree: tree),
                on: database)
        }
    }

    private static func addEvent(
        on proposal: Proposal, kind: ProposalEventKind = .transition, from: ProposalState?, to state: ProposalState?, note: String,
        shownToAuthors: Bool, request: Request, database: any Database
    ) async throws {
        let id = try proposal.requireID()
        let last = try await ProposalEvent.query(on: database).filter(\.$proposal.$id == id).sort(\.$sequence, .descending).first()?.sequence ?? 0
        let actor = try request.requireUser().staffNumber
        try await ProposalEvent(proposalID: id, sequence: last + 1, kind: kind, from: from, to: state, note: note, actor: actor,
                                occurredAt: request.now, shownToAuthors: shownToAuthors).create(on: database)
    }
}
