// Certificate.swift -- results, the dual certificate and its one-pass checker.

/// Dual prices proving optimality.
///
/// LP dual of the assignment: maximise  sum_s u_s - sum_j c_j * p_j
/// subject to  u_s - p_j <= cost(s, j)  for every allowed pair, and  p_j >= 0.
/// `staffPrice[s]` is u_s, `sectionPrice[j]` is p_j. Complementary slackness: every staff
/// member's pair is tight (u_s - p_j == cost), and only full sections have p_j > 0. Then the
/// dual objective equals the primal cost, which proves the assignment optimal.
public struct DualCertificate: Sendable, Equatable {
    public var sectionPrice: [Int64]
    public var staffPrice: [Int64]

    public init(sectionPrice: [Int64], staffPrice: [Int64]) {
        self.sectionPrice = sectionPrice
        self.staffPrice = staffPrice
    }
}

/// An optimal assignment.
public struct Solution: Sendable, Equatable {
    /// `assignment[s]` is the 0-based section of staff member `s`.
    public var assignment: [Int]
    public var totalCost: Int64
    public var certificate: DualCertificate
}

/// Proof of infeasibility: a set of staff whose allowed sections together have fewer seats
/// than the set has members (Hall's condition fails), e.g. "these 12 people can only go to
/// these 4 sections with 9 seats".
///
/// The set is *inclusion-minimal*: removing any one member leaves a set that can be placed
/// (so no proper subset is a violator). It is found as the alternating tree of a failed
/// shortest augmenting path search from one unplaced staff member `r`: the tree's sections are
/// all full, its staff are `r` plus the occupants of those sections, and every allowed section
/// of those staff is in the tree, so `seats == staff.count - 1`. For any member `t` other than
/// `r`, shifting the occupants along the tree path from `r` to `t`'s section places everyone
/// but `t`; for `t == r` the current assignment places the rest. A minimum-cardinality
/// violator is not attempted: that problem is related to Minimum k-Union and no polynomial
/// algorithm is known for it; a minimal set is already the irreducible core HR can act on.
public struct HallViolator: Sendable, Equatable {
    /// Staff ids, ascending.
    public var staff: [Int]
    /// All sections any of these staff may go to, ascending (their neighbourhood).
    public var sections: [Int]
    /// Total open seats of `sections`; always less than `staff.count`.
    public var seats: Int

    public var description: String {
        "\(staff.count) staff can only go to \(sections.count) sections with \(seats) seats: staff "
            + staff.map(String.init).joined(separator: ",") + "; sections "
            + sections.map(String.init).joined(separator: ",")
    }
}

public enum SolveOutcome: Sendable {
    case optimal(Solution)
    case infeasible(HallViolator)
    /// The deadline passed or the cancel check returned true. The solver keeps a consistent
    /// partial state; calling `solve` again resumes from it.
    case stopped
}

/// Optional limits for a solve (for a web request that must not hang).
public struct SolveLimits: Sendable {
    public var deadline: ContinuousClock.Instant?
    public var shouldCancel: (@Sendable () -> Bool)?
    /// How many augmentations between two checks.
    public var checkInterval: Int

    public init(deadline: ContinuousClock.Instant? = nil, shouldCancel: (@Sendable () -> Bool)? = nil,
                checkInterval: Int = 64) {
        self.deadline = deadline
        self.shouldCancel = shouldCancel
        self.checkInterval = max(1, checkInterval)
    }

    public static var none: SolveLimits { SolveLimits() }

    /// A time limit from now, measured on `ContinuousClock`.
    public static func timeLimit(_ duration: Duration) -> SolveLimits {
        SolveLimits(deadline: ContinuousClock.now.advanced(by: duration))
    }

    var isUnlimited: Bool { deadline == nil && shouldCancel == nil }
}

/// Why a certificate does not prove the assignment optimal.
public enum CertificateViolation: Error, Sendable, Equatable, CustomStringConvertible {
    case sizeMismatch
    case notAllowed(staff: Int, section: Int)
    case overCapacity(section: Int, load: Int, capacity: Int)
    case negativeSectionPrice(section: Int)
    case pricedSectionNotFull(section: Int)
    case negativeReducedCost(staff: Int, section: Int)
    case assignedPairNotTight(staff: Int, section: Int)
    case costMismatch(claimed: Int64, actual: Int64)
    case dualObjectiveMismatch(dual: Int64, primal: Int64)
    case overflow

    public var description: String {
        switch self {
        case .sizeMismatch: return "array sizes do not match the problem"
        case .notAllowed(let s, let j): return "staff \(s) is assigned to section \(j), which is not allowed"
        case .overCapacity(let j, let l, let c): return "section \(j) holds \(l) staff but has \(c) seats"
        case .negativeSectionPrice(let j): return "section \(j) has a negative price"
        case .pricedSectionNotFull(let j): return "section \(j) has a positive price but free seats"
        case .negativeReducedCost(let s, let j): return "pair (\(s), \(j)) has a negative reduced cost"
        case .assignedPairNotTight(let s, let j): return "assigned pair (\(s), \(j)) is not tight"
        case .costMismatch(let c, let a): return "claimed cost \(c) but the assignment costs \(a)"
        case .dualObjectiveMismatch(let d, let p): return "dual objective \(d) differs from primal cost \(p)"
        case .overflow: return "arithmetic overflow while checking"
        }
    }
}

/// Verifies that `assignment` is feasible and optimal for `problem` using the dual
/// `certificate`, in one pass over the pairs plus one over the sections:
/// dual feasibility (u_s - p_j <= cost for every pair, p_j >= 0), complementary slackness
/// (assigned pairs tight, priced sections full), capacities, and
/// dual objective == primal cost == `claimedCost`.
public func verifyOptimality(problem: AssignmentProblem, assignment: [Int], claimedCost: Int64,
                             certificate: DualCertificate) -> Result<Void, CertificateViolation> {
    let S = problem.staffCount, J = problem.sectionCount
    let u = certificate.staffPrice, p = certificate.sectionPrice
    guard assignment.count == S, u.count == S, p.count == J else { return .failure(.sizeMismatch) }
    var load = [Int](repeating: 0, count: J)
    var primal: Int64 = 0
    var dual: Int64 = 0
    let rs = problem.rowStart, sec = problem.pairSection, cst = problem.pairCost
    for s in 0..<S {
        let a = assignment[s]
        guard a >= 0, a < J else { return .failure(.notAllowed(staff: s, section: a)) }
        let us = u[s]
        var found = false
        for q in Int(rs[s])..<Int(rs[s + 1]) {
            let j = Int(sec[q]), c = Int64(cst[q])
            let (lhs, o) = us.subtractingReportingOverflow(p[j])
            if o { return .failure(.overflow) }
            if lhs > c { return .failure(.negativeReducedCost(staff: s, section: j)) }
            if j == a {
                if lhs != c { return .failure(.assignedPairNotTight(staff: s, section: j)) }
                found = true
                primal += c
            }
        }
        if !found { return .failure(.notAllowed(staff: s, section: a)) }
        load[a] += 1
        let (d, o) = dual.addingReportingOverflow(us)
        if o { return .failure(.overflow) }
        dual = d
    }
    for j in 0..<J {
        let c = problem.capacities[j]
        if load[j] > c { return .failure(.overCapacity(section: j, load: load[j], capacity: c)) }
        if p[j] < 0 { return .failure(.negativeSectionPrice(section: j)) }
        if p[j] > 0 {
            if load[j] != c { return .failure(.pricedSectionNotFull(section: j)) }
            let (m, o1) = Int64(c).multipliedReportingOverflow(by: p[j])
            let (d, o2) = dual.subtractingReportingOverflow(m)
            if o1 || o2 { return .failure(.overflow) }
            dual = d
        }
    }
    if primal != claimedCost { return .failure(.costMismatch(claimed: claimedCost, actual: primal)) }
    if dual != primal { return .failure(.dualObjectiveMismatch(dual: dual, primal: primal)) }
    return .success(())
}

extension Solution {
    /// Convenience: `verifyOptimality` for this solution.
    public func verify(against problem: AssignmentProblem) -> Result<Void, CertificateViolation> {
        verifyOptimality(problem: problem, assignment: assignment, claimedCost: totalCost,
                         certificate: certificate)
    }
}
