import PropertyBased
import Testing
@testable import RotationSolver

@Suite struct ParserTests {
    func text(_ p: AssignmentProblem) -> String {
        var t = "\(p.staffCount) \(p.sectionCount) \(p.pairCount)\n"
        for c in p.capacities { t += "\(c)\n" }
        for pr in p.allPairs { t += "\(pr.staff) \(pr.section) \(pr.cost)\n" }
        return t
    }

    @Test func roundTrip() async throws {
        await propertyCheck(count: 50, input: Gen.int(in: 1...20), Gen.int(in: 1...8), Gen.int(in: 0...1_000_000)) { S, J, seed in
            let p = randomProblem(staff: S, sections: J, maxCap: 5, density: 40, style: .normal, seed: seed)
            let parsed = try InstanceParser.parse(text(p))
            #expect(parsed == p)
        }
    }

    @Test func unsortedEdgeLinesAndCRLF() throws {
        let p = try InstanceParser.parse("2 2 3\r\n1\r\n1\r\n1 0 5\r\n0 1 4\r\n0 0 3")
        #expect(p.pairs(ofStaff: 0).map(\.section) == [0, 1])
        #expect(p.pairs(ofStaff: 1).map(\.cost) == [5])
        guard case .optimal(let sol) = AssignmentSolver.solve(p) else { Issue.record("expected optimum"); return }
        #expect(sol.totalCost == 9)
    }

    static let cases: [(String, Int, String)] = [
        ("", 1, "empty file"),
        ("2 1\n1\n", 1, "wrong number of fields"),
        ("2 1 x\n1\n", 1, "text"),
        ("1 3 0\n1\n1\n", 4, "wrong counts"),                    // file ends in capacities
        ("1 2 1000\n1\n", 1, "wrong counts"),                     // header far off
        ("1 1 2\n1\n0 0 1\n", 4, "wrong counts"),                  // fewer edge lines
        ("1 1 1\n1\n0 0 1\n0 0 2\n", 4, "wrong counts"),           // extra line
        ("1 1 1\n-1\n0 0 1\n", 2, "negative"),
        ("1 1 1\n1\n0 0 -5\n", 3, "negative"),
        ("1 2 1\n1\n1\n0 2 1\n", 4, "section index 2 out of range"),
        ("1 1 1\n1\n3 0 1\n", 3, "staff index 3 out of range"),
        ("2 2 3\n1\n1\n0 0 1\n0 1 1\n0 0 2\n", 6, "duplicate pair"),
        ("2 2 3\n1\n1\n1 0 1\n0 1 1\n1 0 2\n", 6, "duplicate pair"), // unsorted input
        ("1 1 1\n1\n0 zero 1\n", 3, "text"),
        ("1 1 1\n1x\n0 0 1\n", 2, "text"),
        ("1 1 1\n1\n0 0 1 4\n", 3, "wrong number of fields"),
        ("1 1 1\n1\n\n", 3, "empty line"),
        ("1 1 1\n1\n0 0 99999999999\n", 3, "too large"),
        ("1 1 100\n1\n0 0 1\n", 1, "wrong counts"),
    ]

    @Test(arguments: 0..<cases.count)
    func malformedFilesReportLineAndReason(_ i: Int) {
        let (input, line, reason) = Self.cases[i]
        do {
            _ = try InstanceParser.parse(input)
            Issue.record("case \(i) parsed but should fail")
        } catch {
            #expect(error.line == line, "case \(i): \(error)")
            #expect(error.description.contains(reason), "case \(i): \(error)")
        }
    }

    // Found by Fuzz/InstanceFuzzer: a 32-byte file announcing 1,111,111,142 staff made the
    // parser allocate 4.4 GB for the row index before reading a pair line.
    @Test func hugeStaffCountIsRejectedBeforeAllocating() {
        do {
            _ = try InstanceParser.parse("1111111142 2 3\r\n1\r\n1\r\n1 01111 5 ")
            Issue.record("parsed but should fail")
        } catch {
            #expect(error.line == 1)
            #expect(error.reason == "staff count 1111111142 too large (at most 10000000)")
        }
    }

    @Test func generatorStyleInstance() throws {
        let t = "3 2 4\n2\n1\n0 0 10\n0 1 0\n1 1 5\n2 0 7\n"
        let p = try InstanceParser.parse(t)
        #expect(p.staffCount == 3 && p.sectionCount == 2 && p.pairCount == 4)
        guard case .optimal(let sol) = AssignmentSolver.solve(p) else { Issue.record("expected optimum"); return }
        #expect(sol.totalCost == 22)
        #expect(sol.assignment == [0, 1, 0])
    }
}
