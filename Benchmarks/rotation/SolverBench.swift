import Foundation
import RotationSolver

/// The solver's side of `Benchmarks/rotation/run.sh`, outside the shipped CLI: solves an instance
/// file cold, then pins the middle staff member (the first with a choice) to their cheapest other
/// section and times the warm re-solve, checking both certificates.
///
///   SolverBench INSTANCE [--stats]
/// prints `cost= staff= sections= edges= seconds=` and `warm_seconds= warm_cost= …`.
@main
enum SolverBench {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let path = arguments.first(where: { !$0.hasPrefix("--") }) else {
            fail("usage: SolverBench INSTANCE [--stats]", code: 2)
        }
        let stats = arguments.contains("--stats")
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)", code: 2) }
        let parsed = data.withUnsafeBytes { raw -> Result<AssignmentProblem, InstanceParseError> in
            do throws(InstanceParseError) { return .success(try InstanceParser.parse(raw)) } catch { return .failure(error) }
        }
        let problem: AssignmentProblem
        switch parsed {
        case .success(let value): problem = value
        case .failure(let error): fail("\(path): \(error)", code: 2)
        }

        let clock = ContinuousClock()
        let start = clock.now
        let solver = AssignmentSolver(problem)
        guard case .optimal(let solution) = solver.solve() else { fail("not solved to optimality", code: 1) }
        let elapsed = clock.now - start
        print("cost=\(solution.totalCost) staff=\(problem.staffCount) sections=\(problem.sectionCount) edges=\(problem.pairCount) seconds=\(seconds(elapsed))")
        if stats {
            let st = solver.lastStats
            print("stats greedy_placed=\(st.greedyPlaced) augmentations=\(st.augmentations) scanned_sections=\(st.scannedSections) repairs=\(st.repairs) sorted_rows=\(st.sortedRows)")
        }
        if case .failure(let why) = solution.verify(against: solver.currentProblem) { fail("certificate check failed: \(why)", code: 3) }

        let staffCount = solver.staffCount
        let choice = (0..<staffCount).lazy.map { (staffCount / 2 + $0) % staffCount }.compactMap { staff -> (Int, Int)? in
            let options = solver.activePairs(ofStaff: staff).filter { $0.section != solution.assignment[staff] }
            return options.min(by: { $0.cost < $1.cost }).map { (staff, $0.section) }
        }.first
        guard let (staff, section) = choice else {
            print("warm_seconds=0 warm_skipped=no_staff_with_a_choice")
            return
        }
        let warmStart = clock.now
        try solver.pin(staff: staff, section: section)
        let outcome = solver.solve()
        let warmElapsed = clock.now - warmStart
        switch outcome {
        case .optimal(let warm):
            print("warm_seconds=\(seconds(warmElapsed)) warm_cost=\(warm.totalCost) pinned_staff=\(staff) pinned_section=\(section)")
            if stats {
                let st = solver.lastStats
                print("warm_stats augmentations=\(st.augmentations) scanned_sections=\(st.scannedSections) repairs=\(st.repairs) sorted_rows=\(st.sortedRows)")
            }
            if case .failure(let why) = warm.verify(against: solver.currentProblem) { fail("warm certificate check failed: \(why)", code: 3) }
        case .infeasible(let violator):
            print("warm_seconds=\(seconds(warmElapsed)) warm_infeasible staff=\(violator.staff.count) seats=\(violator.seats)")
        case .stopped:
            print("warm_seconds=\(seconds(warmElapsed)) warm_stopped")
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        return String(format: "%.6f", Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(code)
    }
}
