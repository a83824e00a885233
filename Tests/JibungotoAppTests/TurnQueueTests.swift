@testable import JibungotoApp
import Testing

/// The line for password checks: never more at once than its places, first come first served.
@Suite("Turn queue: password checks wait their turn")
struct TurnQueueTests {
    actor Concurrency {
        var now = 0, most = 0, done = 0
        var order: [Int] = []
        func enter(_ number: Int = 0) { now += 1; most = max(most, now); order.append(number) }
        func leave() { now -= 1; done += 1 }
    }

    /// Waits until `count` tasks stand in `queue`'s line.
    static func waitUntil(_ queue: TurnQueue, holds count: Int) async throws {
        for _ in 0..<10_000 where await queue.waitingCount < count {
            try await Task.sleep(for: .milliseconds(1))
        }
        try #require(await queue.waitingCount == count, "\(count) wait in line")
    }

    @Test("never more at once than the line's places, and every task runs", arguments: [1, 2])
    func placesAreKept(places: Int) async throws {
        let queue = TurnQueue(capacity: places)
        let seen = Concurrency()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await queue.run {
                        await seen.enter()
                        // Give the others every chance to overlap.
                        for _ in 0..<5 { await Task.yield() }
                        await seen.leave()
                    }
                }
            }
        }
        #expect(await seen.most <= places)
        #expect(await seen.done == 20)
    }

    @Test("tasks that wait run in the order they came")
    func firstComeFirstServed() async throws {
        let queue = TurnQueue(capacity: 1)
        let seen = Concurrency()
        let (release, releaser) = AsyncStream<Void>.makeStream()
        let holder = await Self.holdPlace(in: queue, until: release)
        var waiters: [Task<Void, Never>] = []
        for number in 1...5 {
            waiters.append(Task { await queue.run { await seen.enter(number) } })
            try await Self.waitUntil(queue, holds: number)
        }
        releaser.yield()
        await holder.value
        for waiter in waiters { await waiter.value }
        #expect(await seen.order == [1, 2, 3, 4, 5])
    }

    @Test("a task that fails frees its place")
    func failureFreesThePlace() async throws {
        struct Failure: Error {}
        let queue = TurnQueue(capacity: 1)
        await #expect(throws: Failure.self) {
            try await queue.run { throw Failure() }
        }
        #expect(await queue.run { 7 } == 7)
    }

    /// A task that takes the line's one place and keeps it until `release` yields; returned once it holds it.
    static func holdPlace(in queue: TurnQueue, until release: AsyncStream<Void>) async -> Task<Void, Never> {
        let (held, heldSignal) = AsyncStream<Void>.makeStream()
        let holder = Task {
            await queue.run {
                heldSignal.yield()
                for await _ in release { break }
            }
        }
        for await _ in held { break }
        return holder
    }
}
