import Testing
@testable import RotationSolver

/// SplitMix64: deterministic instances from a seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(_ seed: Int) { state = UInt64(bitPattern: Int64(seed)) &* 0x9E37_79B9_7F4A_7C15 &+ 0x5EED }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum CostStyle: Int, CaseIterable {
    case ties = 0      // costs 0...3: many equal-cost optima
    case normal = 1    // 0...20000 like the generator
    case huge = 2      // near Int32.max
    case mixed = 3     // huge and tiny together
    case negative = 4  // negative costs are allowed too
}

/// A random instance; `density` in percent.
func randomProblem(staff S: Int, sections J: Int, maxCap: Int, density: Int, style: CostStyle,
                   seed: Int) -> AssignmentProblem {
    var rng = SplitMix(seed)
    let caps = (0..<J).map { _ in Int.random(in: 0...maxCap, using: &rng) }
    var pairs: [Pair] = []
    for s in 0..<S {
        for j in 0..<J where Int.random(in: 0..<100, using: &rng) < density {
            let c: Int
            switch style {
            case .ties: c = Int.random(in: 0...3, using: &rng)
            case .normal: c = Int.random(in: 0...20000, using: &rng)
            case .huge: c = Int(Int32.max) - Int.random(in: 0...5, using: &rng)
            case .mixed: c = Bool.random(using: &rng) ? Int(Int32.max) - Int.random(in: 0...3, using: &rng) : Int.random(in: 0...3, using: &rng)
            case .negative: c = Int.random(in: -1000...1000, using: &rng)
            }
            pairs.append(Pair(staff: s, section: j, cost: c))
        }
    }
    pairs.shuffle(using: &rng)
    return try! AssignmentProblem(staffCount: S, capacities: caps, pairs: pairs)
}

/// Exhaustive search: minimum total cost, or nil when no assignment exists.
func bruteForce(_ p: AssignmentProblem) -> Int64? {
    var left = p.capacities
    var best: Int64? = nil
    func go(_ s: Int, _ acc: Int64) {
        if s == p.staffCount {
            if best == nil || acc < best! { best = acc }
            return
        }
        for (j, c) in p.pairs(ofStaff: s) where left[j] > 0 {
            left[j] -= 1
            go(s + 1, acc + Int64(c))
            left[j] += 1
        }
    }
    go(0, 0)
    return best
}

/// Can every staff member in `members` be placed (ignoring everyone else)? Simple augmenting
/// paths on the capacitated bipartite graph.
func canPlace(_ p: AssignmentProblem, members: [Int]) -> Bool {
    var occupants = [[Int]](repeating: [], count: p.sectionCount)
    for s in members {
        var visited = [Bool](repeating: false, count: p.sectionCount)
        func tryPlace(_ x: Int) -> Bool {
            for (j, _) in p.pairs(ofStaff: x) where !visited[j] {
                visited[j] = true
                if occupants[j].count < p.capacities[j] {
                    occupants[j].append(x)
                    return true
                }
                for (i, y) in occupants[j].enumerated() where tryPlace(y) {
                    occupants[j][i] = x
                    return true
                }
            }
            return false
        }
        if !tryPlace(s) { return false }
    }
    return true
}

/// Checks that `v` is a valid, inclusion-minimal Hall violator of `p`.
func expectValidViolator(_ v: HallViolator, _ p: AssignmentProblem, checkMinimal: Bool = true,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    var nbr = Set<Int>()
    for s in v.staff { for (j, _) in p.pairs(ofStaff: s) { nbr.insert(j) } }
    #expect(Set(v.sections) == nbr, "sections must be the neighbourhood", sourceLocation: sourceLocation)
    let seats = v.sections.reduce(0) { $0 + p.capacities[$1] }
    #expect(seats == v.seats, sourceLocation: sourceLocation)
    #expect(seats < v.staff.count, "a violator has fewer seats than staff", sourceLocation: sourceLocation)
    #expect(Set(v.staff).count == v.staff.count, sourceLocation: sourceLocation)
    // Inclusion-minimal: dropping any one member leaves a placeable set.
    guard checkMinimal else { return }
    for t in v.staff {
        #expect(canPlace(p, members: v.staff.filter { $0 != t }), "violator not minimal without \(t)", sourceLocation: sourceLocation)
    }
}

/// Checks an outcome against a known optimum (nil = infeasible), including the certificate.
func expectOutcome(_ outcome: SolveOutcome, matches expected: Int64?, _ p: AssignmentProblem,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    switch outcome {
    case .optimal(let sol):
        #expect(expected == sol.totalCost, sourceLocation: sourceLocation)
        if case .failure(let why) = sol.verify(against: p) {
            Issue.record("certificate rejected: \(why)", sourceLocation: sourceLocation)
        }
    case .infeasible(let v):
        #expect(expected == nil, "solver says infeasible, reference found \(String(describing: expected))", sourceLocation: sourceLocation)
        expectValidViolator(v, p, sourceLocation: sourceLocation)
    case .stopped:
        Issue.record("unexpected stop", sourceLocation: sourceLocation)
    }
}

/// Simple reference min-cost flow: successive shortest paths with Bellman-Ford on the full
/// network (source -> staff -> section -> sink). Slow but obviously correct.
func referenceCost(_ p: AssignmentProblem) -> Int64? {
    let S = p.staffCount, J = p.sectionCount
    let src = S + J, snk = S + J + 1, n = S + J + 2
    var to: [Int] = [], capA: [Int] = [], costA: [Int64] = [], head = [[Int]](repeating: [], count: n)
    func add(_ a: Int, _ b: Int, _ c: Int, _ w: Int64) {
        head[a].append(to.count); to.append(b); capA.append(c); costA.append(w)
        head[b].append(to.count); to.append(a); capA.append(0); costA.append(-w)
    }
    for s in 0..<S { add(src, s, 1, 0) }
    for pr in p.allPairs { add(pr.staff, S + pr.section, 1, Int64(pr.cost)) }
    for j in 0..<J { add(S + j, snk, p.capacities[j], 0) }
    var total: Int64 = 0
    for _ in 0..<S {
        var dist = [Int64?](repeating: nil, count: n)
        var pre = [Int](repeating: -1, count: n)
        dist[src] = 0
        var changed = true
        while changed {
            changed = false
            for v in 0..<n {
                guard let dv = dist[v] else { continue }
                for a in head[v] where capA[a] > 0 {
                    let nd = dv + costA[a]
                    if dist[to[a]] == nil || nd < dist[to[a]]! { dist[to[a]] = nd; pre[to[a]] = a; changed = true }
                }
            }
        }
        guard let d = dist[snk] else { return nil }
        total += d
        var v = snk
        while v != src { let a = pre[v]; capA[a] -= 1; capA[a ^ 1] += 1; v = to[a ^ 1] }
    }
    return total
}
