import Foundation

/// The seats of a session and its waiting list (キャンセル待ち). Everyone on the list has a queue
/// number, given in the order registrations were accepted (the app gives them under the session's
/// lock, so no two are alike); seats go first come, first served, and a seat that frees up goes
/// to the one who has waited longest — by itself, without the organizer.
public enum DialogueWaitingList {
    public struct Entry: Sendable, Equatable {
        public let id: String
        public let status: DialogueSeatStatus
        public let queueNumber: Int

        public init(id: String, status: DialogueSeatStatus, queueNumber: Int) {
            self.id = id
            self.status = status
            self.queueNumber = queueNumber
        }
    }

    /// Where a registration goes.
    public enum Placement: Sendable, Equatable {
        case seat
        /// On the waiting list, `position` from its head (1 = next to move up).
        case waiting(position: Int)
    }

    /// Where a new registrant goes: a seat while one is free and nobody waits, otherwise the end
    /// of the waiting list (behind everyone already waiting, even if a seat is free for a moment).
    public static func placement(capacity: Int, entries: [Entry]) -> Placement {
        let waiting = entries.filter { $0.status == .waiting }.count
        if waiting == 0 && seatsTaken(entries) < capacity { return .seat }
        return .waiting(position: waiting + 1)
    }

    /// Who moves up into the seats that are free: the waiting in queue order, as many as the free
    /// seats. Empty when no seat is free or nobody waits.
    public static func promotions(capacity: Int, entries: [Entry]) -> [String] {
        let free = max(0, capacity - seatsTaken(entries))
        return Array(waitingOrder(entries).prefix(free).map(\.id))
    }

    /// The waiting list from its head.
    public static func waitingOrder(_ entries: [Entry]) -> [Entry] {
        entries.filter { $0.status == .waiting }.sorted { ($0.queueNumber, $0.id) < ($1.queueNumber, $1.id) }
    }

    /// A waiting entry's place from the head (1 = next to move up); nil for an entry not waiting.
    public static func position(of id: String, in entries: [Entry]) -> Int? {
        waitingOrder(entries).firstIndex { $0.id == id }.map { $0 + 1 }
    }

    public static func seatsTaken(_ entries: [Entry]) -> Int {
        entries.filter { $0.status == .registered }.count
    }

    /// The queue number for the next registration: after every number given so far, cancelled ones
    /// included (a person who cancels and registers again goes to the end).
    public static func nextQueueNumber(_ entries: [Entry]) -> Int {
        (entries.map(\.queueNumber).max() ?? 0) + 1
    }
}
