/// Where a person stands with a project team, from applying or being nominated to membership.
public enum TeamCandidateStatus: String, CaseIterable, Codable, Sendable {
    /// Nominated by a manager; the nominee has not answered yet.
    case awaitingNominee = "awaiting_nominee"
    /// The nominee said no; the nomination ends here.
    case declined
    /// Applied, or nominated and accepted: the organizer may select them.
    case candidate
    /// The applicant took back their application before selection.
    case withdrawn
    /// Selected by the organizer: a member unless their manager refuses.
    case selected
    /// Selected, then refused by their manager with a reason.
    case refusedByManager = "refused_by_manager"
}

/// The selected person's manager's answer, with the rule that silence until the deadline is consent.
public enum TeamConsent: Equatable, Sendable {
    case awaiting(deadline: LocalDate)
    case consented
    /// No answer by the deadline: counted as consent from the day after it.
    case deemedConsented
    case refused

    /// - Parameters:
    ///   - answer: true consented, false refused, nil no answer yet.
    public static func state(answer: Bool?, deadline: LocalDate, today: LocalDate) -> TeamConsent {
        switch answer {
        case true?: .consented
        case false?: .refused
        case nil: today > deadline ? .deemedConsented : .awaiting(deadline: deadline)
        }
    }

    /// The deadline for an answer: `days` days after selection (民法140条: the day of selection is not counted).
    public static func deadline(selectedOn: LocalDate, days: Int) -> LocalDate {
        selectedOn.adding(days: days)
    }
}

/// Why an action on a project team is refused; the app words each case (`opportunities.refusal.*`).
public enum TeamRefusal: Equatable, Sendable {
    case nominatingSelf
    /// The nominee is not among the staff the team is open to (its audience), or not in the staff master.
    case outsideAudience
    case alreadyInvolved(TeamCandidateStatus)
    case applicationNotOpenYet(opens: LocalDate)
    case applicationClosed(closed: LocalDate)
    case tooManySelected(seats: Int, free: Int)
    case notSelectable
    case noNominationToAnswer
    case teamClosed
}

/// The rules of a project team's call, nominations and selection.
public enum ProjectTeamRules {
    /// An application is taken from the opening day through the closing day, both included.
    public static func applicationRefusal(opens: LocalDate, closes: LocalDate, today: LocalDate, existing: TeamCandidateStatus?) -> TeamRefusal? {
        if today < opens { return .applicationNotOpenYet(opens: opens) }
        if today > closes { return .applicationClosed(closed: closes) }
        if let existing, existing != .withdrawn { return .alreadyInvolved(existing) }
        return nil
    }

    /// A nomination names someone else among the team's audience who is not already involved
    /// (a withdrawn applicant may be nominated: a nudge is what the paper asks for).
    public static func nominationRefusal(nominator: StaffNumber, nominee: StaffNumber, nomineeInAudience: Bool,
                                         existing: TeamCandidateStatus?, teamClosed: Bool) -> TeamRefusal? {
        if teamClosed { return .teamClosed }
        if nominator == nominee { return .nominatingSelf }
        if !nomineeInAudience { return .outsideAudience }
        if let existing, existing != .withdrawn { return .alreadyInvolved(existing) }
        return nil
    }

    /// Selecting `chosen` people when `alreadySelected` hold seats: only candidates, never over the seats.
    public static func selectionRefusal(seats: Int, alreadySelected: Int, chosen: [TeamCandidateStatus]) -> TeamRefusal? {
        if chosen.contains(where: { $0 != .candidate }) { return .notSelectable }
        let free = max(0, seats - alreadySelected)
        if chosen.count > free { return .tooManySelected(seats: seats, free: free) }
        return nil
    }
}
