/// A self-report round (自己申告) as its rules read it: the days answers are accepted and the
/// group it is meant for.
public struct SelfReportRound: Sendable, Hashable {
    /// The first day answers are accepted.
    public var opensOn: LocalDate
    /// The last day answers are accepted (Japan time, through 23:59).
    public var deadline: LocalDate
    /// Who the round is for.
    public var group: TargetGroup

    public init(opensOn: LocalDate, deadline: LocalDate, group: TargetGroup = TargetGroup()) {
        self.opensOn = opensOn
        self.deadline = deadline
        self.group = group
    }

    /// A staff member as the target rule sees them: employment type and today's placement.
    public typealias Respondent = TargetGroup.Member

    /// Answers are accepted from the opening day through the deadline, both included.
    public func isOpen(today: LocalDate) -> Bool {
        opensOn <= today && today <= deadline
    }

    /// Whether the round is for this staff member (`TargetGroup`, on today's placement).
    public func isFor(_ respondent: Respondent) -> Bool {
        group.includes(respondent)
    }

    /// The round a staff member should answer on `today`: of the rounds opened by then and meant
    /// for them, the one that opened last (the first given when two opened on the same day). It
    /// may already be past its deadline: the form then says it is closed.
    public static func current<Round>(
        of rounds: [Round], round: (Round) -> SelfReportRound, for respondent: Respondent, today: LocalDate
    ) -> Round? {
        var best: (value: Round, opensOn: LocalDate)?
        for value in rounds {
            let candidate = round(value)
            guard candidate.opensOn <= today, candidate.isFor(respondent) else { continue }
            if best.map({ candidate.opensOn > $0.opensOn }) ?? true { best = (value: value, opensOn: candidate.opensOn) }
        }
        return best?.value
    }
}
