import Fluent
import Foundation
@testable import JibungotoApp
import JibungotoDomain
import JibungotoTestSupport
import SQLKit
import Testing
import Vapor

@Suite("Participation ledger: one entry per person and activity, any kind, read by the staff page and the new-faces rule")
struct ParticipationLedgerTests {
    /// A kind a later module (Dialogue) declares in its own file; the ledger takes it unchanged.
    static let dialogueSession = ParticipationKind(rawValue: "dialogue_session")

    func entry(_ number: StaffNumber, _ kind: ParticipationKind, _ activity: String, on date: String, host: SectionCode? = nil, hours: Double? = nil) -> ParticipationEntry {
        ParticipationEntry(staffNumber: number, kind: kind, activityID: activity, activityTitle: "活動 \(activity)", sectionCode: "101010",
                           departmentCode: "10", hostSectionCode: host, route: .volunteered, date: day(date), hours: hours)
    }

    @Test("recording the same person and activity again updates it (a side job's hours grow); remove takes it out")
    func upsertAndRemove() async throws {
        try await withTestApp { app in
            try await ParticipationLedger.record(entry("D0001", .sideJob, "job-1", on: "2026-05-01", host: "2010", hours: 4), on: app.db)
            try await ParticipationLedger.record(entry("D0001", .sideJob, "job-1", on: "2026-05-01", host: "2010", hours: 10.5), on: app.db)
            let entries = try await ParticipationLedger.entries(of: "D0001", on: app.db)
            #expect(entries.count == 1)
            #expect(entries.first?.hours == 10.5)
            try await ParticipationLedger.remove(kind: .sideJob, activityID: "job-1", staffNumber: "D0001", on: app.db)
            #expect(try await ParticipationLedger.entries(of: "D0001", on: app.db).isEmpty)
        }
    }

    @Test("a kind no part of Opportunities knows is recorded, listed and counted like the others")
    func laterKinds() async throws {
        try await withTestApp { app in
            try await ParticipationLedger.record(entry("D0001", Self.dialogueSession, "session-7", on: "2025-06-10"), on: app.db)
            try await ParticipationLedger.record(entry("D0001", .projectTeam, "team-1", on: "2026-06-01", host: "1010"), on: app.db)
            let entries = try await ParticipationLedger.entries(of: "D0001", on: app.db)
            #expect(entries.map(\.kind) == [.projectTeam, Self.dialogueSession], "newest first")
            #expect(entries.map(\.fiscalYear) == [2026, 2025])
        }
    }

    @Test("new faces: only cross-section entries of the years asked count as recent participation")
    func participants() async throws {
        try await withTestApp { app in
            try await ParticipationLedger.record(entry("A1", .supportShift, "s1", on: "2026-04-01"), on: app.db)            // this year, no host: crosses
            try await ParticipationLedger.record(entry("A2", .projectTeam, "t1", on: "2026-05-01", host: "101010"), on: app.db) // own section
            try await ParticipationLedger.record(entry("A3", .projectTeam, "t2", on: "2025-03-31", host: "2010"), on: app.db)   // fiscal 2024
            try await ParticipationLedger.record(entry("A4", .sideJob, "j1", on: "2025-04-01", host: "2010"), on: app.db)      // fiscal 2025
            let sql = try #require(app.db as? any SQLDatabase)
            #expect(try await ParticipationLedger.participants(inFiscalYears: 2025...2026, on: sql) == ["A1", "A4"])
        }
    }
}
