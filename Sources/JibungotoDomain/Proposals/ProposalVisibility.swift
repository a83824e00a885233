/// How one person stands to one proposal, as the app found it.
public struct ProposalViewer: Sendable, Equatable {
    /// The lead author (提案者代表).
    public var isLead: Bool
    /// A co-author who confirmed.
    public var isCoAuthor: Bool
    /// A co-author asked to confirm who has not answered yet: they read the proposal to decide.
    public var isInvitedCoAuthor: Bool
    /// The proposal office (HR with `manageProposals`).
    public var isSecretariat: Bool
    /// Reads every reviewer's scores and notes (HR with `reviewProposals`).
    public var readsAllReviews: Bool
    /// Assigned to review this proposal.
    public var isReviewer: Bool
    /// Works for (or, as HR, answers for) the section a 実施要請 or 検討要請 went to.
    public var isResponsibleSection: Bool

    public init(isLead: Bool = false, isCoAuthor: Bool = false, isInvitedCoAuthor: Bool = false, isSecretariat: Bool = false,
                readsAllReviews: Bool = false, isReviewer: Bool = false, isResponsibleSection: Bool = false) {
        self.isLead = isLead
        self.isCoAuthor = isCoAuthor
        self.isInvitedCoAuthor = isInvitedCoAuthor
        self.isSecretariat = isSecretariat
        self.readsAllReviews = readsAllReviews
        self.isReviewer = isReviewer
        self.isResponsibleSection = isResponsibleSection
    }

    /// An author in any standing: they see what authors see, and never what the review keeps from authors.
    public var isAuthor: Bool { isLead || isCoAuthor || isInvitedCoAuthor }

    /// The capacities the person acts in. An author never acts for the office on their own proposal.
    public var actors: Set<ProposalActor> {
        var actors: Set<ProposalActor> = []
        if isLead { actors.insert(.author) }
        if isSecretariat && !isAuthor { actors.insert(.secretariat) }
        if isResponsibleSection { actors.insert(.responsibleSection) }
        return actors
    }
}

/// What of a proposal may be disclosed: its state, whether its answer is published, and the call's settings.
public struct ProposalDisclosure: Sendable, Equatable {
    public var state: ProposalState
    public var answerPublished: Bool
    /// The call lets all staff read proposals (and comment, mark 共感) from submission, before review.
    public var openToStaffBeforeReview: Bool
    /// The call publishes answers to all staff, not only to the authors.
    public var answersPublishedToAll: Bool

    public init(state: ProposalState, answerPublished: Bool, openToStaffBeforeReview: Bool, answersPublishedToAll: Bool) {
        self.state = state
        self.answerPublished = answerPublished
        self.openToStaffBeforeReview = openToStaffBeforeReview
        self.answersPublishedToAll = answersPublishedToAll
    }
}

/// Who sees what of a proposal. Reviewers' scores and private notes never reach its authors or other
/// staff; an outcome stays hidden (the proposal shows 審査中) until its answer is published, to the
/// authors and — if the call says so — to all staff.
public enum ProposalVisibility {
    /// Whether the person may open the proposal at all.
    public static func sees(_ viewer: ProposalViewer, _ proposal: ProposalDisclosure) -> Bool {
        if viewer.isAuthor { return true }
        if proposal.state == .draft { return false }
        if viewer.isSecretariat || viewer.isReviewer || viewer.isResponsibleSection { return true }
        if proposal.openToStaffBeforeReview { return true }
        return proposal.answerPublished && proposal.answersPublishedToAll
    }

    /// Whether the person reads the outcome and its official answer (when there is one).
    public static func seesAnswer(_ viewer: ProposalViewer, _ proposal: ProposalDisclosure) -> Bool {
        if viewer.isAuthor { return proposal.answerPublished }
        if viewer.isSecretariat || viewer.isReviewer { return true }
        if viewer.isResponsibleSection { return proposal.answerPublished }
        return proposal.answerPublished && proposal.answersPublishedToAll
    }

    /// The state the person is shown: an outcome they may not read yet shows as 審査中.
    public static func shownState(_ viewer: ProposalViewer, _ proposal: ProposalDisclosure) -> ProposalState {
        proposal.state.followsOutcome && !seesAnswer(viewer, proposal) ? .underReview : proposal.state
    }

    /// Whether the person reads the reviewers' scores and private notes: the office, HR's review
    /// readers and the proposal's reviewers — never one of its authors.
    public static func seesReviews(_ viewer: ProposalViewer) -> Bool {
        !viewer.isAuthor && (viewer.isSecretariat || viewer.readsAllReviews || viewer.isReviewer)
    }
}
