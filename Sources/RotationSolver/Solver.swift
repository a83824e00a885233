// Solver.swift -- exact capacitated assignment by successive shortest paths on the section side.
//
// Invariants (the LP dual of the transportation problem, kept at every step):
//   * section prices p_j >= 0; a placed staff member s is tight on its pair:
//     u_s = cost(s, a(s)) + p_a(s) <= cost(s, k) + p_k for every active pair (s, k);
//   * p_j > 0 only on full sections (a priced section with a free seat, which only a change can
//     create, is queued and repaired at the end of `solve`).
//
// Cold start: every staff member takes its cheapest pair while seats last (p = 0).
// Each unplaced staff member r: Dijkstra over *sections only* (J nodes) with reduced costs;
// a section is expanded by scanning its occupants' pairs ("occupant t moves on to k"), and
// the search stops at the first section with a free seat. Scanned sections' prices rise by
// D - d_j (Jonker-Volgenant partial update), then occupants shift along the path. Two prunings
// make this fast on wide rows: (1) per staff member a lower bound `alt` on its second-best
// cost + price lets the search skip occupants that cannot beat the best free seat found so far;
// (2) rows are sorted by cost on first use, and because prices are >= 0 a scan stops at the first
// pair whose cost alone already exceeds that bound.
// Warm start after a change keeps prices and placements: only the staff who must move are
// unplaced (and re-placed by the same search); a priced section with a free seat is repaired by
// one Dijkstra from the sink side (every loaded section is a source at its price) that either
// pulls a staff member into the seat along a negative cycle or lowers the price to 0.

/// Exact solver for the capacitated assignment (transportation) problem, with warm re-solve.
///
/// ```swift
/// let solver = AssignmentSolver(problem)
/// switch solver.solve(limits: .timeLimit(.seconds(2))) {
/// case .optimal(let solution):   // solution.assignment, .totalCost, .certificate
/// case .infeasible(let violator): // violator.staff, .sections, .seats
/// case .stopped:                  // time limit / cancel; call solve() again to resume
/// }
/// try solver.pin(staff: 12, section: 3)   // or removePair / setCapacity / unpin
/// let again = solver.solve()             // warm: same optimum as a cold solve of the change
/// ```
///
/// Memory: about 8 bytes per pair (section and cost as `Int32`) plus O(staff + sections).
/// Costs are `Int32`, totals and prices `Int64`.
///
/// Not thread-safe; use one instance from one task at a time.
public final class AssignmentSolver {
    public let staffCount: Int
    public let sectionCount: Int
    public let storedPairCount: Int
    private var capacities: [Int]

    // Problem storage (CSR by staff). Inactive pairs of a row live after rowEnd.
    private let rowStart: UnsafeMutablePointer<Int32>   // S + 1
    private let rowEnd: UnsafeMutablePointer<Int32>     // S: end of active pairs
    private let rowLimit: UnsafeMutablePointer<Int32>   // S: end of non-removed pairs
    private let pinnedFlag: UnsafeMutablePointer<UInt8> // S
    private let sec: UnsafeMutablePointer<Int32>        // E
    private let cost: UnsafeMutablePointer<Int32>       // E
    private let cap: UnsafeMutablePointer<Int32>        // J, clamped to S + 1

    // Primal / dual state.
    private let assigned: UnsafeMutablePointer<Int32>   // S: pair index or -1
    private let slot: UnsafeMutablePointer<Int32>       // S: index into seats
    /// Lower bound on min over the staff member's other pairs k of cost + p_k (valid while
    /// prices only rise; -INF = unknown). Lets Dijkstra skip occupants that cannot improve.
    private let alt: UnsafeMutablePointer<Int64>        // S
    private let price: UnsafeMutablePointer<Int64>      // J
    private let load: UnsafeMutablePointer<Int32>       // J
    private var seatStart: UnsafeMutablePointer<Int32>  // J + 1
    private var seats: UnsafeMutablePointer<Int32>      // occupants, per section
    private let indegree: UnsafeMutablePointer<Int32>   // J: stored pairs per section

    // Dijkstra workspace.
    private let dist: UnsafeMutablePointer<Int64>       // J, INF when untouched
    private let predPair: UnsafeMutablePointer<Int32>   // J
    private let predStaff: UnsafeMutablePointer<Int32>  // J
    private let heap: IndexedHeap
    private let touched: UnsafeMutablePointer<Int32>    // J
    private let finalized: UnsafeMutablePointer<Int32>  // J

    /// 1 when the active pairs of the staff member are sorted by cost (sorted lazily, the
    /// first time its row is scanned), which lets scans stop at the first useless pair.
    private let rowSorted: UnsafeMutablePointer<UInt8>  // S

    private var freeStaff: [Int32] = []
    private var deficit: [Int32] = []
    private var started = false

    /// Statistics of the last `solve` call.
    public private(set) var lastStats = Stats()
    public struct Stats: Sendable {
        public var augmentations = 0
        public var scannedSections = 0
        public var repairs = 0
        public var greedyPlaced = 0
        public var sortedRows = 0
    }

    static let INF: Int64 = Int64.max / 4

    public init(_ problem: AssignmentProblem) {
        let S = problem.staffCount, J = problem.sectionCount, E = problem.pairCount
        staffCount = S
        sectionCount = J
        storedPairCount = E
        capacities = problem.capacities
        rowStart = .allocate(capacity: S + 1)
        rowEnd = .allocate(capacity: max(S, 1))
        rowLimit = .allocate(capacity: max(S, 1))
        pinnedFlag = .allocate(capacity: max(S, 1))
        rowSorted = .allocate(capacity: max(S, 1))
        sec = .allocate(capacity: max(E, 1))
        cost = .allocate(capacity: max(E, 1))
        cap = .allocate(capacity: max(J, 1))
        assigned = .allocate(capacity: max(S, 1))
        slot = .allocate(capacity: max(S, 1))
        alt = .allocate(capacity: max(S, 1))
        price = .allocate(capacity: max(J, 1))
        load = .allocate(capacity: max(J, 1))
        indegree = .allocate(capacity: max(J, 1))
        dist = .allocate(capacity: max(J, 1))
        predPair = .allocate(capacity: max(J, 1))
        predStaff = .allocate(capacity: max(J, 1))
        touched = .allocate(capacity: max(J, 1))
        finalized = .allocate(capacity: max(J, 1))
        heap = IndexedHeap(capacity: J)
        seatStart = .allocate(capacity: J + 1)
        seats = .allocate(capacity: 1)
        problem.rowStart.withUnsafeBufferPointer { rowStart.initialize(from: $0.baseAddress!, count: S + 1) }
        if E > 0 {
            problem.pairSection.withUnsafeBufferPointer { sec.initialize(from: $0.baseAddress!, count: E) }
            problem.pairCost.withUnsafeBufferPointer { cost.initialize(from: $0.baseAddress!, count: E) }
        }
        for s in 0..<S {
            rowEnd[s] = rowStart[s + 1]
            rowLimit[s] = rowStart[s + 1]
        }
        pinnedFlag.initialize(repeating: 0, count: max(S, 1))
        rowSorted.initialize(repeating: 0, count: max(S, 1))
        assigned.initialize(repeating: -1, count: max(S, 1))
        slot.initialize(repeating: -1, count: max(S, 1))
        alt.initialize(repeating: -Self.INF, count: max(S, 1))
        price.initialize(repeating: 0, count: max(J, 1))
        load.initialize(repeating: 0, count: max(J, 1))
        indegree.initialize(repeating: 0, count: max(J, 1))
        dist.initialize(repeating: Self.INF, count: max(J, 1))
        predPair.initialize(repeating: -1, count: max(J, 1))
        predStaff.initialize(repeating: -1, count: max(J, 1))
        let capClamp = S + 1
        for j in 0..<J { cap[j] = Int32(min(problem.capacities[j], capClamp)) }
        for q in 0..<E { indegree[Int(sec[q])] &+= 1 }
        layoutSeats()
    }

    deinit {
        rowStart.deallocate(); rowEnd.deallocate(); rowLimit.deallocate(); pinnedFlag.deallocate()
        sec.deallocate(); cost.deallocate(); cap.deallocate()
        assigned.deallocate(); slot.deallocate(); alt.deallocate(); price.deallocate(); load.deallocate()
        seatStart.deallocate(); seats.deallocate(); indegree.deallocate()
        dist.deallocate(); predPair.deallocate(); predStaff.deallocate()
        touched.deallocate(); finalized.deallocate()
        rowSorted.deallocate()
    }

    /// Convenience: cold solve of a problem.
    public static func solve(_ problem: AssignmentProblem, limits: SolveLimits = .none) -> SolveOutcome {
        AssignmentSolver(problem).solve(limits: limits)
    }

    // MARK: seats

    /// (Re)lays out the occupant storage: section j gets min(cap_j, stored pairs into j) slots.
    private func layoutSeats() {
        let J = sectionCount
        var total = 0
        var sizes = [Int32](repeating: 0, count: J)
        for j in 0..<J {
            sizes[j] = min(cap[j], indegree[j])
            total += Int(sizes[j])
        }
        let newSeats = UnsafeMutablePointer<Int32>.allocate(capacity: max(total, 1))
        var acc: Int32 = 0
        let oldStart = seatStart
        let newStart = UnsafeMutablePointer<Int32>.allocate(capacity: J + 1)
        for j in 0..<J {
            newStart[j] = acc
            if started {
                let l = Int(load[j])
                for i in 0..<l {
                    let t = seats[Int(oldStart[j]) + i]
                    newSeats[Int(acc) + i] = t
                    slot[Int(t)] = acc + Int32(i)
                }
            }
            acc += sizes[j]
        }
        newStart[J] = acc
        oldStart.deallocate()
        seats.deallocate()
        seatStart = newStart
        seats = newSeats
    }

    // MARK: solve

    /// Solves (cold on the first call, warm after changes). Returns the optimum, a Hall
    /// violator when no assignment exists, or `.stopped` when `limits` ran out.
    public func solve(limits: SolveLimits = .none) -> SolveOutcome {
        lastStats = Stats()
        if !started {
            greedyStart()
            started = true
        }
        var sinceCheck = 0
        // 1. Place every unplaced staff member by a shortest augmenting path. A priced section
        //    with a free seat (left by a change) is simply a possible path end here; paths keep
        //    the dual feasible on all staff-section pairs, so the order of steps 1 and 2 is free.
        while let r = freeStaff.last {
            if assigned[Int(r)] >= 0 { freeStaff.removeLast(); continue }
            if let violator = augment(from: r) {
                return .infeasible(violator)
            }
            freeStaff.removeLast()
            if !limits.isUnlimited {
                sinceCheck += 1
                if sinceCheck >= limits.checkInterval {
                    sinceCheck = 0
                    if stopRequested(limits) { return .stopped }
                }
            }
        }
        // 2. Repair priced sections that still have free seats (this moves placed staff but
        //    never unplaces anyone).
        while let k = deficit.popLast() {
            repairSection(Int(k))
            if !limits.isUnlimited {
                if stopRequested(limits) { return .stopped }
            }
        }
        return .optimal(currentSolution())
    }

    private func stopRequested(_ limits: SolveLimits) -> Bool {
        if let c = limits.shouldCancel, c() { return true }
        if let d = limits.deadline, ContinuousClock.now >= d { return true }
        return false
    }

    /// Cold start: each staff member takes its cheapest pair if that section has a seat left.
    private func greedyStart() {
        let S = staffCount
        freeStaff.removeAll(keepingCapacity: true)
        var placed = 0
        for s in 0..<S {
            let lo = Int(rowStart[s]), hi = Int(rowEnd[s])
            if lo == hi { freeStaff.append(Int32(s)); continue }
            var best = lo
            var bestCost = cost[lo]
            var second = Int64.max / 4
            var q = lo + 1
            while q < hi {
                let c = cost[q]
                if c < bestCost {
                    second = Int64(bestCost)
                    bestCost = c; best = q
                } else if Int64(c) < second {
                    second = Int64(c)
                }
                q += 1
            }
            alt[s] = second
            let j = Int(sec[best])
            if load[j] < cap[j] {
                let pos = seatStart[j] + load[j]
                seats[Int(pos)] = Int32(s)
                slot[s] = pos
                load[j] += 1
                assigned[s] = Int32(best)
                placed += 1
            } else {
                freeStaff.append(Int32(s))
            }
        }
        freeStaff.reverse() // process in staff order (popLast)
        lastStats.greedyPlaced = placed
    }

    /// One shortest augmenting path from unplaced staff `r`. Returns a Hall violator when no
    /// section with a free seat is reachable.
    private func augment(from r: Int32) -> HallViolator? {
        let INF = Self.INF
        let rowStart = self.rowStart, rowEnd = self.rowEnd, sec = self.sec, cost = self.cost
        let cap = self.cap, load = self.load, price = self.price, dist = self.dist
        let predPair = self.predPair, predStaff = self.predStaff, touched = self.touched
        let finalized = self.finalized, seats = self.seats, seatStart = self.seatStart
        let assigned = self.assigned, heap = self.heap, alt = self.alt
        var nTouched = 0
        var nFinal = 0
        var bestFree = INF
        var bestNode: Int32 = -1

        // Seed with r's pairs (distance = cost + price; a constant offset is irrelevant).
        var q = Int(rowStart[Int(r)])
        let qEnd = Int(rowEnd[Int(r)])
        var min1 = INF, min2 = INF
        var min1Sec = -1
        while q < qEnd {
            let k = Int(sec[q])
            let nd = Int64(cost[q]) &+ price[k]
            if nd < min1 { min2 = min1; min1 = nd; min1Sec = k } else if nd < min2 { min2 = nd }
            if nd < dist[k] {
                if dist[k] == INF { touched[nTouched] = Int32(k); nTouched &+= 1 }
                dist[k] = nd
                predPair[k] = Int32(q)
                predStaff[k] = r
                if load[k] < cap[k] {
                    if nd < bestFree { bestFree = nd; bestNode = Int32(k) }
                } else {
                    heap.pushOrDecrease(Int32(k), nd)
                }
            }
            q &+= 1
        }

        while heap.count > 0 {
            let (d, j32) = heap.top
            if d >= bestFree { break }
            heap.popTop()
            let j = Int(j32)
            heap.markDone(j32)
            finalized[nFinal] = j32
            nFinal &+= 1
            let base0 = d &- price[j]
            var o = Int(seatStart[j])
            let oEnd = o &+ Int(load[j])
            while o < oEnd {
                let t = seats[o]
                let ti = Int(t)
                var ae = Int(assigned[ti])
                let base = base0 &- Int64(cost[ae])
                o &+= 1
                // Every candidate through t is >= d + (alt - u_t); skip t if that cannot win.
                if alt[ti] &+ base >= bestFree { continue }
                if rowSorted[ti] == 0 {
                    sortRow(ti)
                    ae = Int(assigned[ti])
                }
                // Rows are sorted by cost and prices are >= 0: once base + cost >= bestFree,
                // no later pair can give a useful label. The new alt is a lower bound over
                // the pairs not scanned (cost alone) and exact over the scanned ones.
                var newAlt = INF
                var e = Int(rowStart[ti])
                let eEnd = Int(rowEnd[ti])
                while e < eEnd {
                    let c = Int64(cost[e])
                    if base &+ c >= bestFree {
                        if c < newAlt { newAlt = c }
                        break
                    }
                    if e != ae {
                        let k = Int(sec[e])
                        let cp = c &+ price[k]
                        if cp < newAlt { newAlt = cp }
                        let nd = base &+ cp
                        if nd < dist[k] {
                            if dist[k] == INF { touched[nTouched] = Int32(k); nTouched &+= 1 }
                            dist[k] = nd
                            predPair[k] = Int32(e)
                            predStaff[k] = t
                            if load[k] < cap[k] {
                                if nd < bestFree { bestFree = nd; bestNode = Int32(k) }
                            } else if nd < bestFree {
                                heap.pushOrDecrease(Int32(k), nd)
                            }
                        }
                    }
                    e &+= 1
                }
                alt[ti] = newAlt
            }
        }
        lastStats.scannedSections &+= nFinal

        if bestNode < 0 {
            // Infeasible: the scanned sections are all full and closed under r's tree.
            var staffSet: [Int] = [Int(r)]
            var secs: [Int] = []
            var seatsSum = 0
            for i in 0..<nFinal {
                let j = Int(finalized[i])
                secs.append(j)
                seatsSum += capacities[j]
                let s0 = Int(seatStart[j])
                for o in s0..<(s0 + Int(load[j])) { staffSet.append(Int(seats[o])) }
            }
            heap.clear()
            for i in 0..<nTouched { dist[Int(touched[i])] = INF; heap.reset(touched[i]) }
            staffSet.sort(); secs.sort()
            return HallViolator(staff: staffSet, sections: secs, seats: seatsSum)
        }

        // Price update on scanned sections: p_j += D - d_j.
        let D = bestFree
        for i in 0..<nFinal {
            let j = Int(finalized[i])
            price[j] &+= D &- dist[j]
        }
        // Shift occupants along the path; the end section gains one occupant.
        let end = Int(bestNode)
        var pos = seatStart[end] &+ load[end]
        load[end] &+= 1
        var k = end
        while true {
            let e = predPair[k]
            let t = Int(predStaff[k])
            let old = assigned[t]
            let oldSlot = slot[t]
            assigned[t] = e
            seats[Int(pos)] = Int32(t)
            slot[t] = pos
            if old < 0 {
                alt[t] = Int(sec[Int(e)]) == min1Sec ? min2 : min1
                break
            }
            let back = Int64(cost[Int(old)]) &+ price[Int(sec[Int(old)])]
            if back < alt[t] { alt[t] = back }
            k = Int(sec[Int(old)])
            pos = oldSlot
        }
        heap.clear()
        for i in 0..<nTouched {
            let x = touched[i]
            dist[Int(x)] = INF
            heap.reset(x)
        }
        lastStats.augmentations &+= 1
        return nil
    }

    // MARK: warm changes

    /// Errors for changes that refer to pairs that do not exist.
    public enum ChangeError: Error, Sendable, Equatable {
        case staffOutOfRange(Int)
        case sectionOutOfRange(Int)
        case noSuchPair(staff: Int, section: Int)
        case negativeCapacity(Int)
    }

    /// Pins staff member `staff` to `section` (which must be one of its current pairs): all its
    /// other pairs become inactive until `unpin`.
    public func pin(staff s: Int, section j: Int) throws(ChangeError) {
        try checkStaff(s)
        guard j >= 0, j < sectionCount else { throw .sectionOutOfRange(j) }
        let lo = Int(rowStart[s])
        guard let q = findPair(s, j, upTo: Int(rowLimit[s])) else { throw .noSuchPair(staff: s, section: j) }
        let a = Int(assigned[s])
        if a >= 0 && Int(sec[a]) != j { unplace(s) }
        swapPairs(s, lo, q)
        rowEnd[s] = Int32(lo + 1)
        pinnedFlag[s] = 1
        rowSorted[s] = 1
    }

    /// Releases a pin: the staff member's remaining (not removed) pairs are active again.
    public func unpin(staff s: Int) throws(ChangeError) {
        try checkStaff(s)
        guard pinnedFlag[s] != 0 else { return }
        pinnedFlag[s] = 0
        rowEnd[s] = rowLimit[s]
        rowSorted[s] = 0
        alt[s] = -Self.INF
        revalidate(s)
    }

    /// Removes the pair (staff, section) from the problem.
    public func removePair(staff s: Int, section j: Int) throws(ChangeError) {
        try checkStaff(s)
        guard j >= 0, j < sectionCount else { throw .sectionOutOfRange(j) }
        guard let q = findPair(s, j, upTo: Int(rowLimit[s])) else { throw .noSuchPair(staff: s, section: j) }
        if Int(assigned[s]) == q { unplace(s) }
        let last = Int(rowLimit[s]) - 1
        let wasActive = q < Int(rowEnd[s])
        if pinnedFlag[s] != 0 && wasActive {
            // Removing the pinned pair leaves the staff member with no active pair.
            swapPairs(s, q, last)
            rowLimit[s] = Int32(last)
            rowEnd[s] = rowStart[s]
        } else if pinnedFlag[s] != 0 {
            swapPairs(s, q, last)
            rowLimit[s] = Int32(last)
        } else {
            swapPairs(s, q, last)
            rowLimit[s] = Int32(last)
            rowEnd[s] = Int32(last)
        }
    }

    /// Changes the number of open seats of a section.
    public func setCapacity(section j: Int, to newCapacity: Int) throws(ChangeError) {
        guard j >= 0, j < sectionCount else { throw .sectionOutOfRange(j) }
        guard newCapacity >= 0 else { throw .negativeCapacity(newCapacity) }
        capacities[j] = newCapacity
        let c = Int32(min(newCapacity, staffCount + 1))
        let oldSize = seatStart[j + 1] - seatStart[j]
        // Evict occupants beyond the new capacity (the last ones in the seat list).
        while load[j] > c {
            let t = seats[Int(seatStart[j] + load[j] - 1)]
            unplace(Int(t))
        }
        cap[j] = c
        if min(c, indegree[j]) > oldSize { layoutSeats() }
        if load[j] < cap[j] && price[j] > 0 { deficit.append(Int32(j)) }
    }

    /// The current problem (capacities and active pairs), e.g. to verify a warm solution.
    public var currentProblem: AssignmentProblem {
        var rs = [Int32](repeating: 0, count: staffCount + 1)
        var ps: [Int32] = [], pc: [Int32] = []
        for s in 0..<staffCount {
            var row: [(Int32, Int32)] = []
            for q in Int(rowStart[s])..<Int(rowEnd[s]) { row.append((sec[q], cost[q])) }
            row.sort { $0.0 < $1.0 }
            for (a, b) in row { ps.append(a); pc.append(b) }
            rs[s + 1] = Int32(ps.count)
        }
        return AssignmentProblem(uncheckedStaffCount: staffCount, capacities: capacities, rowStart: rs,
                                 pairSection: ps, pairCost: pc)
    }

    /// The current assignment and certificate (valid as an optimum only after `.optimal`).
    public func currentSolution() -> Solution {
        var a = [Int](repeating: -1, count: staffCount)
        var u = [Int64](repeating: 0, count: staffCount)
        var total: Int64 = 0
        for s in 0..<staffCount {
            let q = Int(assigned[s])
            if q >= 0 {
                let j = Int(sec[q])
                a[s] = j
                u[s] = Int64(cost[q]) + price[j]
                total += Int64(cost[q])
            }
        }
        let p = Array(UnsafeBufferPointer(start: price, count: sectionCount))
        return Solution(assignment: a, totalCost: total, certificate: DualCertificate(sectionPrice: p, staffPrice: u))
    }

    /// Section of staff `s` in the current state, or nil when unplaced.
    public func section(ofStaff s: Int) -> Int? {
        let q = Int(assigned[s])
        return q >= 0 ? Int(sec[q]) : nil
    }

    /// The active pairs of staff `s` as (section, cost).
    public func activePairs(ofStaff s: Int) -> [(section: Int, cost: Int)] {
        (Int(rowStart[s])..<Int(rowEnd[s])).map { (Int(sec[$0]), Int(cost[$0])) }
    }

    private func checkStaff(_ s: Int) throws(ChangeError) {
        guard s >= 0, s < staffCount else { throw .staffOutOfRange(s) }
    }

    private func findPair(_ s: Int, _ j: Int, upTo hi: Int) -> Int? {
        var q = Int(rowStart[s])
        while q < hi {
            if Int(sec[q]) == j { return q }
            q += 1
        }
        return nil
    }

    /// Removes `s` from its section and queues it for placement; a priced section that now has
    /// a free seat is queued for repair.
    private func unplace(_ s: Int) {
        let q = Int(assigned[s])
        guard q >= 0 else { return }
        let j = Int(sec[q])
        let lastPos = seatStart[j] + load[j] - 1
        let moved = seats[Int(lastPos)]
        seats[Int(slot[s])] = moved
        slot[Int(moved)] = slot[s]
        slot[s] = -1
        load[j] -= 1
        assigned[s] = -1
        freeStaff.append(Int32(s))
        if price[j] > 0 { deficit.append(Int32(j)) }
    }

    /// After pairs of `s` became active again: if one of them is now cheaper than its place,
    /// `s` is unplaced (the dual stays feasible).
    private func revalidate(_ s: Int) {
        let q = Int(assigned[s])
        guard q >= 0 else { return }
        let u = Int64(cost[q]) + price[Int(sec[q])]
        for e in Int(rowStart[s])..<Int(rowEnd[s]) where Int64(cost[e]) + price[Int(sec[e])] < u {
            unplace(s)
            return
        }
    }

    /// Sorts the active pairs of `t` by cost (ties by section), keeping `assigned` valid.
    private func sortRow(_ t: Int) {
        let lo = Int(rowStart[t]), hi = Int(rowEnd[t])
        rowSorted[t] = 1
        let n = hi - lo
        if n <= 1 { return }
        lastStats.sortedRows += 1
        let a = Int(assigned[t])
        let aSec = a >= 0 ? sec[a] : -1
        var keys = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n)
        defer { keys.deallocate() }
        for i in 0..<n {
            let c = UInt64(UInt32(bitPattern: cost[lo + i]) ^ 0x8000_0000)
            keys[i] = c << 32 | UInt64(UInt32(bitPattern: sec[lo + i]))
        }
        keys.sort()
        for i in 0..<n {
            let key = keys[i]
            let j = Int32(bitPattern: UInt32(truncatingIfNeeded: key))
            sec[lo + i] = j
            cost[lo + i] = Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32) ^ 0x8000_0000)
            if j == aSec { assigned[t] = Int32(lo + i) }
        }
    }

    /// Swaps two pairs inside the row of `s`, keeping `assigned` valid.
    private func swapPairs(_ s: Int, _ a: Int, _ b: Int) {
        if a == b { return }
        rowSorted[s] = 0
        let ts = sec[a]; sec[a] = sec[b]; sec[b] = ts
        let tc = cost[a]; cost[a] = cost[b]; cost[b] = tc
        if Int(assigned[s]) == a { assigned[s] = Int32(b) } else if Int(assigned[s]) == b { assigned[s] = Int32(a) }
    }

    /// Index-free repair of section `k` (free seat, positive price): Dijkstra forward from the
    /// sink side. Every loaded section m is a source at distance p_m (releasing one of its
    /// seats costs its price); paths follow "occupant t of y moves to z" arcs. If k is reached
    /// at d_k < p_k the cycle is negative: occupants shift from the source toward k. Otherwise
    /// k's price drops to 0. New prices: p - min(d, B) (clamped at 0 on empty sections), so all
    /// prices drop by at most B; `alt` bounds are shifted by B to stay valid.
    private func repairSection(_ k: Int) {
        let INF = Self.INF
        let J = sectionCount
        let rowStart = self.rowStart, rowEnd = self.rowEnd, sec = self.sec, cost = self.cost
        let load = self.load, price = self.price, dist = self.dist, alt = self.alt
        let predPair = self.predPair, predStaff = self.predStaff, touched = self.touched
        let finalized = self.finalized, seats = self.seats, seatStart = self.seatStart
        let assigned = self.assigned, heap = self.heap
        while load[k] < cap[k] && price[k] > 0 {
            lastStats.repairs += 1
            var B = price[k]
            var nTouched = 0, nFinal = 0
            for m in 0..<J where load[m] > 0 && price[m] < B {
                dist[m] = price[m]
                predStaff[m] = -1
                touched[nTouched] = Int32(m); nTouched += 1
                heap.pushOrDecrease(Int32(m), price[m])
            }
            var found = false
            while heap.count > 0 {
                let (d, y32) = heap.top
                if d >= B { break }
                heap.popTop()
                heap.markDone(y32)
                let y = Int(y32)
                finalized[nFinal] = y32; nFinal += 1
                if y == k { found = true; B = d; break }
                let base0 = d &- price[y]
                var o = Int(seatStart[y])
                let oEnd = o + Int(load[y])
                while o < oEnd {
                    let t = seats[o]
                    let ti = Int(t)
                    o += 1
                    var ae = Int(assigned[ti])
                    let base = base0 &- Int64(cost[ae])
                    if alt[ti] &+ base >= B { continue }
                    if rowSorted[ti] == 0 {
                        sortRow(ti)
                        ae = Int(assigned[ti])
                    }
                    var e = Int(rowStart[ti])
                    let eEnd = Int(rowEnd[ti])
                    while e < eEnd {
                        let c = Int64(cost[e])
                        if base &+ c >= B { break }
                        if e != ae {
                            let z = Int(sec[e])
                            let nd = base &+ c &+ price[z]
                            if nd < dist[z] && nd < B {
                                if dist[z] == INF { touched[nTouched] = Int32(z); nTouched += 1 }
                                dist[z] = nd
                                predPair[z] = Int32(e)
                                predStaff[z] = t
                                heap.pushOrDecrease(Int32(z), nd)
                            }
                        }
                        e += 1
                    }
                }
            }
            // New prices p - min(d, B).
            for y in 0..<J {
                let dec: Int64
                if heap.isDone(Int32(y)) { dec = dist[y] } else { dec = B }
                var np = price[y] &- dec
                if np < 0 { np = 0 }   // only empty sections can go below 0
                price[y] = np
            }
            for t in 0..<staffCount { alt[t] = max(alt[t] &- B, -INF) }
            if found {
                // Path: source m -> ... -> k; each pred (e, t) moves t into sec[e].
                var z = k
                var pos = seatStart[k] &+ load[k]
                load[k] &+= 1
                while true {
                    let e = predPair[z]
                    let t = Int(predStaff[z])
                    let old = Int(assigned[t])
                    let oldSlot = slot[t]
                    assigned[t] = e
                    seats[Int(pos)] = Int32(t)
                    slot[t] = pos
                    let y = Int(sec[old])
                    if predStaff[y] < 0 {
                        // y is the source: it loses t's seat.
                        let lastPos = seatStart[y] &+ load[y] &- 1
                        let moved = seats[Int(lastPos)]
                        if lastPos != oldSlot {
                            seats[Int(oldSlot)] = moved
                            slot[Int(moved)] = oldSlot
                        }
                        load[y] &-= 1
                        break
                    }
                    z = y
                    pos = oldSlot
                }
            }
            heap.clear()
            for i in 0..<nTouched { dist[Int(touched[i])] = INF; heap.reset(touched[i]) }
        }
    }

}

/// Binary min-heap over node ids 0..<n with decrease-key; keys are Int64.
final class IndexedHeap {
    private let keys: UnsafeMutablePointer<Int64>
    private let nodes: UnsafeMutablePointer<Int32>
    private let pos: UnsafeMutablePointer<Int32>  // -1 absent, -2 done, else index
    private(set) var count = 0

    init(capacity: Int) {
        let c = max(capacity, 1)
        keys = .allocate(capacity: c)
        nodes = .allocate(capacity: c)
        pos = .allocate(capacity: c)
        pos.initialize(repeating: -1, count: c)
    }

    deinit { keys.deallocate(); nodes.deallocate(); pos.deallocate() }

    @inline(__always) var top: (Int64, Int32) { (keys[0], nodes[0]) }

    @inline(__always) func markDone(_ v: Int32) { pos[Int(v)] = -2 }
    @inline(__always) func isDone(_ v: Int32) -> Bool { pos[Int(v)] == -2 }
    @inline(__always) func reset(_ v: Int32) { pos[Int(v)] = -1 }
    @inline(__always) func clear() {
        for i in 0..<count { pos[Int(nodes[i])] = -1 }
        count = 0
    }

    @inline(__always) func pushOrDecrease(_ v: Int32, _ key: Int64) {
        let p = Int(pos[Int(v)])
        var i: Int
        if p == -1 {
            i = count
            count &+= 1
        } else if p >= 0 {
            i = p
            if keys[i] <= key { return }
        } else {
            return
        }
        // sift up
        while i > 0 {
            let parent = (i &- 1) >> 1
            let pk = keys[parent]
            if pk <= key { break }
            keys[i] = pk
            let pn = nodes[parent]
            nodes[i] = pn
            pos[Int(pn)] = Int32(i)
            i = parent
        }
        keys[i] = key
        nodes[i] = v
        pos[Int(v)] = Int32(i)
    }

    @inline(__always) func popTop() {
        count &-= 1
        if count == 0 { return }
        let key = keys[count]
        let v = nodes[count]
        var i = 0
        let n = count
        while true {
            var c = 2 &* i &+ 1
            if c >= n { break }
            if c &+ 1 < n && keys[c &+ 1] < keys[c] { c &+= 1 }
            if keys[c] >= key { break }
            keys[i] = keys[c]
            nodes[i] = nodes[c]
            pos[Int(nodes[i])] = Int32(i)
            i = c
        }
        keys[i] = key
        nodes[i] = v
        pos[Int(v)] = Int32(i)
    }
}
