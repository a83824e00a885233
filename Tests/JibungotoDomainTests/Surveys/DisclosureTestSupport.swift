import Testing
@testable import JibungotoDomain

/// An attacker who knows every shown cell's count and every partition equation
/// (parent = Σ children) and solves the linear system exactly (rational Gaussian elimination):
/// the cells whose counts the system determines.
struct LinearAttacker {
    var partitions: [CellPartition]
    var shown: [CellSpec: Int]

    /// Unknown cells whose value is uniquely determined, with that value.
    func determined() -> [CellSpec: Int] {
        var unknowns: [CellSpec] = []
        var column: [CellSpec: Int] = [:]
        func col(_ cell: CellSpec) -> Int {
            if let c = column[cell] { return c }
            column[cell] = unknowns.count
            unknowns.append(cell)
            return unknowns.count - 1
        }
        var rows: [([Int: Fraction], Fraction)] = []
        for partition in partitions {
            var coefficients: [Int: Fraction] = [:]
            var rhs = Fraction(0)
            for (cell, sign) in [(partition.parent, 1)] + partition.children.map({ ($0, -1) }) {
                if let value = shown[cell] { rhs = rhs - Fraction(sign * value) } else {
                    coefficients[col(cell), default: Fraction(0)] = coefficients[col(cell), default: Fraction(0)] + Fraction(sign)
                }
            }
            rows.append((coefficients.filter { !$0.value.isZero }, rhs))
        }
        let width = unknowns.count
        var matrix = rows.map { row -> [Fraction] in
            var line = [Fraction](repeating: Fraction(0), count: width + 1)
            for (c, v) in row.0 { line[c] = v }
            line[width] = row.1
            return line
        }
        var pivots: [(Int, Int)] = []
        var r = 0
        for c in 0..<width where r < matrix.count {
            guard let p = (r..<matrix.count).first(where: { !matrix[$0][c].isZero }) else { continue }
            matrix.swapAt(r, p)
            let pivot = matrix[r][c]
            matrix[r] = matrix[r].map { $0 / pivot }
            for i in matrix.indices where i != r && !matrix[i][c].isZero {
                let f = matrix[i][c]
                for j in 0...width { matrix[i][j] = matrix[i][j] - f * matrix[r][j] }
            }
            pivots.append((r, c))
            r += 1
        }
        var result: [CellSpec: Int] = [:]
        for (row, c) in pivots where (0..<width).allSatisfy({ $0 == c || matrix[row][$0].isZero }) {
            result[unknowns[c]] = matrix[row][width].numerator / matrix[row][width].denominator
        }
        return result
    }
}

/// Exact rational numbers for the attacker (small systems only).
struct Fraction: Equatable {
    var numerator: Int
    var denominator: Int
    init(_ n: Int, _ d: Int = 1) {
        let g = Fraction.gcd(abs(n), abs(d))
        let sign = d < 0 ? -1 : 1
        numerator = sign * n / max(g, 1)
        denominator = sign * d / max(g, 1)
    }
    var isZero: Bool { numerator == 0 }
    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    static func + (a: Fraction, b: Fraction) -> Fraction { Fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator) }
    static func - (a: Fraction, b: Fraction) -> Fraction { Fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator) }
    static func * (a: Fraction, b: Fraction) -> Fraction { Fraction(a.numerator * b.numerator, a.denominator * b.denominator) }
    static func / (a: Fraction, b: Fraction) -> Fraction { Fraction(a.numerator * b.denominator, a.denominator * b.numerator) }
}

/// Respondents of each cell of a cross-classified report, computed from individual people so
/// that margins always add up.
struct Population {
    /// One entry per respondent: their value in each dimension.
    var respondents: [[CellDimension: String]]

    func count(_ cell: CellSpec) -> Int {
        respondents.filter { person in cell.filters.allSatisfy { person[$0.key] == $0.value } }.count
    }

    func counts(_ cells: [CellSpec]) -> [CellSpec: Int] {
        Dictionary(uniqueKeysWithValues: Set(cells).map { ($0, count($0)) })
    }
}

/// The invariants below for one run of disclosure control.
func checkReleased(
    _ result: SuppressionResult, counts: [CellSpec: Int], hierarchy: CellHierarchy, k: Int,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    checkReleased(shown: result.shown, counts: counts, hierarchy: hierarchy, k: k, sourceLocation: sourceLocation)
}

/// The same invariants for a release as production builds it, over the cells, respondent counts
/// and partitions of its plan.
func checkReleased(_ release: SurveyRelease, plan: SurveyReleaseBuilder.Plan, k: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    checkReleased(shown: Array(release.figures.keys), counts: plan.counts.mapValues(\.respondents), hierarchy: plan.hierarchy, k: k,
                  sourceLocation: sourceLocation)
}

/// The invariants the issue demands of any released report, checked independently of the
/// algorithm's own bookkeeping.
func checkReleased(
    shown shownCells: [CellSpec], counts: [CellSpec: Int], hierarchy: CellHierarchy, k: Int,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let shown = Dictionary(uniqueKeysWithValues: Set(shownCells).map { ($0, counts[$0]!) })
    // 1. Every shown cell has at least k respondents.
    for (cell, n) in shown {
        #expect(n >= k, "shown small cell \(cell) n=\(n)", sourceLocation: sourceLocation)
    }
    // 2. Within every partition whose parent is shown, the hidden children sum to 0 or ≥ k, and a
    //    shown parent never has exactly one hidden child.
    for partition in hierarchy.partitions {
        guard let parent = shown[partition.parent] else { continue }
        let hidden = partition.children.filter { shown[$0] == nil }
        let remainder = parent - partition.children.compactMap { shown[$0] }.reduce(0, +)
        if hidden.isEmpty { continue }
        #expect(remainder >= k, "remainder of \(partition.parent) is \(remainder)", sourceLocation: sourceLocation)
        #expect(hidden.count != 1 || remainder >= k, sourceLocation: sourceLocation)
    }
    // 3. Nested shown cells differ by 0 or ≥ k.
    for (outer, n) in shown {
        for (inner, m) in shown where inner != outer && inner.isWithin(outer) {
            #expect(n - m == 0 || n - m >= k, "\(outer) − \(inner) = \(n - m)", sourceLocation: sourceLocation)
        }
    }
    // 4. No cell below k is determined by any linear combination of the shown cells.
    let attacker = LinearAttacker(partitions: hierarchy.partitions, shown: shown)
    for (cell, value) in attacker.determined() {
        let truth = counts[cell] ?? value
        #expect(value == truth, "attacker solved \(cell) wrongly", sourceLocation: sourceLocation)
        #expect(truth >= k, "attacker recovers \(cell) = \(truth)", sourceLocation: sourceLocation)
    }
}
