// Parser.swift -- reads the instance text format of shared/bench/gen_rotation_instance.py.
//
//   line 1            : S J E
//   lines 2 .. J+1    : c_j
//   lines J+2 .. J+E+1: s j cost
//
// Fields are separated by single spaces (tabs and repeated spaces are tolerated), lines end
// with '\n' (a '\r' before it and a missing final newline are tolerated).

/// A malformed instance file: the 1-based line number and the reason.
public struct InstanceParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

public enum InstanceParser {
    /// The largest staff count a header may announce. Staff members without pairs take no line,
    /// so unlike the section and edge counts the file's length cannot bound it; this ceiling,
    /// far above any civil service, keeps a short file from making the parser and the solver
    /// allocate gigabytes.
    public static let maxStaffCount = 10_000_000

    /// Parses an instance from its bytes.
    public static func parse(_ bytes: [UInt8]) throws(InstanceParseError) -> AssignmentProblem {
        var result: Result<AssignmentProblem, InstanceParseError>!
        bytes.withUnsafeBytes { result = parseResult($0) }
        return try result.get()
    }

    /// Parses an instance from a buffer (e.g. a memory-mapped file).
    public static func parse(_ buffer: UnsafeRawBufferPointer) throws(InstanceParseError) -> AssignmentProblem {
        try parseResult(buffer).get()
    }

    /// Parses an instance from text.
    public static func parse(_ text: String) throws(InstanceParseError) -> AssignmentProblem {
        try parse(Array(text.utf8))
    }

    static func parseResult(_ buf: UnsafeRawBufferPointer) -> Result<AssignmentProblem, InstanceParseError> {
        var reader = LineReader(buf)
        do {
            return .success(try parseLines(&reader))
        } catch {
            return .failure(error)
        }
    }

    private static func parseLines(_ r: inout LineReader) throws(InstanceParseError) -> AssignmentProblem {
        var f = (0, 0, 0)
        guard r.nextLine() else { throw InstanceParseError(line: 1, reason: "empty file: expected header 'S J E'") }
        try r.fields3(&f, what: "header 'S J E'")
        let (S, J, E) = f
        let limit = Int(Int32.max) - 1
        guard S <= maxStaffCount else {
            throw InstanceParseError(line: 1, reason: "staff count \(S) too large (at most \(maxStaffCount))")
        }
        guard J <= limit else { throw InstanceParseError(line: 1, reason: "section count \(J) too large") }
        guard E <= limit else { throw InstanceParseError(line: 1, reason: "edge count \(E) too large") }
        // Guard against absurd counts before allocating: every line needs at least one byte.
        if J + E > r.remainingBytes {
            throw InstanceParseError(line: 1, reason: "wrong counts: header announces \(J) sections and \(E) edges but the file is too short for them")
        }
        var caps = [Int](repeating: 0, count: J)
        for j in 0..<J {
            guard r.nextLine() else {
                throw InstanceParseError(line: r.line + 1, reason: "wrong counts: file ends after \(j) of \(J) capacity lines")
            }
            caps[j] = try r.field1(what: "capacity of section \(j)")
        }
        var rowStart = [Int32](repeating: 0, count: S + 1)
        var sec = [Int32](repeating: 0, count: E)
        var cst = [Int32](repeating: 0, count: E)
        // Staff rows are expected in ascending order (as the generator writes them); otherwise
        // the pairs are collected and sorted afterwards.
        var sortedByStaff = true
        var unsortedStaff: [Int32] = []
        var unsortedLine: [Int32] = []
        var lastSeen = [Int32](repeating: -1, count: J)   // last staff seen per section
        var prevStaff = 0
        var edgeTriple = (0, 0, 0)
        for e in 0..<E {
            guard r.nextLine() else {
                throw InstanceParseError(line: r.line + 1, reason: "wrong counts: file ends after \(e) of \(E) edge lines")
            }
            try r.fields3(&edgeTriple, what: "edge 's j cost'")
            let (s, j, c) = edgeTriple
            if s >= S { throw InstanceParseError(line: r.line, reason: "staff index \(s) out of range (S = \(S))") }
            if j >= J { throw InstanceParseError(line: r.line, reason: "section index \(j) out of range (J = \(J))") }
            if c > Int(Int32.max) { throw InstanceParseError(line: r.line, reason: "cost \(c) too large (max \(Int32.max))") }
            if sortedByStaff && s < prevStaff {
                sortedByStaff = false
                unsortedStaff.reserveCapacity(E)
                unsortedLine.reserveCapacity(E)
                // Reconstruct the staff of the pairs read so far.
                for t in 0..<prevStaff + 1 {
                    let lo = Int(rowStart[t]), hi = t == prevStaff ? e : Int(rowStart[t + 1])
                    for q in lo..<hi { unsortedStaff.append(Int32(t)); unsortedLine.append(Int32(J + 2 + q)) }
                }
            }
            if sortedByStaff {
                if s > prevStaff {
                    for t in (prevStaff + 1)...s { rowStart[t] = Int32(e) }
                    prevStaff = s
                }
                if lastSeen[j] == Int32(s) {
                    throw InstanceParseError(line: r.line, reason: "duplicate pair (staff \(s), section \(j))")
                }
                lastSeen[j] = Int32(s)
            } else {
                unsortedStaff.append(Int32(s))
                unsortedLine.append(Int32(r.line))
            }
            sec[e] = Int32(j)
            cst[e] = Int32(c)
        }
        if r.nextLine() {
            if r.isBlankLine {
                // Allow trailing blank lines only at the very end.
                while r.nextLine() {
                    if !r.isBlankLine { throw InstanceParseError(line: r.line, reason: "wrong counts: more lines than the header's \(J) sections and \(E) edges") }
                }
            } else {
                throw InstanceParseError(line: r.line, reason: "wrong counts: more lines than the header's \(J) sections and \(E) edges")
            }
        }
        if sortedByStaff {
            if S > 0 {
                for t in (prevStaff + 1)...S { rowStart[t] = Int32(E) }
                if E == 0 { for t in 0...S { rowStart[t] = 0 } }
            }
            // Rows are usually sorted by section already; sort the ones that are not.
            for s in 0..<S {
                let lo = Int(rowStart[s]), hi = Int(rowStart[s + 1])
                var ok = true
                var q = lo + 1
                while q < hi { if sec[q - 1] > sec[q] { ok = false; break }; q += 1 }
                if !ok {
                    var row = (lo..<hi).map { (sec[$0], cst[$0]) }
                    row.sort { $0.0 < $1.0 }
                    for (i, p) in row.enumerated() { sec[lo + i] = p.0; cst[lo + i] = p.1 }
                }
            }
            return AssignmentProblem(uncheckedStaffCount: S, capacities: caps, rowStart: rowStart,
                                     pairSection: sec, pairCost: cst)
        }
        // Unsorted input: counting sort by staff, duplicates reported at their later line.
        var counts = [Int32](repeating: 0, count: S + 1)
        for e in 0..<E { counts[Int(unsortedStaff[e]) + 1] += 1 }
        for s in 0..<S { counts[s + 1] += counts[s] }
        var fill = counts
        var order = [Int32](repeating: 0, count: E)
        for e in 0..<E {
            let s = Int(unsortedStaff[e])
            order[Int(fill[s])] = Int32(e)
            fill[s] += 1
        }
        var sec2 = [Int32](repeating: 0, count: E)
        var cst2 = [Int32](repeating: 0, count: E)
        for s in 0..<S {
            let lo = Int(counts[s]), hi = Int(counts[s + 1])
            order[lo..<hi].sort { a, b in sec[Int(a)] != sec[Int(b)] ? sec[Int(a)] < sec[Int(b)] : a < b }
            for q in lo..<hi {
                let e = Int(order[q])
                if q > lo && sec2[q - 1] == sec[e] {
                    throw InstanceParseError(line: Int(unsortedLine[e]), reason: "duplicate pair (staff \(s), section \(sec[e]))")
                }
                sec2[q] = sec[e]
                cst2[q] = cst[e]
            }
        }
        return AssignmentProblem(uncheckedStaffCount: S, capacities: caps, rowStart: counts,
                                 pairSection: sec2, pairCost: cst2)
    }
}

/// Byte-level line reader with numeric field parsing.
struct LineReader {
    let base: UnsafePointer<UInt8>?
    let count: Int
    var pos = 0
    var lineStart = 0
    var lineEnd = 0
    var line = 0

    init(_ buf: UnsafeRawBufferPointer) {
        base = buf.baseAddress?.assumingMemoryBound(to: UInt8.self)
        count = buf.count
    }

    var remainingBytes: Int { count - pos }

    /// Advances to the next line; false at end of input.
    mutating func nextLine() -> Bool {
        guard pos < count, let b = base else { return false }
        lineStart = pos
        var p = pos
        while p < count && b[p] != 10 { p += 1 }
        lineEnd = p
        if lineEnd > lineStart && b[lineEnd - 1] == 13 { lineEnd -= 1 }
        pos = p < count ? p + 1 : p
        line += 1
        return true
    }

    var isBlankLine: Bool {
        guard let b = base else { return true }
        for p in lineStart..<lineEnd where b[p] != 32 && b[p] != 9 { return false }
        return true
    }

    private func describe(_ p: Int) -> String {
        guard let b = base else { return "" }
        var e = p
        while e < lineEnd && b[e] != 32 && b[e] != 9 { e += 1 }
        let token = String(decoding: UnsafeBufferPointer(start: b + p, count: min(e - p, 40)), as: UTF8.self)
        return "'\(token)'"
    }

    /// Parses up to `n` fields into `out`, returns how many fields were present.
    @inline(__always)
    private func number(at p: inout Int, what: String, index: Int) throws(InstanceParseError) -> Int {
        let b = base!
        let start = p
        if b[p] == 45 /* '-' */ {
            var e = p + 1
            var digits = false
            while e < lineEnd && b[e] >= 48 && b[e] <= 57 { e += 1; digits = true }
            if digits && (e == lineEnd || b[e] == 32 || b[e] == 9) {
                throw InstanceParseError(line: line, reason: "negative number \(describe(start)) in \(what) (field \(index + 1))")
            }
            throw InstanceParseError(line: line, reason: "text \(describe(start)) where a number belongs in \(what) (field \(index + 1))")
        }
        var v = 0
        var nd = 0
        while p < lineEnd {
            let c = b[p]
            if c == 32 || c == 9 { break }
            let d = Int(c) &- 48
            if d < 0 || d > 9 {
                throw InstanceParseError(line: line, reason: "text \(describe(start)) where a number belongs in \(what) (field \(index + 1))")
            }
            if nd >= 18 { throw InstanceParseError(line: line, reason: "number \(describe(start)) too large in \(what)") }
            v = v &* 10 &+ d
            nd += 1
            p += 1
        }
        return v
    }

    @inline(__always)
    private func fields(_ out: inout (Int, Int, Int), _ n: Int, what: String) throws(InstanceParseError) {
        let b = base!
        var p = lineStart
        var k = 0
        while true {
            while p < lineEnd && (b[p] == 32 || b[p] == 9) { p += 1 }
            if p >= lineEnd { break }
            if k == n {
                throw InstanceParseError(line: line, reason: "wrong number of fields in \(what): expected \(n), found more")
            }
            let v = try number(at: &p, what: what, index: k)
            if k == 0 { out.0 = v } else if k == 1 { out.1 = v } else { out.2 = v }
            k += 1
        }
        if k < n {
            if k == 0 { throw InstanceParseError(line: line, reason: "empty line where \(what) belongs") }
            throw InstanceParseError(line: line, reason: "wrong number of fields in \(what): expected \(n), found \(k)")
        }
    }

    mutating func fields3(_ t: inout (Int, Int, Int), what: @autoclosure () -> String) throws(InstanceParseError) {
        // Fast path: three plain numbers separated by single spaces.
        let b = base!
        var p = lineStart
        var vals = (0, 0, 0)
        var ok = true
        withUnsafeMutableBytes(of: &vals) { raw in
            let out = raw.baseAddress!.assumingMemoryBound(to: Int.self)
            for k in 0..<3 {
                var v = 0, nd = 0
                while p < lineEnd {
                    let d = Int(b[p]) &- 48
                    if d < 0 || d > 9 { break }
                    v = v &* 10 &+ d
                    nd += 1
                    p += 1
                }
                if nd == 0 || nd > 18 { ok = false; return }
                out[k] = v
                if k < 2 {
                    if p < lineEnd && b[p] == 32 { p += 1 } else { ok = false; return }
                }
            }
            if p != lineEnd { ok = false }
        }
        if ok { t = vals; return }
        var slow = (0, 0, 0)
        try fields(&slow, 3, what: what())
        t = slow
    }

    mutating func field1(what: @autoclosure () -> String) throws(InstanceParseError) -> Int {
        var v = (0, 0, 0)
        try fields(&v, 1, what: what())
        return v.0
    }
}
