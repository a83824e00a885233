/// One proposal as the figures count it.
public struct ProposalFigureFacts: Sendable, Equatable {
    /// The fiscal year of its first submission; nil for a draft, which no figure counts.
    public var fiscalYear: Int?
    /// The lead author's department at first submission.
    public var departmentCode: SectionCode?
    public var category: ProposalCategory
    public var state: ProposalState
    /// The review's result (採用, 一部採用, 不採用), once recorded.
    public var outcome: ProposalState?
    /// Whether that result's answer has been published: an unpublished result is not yet official.
    public var answerPublished: Bool

    public init(fiscalYear: Int?, departmentCode: SectionCode?, category: ProposalCategory, state: ProposalState,
                outcome: ProposalState?, answerPublished: Bool) {
        self.fiscalYear = fiscalYear
        self.departmentCode = departmentCode
        self.category = category
        self.state = state
        self.outcome = outcome
        self.answerPublished = answerPublished
    }

    var isAdopted: Bool { answerPublished && outcome?.isAdoption == true }
}

/// One line of a breakdown: the figures of the proposals sharing a department or a category.
public struct ProposalFigureRow<Key: Hashable & Sendable>: Sendable, Equatable {
    public var key: Key
    public var submitted: Int
    public var adopted: Int
    public var adoptionRate: Double?
    public var implemented: Int
}

/// The proposal figures of a fiscal year (the paper's §6-2: more staff proposals adopted), one
/// function per figure so the Policy module's KPIs read the same numbers as the figures page.
/// A proposal counts in the fiscal year it was first submitted, in every figure, so the rate
/// compares like with like; a resubmission after 差し戻し stays in its first year.
public enum ProposalFigures {
    /// 提案件数: proposals first submitted in the fiscal year.
    public static func submitted(_ proposals: [ProposalFigureFacts], fiscalYear: Int) -> Int {
        proposals.filter { $0.fiscalYear == fiscalYear }.count
    }

    /// 採用件数: those whose published outcome is 採用 or 一部採用.
    public static func adopted(_ proposals: [ProposalFigureFacts], fiscalYear: Int) -> Int {
        proposals.filter { $0.fiscalYear == fiscalYear && $0.isAdopted }.count
    }

    /// 採用率: adopted ÷ submitted, between 0 and 1; nil when nothing was submitted.
    public static func adoptionRate(_ proposals: [ProposalFigureFacts], fiscalYear: Int) -> Double? {
        let submitted = submitted(proposals, fiscalYear: fiscalYear)
        return submitted == 0 ? nil : Double(adopted(proposals, fiscalYear: fiscalYear)) / Double(submitted)
    }

    /// 実施済件数: those whose implementation is complete.
    public static func implemented(_ proposals: [ProposalFigureFacts], fiscalYear: Int) -> Int {
        proposals.filter { $0.fiscalYear == fiscalYear && $0.state == .implemented }.count
    }

    /// The figures by the lead author's department (nil: no department recorded), in department order.
    public static func byDepartment(_ proposals: [ProposalFigureFacts], fiscalYear: Int) -> [ProposalFigureRow<SectionCode?>] {
        breakdown(proposals, fiscalYear: fiscalYear, by: \.departmentCode)
            .sorted { ($0.key?.rawValue ?? "\u{10FFFF}") < ($1.key?.rawValue ?? "\u{10FFFF}") }
    }

    /// The figures by category, in the categories' order (those with no proposal left out).
    public static func byCategory(_ proposals: [ProposalFigureFacts], fiscalYear: Int) -> [ProposalFigureRow<ProposalCategory>] {
        breakdown(proposals, fiscalYear: fiscalYear, by: \.category).sorted { $0.key < $1.key }
    }

    private static func breakdown<Key: Hashable & Sendable>(
        _ proposals: [ProposalFigureFacts], fiscalYear: Int, by key: (ProposalFigureFacts) -> Key
    ) -> [ProposalFigureRow<Key>] {
        let year = proposals.filter { $0.fiscalYear == fiscalYear }
        return Dictionary(grouping: year, by: key).map { key, group in
            ProposalFigureRow(key: key, submitted: submitted(group, fiscalYear: fiscalYear), adopted: adopted(group, fiscalYear: fiscalYear),
                              adoptionRate: adoptionRate(group, fiscalYear: fiscalYear), implemented: implemented(group, fiscalYear: fiscalYear))
        }
    }
}
