/// The k-anonymity thresholds of one survey.
///
/// `k` is the least number of respondents a shown group may have (default 5, never below 3);
/// `freeTextK` is the least number of respondents a group must have before its free-text
/// answers are released (default 10, never below `k`). Out-of-range settings are raised to the
/// floor rather than rejected, so a stored setting can never weaken the rule.
public struct DisclosurePolicy: Sendable, Hashable, Codable {
    /// The lowest `k` the app accepts.
    public static let minimumK = 3

    public let k: Int
    public let freeTextK: Int
    /// Whether non-respondents are protected too: when a cell's member count is known, the
    /// number of members who did not answer must be 0 or at least `k` for the cell to be shown.
    /// On by default; see docs/surveys-anonymity.md for why.
    public let protectsNonRespondents: Bool

    public init(k: Int = 5, freeTextK: Int = 10, protectsNonRespondents: Bool = true) {
        self.k = max(Self.minimumK, k)
        self.freeTextK = max(self.k, freeTextK)
        self.protectsNonRespondents = protectsNonRespondents
    }

    public static let standard = DisclosurePolicy()

    /// Whether a group with this count may be shown or derived. See ``DisclosureControl``.
    public func isSafe(_ count: CellCount) -> Bool {
        if let members = count.members, members == 0 { return count.respondents == 0 }
        guard count.respondents >= k else { return false }
        if protectsNonRespondents, let members = count.members {
            let nonRespondents = members - count.respondents
            return nonRespondents == 0 || nonRespondents >= k
        }
        return true
    }
}

/// A dimension a report cell can be filtered on: the recorded ``ReportingAttribute``s, and
/// `section` (課/係), which is used only for response counts taken from completion records
/// and is never copied onto answers.
public struct CellDimension: RawRepresentable, Sendable, Hashable, Codable, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let department = CellDimension(rawValue: ReportingAttribute.department.rawValue)
    public static let ageBand = CellDimension(rawValue: ReportingAttribute.ageBand.rawValue)
    public static let serviceBand = CellDimension(rawValue: ReportingAttribute.serviceBand.rawValue)
    public static let employmentType = CellDimension(rawValue: ReportingAttribute.employmentType.rawValue)
    /// A section (課・室・センター・係) below a department. Cells with a section must also carry
    /// the section's department, so that containment between cells can be read off the filters.
    public static let section = CellDimension(rawValue: "section")

    /// Department, section, age, service, employment type, then any other dimension by name.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.rank, lhs.rawValue) < (rhs.rank, rhs.rawValue)
    }

    private var rank: Int {
        [Self.department, .section, .ageBand, .serviceBand, .employmentType].firstIndex(of: self) ?? 5
    }
}

/// A group of respondents defined by attribute filters that must all hold, e.g.
/// `department=10 ∧ ageBand=30-39`; no filters is everyone (``all``).
///
/// Cells are compared by their filters, so two specs with the same filters are the same group.
/// Write cells in canonical form: a cell filtering on a section also filters on its department.
public struct CellSpec: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let filters: [CellDimension: String]

    public init(_ filters: [CellDimension: String] = [:]) {
        self.filters = filters
    }

    /// Everyone in the survey's target group.
    public static let all = CellSpec()

    /// The department `code`.
    public static func department(_ code: String) -> CellSpec { CellSpec([.department: code]) }

    /// This cell narrowed by one more filter.
    public func with(_ dimension: CellDimension, _ value: String) -> CellSpec {
        var filters = self.filters
        filters[dimension] = value
        return CellSpec(filters)
    }

    /// Whether every member of this group is also in `other` (other's filters are a subset of
    /// this cell's). A cell is within itself.
    public func isWithin(_ other: CellSpec) -> Bool {
        other.filters.allSatisfy { filters[$0.key] == $0.value }
    }

    /// `all`, or the filters in dimension order joined by " ∧ ", e.g. `department=10 ∧ ageBand=30-39`.
    public var description: String {
        filters.isEmpty ? "all" : filters.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }
            .joined(separator: " ∧ ")
    }

    /// Coarser cells first, then by description: a stable order for notes and tie-breaks.
    public static func < (lhs: CellSpec, rhs: CellSpec) -> Bool {
        (lhs.filters.count, lhs.description) < (rhs.filters.count, rhs.description)
    }
}

/// The size of a group: respondents, and when known the number of members (the target staff
/// in the group according to the roster frozen at opening).
public struct CellCount: Sendable, Hashable, Codable {
    public var respondents: Int
    /// Target staff in the group; nil when the report does not know it. Knowing it lets an
    /// empty group (0 members) be shown as such and protects non-respondents.
    public var members: Int?

    public init(respondents: Int, members: Int? = nil) {
        self.respondents = respondents
        self.members = members
    }

    static let zero = CellCount(respondents: 0, members: 0)

    static func + (lhs: CellCount, rhs: CellCount) -> CellCount {
        CellCount(respondents: lhs.respondents + rhs.respondents,
                  members: lhs.members.flatMap { l in rhs.members.map { l + $0 } })
    }

    static func - (lhs: CellCount, rhs: CellCount) -> CellCount {
        CellCount(respondents: lhs.respondents - rhs.respondents,
                  members: lhs.members.flatMap { l in rhs.members.map { l - $0 } })
    }
}

/// A parent group split into disjoint children that together make up the parent, e.g. "all"
/// into departments, or a department into age bands. List every child, including those the
/// report does not show: children absent from the report count as hidden.
public struct CellPartition: Sendable, Hashable {
    public var parent: CellSpec
    public var children: [CellSpec]

    public init(parent: CellSpec, children: [CellSpec]) {
        self.parent = parent
        self.children = children
    }
}

/// The additive structure of a report: every way in which one of its groups is the sum of others.
public struct CellHierarchy: Sendable {
    public var partitions: [CellPartition]

    public init(partitions: [CellPartition]) {
        self.partitions = partitions
    }

    /// The partitions of a cross-classified report (for instance department × age band, with the
    /// margins): for every cell and every dimension it does not filter on, the cell split into
    /// all values of that dimension. `domains` lists every possible value of each dimension
    /// (every department of the frozen organization, every band), not only those in the report.
    /// Partitions none of whose children are in `cells` are left out, since they add nothing.
    public static func crossClassified(cells: [CellSpec], domains: [CellDimension: [String]]) -> CellHierarchy {
        let inReport = Set(cells)
        var partitions: [CellPartition] = []
        var seen = Set<CellPartition>()
        // Parents are report cells and, one level up, the parents of report cells, so that a
        // child shown in the report is related to its margins even when a margin is not shown.
        var parents = Set(cells)
        for cell in cells {
            for dimension in cell.filters.keys {
                var filters = cell.filters
                filters[dimension] = nil
                parents.insert(CellSpec(filters))
            }
        }
        for parent in parents.sorted() {
            for (dimension, values) in domains.sorted(by: { $0.key < $1.key }) where parent.filters[dimension] == nil {
                let children = values.map { parent.with(dimension, $0) }
                guard children.contains(where: inReport.contains) else { continue }
                let partition = CellPartition(parent: parent, children: children)
                if seen.insert(partition).inserted { partitions.append(partition) }
            }
        }
        return CellHierarchy(partitions: partitions)
    }
}

/// Why a cell is not shown. Carried into every report's privacy note.
public enum SuppressionReason: Sendable, Hashable {
    /// Primary suppression: the group has `respondents` respondents, fewer than k (0 included
    /// unless the group has no members at all).
    case belowThreshold(respondents: Int)
    /// Primary suppression: enough respondents, but 1 to k − 1 members did not answer, so the
    /// count would single out a small group of non-respondents.
    case fewNonRespondents
    /// Complementary suppression: hidden so that `protecting` cannot be recovered by
    /// subtracting shown cells from their total.
    case complementary(protecting: CellSpec)
    /// Hidden because it and `with`, one inside the other, would differ by a group below k.
    case difference(with: CellSpec)

    /// A sentence for the report's privacy note. It never states a suppressed count (the
    /// count is for auditors only: ``auditMessage(k:)``) and never an internal cell name: other
    /// groups are described in words (pages name them with ``ReleasedSuppression/message(k:visibleLabel:)``).
    public func message(k: Int) -> Bilingual {
        ReleasedSuppression(self).message(k: k, visibleLabel: { _ in nil })
    }

    /// The same with the counts, for the audit log (never for the report's readers).
    public func auditMessage(k: Int) -> Bilingual {
        Bilingual(ja: auditMessage(ja: true, k: k), en: auditMessage(ja: false, k: k))
    }

    private func auditMessage(ja: Bool, k: Int) -> String {
        switch self {
        case .belowThreshold(let respondents):
            return ja ? "一次秘匿：回答者\(respondents)人（k=\(k)未満）" : "Primary: \(respondents) respondents (below k=\(k))"
        case .fewNonRespondents:
            return ja ? "一次秘匿：未回答者が1〜\(k - 1)人" : "Primary: 1 to \(k - 1) non-respondents"
        case .complementary(let protecting):
            return ja ? "補完秘匿：「\(protecting)」の保護" : "Complementary: protects \(protecting)"
        case .difference(let other):
            return ja ? "差分秘匿：「\(other)」との差がk未満" : "Difference: differs from \(other) by fewer than k"
        }
    }

    public var isPrimary: Bool {
        switch self {
        case .belowThreshold, .fewNonRespondents: true
        case .complementary, .difference: false
        }
    }
}

/// The outcome of disclosure control over one report.
public struct SuppressionResult: Sendable, Equatable {
    /// Every cell of the report, in the order given.
    public var cells: [CellSpec]
    /// Suppressed cells with the rule that hid them.
    public var suppressed: [CellSpec: SuppressionReason]

    /// Whether the report may show `cell` (false for cells not in the report).
    public func isShown(_ cell: CellSpec) -> Bool {
        suppressed[cell] == nil && cells.contains(cell)
    }

    /// The cells that may be shown, in report order.
    public var shown: [CellSpec] { cells.filter { suppressed[$0] == nil } }

    /// The privacy note: suppressed cells in a stable order with their reasons.
    public var privacyNote: [(cell: CellSpec, reason: SuppressionReason)] {
        suppressed.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public static func == (lhs: SuppressionResult, rhs: SuppressionResult) -> Bool {
        lhs.cells == rhs.cells && lhs.suppressed == rhs.suppressed
    }
}

/// A way in which a set of shown cells would disclose a group below k. Found by
/// ``DisclosureControl/violations(shown:counts:hierarchy:policy:)``.
public enum DisclosureViolation: Sendable, Hashable {
    /// `cell` can be derived (shown, or worked out from shown cells) and is below k.
    case derivableSmallGroup(cell: CellSpec, count: CellCount)
    /// The hidden children of `parent` (a derivable total) add up to a group below k.
    case smallRemainder(parent: CellSpec, hiddenChildren: [CellSpec], count: CellCount)
    /// `outer` and `inner` are both derivable, `inner` lies within `outer`, and they differ by
    /// a group below k.
    case smallDifference(outer: CellSpec, inner: CellSpec, count: CellCount)
}

/// Statistical disclosure control for survey reports: primary suppression of small groups,
/// complementary suppression against subtraction, and the difference rule for nested filters.
///
/// The rules, for a report made of cells (groups of respondents) and the partitions relating
/// them (see docs/surveys-anonymity.md for the reasoning and a worked example):
///
/// 1. A group is *safe* when it has no members at all, or at least k respondents and (when
///    members are known and non-respondents are protected) 0 or at least k non-respondents.
///    A group with 0 respondents but some members is not safe: "nobody in X answered" names
///    every member of X as a non-respondent.
/// 2. Primary suppression hides every unsafe cell.
/// 3. A cell is *derivable* when shown, when it is the only non-derivable child of a partition
///    whose parent is derivable, or when it is a parent all of whose children are derivable
///    (repeated to a fixpoint across all partitions, so row and column totals of a cross table
///    work together).
/// 4. Every derivable cell must be safe; for every partition with a derivable parent, the sum of
///    its non-derivable children must be safe; for every derivable cell inside another derivable
///    cell, their difference must be safe. Each breach hides one more shown cell — the finest,
///    then the smallest, of the cells the breach was derived from, so a total such as "all" is
///    hidden last — and the check is repeated until none is left.
///
/// Run it once over the union of everything that any reader can combine (all filter settings
/// of a page, the margins, the response-rate table); each reader then sees a subset of the
/// shown cells, and a subset of a safe report is safe.
public enum DisclosureControl {
    /// Decides which cells of a report may be shown.
    ///
    /// - Parameters:
    ///   - cells: the cells the report wants to show (all filter views together).
    ///   - counts: the count of each cell. A cell without a count is treated as 0 respondents
    ///     of unknown members, i.e. suppressed.
    ///   - hierarchy: the partitions relating the cells.
    public static func suppress(
        cells: [CellSpec], counts: [CellSpec: CellCount], hierarchy: CellHierarchy,
        policy: DisclosurePolicy = .standard
    ) -> SuppressionResult {
        let engine = Engine(cells: cells, counts: counts, hierarchy: hierarchy, policy: policy)
        var suppressed: [CellSpec: SuppressionReason] = [:]
        for cell in Set(cells) {
            let count = engine.count(of: cell)
            guard !policy.isSafe(count) else { continue }
            suppressed[cell] = count.respondents < policy.k || (count.members ?? 1) == 0
                ? .belowThreshold(respondents: count.respondents) : .fewNonRespondents
        }
        // Each round hides at least one more report cell, so this ends after at most
        // `cells.count` rounds.
        while true {
            let next = engine.nextSuppressions(hidden: Set(suppressed.keys))
            guard !next.isEmpty else { break }
            for (cell, reason) in next where suppressed[cell] == nil { suppressed[cell] = reason }
        }
        return SuppressionResult(cells: cells, suppressed: suppressed)
    }

    /// The same with respondent counts only (members unknown).
    public static func suppress(
        cells: [CellSpec], counts: [CellSpec: Int], hierarchy: CellHierarchy,
        policy: DisclosurePolicy = .standard
    ) -> SuppressionResult {
        suppress(cells: cells, counts: counts.mapValues { CellCount(respondents: $0) },
                 hierarchy: hierarchy, policy: policy)
    }

    /// Every way in which showing `shown` discloses a group below k; empty when safe. The app
    /// can assert this on a finished report, and auditors can re-run it from the stored counts.
    public static func violations(
        shown: [CellSpec], counts: [CellSpec: CellCount], hierarchy: CellHierarchy,
        policy: DisclosurePolicy = .standard
    ) -> [DisclosureViolation] {
        let engine = Engine(cells: shown, counts: counts, hierarchy: hierarchy, policy: policy)
        return engine.violations(hidden: []).map(\.violation)
    }

    /// Whether two shown groups, `inner` inside `outer`, may both be shown: their difference
    /// (the members of `outer` not in `inner`) must be safe, or empty.
    public static func safeDifference(outer: CellCount, inner: CellCount, policy: DisclosurePolicy = .standard) -> Bool {
        let difference = outer - inner
        if difference.respondents == 0, difference.members == 0 { return true }
        return policy.isSafe(difference)
    }

    // MARK: - Engine

    struct Found {
        var violation: DisclosureViolation
        /// Derivable cells the violation was computed from.
        var sources: [Int]
        var reason: SuppressionReason
    }

    struct Engine {
        let policy: DisclosurePolicy
        var specs: [CellSpec] = []
        var index: [CellSpec: Int] = [:]
        var given: [CellCount?] = []
        /// Report cells by index.
        var inReport: [Bool] = []
        /// Partitions as (parent, children) indexes.
        var partitions: [(parent: Int, children: [Int])] = []
        /// Partitions in which a cell takes part.
        var partitionsOf: [[Int]] = []

        init(cells: [CellSpec], counts: [CellSpec: CellCount], hierarchy: CellHierarchy, policy: DisclosurePolicy) {
            self.policy = policy
            for cell in cells { _ = intern(cell, count: counts[cell], report: true) }
            for partition in hierarchy.partitions {
                let parent = intern(partition.parent, count: counts[partition.parent], report: false)
                let children = partition.children.map { intern($0, count: counts[$0], report: false) }
                partitions.append((parent, children))
            }
            partitionsOf = Array(repeating: [], count: specs.count)
            for (number, partition) in partitions.enumerated() {
                partitionsOf[partition.parent].append(number)
                for child in partition.children { partitionsOf[child].append(number) }
            }
        }

        private mutating func intern(_ cell: CellSpec, count: CellCount?, report: Bool) -> Int {
            if let existing = index[cell] {
                if report { inReport[existing] = true }
                return existing
            }
            index[cell] = specs.count
            specs.append(cell)
            given.append(count)
            inReport.append(report)
            return specs.count - 1
        }

        func count(of cell: CellSpec) -> CellCount {
            index[cell].flatMap { given[$0] } ?? CellCount(respondents: 0)
        }

        /// How a derivable cell became known.
        enum Origin { case shown, fromPartition(Int), fromSystem([Int]) }

        /// Derivable cells with their counts, from the shown report cells.
        func closure(hidden: Set<CellSpec>) -> (known: [CellCount?], origin: [Origin?]) {
            var known = [CellCount?](repeating: nil, count: specs.count)
            var origin = [Origin?](repeating: nil, count: specs.count)
            for cell in specs.indices where inReport[cell] && !hidden.contains(specs[cell]) {
                known[cell] = given[cell] ?? CellCount(respondents: 0)
                origin[cell] = .shown
            }
            var pending = Array(partitions.indices)
            while true {
                propagate(&known, &origin, pending: pending)
                // Peeling one unknown at a time misses cells that only a combination of several
                // partitions determines (two hidden rectangles joined by one hidden cell in a
                // cross table). Solve the remaining system exactly and go on from what it fixes.
                let solved = solveRemaining(known: known)
                guard !solved.isEmpty else { break }
                pending = []
                for (cell, count, sources) in solved {
                    known[cell] = count
                    origin[cell] = .fromSystem(sources)
                    pending.append(contentsOf: partitionsOf[cell])
                }
            }
            return (known, origin)
        }

        /// Single-unknown propagation over the partitions, to a fixpoint.
        private func propagate(_ known: inout [CellCount?], _ origin: inout [Origin?], pending start: [Int]) {
            var pending = start
            var queued = Set(pending)
            while let number = pending.popLast() {
                queued.remove(number)
                let partition = partitions[number]
                let unknown = partition.children.filter { known[$0] == nil }
                var derived: Int?
                if let parentCount = known[partition.parent], unknown.count == 1 {
                    var rest = parentCount
                    for child in partition.children where child != unknown[0] { rest = rest - known[child]! }
                    known[unknown[0]] = rest
                    derived = unknown[0]
                } else if known[partition.parent] == nil, unknown.isEmpty {
                    known[partition.parent] = partition.children.reduce(CellCount.zero) { $0 + known[$1]! }
                    derived = partition.parent
                }
                if let derived {
                    origin[derived] = .fromPartition(number)
                    for next in partitionsOf[derived] where !queued.contains(next) {
                        pending.append(next)
                        queued.insert(next)
                    }
                }
            }
        }

        /// Unknown cells that the partition equations determine together, with their counts and
        /// the partitions of their connected part of the system (the sources to blame).
        private func solveRemaining(known: [CellCount?]) -> [(Int, CellCount, [Int])] {
            // Equations: parent − Σ children = 0, for partitions with at least two unknowns
            // (those with one were handled by propagation).
            var rows: [(coefficients: [Int: Double], respondents: Double, members: Double?, partition: Int)] = []
            for (number, partition) in partitions.enumerated() {
                var coefficients: [Int: Double] = [:]
                var respondents = 0.0
                var members: Double? = 0
                func add(_ cell: Int, _ sign: Double) {
                    if let count = known[cell] {
                        respondents -= sign * Double(count.respondents)
                        if let m = count.members, let sum = members { members = sum - sign * Double(m) } else { members = nil }
                    } else {
                        coefficients[cell, default: 0] += sign
                    }
                }
                add(partition.parent, 1)
                for child in partition.children { add(child, -1) }
                if coefficients.count >= 2 { rows.append((coefficients, respondents, members, number)) }
            }
            guard !rows.isEmpty else { return [] }
            // Sparse Gauss–Jordan elimination: rows hold a handful of ±1 entries, so keep them as
            // dictionaries and pick, for each column, the pivot row with the fewest entries.
            var equations: [[Int: Double]] = rows.map(\.coefficients)
            var rhs: [(respondents: Double, members: Double)] = rows.map { ($0.respondents, $0.members ?? .nan) }
            var rowsWith: [Int: Set<Int>] = [:]
            for (number, equation) in equations.enumerated() {
                for cell in equation.keys { rowsWith[cell, default: []].insert(number) }
            }
            let eps = 1e-9
            var pivotOf: [Int: Int] = [:]  // cell → its pivot row
            var isPivotRow = Set<Int>()
            for cell in rowsWith.keys.sorted() {
                guard let pivot = rowsWith[cell]?.filter({ !isPivotRow.contains($0) })
                    .min(by: { (equations[$0].count, $0) < (equations[$1].count, $1) }) else { continue }
                let factor = equations[pivot][cell]!
                for key in equations[pivot].keys { equations[pivot][key]! /= factor }
                rhs[pivot].respondents /= factor
                rhs[pivot].members /= factor
                for other in rowsWith[cell]! where other != pivot {
                    let scale = equations[other][cell]!
                    for (key, value) in equations[pivot] {
                        let updated = (equations[other][key] ?? 0) - scale * value
                        if abs(updated) <= eps {
                            equations[other][key] = nil
                            rowsWith[key]?.remove(other)
                        } else {
                            if equations[other][key] == nil { rowsWith[key, default: []].insert(other) }
                            equations[other][key] = updated
                        }
                    }
                    rhs[other].respondents -= scale * rhs[pivot].respondents
                    rhs[other].members -= scale * rhs[pivot].members
                }
                isPivotRow.insert(pivot)
                pivotOf[cell] = pivot
            }
            // Connected parts of the system, to name the partitions behind a determined cell.
            var part: [Int: Int] = [:]
            func find(_ x: Int) -> Int {
                var x = x
                while let up = part[x], up != x { part[x] = part[up] ?? up; x = up }
                return x
            }
            for row in rows {
                let cells = Array(row.coefficients.keys)
                for cell in cells { if part[cell] == nil { part[cell] = cell } }
                for cell in cells.dropFirst() { part[find(cell)] = find(cells[0]) }
            }
            var solved: [(Int, CellCount, [Int])] = []
            for (cell, pivot) in pivotOf.sorted(by: { $0.key < $1.key }) where equations[pivot].count == 1 {
                let respondents = Int(rhs[pivot].respondents.rounded())
                let members = rhs[pivot].members.isNaN ? nil : Int(rhs[pivot].members.rounded())
                let root = find(cell)
                let sources = rows.filter { r in r.coefficients.keys.contains { find($0) == root } }.map(\.partition)
                solved.append((cell, CellCount(respondents: respondents, members: members), sources))
            }
            return solved
        }

        func violations(hidden: Set<CellSpec>) -> [Found] {
            let (known, origin) = closure(hidden: hidden)
            var found: [Found] = []
            func isSafeGroup(_ count: CellCount) -> Bool {
                policy.isSafe(count)
            }
            // 1. Derivable cells below k (shown ones were screened, so these are derived).
            for cell in specs.indices {
                guard let count = known[cell], !isSafeGroup(count) else { continue }
                var sources: [Int] = [cell]
                if case .fromPartition(let number)? = origin[cell] {
                    let partition = partitions[number]
                    sources = ([partition.parent] + partition.children).filter { $0 != cell }
                }
                found.append(Found(
                    violation: .derivableSmallGroup(cell: specs[cell], count: count),
                    sources: sources, reason: .complementary(protecting: specs[cell])))
            }
            // 2. Hidden remainders of partitions with a derivable total.
            for partition in partitions {
                guard var remainder = known[partition.parent] else { continue }
                var hiddenChildren: [Int] = []
                for child in partition.children {
                    if let count = known[child] { remainder = remainder - count } else { hiddenChildren.append(child) }
                }
                guard !hiddenChildren.isEmpty, !isSafeGroup(remainder) else { continue }
                let protected = hiddenChildren.first { hidden.contains(specs[$0]) } ?? hiddenChildren[0]
                found.append(Found(
                    violation: .smallRemainder(
                        parent: specs[partition.parent], hiddenChildren: hiddenChildren.map { specs[$0] },
                        count: remainder),
                    sources: [partition.parent] + partition.children.filter { known[$0] != nil },
                    reason: .complementary(protecting: specs[protected])))
            }
            // 3. Differences of nested derivable cells.
            for inner in specs.indices {
                guard let innerCount = known[inner], !specs[inner].filters.isEmpty else { continue }
                for outerSpec in Self.strictSupersets(of: specs[inner]) {
                    guard let outer = index[outerSpec], let outerCount = known[outer] else { continue }
                    let difference = outerCount - innerCount
                    if difference.respondents == 0, difference.members == 0 { continue }
                    guard !isSafeGroup(difference) else { continue }
                    found.append(Found(
                        violation: .smallDifference(outer: outerSpec, inner: specs[inner], count: difference),
                        sources: [inner, outer], reason: .difference(with: outerSpec)))
                }
            }
            return found.map { var f = $0; f.sources = expand(f.sources, known: known, origin: origin); return f }
        }

        /// The cells with a strict subset of `cell`'s filters (the groups that contain it).
        static func strictSupersets(of cell: CellSpec) -> [CellSpec] {
            let entries = cell.filters.sorted { $0.key < $1.key }
            guard entries.count <= 16 else { return [.all] }
            var result: [CellSpec] = []
            for mask in 0..<(1 << entries.count) - 1 {
                var filters: [CellDimension: String] = [:]
                for (bit, entry) in entries.enumerated() where mask & (1 << bit) != 0 { filters[entry.key] = entry.value }
                result.append(CellSpec(filters))
            }
            return result
        }

        /// The shown report cells from which `cells` were derived.
        func expand(_ cells: [Int], known: [CellCount?], origin: [Origin?]) -> [Int] {
            var result: [Int] = []
            var seen = Set<Int>()
            var stack = cells
            while let cell = stack.popLast() {
                guard seen.insert(cell).inserted else { continue }
                switch origin[cell] {
                case .shown?: result.append(cell)
                case .fromPartition(let number)?:
                    let partition = partitions[number]
                    stack.append(contentsOf: ([partition.parent] + partition.children).filter { $0 != cell })
                case .fromSystem(let numbers)?:
                    for number in numbers {
                        let partition = partitions[number]
                        stack.append(contentsOf: ([partition.parent] + partition.children).filter { $0 != cell })
                    }
                case nil: break
                }
            }
            return result
        }

        /// The next cells to hide and why; empty when the report is safe. One cell per breach,
        /// skipping breaches that a cell already chosen in this round takes part in (hiding it
        /// may mend them too; the next round checks).
        func nextSuppressions(hidden: Set<CellSpec>) -> [(CellSpec, SuppressionReason)] {
            var chosen: [(CellSpec, SuppressionReason)] = []
            var chosenCells = Set<Int>()
            for found in violations(hidden: hidden) where !found.sources.contains(where: chosenCells.contains) {
                // The finest, then smallest, then first in order of the shown cells involved.
                let candidate = found.sources.min { a, b in
                    let ka = (-specs[a].filters.count, given[a]?.respondents ?? 0, specs[a])
                    let kb = (-specs[b].filters.count, given[b]?.respondents ?? 0, specs[b])
                    return ka < kb
                }
                guard let candidate else { continue }
                chosenCells.insert(candidate)
                if case .smallDifference(let outer, let inner, _) = found.violation, specs[candidate] == outer {
                    chosen.append((specs[candidate], .difference(with: inner)))
                } else {
                    chosen.append((specs[candidate], found.reason))
                }
            }
            return chosen
        }
    }
}
