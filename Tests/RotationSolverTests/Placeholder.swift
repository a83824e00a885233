import Testing
@testable import RotationSolver
