import ArgumentParser
import Foundation
import RotationSolver

/// `jibungoto solve INSTANCE [--assignment OUT]`: solves a rotation instance file
/// (format: shared/bench/gen_rotation_instance.py) with the RotationSolver engine.
///
/// Exit codes: 0 solved, 1 infeasible (Hall violator on stderr), 2 malformed or unreadable file.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a rotation (capacitated assignment) instance file exactly."
    )

    @Argument(help: "Instance file (header 'S J E', J capacity lines, E lines 's j cost').")
    var instance: String

    @Option(name: .customLong("assignment"), help: ArgumentHelp("Write the 0-based section of each staff member, one per line.", valueName: "OUT"))
    var assignment: String?

    @Flag(name: .customLong("verify"), help: .hidden)
    var verify = false

    @Flag(name: .customLong("pin-benchmark"), help: .hidden)
    var pinBenchmark = false

    @Flag(name: .customLong("stats"), help: .hidden)
    var stats = false

    func run() throws {
        let clock = ContinuousClock()
        let problem = try Self.readInstance(instance)
        let (S, J, E) = (problem.staffCount, problem.sectionCount, problem.pairCount)
        // Solve time includes building the solver's arrays, not reading the file.
        let start = clock.now
        let solver = AssignmentSolver(problem)
        let outcome = solver.solve()
        let elapsed = clock.now - start

        switch outcome {
        case .infeasible(let v):
            FileHandle.standardError.write(Data("infeasible: \(v.description)\n".utf8))
            throw ExitCode(1)
        case .stopped:
            FileHandle.standardError.write(Data("error: solve stopped\n".utf8))
            throw ExitCode(1)
        case .optimal(let solution):
            print("cost=\(solution.totalCost) staff=\(S) sections=\(J) edges=\(E) seconds=\(Self.seconds(elapsed))")
            if stats {
                let st = solver.lastStats
                print("stats greedy_placed=\(st.greedyPlaced) augmentations=\(st.augmentations) scanned_sections=\(st.scannedSections) repairs=\(st.repairs) sorted_rows=\(st.sortedRows)")
            }
            if verify {
                switch solution.verify(against: solver.currentProblem) {
                case .success: print("certificate=ok")
                case .failure(let why):
                    FileHandle.standardError.write(Data("certificate check failed: \(why)\n".utf8))
                    throw ExitCode(3)
                }
            }
            if let out = assignment {
                var text = ""
                text.reserveCapacity(solution.assignment.count * 6)
                for j in solution.assignment {
                    text += String(j)
                    text += "\n"
                }
                guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                    FileHandle.standardError.write(Data("error: cannot write \(out)\n".utf8))
                    throw ExitCode(2)
                }
            }
            if pinBenchmark {
                try runPinBenchmark(solver: solver, solution: solution)
            }
        }
    }

    /// Reads and parses the instance; exit code 2 with line and reason when malformed.
    /// The file bytes are released as soon as parsing ends (lower peak memory).
    static func readInstance(_ path: String) throws -> AssignmentProblem {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
            throw ExitCode(2)
        }
        let parsed = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<AssignmentProblem, InstanceParseError> in
            do throws(InstanceParseError) {
                return .success(try InstanceParser.parse(raw))
            } catch {
                return .failure(error)
            }
        }
        switch parsed {
        case .success(let problem):
            return problem
        case .failure(let error):
            FileHandle.standardError.write(Data("error: \(path): line \(error.line): \(error.reason)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Pins the middle staff member (first one with a choice) to its cheapest other allowed
    /// section and times the warm re-solve.
    private func runPinBenchmark(solver: AssignmentSolver, solution: Solution) throws {
        let S = solver.staffCount
        guard S > 0 else { return }
        var s = S / 2
        var target: Int? = nil
        for step in 0..<S {
            let cand = (S / 2 + step) % S
            let options = solver.activePairs(ofStaff: cand).filter { $0.section != solution.assignment[cand] }
            if let best = options.min(by: { $0.cost < $1.cost }) {
                s = cand
                target = best.section
                break
            }
        }
        guard let j = target else { return }
        let clock = ContinuousClock()
        let start = clock.now
        try solver.pin(staff: s, section: j)
        let outcome = solver.solve()
        let elapsed = clock.now - start
        switch outcome {
        case .optimal(let warm):
            print("warm_seconds=\(Self.seconds(elapsed)) warm_cost=\(warm.totalCost) pinned_staff=\(s) pinned_section=\(j)")
            if stats {
                let st = solver.lastStats
                print("warm_stats augmentations=\(st.augmentations) scanned_sections=\(st.scannedSections) repairs=\(st.repairs) sorted_rows=\(st.sortedRows)")
            }
            if verify {
                switch warm.verify(against: solver.currentProblem) {
                case .success: print("warm_certificate=ok")
                case .failure(let why):
                    FileHandle.standardError.write(Data("warm certificate check failed: \(why)\n".utf8))
                    throw ExitCode(3)
                }
            }
        case .infeasible(let v):
            print("warm_seconds=\(Self.seconds(elapsed)) warm_infeasible staff=\(v.staff.count) seats=\(v.seats)")
        case .stopped:
            print("warm_seconds=\(Self.seconds(elapsed)) warm_stopped")
        }
    }

    static func seconds(_ d: Duration) -> String {
        let c = d.components
        let s = Double(c.seconds) + Double(c.attoseconds) / 1e18
        return String(format: "%.6f", s)
    }
}
