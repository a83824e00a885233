@testable import JibungotoApp
import Testing

@Suite("Password checks: a flood of wrong passwords waits its turn instead of taking every core")
struct PasswordCheckGateTests {
    actor Concurrency {
        var now = 0, most = 0, done = 0
        func enter() { now += 1; most = max(most, now) }
        func leave() { now -= 1; done += 1 }
    }

    @Test("never more checks at once than the gate's places, and every check runs", arguments: [1, 2])
    func placesAreKept(places: Int) async throws {
        let gate = PasswordCheckGate(capacity: places)
        let seen = Concurrency()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await gate.run {
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
}
