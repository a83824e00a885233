import ArgumentParser
import Foundation
import RotationSolver

/// `jibungoto solve INSTANCE [--assignment OUT]`: solves a rotation instance file
/// (format: shared/bench/gen_rotation_instance.py) with the RotationSolver engine.
///
/// Exit codes: 0 solved, 1 infeasible (Hall violator on stderr), 2 malformed or unreadable file,
/// 3 certificate check failed (`--verify`). Timing a warm re-solve is `Benchmarks/rotation` (SolverBench).
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a rotation (capacitated assignment) instance file exactly."
    )

    @Argument(help: "Instance file (header 'S J E', J capacity lines, E lines 's j cost').")
    var instance: String

    @Option(name: .customLong("assignment"), help: ArgumentHelp("Write the 0-based section of each staff member, one per line.", valueName: "OUT"))
    var assignment: String?

    @Flag(name: .customLong("verify"), help: "Check the optimality certificate of the solution (exit code 3 if it fails).")
    var verify = false

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

    static func seconds(_ d: Duration) -> String {
        let c = d.components
        let s = Double(c.seconds) + Double(c.attoseconds) / 1e18
        return String(format: "%.6f", s)
    }
}
