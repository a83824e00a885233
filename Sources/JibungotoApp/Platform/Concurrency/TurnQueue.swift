/// A line where at most `capacity` tasks run at once; the others wait their turn, first come
/// first served, without holding a thread: the password checks (`Application.passwordCheckGate`).
actor TurnQueue {
    private let capacity: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Runs `body` once a place is free, however long that takes.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await enter()
        defer { leave() }
        return try await body()
    }

    /// How many wait for a place now.
    var waitingCount: Int { waiting.count }

    /// Takes a place, at once or when one is handed over.
    private func enter() async {
        if running < capacity {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place to the next in line, or frees it.
    private func leave() {
        guard !waiting.isEmpty else {
            running -= 1
            return
        }
        waiting.removeFirst().resume()
    }
}
