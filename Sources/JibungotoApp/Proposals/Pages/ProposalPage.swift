import Foundation
import JibungotoDomain

/// The forms on a proposal's page, built by the handlers (they need the request) for the capacities
/// the reader holds; a refused submission comes back in its form with the messages.
struct ProposalPageForms: Sendable {
    var comment: FormModel?
    var evaluation: FormModel?
    var decision: FormModel?
    var request: FormModel?
    var reviewer: FormModel?
    var implementation: FormModel?
    /// A refused step without a form of its own (receipt, start of review, publication, removal of a
    /// reviewer, a request before publication, a score asked of someone who reviews nothing here):
    /// shown at the top of the page.
    var error: String?
    /// A refused answer to a comment: the comment's id and the message shown beside its form.
    var answerError: (commentID: String, message: String)?
}

/// One proposal: its text as submitted (and what changed since the version before), its authors,
/// state and timeline, the answer once the reader may read it, comments and 共感; and for the
/// office, the reviewers and the section asked, the panels they work in.
enum ProposalPage {
    struct Content: Encodable, Sendable {
        let error: String?
        let state: String
        let unpublishedNote: String?
        let facts: [Fact]
        let authors: [Author]
        let invitation: Invitation?
        let editHref: String?
        let returnNote: String?
        let sections: [Fact]
        let diff: Diff?
        let versions: [Fact]
        let answer: Answer?
        let request: RequestToSection?
        let timeline: [TimelineRow]
        let empathy: Empathy
        let comments: [Comment]
        /// The interview studies (Dialogue) that inform the proposal.
        let interviews: [Interview]
        let commentForm: FormModel?
        let office: Office?
        let reviews: Reviews?
        let evaluationForm: FormModel?
        let implementationForm: FormModel?
        let csrfToken: String
    }

    struct Interview: Encodable, Sendable {
        let title: String
        let period: String
        let href: String
    }

    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct Author: Encodable, Sendable {
        let name: String
        let role: String
        /// 確認待ち for a co-author who has not confirmed: shown to the authors only.
        let status: String?
    }

    struct Invitation: Encodable, Sendable {
        let text: String
        let action: String
    }

    struct Diff: Encodable, Sendable {
        let heading: String
        let fields: [DiffField]
    }

    struct DiffField: Encodable, Sendable {
        let label: String
        let lines: [DiffLine]
    }

    struct DiffLine: Encodable, Sendable {
        let kind: String
        let marker: String
        let kindLabel: String
        let segments: [DiffSegment]
    }

    struct DiffSegment: Encodable, Sendable {
        let text: String
        /// "del" or "ins" for the changed characters of a removed or added line, else empty.
        let mark: String
    }

    struct Answer: Encodable, Sendable {
        let outcome: String
        let text: String
        let answeredOn: String
        let publication: String
    }

    struct RequestToSection: Encodable, Sendable {
        let facts: [Fact]
    }

    struct TimelineRow: Encodable, Sendable {
        let when: String
        let what: String
        let by: String
        let note: String?
    }

    struct Empathy: Encodable, Sendable {
        let count: String
        let markAction: String?
        let withdrawAction: String?
        let note: String?
    }

    struct Comment: Encodable, Sendable {
        let id: String
        let author: String
        let when: String
        let body: String
        let answer: String?
        let answeredBy: String?
        let answerAction: String?
        let answerError: String?
    }

    struct Office: Encodable, Sendable {
        let actions: [Action]
        let decisionForm: FormModel?
        let publish: Action?
        let publishNote: String?
        let requestForm: FormModel?
        let reviewers: [Reviewer]
        let reviewerForm: FormModel?
    }

    struct Action: Encodable, Sendable {
        let label: String
        let action: String
        let to: String
    }

    struct Reviewer: Encodable, Sendable {
        let number: String
        let name: String
        let due: String
        let status: String
        let removeAction: String?
    }

    struct Reviews: Encodable, Sendable {
        let rows: [ReviewRow]
        let average: String?
    }

    struct ReviewRow: Encodable, Sendable {
        let reviewer: String
        let status: String
        let scores: [Fact]
        let average: String?
        let note: String?
    }

    /// What the handler loaded for the page.
    struct Input: Sendable {
        let context: ProposalContext
        let versions: [ProposalVersion]
        let events: [ProposalEvent]
        let comments: [ProposalComment]
        let interviews: [InterviewReferences.Reference]
        let empathyCount: Int
        let markedEmpathy: Bool
        let staff: [StaffNumber: StaffMember]
        let tree: OrganizationTree
        let forms: ProposalPageForms
        let csrfToken: String
        let today: LocalDate
    }

    static func build(_ input: Input, localizer: Localizer) -> Content {
        let context = input.context
        let proposal = context.proposal
        let viewer = context.viewer
        let disclosure = context.disclosure
        let parameter = context.parameter
        let seesAnswer = ProposalVisibility.seesAnswer(viewer, disclosure)
        let shown = ProposalVisibility.shownState(viewer, disclosure)
        func name(_ number: StaffNumber) -> String { ProposalWords.person(number, input.staff) }
        func day(_ date: LocalDate?) -> String { date.map(localizer.date) ?? "" }

        let text = proposal.state == .draft ? proposal.text : input.versions.last?.text ?? proposal.text
        var facts = [
            Fact(label: localizer.t("proposals.field.number"), value: ProposalWords.number(proposal, localizer)),
            Fact(label: localizer.t("proposals.field.call"), value: ProposalWords.call(context.call, localizer)),
            Fact(label: localizer.t("proposals.field.category"), value: ProposalWords.category(proposal.category, localizer)),
        ]
        if !text.relatedMeasure.isEmpty { facts.append(Fact(label: localizer.t("proposals.field.relatedMeasure"), value: text.relatedMeasure)) }
        if let submittedOn = proposal.submittedOn {
            facts.append(Fact(label: localizer.t("proposals.field.submittedOn"), value: localizer.date(submittedOn)))
            facts.append(Fact(label: localizer.t("proposals.field.section"), value: ProposalWords.section(proposal.sectionCode, tree: input.tree, localizer)))
        }
        if proposal.versionCount > 1 { facts.append(Fact(label: localizer.t("proposals.field.version"), value: localizer.t("proposals.versionValue", String(proposal.versionCount)))) }

        let authors = context.authors.filter { $0.status == .confirmed || ($0.status == .invited && viewer.isAuthor) }.map { author in
            Author(name: name(author.staffNumber), role: localizer.t(author.isLead ? "proposals.author.lead" : "proposals.author.coAuthor"),
                   status: author.status == .invited ? localizer.t("proposals.author.invited") : nil)
        }

        let sections = [
            Fact(label: localizer.t("proposals.field.problem"), value: text.problem),
            Fact(label: localizer.t("proposals.field.proposal"), value: text.proposal),
            Fact(label: localizer.t("proposals.field.expectedEffect"), value: text.expectedEffect),
            Fact(label: localizer.t("proposals.field.estimatedCost"), value: text.estimatedCost.isEmpty ? localizer.t("proposals.notStated") : text.estimatedCost),
        ]

        var answer: Answer?
        if let outcome = proposal.outcome, seesAnswer {
            answer = Answer(
                outcome: ProposalWords.state(outcome, localizer), text: proposal.answer ?? "", answeredOn: day(proposal.answeredOn),
                publication: proposal.answerPublishedAt.map { localizer.t("proposals.answer.publishedOn", localizer.timestamp($0)) }
                    ?? localizer.t("proposals.answer.unpublished"))
        }
        var request: RequestToSection?
        if let kind = proposal.requestKind, seesAnswer {
            var rows = [
                Fact(label: localizer.t("proposals.request.kind"), value: ProposalWords.state(kind, localizer)),
                Fact(label: localizer.t("proposals.request.section"), value: ProposalWords.section(proposal.requestedSectionCode, tree: input.tree, localizer)),
                Fact(label: localizer.t("proposals.request.requestedOn"), value: day(proposal.requestedOn)),
            ]
            if let note = proposal.requestNote, !note.isEmpty { rows.append(Fact(label: localizer.t("proposals.request.note"), value: note)) }
            if let started = proposal.implementationStartedOn { rows.append(Fact(label: localizer.t("proposals.implementation.startedOn"), value: localizer.date(started))) }
            if let done = proposal.implementedOn { rows.append(Fact(label: localizer.t("proposals.implementation.implementedOn"), value: localizer.date(done))) }
            if let note = proposal.implementationNote, !note.isEmpty { rows.append(Fact(label: localizer.t("proposals.implementation.note"), value: note)) }
            request = RequestToSection(facts: rows)
        }

        // What follows an outcome stays off the timeline of anyone who may not read the answer.
        let timeline = input.events.filter { seesAnswer || !($0.kind == .answerPublished || $0.toState?.followsOutcome == true) }.reversed().map { event in
            TimelineRow(when: localizer.timestamp(event.occurredAt), what: timelineLabel(event, localizer), by: timelineActor(event, localizer),
                        note: event.note.isEmpty ? nil : event.note)
        }

        let empathyRefusal = ProposalReactions.empathyRefusal(isAuthor: viewer.isAuthor, alreadyMarked: input.markedEmpathy, state: proposal.state)
        let empathy = Empathy(
            count: localizer.t("proposals.empathy.count", count: input.empathyCount, String(input.empathyCount)),
            markAction: empathyRefusal == nil ? ProposalRoute.empathy(parameter).path : nil,
            withdrawAction: input.markedEmpathy ? ProposalRoute.withdrawEmpathy(parameter).path : nil,
            note: viewer.isAuthor && proposal.state != .draft ? localizer.t("proposals.empathy.authorsNote") : nil)

        let answersComments = viewer.isLead || viewer.isCoAuthor
        let comments = input.comments.map { comment in
            let id = comment.id?.uuidString.lowercased() ?? ""
            return Comment(
                id: id, author: name(comment.authorStaffNumber), when: localizer.timestamp(comment.createdAt), body: comment.body,
                answer: comment.answer, answeredBy: comment.answeredBy.map(name),
                answerAction: answersComments && comment.answer == nil ? ProposalRoute.commentAnswer(parameter).path : nil,
                answerError: input.forms.answerError?.commentID == id ? input.forms.answerError?.message : nil)
        }

        return Content(
            error: input.forms.error,
            state: ProposalWords.state(shown, localizer),
            unpublishedNote: proposal.outcome != nil && !proposal.answerPublished && seesAnswer ? localizer.t("proposals.answer.unpublishedNote") : nil,
            facts: facts, authors: authors,
            invitation: viewer.isInvitedCoAuthor && proposal.state == .draft
                ? Invitation(text: localizer.t("proposals.invitation", name(proposal.leadStaffNumber)), action: ProposalRoute.coAuthorship(parameter).path) : nil,
            editHref: viewer.isLead && proposal.state.isEditable ? ProposalRoute.edit(parameter).path : nil,
            returnNote: proposal.state == .returned ? proposal.returnNote : nil,
            sections: sections,
            diff: diff(input.versions, localizer),
            versions: input.versions.reversed().map { version in
                Fact(label: localizer.t("proposals.versionValue", String(version.number)), value: localizer.timestamp(version.submittedAt))
            },
            answer: answer, request: request, timeline: Array(timeline), empathy: empathy, comments: comments,
            interviews: input.interviews.map { Interview(title: $0.title, period: $0.period, href: $0.href) },
            commentForm: input.forms.comment,
            office: office(input, localizer: localizer),
            reviews: ProposalVisibility.seesReviews(viewer) ? reviews(input, localizer: localizer) : nil,
            evaluationForm: input.forms.evaluation, implementationForm: input.forms.implementation, csrfToken: input.csrfToken)
    }

    /// The change from the version before the last one submitted, field by field (unchanged fields left out).
    static func diff(_ versions: [ProposalVersion], _ localizer: Localizer) -> Diff? {
        guard versions.count >= 2 else { return nil }
        let before = versions[versions.count - 2], after = versions[versions.count - 1]
        let fields = zip(before.text.fields, after.text.fields).compactMap { old, new -> DiffField? in
            guard TextDiff.hasChanges(from: old.value, to: new.value) else { return nil }
            return DiffField(label: localizer.t(old.labelKey), lines: TextDiff.lines(from: old.value, to: new.value).map { line in
                DiffLine(kind: line.kind.rawValue, marker: line.kind == .added ? "+" : line.kind == .removed ? "−" : " ",
                         kindLabel: localizer.t("proposals.diff.\(line.kind.rawValue)"),
                         segments: line.segments.map { segment in
                             DiffSegment(text: segment.text, mark: !segment.isChanged ? "" : line.kind == .removed ? "del" : "ins")
                         })
            })
        }
        return Diff(heading: localizer.t("proposals.diff.heading", String(before.number), String(after.number)), fields: fields)
    }

    static func timelineLabel(_ event: ProposalEvent, _ localizer: Localizer) -> String {
        switch event.kind {
        case .answerPublished: localizer.t("proposals.timeline.published")
        case .transition: event.toState.map { ProposalWords.state($0, localizer) } ?? ""
        }
    }

    /// Who made the step, as the capacity the table names (提案者, 事務局, 担当所属), not a person.
    static func timelineActor(_ event: ProposalEvent, _ localizer: Localizer) -> String {
        guard event.kind == .transition, let from = event.fromState, let to = event.toState,
              let transition = ProposalWorkflow.transitions.first(where: { $0.from == from && $0.to == to })
        else { return ProposalWords.actor(.secretariat, localizer) }
        return ProposalWords.actor(transition.actor, localizer)
    }

    static func office(_ input: Input, localizer: Localizer) -> Office? {
        let context = input.context
        guard context.viewer.actors.contains(.secretariat) else { return nil }
        let proposal = context.proposal
        let parameter = context.parameter
        let oneClick: [ProposalState] = [.received, .underReview]
        let actions = ProposalWorkflow.next(from: proposal.state, by: [.secretariat]).filter { oneClick.contains($0.to) }.map { step in
            Action(label: localizer.t("proposals.office.to.\(step.to.rawValue)"), action: ProposalRoute.state(parameter).path, to: step.to.rawValue)
        }
        let publishes = ProposalPublication.refusal(outcome: proposal.outcome, published: proposal.answerPublished) == nil
        let reviewable = proposal.state == .received || proposal.state == .underReview
        return Office(
            actions: actions, decisionForm: input.forms.decision,
            publish: publishes ? Action(label: localizer.t("proposals.publish.button"), action: ProposalRoute.publish(parameter).path, to: "") : nil,
            publishNote: publishes ? localizer.t(context.call.answersPublishedToAll ? "proposals.publish.toAll" : "proposals.publish.toAuthors") : nil,
            requestForm: input.forms.request,
            reviewers: context.reviews.map { review in
                Reviewer(number: review.reviewerStaffNumber.rawValue, name: ProposalWords.person(review.reviewerStaffNumber, input.staff),
                         due: localizer.date(review.dueOn), status: reviewStatus(review, today: input.today, localizer),
                         removeAction: reviewable && review.evaluatedAt == nil ? ProposalRoute.removeReviewer(parameter).path : nil)
            },
            reviewerForm: input.forms.reviewer)
    }

    static func reviewStatus(_ review: ProposalReview, today: LocalDate, _ localizer: Localizer) -> String {
        if let evaluatedAt = review.evaluatedAt { return localizer.t("proposals.review.evaluatedOn", localizer.timestamp(evaluatedAt)) }
        return review.dueOn < today ? localizer.t("proposals.review.overdue") : localizer.t("proposals.review.pending")
    }

    static func reviews(_ input: Input, localizer: Localizer) -> Reviews {
        let criteria = input.context.call.criteriaList
        let rows = input.context.reviews.map { review in
            let scores = review.scoreList
            return ReviewRow(
                reviewer: ProposalWords.person(review.reviewerStaffNumber, input.staff),
                status: reviewStatus(review, today: input.today, localizer),
                scores: zip(criteria, scores).map { Fact(label: $0, value: String($1)) },
                average: ProposalReviewRules.average(scores).map { String(format: "%.1f", $0) },
                note: review.note.isEmpty ? nil : review.note)
        }
        let all = input.context.reviews.flatMap(\.scoreList)
        return Reviews(rows: rows, average: ProposalReviewRules.average(all).map { String(format: "%.1f", $0) })
    }
}
