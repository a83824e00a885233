import Testing

@testable import JibungotoDomain
import JibungotoTestSupport

@Suite("Dialogue sessions: seats and the waiting list")
struct DialogueWaitingListTests {
    typealias Entry = DialogueWaitingList.Entry

    func entry(_ id: String, _ status: DialogueSeatStatus, _ queue: Int) -> Entry {
        Entry(id: id, status: status, queueNumber: queue)
    }

    @Test("a seat while one is free; then the end of the waiting list, with its position")
    func placement() {
        #expect(DialogueWaitingList.placement(capacity: 2, entries: []) == .seat)
        let one = [entry("a", .registered, 1)]
        #expect(DialogueWaitingList.placement(capacity: 2, entries: one) == .seat)
        let full = one + [entry("b", .registered, 2)]
        #expect(DialogueWaitingList.placement(capacity: 2, entries: full) == .waiting(position: 1))
        let queue = full + [entry("c", .waiting, 3), entry("d", .cancelled, 4), entry("e", .waiting, 5)]
        #expect(DialogueWaitingList.placement(capacity: 2, entries: queue) == .waiting(position: 3))
        #expect(DialogueWaitingList.placement(capacity: 1, entries: [entry("a", .cancelled, 1)]) == .seat, "a cancelled row holds no seat")
    }

    @Test("nobody overtakes the waiting: a free seat with people waiting goes to them, not to a newcomer")
    func noOvertaking() {
        let entries = [entry("a", .registered, 1), entry("b", .waiting, 2)]
        #expect(DialogueWaitingList.placement(capacity: 2, entries: entries) == .waiting(position: 2))
        #expect(DialogueWaitingList.promotions(capacity: 2, entries: entries) == ["b"])
    }

    @Test("a cancellation moves up the one who waited longest, by queue number, as many as the seats freed")
    func promotions() {
        let entries = [
            entry("a", .cancelled, 1), entry("b", .registered, 2), entry("c", .cancelled, 3),
            entry("late", .waiting, 9), entry("early", .waiting, 5), entry("middle", .waiting, 7),
        ]
        #expect(DialogueWaitingList.promotions(capacity: 3, entries: entries) == ["early", "middle"])
        #expect(DialogueWaitingList.promotions(capacity: 1, entries: entries) == [])
        #expect(DialogueWaitingList.promotions(capacity: 10, entries: [entry("a", .registered, 1)]) == [], "nobody waits")
        #expect(DialogueWaitingList.waitingOrder(entries).map(\.id) == ["early", "middle", "late"])
        #expect(DialogueWaitingList.position(of: "middle", in: entries) == 2)
        #expect(DialogueWaitingList.position(of: "b", in: entries) == nil, "a seat holder has no position")
    }

    @Test("queue numbers only grow, so one who cancels and registers again goes to the end")
    func queueNumbers() {
        #expect(DialogueWaitingList.nextQueueNumber([]) == 1)
        #expect(DialogueWaitingList.nextQueueNumber([entry("a", .registered, 1), entry("b", .cancelled, 4), entry("c", .waiting, 3)]) == 5)
    }

    @Test("any sequence of registrations and cancellations keeps the seats within capacity and the queue in order")
    func replay() {
        // A deterministic stream of arrivals and cancellations over a small session.
        let capacity = 3
        var entries: [Entry] = []
        var seed: UInt64 = 42
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33)
        }
        var accepted: [String] = []
        for step in 0..<400 {
            let active = entries.filter { $0.status != .cancelled }
            if next() % 3 != 0 || active.isEmpty {
                let id = "p\(step)"
                let status: DialogueSeatStatus = DialogueWaitingList.placement(capacity: capacity, entries: entries) == .seat ? .registered : .waiting
                entries.append(entry(id, status, DialogueWaitingList.nextQueueNumber(entries)))
                accepted.append(id)
            } else {
                let leaving = active[next() % active.count]
                entries = entries.map { $0.id == leaving.id ? entry($0.id, .cancelled, $0.queueNumber) : $0 }
            }
            for id in DialogueWaitingList.promotions(capacity: capacity, entries: entries) {
                entries = entries.map { $0.id == id ? entry($0.id, .registered, $0.queueNumber) : $0 }
            }
            let seats = DialogueWaitingList.seatsTaken(entries)
            #expect(seats <= capacity)
            #expect(DialogueWaitingList.waitingOrder(entries).isEmpty || seats == capacity, "nobody waits while a seat is free")
            let waitingQueue = DialogueWaitingList.waitingOrder(entries).map(\.queueNumber)
            #expect(waitingQueue == waitingQueue.sorted())
        }
        #expect(accepted.count > 200)
    }
}
