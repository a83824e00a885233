/// A call for proposals (募集): open all year, or for a period with a theme.
public enum ProposalCallKind: String, CaseIterable, Codable, Sendable {
    /// 通年募集: any subject, the whole fiscal year.
    case yearRound = "year_round"
    /// テーマ募集: a theme, for a period.
    case themed
}

/// The rules of a call: its window, who may submit to it, and the dates a new call may take.
public enum ProposalCallRules {
    /// What is wrong with the dates of a new call.
    public enum Problem: Sendable, Equatable {
        case closesBeforeOpening
        /// The window has already closed: no one could submit.
        case alreadyClosed
    }

    public static func problems(opens: LocalDate, closes: LocalDate, today: LocalDate) -> [Problem] {
        var problems: [Problem] = []
        if closes < opens { problems.append(.closesBeforeOpening) }
        if closes < today { problems.append(.alreadyClosed) }
        return problems
    }

    /// The window of a year-round call made on `today`: from today to the end of the fiscal year.
    public static func yearRoundWindow(today: LocalDate) -> (opens: LocalDate, closes: LocalDate) {
        (today, FiscalYear.containing(today).end)
    }

    /// Whether the call takes first submissions on `today` (its first and last days included).
    public static func accepts(opens: LocalDate, closes: LocalDate, today: LocalDate) -> Bool {
        opens <= today && today <= closes
    }

    /// Whether staff of `department` may submit: a call for all staff (no departments named), or for theirs.
    public static func admits(department: SectionCode?, audience: [SectionCode]) -> Bool {
        audience.isEmpty || department.map(audience.contains) == true
    }
}

/// Why a comment, an answer to one or a 共感 is refused; the app words each case (`proposals.reaction.*`).
public enum ProposalReactionRefusal: Sendable, Equatable {
    /// Authors do not mark 共感 on their own proposal.
    case ownProposal
    /// 共感 is marked once per person; it may be withdrawn.
    case alreadyMarked
    /// There is no 共感 of this person to withdraw.
    case notMarked
    /// Only the proposal's authors answer its comments.
    case notAuthor
    /// The comment has its answer already.
    case alreadyAnswered
    /// A draft takes no comments or 共感.
    case draft
}

/// Comments, the authors' answers to them, and 共感 (one per person, withdrawable).
public enum ProposalReactions {
    public static func empathyRefusal(isAuthor: Bool, alreadyMarked: Bool, state: ProposalState) -> ProposalReactionRefusal? {
        if state == .draft { return .draft }
        if isAuthor { return .ownProposal }
        if alreadyMarked { return .alreadyMarked }
        return nil
    }

    public static func withdrawalRefusal(hasMarked: Bool) -> ProposalReactionRefusal? {
        hasMarked ? nil : .notMarked
    }

    public static func commentRefusal(state: ProposalState) -> ProposalReactionRefusal? {
        state == .draft ? .draft : nil
    }

    /// - Parameter isAuthor: the lead or a confirmed co-author.
    public static func answerRefusal(isAuthor: Bool, alreadyAnswered: Bool) -> ProposalReactionRefusal? {
        if !isAuthor { return .notAuthor }
        if alreadyAnswered { return .alreadyAnswered }
        return nil
    }
}
