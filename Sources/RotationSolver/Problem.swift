// Problem.swift -- the capacitated assignment (transportation) instance.
//
// The RotationSolver target uses the Swift standard library only (no Foundation).

/// One allowed placement: `staff` may go to `section` at integer `cost`.
public struct Pair: Sendable, Hashable {
    public var staff: Int
    public var section: Int
    public var cost: Int

    public init(staff: Int, section: Int, cost: Int) {
        self.staff = staff
        self.section = section
        self.cost = cost
    }
}

/// Why an `AssignmentProblem` could not be built from the given data.
public enum ProblemError: Error, Sendable, Equatable, CustomStringConvertible {
    case negativeStaffCount(Int)
    case negativeCapacity(section: Int, capacity: Int)
    case staffOutOfRange(pairIndex: Int, staff: Int)
    case sectionOutOfRange(pairIndex: Int, section: Int)
    /// The pair at `pairIndex` repeats an earlier (staff, section) pair.
    case duplicatePair(pairIndex: Int, staff: Int, section: Int)
    /// Costs must fit in `Int32` (sums are computed in `Int64`).
    case costOutOfRange(pairIndex: Int, cost: Int)
    /// More than `Int32.max - 1` pairs, staff or sections.
    case tooLarge

    public var description: String {
        switch self {
        case .negativeStaffCount(let n): return "negative staff count \(n)"
        case .negativeCapacity(let j, let c): return "section \(j) has negative capacity \(c)"
        case .staffOutOfRange(let i, let s): return "pair \(i): staff index \(s) out of range"
        case .sectionOutOfRange(let i, let j): return "pair \(i): section index \(j) out of range"
        case .duplicatePair(let i, let s, let j): return "pair \(i): duplicate pair (staff \(s), section \(j))"
        case .costOutOfRange(let i, let c): return "pair \(i): cost \(c) does not fit in Int32"
        case .tooLarge: return "instance too large (more than 2^31-2 pairs, staff or sections)"
        }
    }
}

/// A capacitated assignment instance: `staffCount` staff members (movers), sections with
/// `capacities` open seats, and the allowed (staff, section, cost) pairs.
///
/// Pairs are stored in compressed sparse rows by staff member (`rowStart`, `pairSection`,
/// `pairCost`), sections ascending within a row. The problem: choose exactly one allowed pair
/// per staff member, at most `capacities[j]` staff per section, minimising the total cost.
public struct AssignmentProblem: Sendable, Equatable {
    public let staffCount: Int
    public let capacities: [Int]
    /// `rowStart[s] ..< rowStart[s + 1]` are the pair indices of staff member `s`.
    public let rowStart: [Int32]
    public let pairSection: [Int32]
    public let pairCost: [Int32]

    public var sectionCount: Int { capacities.count }
    public var pairCount: Int { pairSection.count }

    /// Builds an instance from pairs in any order. Throws on out-of-range indices, duplicate
    /// pairs, negative capacities or costs outside `Int32`.
    public init(staffCount: Int, capacities: [Int], pairs: [Pair]) throws(ProblemError) {
        guard staffCount >= 0 else { throw .negativeStaffCount(staffCount) }
        let limit = Int(Int32.max) - 1
        guard staffCount <= limit, capacities.count <= limit, pairs.count <= limit else { throw .tooLarge }
        for (j, c) in capacities.enumerated() where c < 0 { throw .negativeCapacity(section: j, capacity: c) }
        let J = capacities.count
        var counts = [Int32](repeating: 0, count: staffCount + 1)
        for (i, p) in pairs.enumerated() {
            guard p.staff >= 0, p.staff < staffCount else { throw .staffOutOfRange(pairIndex: i, staff: p.staff) }
            guard p.section >= 0, p.section < J else { throw .sectionOutOfRange(pairIndex: i, section: p.section) }
            guard p.cost >= Int(Int32.min), p.cost <= Int(Int32.max) else { throw .costOutOfRange(pairIndex: i, cost: p.cost) }
            counts[p.staff + 1] += 1
        }
        for s in 0..<staffCount { counts[s + 1] += counts[s] }
        // Stable counting sort by staff, then sort each row by section.
        var order = [Int32](repeating: 0, count: pairs.count)
        var fill = counts
        for (i, p) in pairs.enumerated() {
            order[Int(fill[p.staff])] = Int32(i)
            fill[p.staff] += 1
        }
        var sec = [Int32](repeating: 0, count: pairs.count)
        var cst = [Int32](repeating: 0, count: pairs.count)
        for s in 0..<staffCount {
            let lo = Int(counts[s]), hi = Int(counts[s + 1])
            if hi - lo > 1 {
                // Sort by (section, original index) so the later duplicate is reported.
                order[lo..<hi].sort { (a, b) in
                    let pa = pairs[Int(a)], pb = pairs[Int(b)]
                    return pa.section != pb.section ? pa.section < pb.section : a < b
                }
            }
            for q in lo..<hi {
                let p = pairs[Int(order[q])]
                if q > lo && Int(sec[q - 1]) == p.section {
                    throw .duplicatePair(pairIndex: Int(order[q]), staff: s, section: p.section)
                }
                sec[q] = Int32(p.section)
                cst[q] = Int32(p.cost)
            }
        }
        self.staffCount = staffCount
        self.capacities = capacities
        self.rowStart = counts
        self.pairSection = sec
        self.pairCost = cst
    }

    /// Internal: trusted CSR arrays (rows sorted by section, no duplicates, indices in range).
    init(uncheckedStaffCount staffCount: Int, capacities: [Int], rowStart: [Int32],
         pairSection: [Int32], pairCost: [Int32]) {
        self.staffCount = staffCount
        self.capacities = capacities
        self.rowStart = rowStart
        self.pairSection = pairSection
        self.pairCost = pairCost
    }

    /// The allowed pairs of staff member `s` as (section, cost).
    public func pairs(ofStaff s: Int) -> [(section: Int, cost: Int)] {
        (Int(rowStart[s])..<Int(rowStart[s + 1])).map { (Int(pairSection[$0]), Int(pairCost[$0])) }
    }

    /// All pairs in row order.
    public var allPairs: [Pair] {
        var out: [Pair] = []
        out.reserveCapacity(pairCount)
        for s in 0..<staffCount {
            for q in Int(rowStart[s])..<Int(rowStart[s + 1]) {
                out.append(Pair(staff: s, section: Int(pairSection[q]), cost: Int(pairCost[q])))
            }
        }
        return out
    }
}
