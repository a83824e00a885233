import Vapor

/// How many password checks run at once. A bcrypt check at the production cost takes about 0.4 s
/// of a core, so a flood of wrong passwords from one address would otherwise take every core and
/// slow every page for everyone. Checks for browsers that have not signed in before wait their
/// turn here, at most half the cores at a time; a browser the account signed in from before
/// (`KnownDevice`, which a flood cannot forge) passes at once, and signed-in pages need no check.
actor PasswordCheckGate {
    private let capacity: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Runs `check` once a place is free.
    func run<T: Sendable>(_ check: @Sendable () async throws -> T) async rethrows -> T {
        if running < capacity {
            running += 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        defer { leave() }
        return try await check()
    }

    /// Hands the place to the next in line, or frees it.
    private func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}

extension Application {
    private struct PasswordCheckGateKey: StorageKey {
        typealias Value = PasswordCheckGate
    }

    /// The one gate of this application (half the cores, at least one).
    var passwordCheckGate: PasswordCheckGate {
        get {
            guard let gate = storage[PasswordCheckGateKey.self] else { fatalError("passwordCheckGate is set in configure") }
            return gate
        }
        set { storage[PasswordCheckGateKey.self] = newValue }
    }
}
