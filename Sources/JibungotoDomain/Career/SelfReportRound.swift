/// A self-report round (自己申告) as its rules read it: the days answers are accepted and the
/// group it is meant for.
public struct SelfReportRound: Sendable, Hashable {
    /// The first day answers are accepted.
    public var opensOn: LocalDate
    /// The last day answers are accepted (Japan time, through 23:59).
    public var deadline: LocalDate
    /// Department codes the round is for; empty means every department.
    public var departmentCodes: [String]
    /// Employment types the round is for; empty means every type.
    public var employmentTypes: [String]

    public init(opensOn: LocalDate, deadline: LocalDate, departmentCodes: [String] = [], employmentTypes: [String] = []) {
        self.opensOn = opensOn
        self.deadline = deadline
        self.departmentCodes = departmentCodes
        self.employmentTypes = employmentTypes
    }

    /// A staff member as the target rule sees them: employment type and today's placement.
    public struct Respondent: Sendable, Hashable {
        public var employmentType: String
        /// The section they work in today; nil when not placed.
        public var sectionCode: String?
        /// The department that section belongs to; nil when not placed or the section is not in the organization.
        public var departmentCode: String?

        public init(employmentType: String, sectionCode: String?, departmentCode: String?) {
            self.employmentType = employmentType
            self.sectionCode = sectionCode
            self.departmentCode = departmentCode
        }
    }

    /// Answers are accepted from the opening day through the deadline, both included.
    public func isOpen(today: LocalDate) -> Bool {
        opensOn <= today && today <= deadline
    }

    /// Whether the round is for this staff member: of a named employment type (when the round
    /// names any), placed today, and in a named department (when the round names any).
    public func isFor(_ respondent: Respondent) -> Bool {
        if !employmentTypes.isEmpty && !employmentTypes.contains(respondent.employmentType) { return false }
        guard respondent.sectionCode != nil else { return false }
        if departmentCodes.isEmpty { return true }
        guard let department = respondent.departmentCode else { return false }
        return departmentCodes.contains(department)
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
