import FuzzSupport
import RotationSolver

// An instance file as `jibungoto solve` reads it (header 'S J E', J capacities, E pairs).
// Besides not crashing: a rejection names a line of the file (or the one after its end, for a
// file cut short); an accepted instance satisfies the checked initializer's invariants and
// reads back the same from its own text. Small instances are also solved, as the command
// does next, and the answer's certificate checked, so that a parsed value the solver cannot
// handle (a huge capacity, a staff member without pairs) shows up here too.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let buffer = UnsafeRawBufferPointer(start: start, count: count)
    let problem: AssignmentProblem
    do throws(InstanceParseError) {
        problem = try InstanceParser.parse(buffer)
    } catch {
        let lines = buffer.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        require((1...lines + 1).contains(error.line), "error names line \(error.line) of \(lines): \(error)")
        require(!error.reason.isEmpty, "error without a reason")
        return 0
    }

    do throws(ProblemError) {
        let checked = try AssignmentProblem(staffCount: problem.staffCount, capacities: problem.capacities, pairs: problem.allPairs)
        require(checked == problem, "the parser's arrays differ from the checked initializer's")
    } catch {
        fatalError("the parser accepted what the checked initializer rejects: \(error)")
    }
    do throws(InstanceParseError) {
        let again = try InstanceParser.parse(text(of: problem))
        require(again == problem, "the instance does not read back from its own text")
    } catch {
        fatalError("the instance's own text is rejected: \(error)")
    }

    guard problem.staffCount <= 64, problem.pairCount <= 512 else { return 0 }
    let solver = AssignmentSolver(problem)
    switch solver.solve() {
    case .optimal(let solution):
        if case .failure(let why) = solution.verify(against: solver.currentProblem) {
            fatalError("certificate check failed: \(why)")
        }
    case .infeasible(let violator):
        require(violator.seats < violator.staff.count, "a Hall violator with enough seats: \(violator.description)")
    case .stopped:
        fatalError("stopped without a limit")
    }
    return 0
}

private func text(of problem: AssignmentProblem) -> String {
    var text = "\(problem.staffCount) \(problem.sectionCount) \(problem.pairCount)\n"
    for capacity in problem.capacities { text += "\(capacity)\n" }
    for pair in problem.allPairs { text += "\(pair.staff) \(pair.section) \(pair.cost)\n" }
    return text
}
