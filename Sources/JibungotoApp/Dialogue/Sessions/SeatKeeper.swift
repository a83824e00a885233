import Fluent
import Foundation
import JibungotoDomain
import SQLKit
import Vapor

/// The one place where seats change hands. Registering, inviting and cancelling each decide inside
/// the caller's transaction, after locking the session's row, on the list as it stands then — so
/// two requests at once can never both take the last seat, and the waiting list moves up in its
/// order whoever cancels. Call these only with the transaction's database.
enum SeatKeeper {
    /// A registration refused on the list as it stands under the lock.
    struct RegistrationRefused: Error {
        let refusal: DialogueRegistrationRule.Refusal
    }

    struct CancellationRefused: Error {
        let refusal: DialogueCancellationRule.Refusal
    }

    struct Outcome: Sendable {
        /// Where the person went: a seat, or a place on the waiting list.
        let placement: DialogueWaitingList.Placement
        /// Those whom the change moved up from the waiting list.
        let promoted: [StaffNumber]
    }

    /// Locks the session's row until the transaction ends (`RowLock`): every other seat decision
    /// on this session waits for the commit.
    static func lock(_ sessionID: UUID, on database: any Database) async throws {
        try await RowLock.lock(DialogueSession.schema, id: sessionID, on: database)
    }

    /// Registers the person — or, when `invitedBy` names the organizer, puts them on the list as
    /// invited, outside the registration window too — in a seat if one is free and nobody waits,
    /// else at the end of the waiting list. One who cancelled before gets their row back, at the end.
    static func register(
        sessionID: UUID, staffNumber: StaffNumber, invited: Bool, admittedByGroup: Bool, hasStaffRecord: Bool, now: Date, on database: any Database
    ) async throws -> Outcome {
        try await lock(sessionID, on: database)
        guard let session = try await DialogueSession.find(sessionID, on: database) else { throw Abort(.notFound) }
        let rows = try await DialogueRegistration.query(on: database).filter(\.$session.$id == sessionID).all()
        let mine = rows.first { $0.staffNumber == staffNumber }
        if let refusal = DialogueRegistrationRule.refusal(
            time: session.time, window: session.window, isOpenCall: session.isOpenCall || invited,
            admitted: mine?.isInvited == true || admittedByGroup, isReported: session.isReported, status: mine?.status,
            hasStaffRecord: hasStaffRecord, now: DialogueMoment(now, in: .japan)) {
            var outsideWindow = false
            switch refusal {
            case .notYetOpen, .windowClosed: outsideWindow = true
            default: break
            }
            // The organizer may invite before the window opens or after it closed.
            if !(invited && outsideWindow) { throw RegistrationRefused(refusal: refusal) }
        }
        let entries = rows.map(\.entry)
        let placement = DialogueWaitingList.placement(capacity: session.capacity, entries: entries)
        let row = mine ?? DialogueRegistration(sessionID: sessionID, staffNumber: staffNumber, status: .waiting, queueNumber: 0, registeredAt: now)
        row.status = placement == .seat ? .registered : .waiting
        row.queueNumber = DialogueWaitingList.nextQueueNumber(entries)
        row.isInvited = invited || row.isInvited
        row.registeredAt = now
        row.promotedAt = nil
        row.cancelledAt = nil
        try await row.save(on: database)
        let promoted = try await moveUp(session, now: now, on: database)
        return Outcome(placement: promoted.contains(staffNumber) ? .seat : placement, promoted: promoted.filter { $0 != staffNumber })
    }

    /// Cancels the person's seat or waiting place; the seat freed goes to whoever waited longest.
    static func cancel(sessionID: UUID, staffNumber: StaffNumber, now: Date, on database: any Database) async throws -> [StaffNumber] {
        try await lock(sessionID, on: database)
        guard let session = try await DialogueSession.find(sessionID, on: database) else { throw Abort(.notFound) }
        let mine = try await DialogueRegistration.query(on: database).filter(\.$session.$id == sessionID).filter(\.$staffNumber == staffNumber).first()
        if let refusal = DialogueCancellationRule.refusal(status: mine?.status, time: session.time, now: DialogueMoment(now, in: .japan)) {
            throw CancellationRefused(refusal: refusal)
        }
        guard let mine else { throw CancellationRefused(refusal: .notRegistered) }
        mine.status = .cancelled
        mine.cancelledAt = now
        mine.promotedAt = nil
        try await mine.save(on: database)
        return try await moveUp(session, now: now, on: database)
    }

    /// Gives the free seats to the waiting, longest waiting first; who moved up is told on their
    /// home page (by `promotedAt`).
    private static func moveUp(_ session: DialogueSession, now: Date, on database: any Database) async throws -> [StaffNumber] {
        let rows = try await DialogueRegistration.query(on: database).filter(\.$session.$id == session.requireID()).all()
        let moving = Set(DialogueWaitingList.promotions(capacity: session.capacity, entries: rows.map(\.entry)))
        var promoted: [StaffNumber] = []
        for row in rows.sorted(by: { $0.queueNumber < $1.queueNumber }) where moving.contains(row.entry.id) {
            row.status = .registered
            row.promotedAt = now
            try await row.save(on: database)
            promoted.append(row.staffNumber)
        }
        return promoted
    }
}
