import Vapor

extension Application {
    private struct PasswordCheckGateKey: StorageKey {
        typealias Value = TurnQueue
    }

    /// How many password checks run at once: half the cores, at least one. A bcrypt check at the
    /// production cost takes about 0.4 s of a core, so a flood of wrong passwords from one address
    /// would otherwise take every core and slow every page for everyone. Checks for browsers that
    /// have not signed in before wait their turn here; a browser the account signed in from before
    /// (`KnownDevice`, which a flood cannot forge) passes at once, and signed-in pages need no check.
    var passwordCheckGate: TurnQueue {
        get {
            guard let gate = storage[PasswordCheckGateKey.self] else { fatalError("passwordCheckGate is set in configure") }
            return gate
        }
        set { storage[PasswordCheckGateKey.self] = newValue }
    }
}
