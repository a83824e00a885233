import Foundation

/// Where a target staff member sat when the survey opened: the units from their department down
/// to their own unit (department first), e.g. ["10", "1010", "101010"] for a 係 member and
/// ["10"] for someone placed in the department itself.
public struct TargetPlacement: Sendable, Hashable {
    public var staffNumber: String
    public var path: [String]

    public init(staffNumber: String, path: [String]) {
        self.staffNumber = staffNumber
        self.path = path
    }

    /// The section (``ReportingAttribute/section``) of a placement path: the unit right below
    /// the department, or the department itself for people placed in it.
    public static func section(on path: [String]) -> String? {
        path.dropFirst().first ?? path.first
    }
}

/// The recorded attributes of a group of answer sheets; nil where the survey records nothing.
public struct RecordedAttributes: Sendable, Hashable {
    public var departmentCode: String?
    public var ageBand: String?
    public var serviceBand: String?
    /// The 課, or the department's code for people placed in the department itself.
    public var sectionCode: String?

    public init(departmentCode: String?, ageBand: String?, serviceBand: String?, sectionCode: String? = nil) {
        self.departmentCode = departmentCode
        self.ageBand = ageBand
        self.serviceBand = serviceBand
        self.sectionCode = sectionCode
    }

    /// The filters of the finest cells these sheets belong to. The section is the organization's
    /// own cell: a 課 below the department, or the department's 直属 cell for its own people.
    var filters: [CellDimension: String] {
        var filters: [CellDimension: String] = [:]
        if let departmentCode { filters[.department] = departmentCode }
        if let ageBand { filters[.ageBand] = ageBand }
        if let serviceBand { filters[.serviceBand] = serviceBand }
        if let sectionCode, let departmentCode {
            filters[sectionCode == departmentCode ? SurveyReleaseBuilder.direct : .section] = sectionCode
        }
        return filters
    }
}

/// Why a cell of a release is hidden, as its readers may learn it: never with a count.
public enum ReleasedSuppression: Codable, Sendable, Hashable {
    /// Fewer than k respondents, or 1 to k − 1 non-respondents.
    case smallGroup
    /// Hidden so that `protecting` cannot be worked out by subtraction.
    case complementary(protecting: CellSpec)
    /// Hidden because its difference from `with` would be a group below k.
    case difference(with: CellSpec)

    public init(_ reason: SuppressionReason) {
        switch reason {
        case .belowThreshold, .fewNonRespondents: self = .smallGroup
        case .complementary(let protecting): self = .complementary(protecting: protecting)
        case .difference(let other): self = .difference(with: other)
        }
    }

    /// A sentence for the privacy note, naming other groups as `label` writes them.
    public func message(k: Int, label: (CellSpec) -> String) -> Bilingual {
        message(k: k, visibleLabel: { label($0) })
    }

    /// A sentence for the privacy note of one view: `visibleLabel` names the groups the view
    /// lists and answers nil for the rest, which the sentence then does not name (a view of one
    /// department says nothing about the hidden groups of another).
    public func message(k: Int, visibleLabel: (CellSpec) -> String?) -> Bilingual {
        Bilingual(ja: message(ja: true, k: k, label: visibleLabel), en: message(ja: false, k: k, label: visibleLabel))
    }

    private func message(ja: Bool, k: Int, label: (CellSpec) -> String?) -> String {
        switch self {
        case .smallGroup:
            return ja ? "回答者・未回答者が特定されないよう、\(k)人未満の集団は表示しません。"
                : "Groups of fewer than \(k) are not shown, so that no respondent or non-respondent can be singled out."
        case .complementary(let protecting):
            guard let name = label(protecting) else {
                return ja ? "合計からの差し引きで、人数の少ない別の集団が分からないよう、あわせて非表示にしています。"
                    : "Also hidden so that another small group cannot be worked out by subtracting from a total."
            }
            return ja ? "合計からの差し引きで「\(name)」が分からないよう、あわせて非表示にしています。"
                : "Also hidden so that \"\(name)\" cannot be worked out by subtracting from a total."
        case .difference(let other):
            guard let name = label(other) else {
                return ja ? "これを含む集団、またはこれに含まれる集団との差が\(k)人未満になるため非表示にしています。"
                    : "Hidden because its difference from a group that contains it, or that it contains, would be a group of fewer than \(k)."
            }
            return ja ? "「\(name)」との差が\(k)人未満の集団になるため非表示にしています。"
                : "Hidden because its difference from \"\(name)\" would be a group of fewer than \(k)."
        }
    }
}

/// One day of the response curve: the cumulative number of answers by the end of that day, or
/// nil where showing it would single out the few who answered in between.
public struct DailyFigure: Codable, Sendable, Hashable {
    public var day: LocalDate
    public var cumulative: Int?
}

/// Everything any reader may see of one survey at one moment, decided by one run of disclosure
/// control over the union of every cell any page, reader or export can show: the organization
/// (all → departments → 課 → 係, each with the people placed directly in it) and the recorded
/// attributes (department × age band, department × years of service, with their margins); the
/// days of the response curve are a chain on the whole, released under the same k rule
/// (``SurveyReleaseBuilder/dailyFigures(_:total:policy:)``). Pages and exports show subsets of it and nothing else, so no two
/// readers' views combine into a smaller group. While a survey is open a release holds response
/// figures only; the final one, computed once when the survey closes, adds the results and is
/// stored frozen.
public struct SurveyRelease: Codable, Sendable, Equatable {
    public var policy: DisclosurePolicy
    /// Respondents and members of every shown cell; hidden cells are absent.
    public var figures: [CellSpec: CellCount]
    /// Every hidden cell with the rule that hid it.
    public var hidden: [CellSpec: ReleasedSuppression]
    /// The organization's partitions (a unit → the people placed directly in it and its
    /// sub-units), so each reader's view is a set of whole cells.
    public var organizationChildren: [CellSpec: [CellSpec]]
    /// Question summaries of shown attribute cells (results only).
    public var summaries: [CellSpec: [String: QuestionSummary]]
    /// Released free text of the whole survey, shuffled; nil when not released.
    public var comments: [String]?
    public var daily: [DailyFigure]
    public var hasResults: Bool

    public func isShown(_ cell: CellSpec) -> Bool { figures[cell] != nil }

    /// The response rate of a shown cell; nil when it is hidden or has no members.
    public func rate(of cell: CellSpec) -> Double? {
        guard let figure = figures[cell], let members = figure.members else { return nil }
        return ResponseRate.rate(respondents: figure.respondents, members: members)
    }

    /// The rate of one day of the curve: answers by the end of the day over the whole's
    /// members; nil where the day is hidden (and every day is hidden while the whole is).
    public func rate(of day: DailyFigure) -> Double? {
        guard let cumulative = day.cumulative, let members = figures[.all]?.members else { return nil }
        return ResponseRate.rate(respondents: cumulative, members: members)
    }

    /// The cells of one reader's view that exist in this release (shown or hidden).
    public func view(_ reader: SurveyReader) -> [CellSpec] {
        let known = { (cell: CellSpec) in self.figures[cell] != nil || self.hidden[cell] != nil }
        switch reader {
        case .organization:
            return [CellSpec.all] + (organizationChildren[.all] ?? [])
        case .department(let department):
            let cell = CellSpec.department(department)
            return ([cell] + (organizationChildren[cell] ?? [])).filter(known)
        case .unit(let department, let unit):
            let cells = [CellSpec.department(department), SurveyReleaseBuilder.unitCell(department: department, unit: unit)]
            return Array(Set(cells.filter(known))).sorted()
        }
    }
}

/// Whose view of a release: the whole organization (HR, the promotion team), a department
/// head's department with its units, or a section manager's department and own unit.
public enum SurveyReader: Sendable, Hashable {
    case organization
    case department(String)
    case unit(department: String, unit: String)
}

/// The inputs of a release, as counts: nothing here names a respondent.
public struct SurveyReleaseInput: Sendable {
    public var policy: DisclosurePolicy
    public var questions: [SurveyQuestion]
    /// Every target with their place in the organization frozen at opening.
    public var targets: [TargetPlacement]
    /// Staff numbers of the targets who have answered (the completion records).
    public var completed: Set<String>
    /// The attributes the survey records (the employment type is never a report dimension).
    public var recorded: Set<ReportingAttribute>
    /// Answer sheets per combination of recorded attributes.
    public var sheets: [RecordedAttributes: Int]
    /// Answer totals per combination of recorded attributes: question → stored value → count.
    /// Nil while the survey is open: results do not exist before it closes.
    public var answerTotals: [RecordedAttributes: [String: [String: Int]]]?
    /// Answers submitted per day of the survey period.
    public var answersPerDay: [LocalDate: Int]
    /// The days of the response curve: from the opening to the closing day, or to today.
    public var days: ClosedRange<LocalDate>?
    /// The free-text answers of the whole survey (results only).
    public var freeTexts: [String]
    public var seed: UInt64

    public init(
        policy: DisclosurePolicy, questions: [SurveyQuestion], targets: [TargetPlacement], completed: Set<String>,
        recorded: Set<ReportingAttribute>, sheets: [RecordedAttributes: Int], answerTotals: [RecordedAttributes: [String: [String: Int]]]?,
        answersPerDay: [LocalDate: Int], days: ClosedRange<LocalDate>?, freeTexts: [String], seed: UInt64
    ) {
        self.policy = policy
        self.questions = questions
        self.targets = targets
        self.completed = completed
        self.recorded = recorded
        self.sheets = sheets
        self.answerTotals = answerTotals
        self.answersPerDay = answersPerDay
        self.days = days
        self.freeTexts = freeTexts
        self.seed = seed
    }
}

/// A report's cells do not add up as they must: refused rather than released, since the
/// disclosure rules assume every partition is one.
public enum SurveyReleaseError: Error, Equatable, CustomStringConvertible {
    case notAPartition(parent: CellSpec)

    public var description: String {
        switch self {
        case .notAPartition(let parent): "the cells under \(parent) do not partition it"
        }
    }
}

/// Builds a ``SurveyRelease``: the cells, their partitions (each checked to be one), one run of
/// ``DisclosureControl``, then the figures and summaries of the shown cells.
public enum SurveyReleaseBuilder {
    /// The stored value that counts the sheets answering a multiple-choice question (its option
    /// counts cannot tell: one sheet may choose several), kept beside the option counts.
    public static let answeredValue = "_answered"

    /// Dimension of the cell "people placed directly in this unit" (not in a unit below it).
    public static let direct = CellDimension(rawValue: "direct")

    /// A unit with everything below it: its department's cell when it is the department.
    public static func unitCell(department: String, unit: String) -> CellSpec {
        unit == department ? .department(department) : CellSpec([.department: department, .section: unit])
    }

    /// The cells of a release, their counts and partitions (each checked), before suppression.
    public struct Plan: Sendable {
        public var cells: [CellSpec]
        public var counts: [CellSpec: CellCount]
        public var hierarchy: CellHierarchy
        public var organizationChildren: [CellSpec: [CellSpec]]
        public var attributeCells: [CellSpec]
    }

    public static func plan(_ input: SurveyReleaseInput) throws -> Plan {
        var cells: [CellSpec] = [.all]
        var counts: [CellSpec: CellCount] = [:]
        var partitions: [CellPartition] = []

        // The organization: member sets give exact counts and prove each partition.
        var members: [CellSpec: Set<String>] = [.all: Set(input.targets.map(\.staffNumber))]
        var children: [CellSpec: Set<String>] = [:]   // unit cell → child unit codes
        var directOf: [CellSpec: CellSpec] = [:]
        for target in input.targets {
            guard let department = target.path.first else { continue }
            for (index, unit) in target.path.enumerated() {
                let cell = unitCell(department: department, unit: unit)
                members[cell, default: []].insert(target.staffNumber)
                if index + 1 < target.path.count {
                    children[cell, default: []].insert(target.path[index + 1])
                } else {
                    let direct = CellSpec([.department: department, direct: unit])
                    directOf[cell] = direct
                    members[direct, default: []].insert(target.staffNumber)
                }
            }
        }
        let departments = Set(input.targets.compactMap(\.path.first)).sorted()
        var organizationChildren: [CellSpec: [CellSpec]] = [.all: departments.map(CellSpec.department)]
        for (cell, units) in children {
            guard let department = cell.filters[.department] else { continue }
            let split = (directOf[cell].map { [$0] } ?? []) + units.sorted().map { unitCell(department: department, unit: $0) }
            organizationChildren[cell] = split
        }
        // A leaf unit's "direct" cell is the unit itself: keep only the directs of split units.
        for (cell, direct) in directOf where organizationChildren[cell] == nil { members[direct] = nil }
        for (parent, split) in organizationChildren.sorted(by: { $0.key < $1.key }) {
            try checkPartition(parent: parent, children: split, members: members)
            partitions.append(CellPartition(parent: parent, children: split))
            cells += split
        }
        for (cell, set) in members {
            counts[cell] = CellCount(respondents: set.filter(input.completed.contains).count, members: set.count)
        }

        // The recorded attributes: the cells of every results view.
        var domains: [CellDimension: [String]] = [:]
        if input.recorded.contains(.department) { domains[.department] = departments }
        if input.recorded.contains(.ageBand) { domains[.ageBand] = AgeBand.allCases.map(\.rawValue) }
        if input.recorded.contains(.serviceBand) { domains[.serviceBand] = ServiceBand.allCases.map(\.rawValue) }
        var attributeCells: [CellSpec] = [.all]
        for (dimension, values) in domains.sorted(by: { $0.key < $1.key }) {
            attributeCells += values.map { CellSpec([dimension: $0]) }
        }
        if let departmentValues = domains[.department] {
            for band in [CellDimension.ageBand, .serviceBand] {
                guard let bandValues = domains[band] else { continue }
                attributeCells += departmentValues.flatMap { department in bandValues.map { CellSpec([.department: department, band: $0]) } }
            }
        }
        // Sections are the organization's own cells below each department (its 課 and its 直属
        // group): nested, not crossed, so their partitions are the organization's, already
        // checked member by member; their sheets must match the completions exactly.
        var sectionCells: [CellSpec] = []
        if input.recorded.contains(.section), domains[.department] != nil {
            for department in departments {
                sectionCells += organizationChildren[.department(department)] ?? []
            }
            attributeCells += sectionCells
        }
        var sheetCounts: [CellSpec: Int] = [:]
        for (attributes, n) in input.sheets {
            let filters = attributes.filters
            for cell in attributeCells where cell.filters.allSatisfy({ filters[$0.key] == $0.value }) {
                sheetCounts[cell, default: 0] += n
            }
        }
        for cell in sectionCells where sheetCounts[cell] ?? 0 != counts[cell]?.respondents ?? 0 {
            throw SurveyReleaseError.notAPartition(parent: .department(cell.filters[.department] ?? ""))
        }
        for cell in attributeCells where counts[cell] == nil {
            counts[cell] = CellCount(respondents: sheetCounts[cell] ?? 0)
        }
        let attributeHierarchy = CellHierarchy.crossClassified(cells: attributeCells.filter { !sectionCells.contains($0) }, domains: domains)
        for partition in attributeHierarchy.partitions {
            // Sheets and completions are written together, so the margins must add up exactly.
            let parent = counts[partition.parent]?.respondents ?? sheetCounts[partition.parent] ?? 0
            let sum = partition.children.reduce(0) { $0 + (sheetCounts[$1] ?? 0) }
            guard parent == sum else { throw SurveyReleaseError.notAPartition(parent: partition.parent) }
        }
        partitions += attributeHierarchy.partitions
        cells += attributeCells

        return Plan(cells: Array(Set(cells)).sorted(), counts: counts, hierarchy: CellHierarchy(partitions: partitions),
                    organizationChildren: organizationChildren, attributeCells: attributeCells)
    }

    public static func build(_ input: SurveyReleaseInput) throws -> SurveyRelease {
        let plan = try plan(input)
        let (counts, attributeCells, organizationChildren) = (plan.counts, plan.attributeCells, plan.organizationChildren)
        let suppression = DisclosureControl.suppress(cells: plan.cells, counts: counts, hierarchy: plan.hierarchy, policy: input.policy)
        var figures: [CellSpec: CellCount] = [:]
        for cell in suppression.shown { figures[cell] = counts[cell] }
        let daily = try dailyFigures(input, total: figures[.all]?.respondents, policy: input.policy)

        var summaries: [CellSpec: [String: QuestionSummary]] = [:]
        var comments: [String]? = nil
        if let totals = input.answerTotals {
            var valueCounts: [CellSpec: [String: [String: Int]]] = [:]
            for (attributes, questions) in totals {
                let filters = attributes.filters
                for cell in attributeCells where figures[cell] != nil && cell.filters.allSatisfy({ filters[$0.key] == $0.value }) {
                    for (question, values) in questions {
                        for (value, count) in values { valueCounts[cell, default: [:]][question, default: [:]][value, default: 0] += count }
                    }
                }
            }
            for cell in attributeCells {
                guard let figure = figures[cell], figure.respondents > 0 else { continue }
                var row: [String: QuestionSummary] = [:]
                for question in input.questions where question.kind != .freeText {
                    var values = valueCounts[cell]?[question.id] ?? [:]
                    let answered = values.removeValue(forKey: answeredValue)
                    row[question.id] = SurveyAggregation.summarize(question, valueCounts: values, respondents: figure.respondents,
                                                                   answered: question.kind == .multipleChoice ? answered : nil)
                }
                summaries[cell] = row
            }
            if figures[.all] != nil {
                comments = FreeTextRelease.release(texts: input.freeTexts, groupSize: counts[.all]?.respondents ?? 0, policy: input.policy, seed: input.seed)
            }
        }
        return SurveyRelease(
            policy: input.policy, figures: figures, hidden: suppression.suppressed.mapValues(ReleasedSuppression.init),
            organizationChildren: organizationChildren, summaries: summaries, comments: comments, daily: daily,
            hasResults: input.answerTotals != nil)
    }

    /// The response curve, a chain: "answered by the end of day d". Each shown point differs from
    /// the one before (and the last from the whole) by 0 or at least k answers, so every group
    /// the curve lets a reader work out — the answers between any two shown days — is empty or
    /// of k or more. The chain touches the other cells only through the whole, which it meets
    /// under the same rule; with the whole hidden it shows nothing.
    static func dailyFigures(_ input: SurveyReleaseInput, total: Int?, policy: DisclosurePolicy) throws -> [DailyFigure] {
        guard let days = input.days else { return [] }
        var cumulative: [(LocalDate, Int)] = []
        var running = 0
        var day = days.lowerBound
        while day <= days.upperBound {
            running += input.answersPerDay[day] ?? 0
            cumulative.append((day, running))
            day = day.adding(days: 1)
        }
        guard let total else { return cumulative.map { DailyFigure(day: $0.0, cumulative: nil) } }
        // The days must add up to the whole, or the chain is not a partition of it.
        guard running == total else { throw SurveyReleaseError.notAPartition(parent: .all) }
        func safeStep(_ difference: Int) -> Bool { difference == 0 || difference >= policy.k }
        var lastShown = 0
        return cumulative.map { day, value in
            guard safeStep(value - lastShown), safeStep(total - value) else { return DailyFigure(day: day, cumulative: nil) }
            lastShown = value
            return DailyFigure(day: day, cumulative: value)
        }
    }

    /// The children must be disjoint and together be the parent, member by member.
    static func checkPartition(parent: CellSpec, children: [CellSpec], members: [CellSpec: Set<String>]) throws {
        let whole = members[parent] ?? []
        var seen = Set<String>()
        for child in children {
            let part = members[child] ?? []
            guard seen.isDisjoint(with: part) else { throw SurveyReleaseError.notAPartition(parent: parent) }
            seen.formUnion(part)
        }
        guard seen == whole else { throw SurveyReleaseError.notAPartition(parent: parent) }
    }
}
