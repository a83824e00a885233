/// A line where at most `capacity` tasks run at once; the others wait their turn, first come
/// first served, without holding a thread: the password checks (`Application.passwordCheckGate`).
actor TurnQueue {
    /// A task waited longer than its limit and gave up before its turn came; nothing ran.
    struct WaitedTooLong: Error, CustomStringConvertible {
        var description: String { "waited too long for a turn" }
    }

    private struct Waiter {
        let ticket: UInt64
        let continuation: CheckedContinuation<Bool, Never>
        let timer: Task<Void, Never>?
    }

    private let capacity: Int
    private var running = 0
    private var waiting: [Waiter] = []
    private var lastTicket: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Runs `body` once a place is free, however long that takes.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        _ = await enter(waitingAtMost: nil)
        defer { leave() }
        return try await body()
    }

    /// Runs `body` once a place is free, or throws `WaitedTooLong` after `limit` without running it.
    func run<T: Sendable>(waitingAtMost limit: Duration, _ body: @Sendable () async throws -> T) async throws -> T {
        guard await enter(waitingAtMost: limit) else { throw WaitedTooLong() }
        defer { leave() }
        return try await body()
    }

    /// How many wait for a place now.
    var waitingCount: Int { waiting.count }

    /// Takes a place, at once or when one is handed over; false if `limit` passed first.
    private func enter(waitingAtMost limit: Duration?) async -> Bool {
        if running < capacity {
            running += 1
            return true
        }
        lastTicket += 1
        let ticket = lastTicket
        let timer = limit.map { limit in
            Task { [weak self] in
                // Cancelled when the turn comes: then there is nothing to give up.
                guard (try? await Task.sleep(for: limit)) != nil else { return }
                await self?.giveUp(ticket)
            }
        }
        return await withCheckedContinuation { waiting.append(Waiter(ticket: ticket, continuation: $0, timer: timer)) }
    }

    private func giveUp(_ ticket: UInt64) {
        guard let index = waiting.firstIndex(where: { $0.ticket == ticket }) else { return }
        waiting.remove(at: index).continuation.resume(returning: false)
    }

    /// Hands the place to the next in line, or frees it.
    private func leave() {
        guard !waiting.isEmpty else {
            running -= 1
            return
        }
        let next = waiting.removeFirst()
        next.timer?.cancel()
        next.continuation.resume(returning: true)
    }
}
