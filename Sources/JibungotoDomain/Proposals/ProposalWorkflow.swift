/// One allowed step of a proposal: from which state to which, and who makes it.
public struct ProposalTransition: Sendable, Equatable, Hashable {
    public let from: ProposalState
    public let to: ProposalState
    public let actor: ProposalActor

    public init(_ from: ProposalState, _ to: ProposalState, by actor: ProposalActor) {
        self.from = from
        self.to = to
        self.actor = actor
    }
}

/// What a transition needs beyond being allowed: the words it carries and the facts it depends on,
/// as the app loaded them. Each field matters only to the transitions named in its comment.
public struct ProposalFacts: Sendable, Equatable {
    /// The official answer (to an outcome), what to change (to 差し戻し), or the request's note.
    public var text: String
    /// Co-authors who have not confirmed (to 提出).
    public var unconfirmedCoAuthors: [StaffNumber]
    /// Whether the call takes submissions today (a first 提出; a revision after 差し戻し is always taken).
    public var callAcceptsSubmissions: Bool
    /// Whether the revision differs from the last submitted version (提出 after 差し戻し).
    public var revisionChanged: Bool
    /// Reviewers assigned (to 審査中).
    public var reviewerCount: Int
    /// Whether the outcome's answer has been published (to 実施要請 / 検討要請).
    public var answerPublished: Bool
    /// The section asked to implement or consider (to 実施要請 / 検討要請).
    public var requestedSection: SectionCode?
    /// The day implementation began (to 実施中) or was completed (to 実施済).
    public var date: LocalDate?
    /// The day implementation began, when it has (to 実施済).
    public var startedOn: LocalDate?
    public var today: LocalDate

    public init(
        text: String = "", unconfirmedCoAuthors: [StaffNumber] = [], callAcceptsSubmissions: Bool = false, revisionChanged: Bool = false,
        reviewerCount: Int = 0, answerPublished: Bool = false, requestedSection: SectionCode? = nil, date: LocalDate? = nil,
        startedOn: LocalDate? = nil, today: LocalDate
    ) {
        self.text = text
        self.unconfirmedCoAuthors = unconfirmedCoAuthors
        self.callAcceptsSubmissions = callAcceptsSubmissions
        self.revisionChanged = revisionChanged
        self.reviewerCount = reviewerCount
        self.answerPublished = answerPublished
        self.requestedSection = requestedSection
        self.date = date
        self.startedOn = startedOn
        self.today = today
    }
}

/// Why a proposal cannot move as asked; the app words each case (`proposals.refusal.*`).
public enum ProposalRefusal: Sendable, Equatable {
    /// The step is not in the table: it skips a step, goes back, or leaves a final state.
    /// `next` lists the states the proposal may go to from `from` (empty for a final state).
    case notAllowed(from: ProposalState, to: ProposalState, next: [ProposalState])
    /// The step is someone else's to make.
    case notYours(required: ProposalActor)
    /// Co-authors who have not confirmed: the proposal is not theirs yet, so it cannot go.
    case coAuthorsUnconfirmed([StaffNumber])
    /// The call does not take submissions today.
    case callClosed
    /// A revision after 差し戻し that changes nothing.
    case revisionUnchanged
    /// Review cannot start before a reviewer is assigned.
    case noReviewers
    /// An outcome (採用, 一部採用, 不採用) without the official answer.
    case answerMissing
    /// 差し戻し without saying what to change.
    case returnReasonMissing
    /// A section is asked to act only once the answer is published.
    case answerNotPublished
    /// 実施要請 or 検討要請 without the section.
    case sectionMissing
    /// 実施中 or 実施済 without its date.
    case dateMissing
    /// The date is after today.
    case dateInFuture(today: LocalDate)
    /// The completion date is before the day implementation began.
    case dateBeforeStart(start: LocalDate)
}

/// The state machine of a proposal: the table of allowed transitions with who makes each, and the
/// one check every change of state goes through.
public enum ProposalWorkflow {
    /// Every allowed step. A step missing here (提出 → 審査中, 不採用 → 採用, anything out of 実施済)
    /// is refused with the steps that are allowed instead.
    public static let transitions: [ProposalTransition] = [
        ProposalTransition(.draft, .submitted, by: .author),
        ProposalTransition(.returned, .submitted, by: .author),
        ProposalTransition(.submitted, .received, by: .secretariat),
        ProposalTransition(.received, .underReview, by: .secretariat),
        ProposalTransition(.underReview, .adopted, by: .secretariat),
        ProposalTransition(.underReview, .partiallyAdopted, by: .secretariat),
        ProposalTransition(.underReview, .rejected, by: .secretariat),
        ProposalTransition(.underReview, .returned, by: .secretariat),
        ProposalTransition(.adopted, .implementationRequested, by: .secretariat),
        ProposalTransition(.adopted, .considerationRequested, by: .secretariat),
        ProposalTransition(.partiallyAdopted, .implementationRequested, by: .secretariat),
        ProposalTransition(.partiallyAdopted, .considerationRequested, by: .secretariat),
        ProposalTransition(.implementationRequested, .implementing, by: .responsibleSection),
        ProposalTransition(.considerationRequested, .implementing, by: .responsibleSection),
        ProposalTransition(.implementing, .implemented, by: .responsibleSection),
    ]

    /// The steps out of `state`, in the table's order.
    public static func next(from state: ProposalState) -> [ProposalTransition] {
        transitions.filter { $0.from == state }
    }

    /// The steps out of `state` that someone acting as `actors` may make.
    public static func next(from state: ProposalState, by actors: Set<ProposalActor>) -> [ProposalTransition] {
        next(from: state).filter { actors.contains($0.actor) }
    }

    /// Why the step from `from` to `to` by someone acting as `actors` cannot be made with `facts`, or
    /// nil when it can. The table comes first (a skipped step is refused whoever asks), then the
    /// actor, then what the step needs.
    public static func refusal(from: ProposalState, to: ProposalState, by actors: Set<ProposalActor>, facts: ProposalFacts) -> ProposalRefusal? {
        guard let transition = transitions.first(where: { $0.from == from && $0.to == to }) else {
            return .notAllowed(from: from, to: to, next: next(from: from).map(\.to))
        }
        guard actors.contains(transition.actor) else { return .notYours(required: transition.actor) }
        switch to {
        case .submitted:
            if !facts.unconfirmedCoAuthors.isEmpty { return .coAuthorsUnconfirmed(facts.unconfirmedCoAuthors) }
            if from == .draft && !facts.callAcceptsSubmissions { return .callClosed }
            if from == .returned && !facts.revisionChanged { return .revisionUnchanged }
        case .underReview:
            if facts.reviewerCount == 0 { return .noReviewers }
        case .adopted, .partiallyAdopted, .rejected:
            if isBlank(facts.text) { return .answerMissing }
        case .returned:
            if isBlank(facts.text) { return .returnReasonMissing }
        case .implementationRequested, .considerationRequested:
            if !facts.answerPublished { return .answerNotPublished }
            if facts.requestedSection == nil { return .sectionMissing }
        case .implementing, .implemented:
            guard let date = facts.date else { return .dateMissing }
            if date > facts.today { return .dateInFuture(today: facts.today) }
            if to == .implemented, let start = facts.startedOn, date < start { return .dateBeforeStart(start: start) }
        case .draft, .received:
            break
        }
        return nil
    }

    private static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }
}

/// Publishing an outcome's answer: to the authors, and to all staff when the call says so. Until
/// then the outcome is the office's and the reviewers' only.
public enum ProposalPublication {
    public enum Refusal: Sendable, Equatable {
        /// No outcome has been recorded, so there is no answer to publish.
        case noOutcome
        case alreadyPublished
    }

    public static func refusal(outcome: ProposalState?, published: Bool) -> Refusal? {
        guard outcome?.isOutcome == true else { return .noOutcome }
        return published ? .alreadyPublished : nil
    }
}
