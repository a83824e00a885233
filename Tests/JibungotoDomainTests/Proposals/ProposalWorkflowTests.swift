import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Proposals: the state machine — every allowed and every refused transition")
struct ProposalWorkflowTests {
    /// The workflow of issue 17, written out here by hand so the table in the code is checked
    /// against it rather than against itself.
    static let expected: [(from: ProposalState, to: ProposalState, by: ProposalActor)] = [
        (.draft, .submitted, .author),
        (.returned, .submitted, .author),
        (.submitted, .received, .secretariat),
        (.received, .underReview, .secretariat),
        (.underReview, .adopted, .secretariat),
        (.underReview, .partiallyAdopted, .secretariat),
        (.underReview, .rejected, .secretariat),
        (.underReview, .returned, .secretariat),
        (.adopted, .implementationRequested, .secretariat),
        (.adopted, .considerationRequested, .secretariat),
        (.partiallyAdopted, .implementationRequested, .secretariat),
        (.partiallyAdopted, .considerationRequested, .secretariat),
        (.implementationRequested, .implementing, .responsibleSection),
        (.considerationRequested, .implementing, .responsibleSection),
        (.implementing, .implemented, .responsibleSection),
    ]

    static let today = day("2026-11-30")

    /// Facts under which every allowed step's requirements hold.
    static let satisfied = ProposalFacts(
        text: "提案の趣旨に沿って、来年度から市民課で実施します。", unconfirmedCoAuthors: [], callAcceptsSubmissions: true, revisionChanged: true,
        reviewerCount: 2, answerPublished: true, requestedSection: "1310", date: day("2026-11-20"), startedOn: day("2026-10-01"), today: today)

    static let everyActorSet: [Set<ProposalActor>] = [[], [.author], [.secretariat], [.responsibleSection], Set(ProposalActor.allCases)]

    static func expectedNext(from state: ProposalState) -> [ProposalState] {
        expected.filter { $0.from == state }.map(\.to)
    }

    @Test("the table in the code is exactly the workflow, in its order")
    func tableIsTheWorkflow() {
        #expect(ProposalWorkflow.transitions == Self.expected.map { ProposalTransition($0.from, $0.to, by: $0.by) })
        #expect(ProposalWorkflow.next(from: .underReview).map(\.to) == [.adopted, .partiallyAdopted, .rejected, .returned])
        #expect(ProposalWorkflow.next(from: .rejected).isEmpty && ProposalWorkflow.next(from: .implemented).isEmpty, "final states")
        #expect(ProposalWorkflow.next(from: .underReview, by: [.author]).isEmpty)
        #expect(ProposalWorkflow.next(from: .implementing, by: [.responsibleSection]).map(\.to) == [.implemented])
    }

    @Test("every allowed transition is made by its actor, and by no one else")
    func allowedTransitions() {
        for row in Self.expected {
            let what = "\(row.from.rawValue) → \(row.to.rawValue)"
            #expect(ProposalWorkflow.refusal(from: row.from, to: row.to, by: [row.by], facts: Self.satisfied) == nil, "\(what) by \(row.by.rawValue)")
            #expect(ProposalWorkflow.refusal(from: row.from, to: row.to, by: Set(ProposalActor.allCases), facts: Self.satisfied) == nil,
                    "\(what) by someone holding every capacity")
            for other in ProposalActor.allCases where other != row.by {
                #expect(ProposalWorkflow.refusal(from: row.from, to: row.to, by: [other], facts: Self.satisfied) == .notYours(required: row.by),
                        "\(what) by \(other.rawValue)")
            }
            #expect(ProposalWorkflow.refusal(from: row.from, to: row.to, by: [], facts: Self.satisfied) == .notYours(required: row.by), "\(what) by no one")
        }
    }

    @Test("every other pair of states is refused, whoever asks, naming the steps allowed instead")
    func refusedTransitions() {
        var refused = 0
        for from in ProposalState.allCases {
            for to in ProposalState.allCases where !Self.expected.contains(where: { $0.from == from && $0.to == to }) {
                for actors in Self.everyActorSet {
                    #expect(ProposalWorkflow.refusal(from: from, to: to, by: actors, facts: Self.satisfied)
                                == .notAllowed(from: from, to: to, next: Self.expectedNext(from: from)),
                            "\(from.rawValue) → \(to.rawValue) by \(actors.map(\.rawValue).sorted())")
                }
                refused += 1
            }
        }
        #expect(refused == ProposalState.allCases.count * ProposalState.allCases.count - Self.expected.count)
        #expect(refused == 129)
    }

    @Test("skipping a step, going back and leaving a final state are refused with what may come next")
    func skipsAndFinalStates() {
        let all = Set(ProposalActor.allCases)
        #expect(ProposalWorkflow.refusal(from: .submitted, to: .underReview, by: all, facts: Self.satisfied)
                    == .notAllowed(from: .submitted, to: .underReview, next: [.received]))
        #expect(ProposalWorkflow.refusal(from: .received, to: .adopted, by: all, facts: Self.satisfied)
                    == .notAllowed(from: .received, to: .adopted, next: [.underReview]))
        #expect(ProposalWorkflow.refusal(from: .adopted, to: .implementing, by: all, facts: Self.satisfied)
                    == .notAllowed(from: .adopted, to: .implementing, next: [.implementationRequested, .considerationRequested]))
        #expect(ProposalWorkflow.refusal(from: .rejected, to: .adopted, by: all, facts: Self.satisfied)
                    == .notAllowed(from: .rejected, to: .adopted, next: []))
        #expect(ProposalWorkflow.refusal(from: .implemented, to: .implementing, by: all, facts: Self.satisfied)
                    == .notAllowed(from: .implemented, to: .implementing, next: []))
        #expect(ProposalWorkflow.refusal(from: .returned, to: .underReview, by: all, facts: Self.satisfied)
                    == .notAllowed(from: .returned, to: .underReview, next: [.submitted]), "a revision goes through submission again")
    }

    struct Requirement: Sendable {
        let from: ProposalState
        let to: ProposalState
        let change: @Sendable (inout ProposalFacts) -> Void
        let expected: ProposalRefusal?
        let why: String
    }

    static let requirements: [Requirement] = [
        Requirement(from: .draft, to: .submitted, change: { $0.unconfirmedCoAuthors = ["X0001", "D0005"] },
                    expected: .coAuthorsUnconfirmed(["X0001", "D0005"]), why: "co-authors who have not confirmed"),
        Requirement(from: .returned, to: .submitted, change: { $0.unconfirmedCoAuthors = ["X0001"] },
                    expected: .coAuthorsUnconfirmed(["X0001"]), why: "the same on a revision"),
        Requirement(from: .draft, to: .submitted, change: { $0.callAcceptsSubmissions = false }, expected: .callClosed, why: "the call is closed"),
        Requirement(from: .returned, to: .submitted, change: { $0.callAcceptsSubmissions = false }, expected: nil,
                    why: "a revision is taken after the call has closed"),
        Requirement(from: .returned, to: .submitted, change: { $0.revisionChanged = false }, expected: .revisionUnchanged, why: "a revision that changes nothing"),
        Requirement(from: .draft, to: .submitted, change: { $0.revisionChanged = false }, expected: nil, why: "a first submission has nothing to compare"),
        Requirement(from: .received, to: .underReview, change: { $0.reviewerCount = 0 }, expected: .noReviewers, why: "no reviewer"),
        Requirement(from: .underReview, to: .adopted, change: { $0.text = "" }, expected: .answerMissing, why: "採用 without an answer"),
        Requirement(from: .underReview, to: .partiallyAdopted, change: { $0.text = "　\n " }, expected: .answerMissing, why: "一部採用 with blanks only"),
        Requirement(from: .underReview, to: .rejected, change: { $0.text = "" }, expected: .answerMissing, why: "不採用 without an answer"),
        Requirement(from: .underReview, to: .returned, change: { $0.text = "" }, expected: .returnReasonMissing, why: "差し戻し without what to change"),
        Requirement(from: .adopted, to: .implementationRequested, change: { $0.answerPublished = false }, expected: .answerNotPublished,
                    why: "a request before the answer is published"),
        Requirement(from: .partiallyAdopted, to: .considerationRequested, change: { $0.requestedSection = nil }, expected: .sectionMissing,
                    why: "a request without a section"),
        Requirement(from: .implementationRequested, to: .implementing, change: { $0.date = nil }, expected: .dateMissing, why: "実施中 without its date"),
        Requirement(from: .considerationRequested, to: .implementing, change: { $0.date = day("2026-12-01") }, expected: .dateInFuture(today: day("2026-11-30")),
                    why: "a start tomorrow"),
        Requirement(from: .implementing, to: .implemented, change: { $0.date = day("2026-09-30") }, expected: .dateBeforeStart(start: day("2026-10-01")),
                    why: "completed before it began"),
        Requirement(from: .implementing, to: .implemented, change: { $0.date = day("2026-10-01") }, expected: nil, why: "completed the day it began"),
        Requirement(from: .implementing, to: .implemented, change: { $0.date = day("2026-11-30") }, expected: nil, why: "completed today"),
    ]

    @Test("each allowed step refuses what it lacks, with the reason")
    func requirementsOfEachStep() {
        for requirement in Self.requirements {
            var facts = Self.satisfied
            requirement.change(&facts)
            let actor = Self.expected.first(where: { $0.from == requirement.from && $0.to == requirement.to })?.by
            #expect(actor != nil, "\(requirement.why): the step is in the table")
            let actors: Set<ProposalActor> = actor.map { [$0] } ?? []
            #expect(ProposalWorkflow.refusal(from: requirement.from, to: requirement.to, by: actors, facts: facts) == requirement.expected,
                    "\(requirement.why)")
        }
    }

    @Test("the table and the actor come before the requirements: a skipped step is refused as such even with nothing filled in")
    func orderOfChecks() {
        let empty = ProposalFacts(today: Self.today)
        #expect(ProposalWorkflow.refusal(from: .submitted, to: .adopted, by: [.secretariat], facts: empty)
                    == .notAllowed(from: .submitted, to: .adopted, next: [.received]))
        #expect(ProposalWorkflow.refusal(from: .underReview, to: .adopted, by: [.author], facts: empty) == .notYours(required: .secretariat))
        #expect(ProposalWorkflow.refusal(from: .underReview, to: .adopted, by: [.secretariat], facts: empty) == .answerMissing)
    }

    @Test("an answer is published once, and only when there is an outcome")
    func publication() {
        #expect(ProposalPublication.refusal(outcome: nil, published: false) == .noOutcome)
        #expect(ProposalPublication.refusal(outcome: .returned, published: false) == .noOutcome, "差し戻し is not an outcome with an answer to publish")
        for outcome in [ProposalState.adopted, .partiallyAdopted, .rejected] {
            #expect(ProposalPublication.refusal(outcome: outcome, published: false) == nil)
            #expect(ProposalPublication.refusal(outcome: outcome, published: true) == .alreadyPublished)
        }
    }

    @Test("what each state is: outcomes, adoptions, requests, editable text")
    func stateProperties() {
        #expect(ProposalState.allCases.filter(\.isOutcome) == [.adopted, .partiallyAdopted, .rejected])
        #expect(ProposalState.allCases.filter(\.isAdoption) == [.adopted, .partiallyAdopted])
        #expect(ProposalState.allCases.filter(\.isRequestToSection) == [.implementationRequested, .considerationRequested])
        #expect(ProposalState.allCases.filter(\.isEditable) == [.draft, .returned])
        #expect(ProposalState.allCases.filter(\.followsOutcome)
                    == [.adopted, .partiallyAdopted, .rejected, .implementationRequested, .considerationRequested, .implementing, .implemented])
    }
}
