import Fluent
import Foundation
import JibungotoDomain

/// The dialogue figures for the Policy module's KPIs, one function per figure, each loading what
/// `DialogueFigures` (domain) counts: sessions from their closing reports, participation from the
/// participation ledger only.
enum DialogueFigureQueries {
    /// Sessions held in the fiscal year (those with a closing report).
    static func sessionsHeld(fiscalYear: Int, on database: any Database) async throws -> Int {
        let sessions = try await DialogueSession.query(on: database).filter(\.$fiscalYear == fiscalYear).all()
        return DialogueFigures.sessionsHeld(sessions.map { DialogueFigures.Session(date: $0.date, isReported: $0.isReported) }, fiscalYear: fiscalYear)
    }

    /// Staff who attended at least one session in the fiscal year, each counted once.
    static func participants(fiscalYear: Int, on database: any Database) async throws -> Int {
        try await participantSet(fiscalYear: fiscalYear, on: database).count
    }

    /// The share (0…1) of the staff placed in a section today who attended at least one session
    /// in the fiscal year; nil when nobody is placed.
    static func shareOfStaffTakingPart(fiscalYear: Int, on database: any Database) async throws -> Double? {
        let staff = Set(try await StaffMember.query(on: database).filter(\.$currentSectionCode != nil).all().map(\.staffNumber))
        return DialogueFigures.shareOfStaff(participants: try await participantSet(fiscalYear: fiscalYear, on: database), staff: staff)
    }

    private static func participantSet(fiscalYear: Int, on database: any Database) async throws -> Set<StaffNumber> {
        let entries = try await ParticipationRecord.query(on: database).filter(\.$kind == .dialogueSession).filter(\.$fiscalYear == fiscalYear).all()
        return DialogueFigures.participants(entries.map(\.entry), fiscalYear: fiscalYear)
    }
}
