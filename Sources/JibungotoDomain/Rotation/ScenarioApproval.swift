/// What must be true before a transfer scenario may be approved, i.e. its moves written as
/// assignments. Two steps, because the second needs the solution the first admits.
public enum ScenarioApproval {
    public enum Refusal: Sendable, Equatable {
        /// An approved scenario is a record of what was decided: it is not approved again.
        case alreadyApproved
        /// No solution, a solution that is not optimal, or one solved for an earlier revision
        /// of the input: what would be written is not what the scenario now says.
        case needsCurrentOptimalSolution
        /// Transfers are approved in date order: on or before an approved one they would
        /// rewrite history that later records build on.
        case transferDateNotAfterApproved(transferDate: LocalDate, lastApproved: LocalDate)
        /// The transfer date's fiscal year has no organization to assign people to.
        case noOrganization(fiscalYear: Int)
        /// A section someone moves to does not exist in the transfer date's fiscal year
        /// (the plan may have been made on the year before).
        case sectionMissing(sectionCode: SectionCode, fiscalYear: Int)
        /// 起案/決裁: the municipality requires that the drafter of a list does not approve it.
        case drafterMayNotApprove
    }

    /// Why an approved list may not be withdrawn.
    public enum WithdrawalRefusal: Sendable, Equatable {
        /// Only an approved list is withdrawn.
        case notApproved
        /// On and after the transfer date the moves are history others build on.
        case transferDateReached(transferDate: LocalDate)
        /// Approved before approvals kept what they wrote: it cannot be undone exactly.
        case writesNotRecorded
        /// A list with a later transfer date was approved after it and ended the posts this one
        /// gave: that one must be withdrawn first, or the history would overlap.
        case laterApprovalBuildsOnIt(laterTransferDate: LocalDate)
    }

    /// 起案/決裁: nil when `approver` may approve a list `drafter` created.
    public static func approverRefusal(separationRequired: Bool, drafter: String, approver: String) -> Refusal? {
        separationRequired && drafter == approver ? .drafterMayNotApprove : nil
    }

    /// Nil when an approval may be withdrawn `today`: an approved list, strictly before its
    /// transfer date, whose writes were kept, and no list approved for a later date (the last
    /// approved transfer date of the others, `laterApproved`) built on it.
    public static func withdrawalRefusal(
        isApproved: Bool, transferDate: LocalDate, today: LocalDate, writesRecorded: Bool, laterApproved: LocalDate? = nil
    ) -> WithdrawalRefusal? {
        guard isApproved else { return .notApproved }
        guard today < transferDate else { return .transferDateReached(transferDate: transferDate) }
        if let laterApproved, laterApproved > transferDate { return .laterApprovalBuildsOnIt(laterTransferDate: laterApproved) }
        return writesRecorded ? nil : .writesNotRecorded
    }

    /// The first step, on the scenario itself: a draft with an optimal solution of its current revision.
    public static func solutionRefusal(isApproved: Bool, revision: Int, solvedRevision: Int?, isOptimal: Bool) -> Refusal? {
        if isApproved { return .alreadyApproved }
        guard solvedRevision == revision, isOptimal else { return .needsCurrentOptimalSolution }
        return nil
    }

    /// The second step, on where the moves go: every refusal, in the order they are shown
    /// (the date first, then the organization or each missing section by code).
    /// - Parameters:
    ///   - lastApprovedTransferDate: the latest transfer date of the other approved scenarios.
    ///   - sectionsOfFiscalYear: the section codes of the transfer date's fiscal year.
    ///   - destinations: the sections the movers who change section go to.
    public static func placementRefusals(
        transferDate: LocalDate, lastApprovedTransferDate: LocalDate?, sectionsOfFiscalYear: Set<SectionCode>, destinations: [SectionCode]
    ) -> [Refusal] {
        var refusals: [Refusal] = []
        if let last = lastApprovedTransferDate, transferDate <= last {
            refusals.append(.transferDateNotAfterApproved(transferDate: transferDate, lastApproved: last))
        }
        let year = FiscalYear.containing(transferDate).startYear
        if sectionsOfFiscalYear.isEmpty {
            refusals.append(.noOrganization(fiscalYear: year))
        } else {
            for code in Set(destinations).sorted() where !sectionsOfFiscalYear.contains(code) {
                refusals.append(.sectionMissing(sectionCode: code, fiscalYear: year))
            }
        }
        return refusals
    }
}
