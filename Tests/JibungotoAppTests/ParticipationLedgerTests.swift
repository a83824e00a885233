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

    /// The tallies as rows (staff, year, applied, nominated, allocated, volunteered), and the same
    /// counted from the ledger by a plain GROUP BY: the two must always agree.
    static func talliesAndLedger(on sql: any SQLDatabase) async throws -> (tallies: [[String]], ledger: [[String]]) {
        func rows(_ query: SQLQueryString) async throws -> [[String]] {
            try await sql.raw(query).all().map { row in
                [try row.decode(column: "staff_number", as: String.self), String(try row.decode(column: "fiscal_year", as: Int.self))]
                    + (try ParticipationRoute.allCases.map { String(try row.decode(column: $0.rawValue, as: Int.self)) })
            }
        }
        var sums: SQLQueryString = ""
        for route in ParticipationRoute.allCases {
            sums += ", SUM(CASE WHEN route = \(literal: route.rawValue) THEN 1 ELSE 0 END) AS \(ident: route.rawValue)"
        }
        return (
            try await rows("SELECT * FROM \(ident: ParticipationTallies.schema) ORDER BY staff_number, fiscal_year"),
            try await rows("""
                SELECT staff_number, fiscal_year\(sums) FROM \(ident: ParticipationRecord.schema) WHERE crosses_sections = \(bind: true)
                GROUP BY staff_number, fiscal_year ORDER BY staff_number, fiscal_year
                """))
    }

    @Test("the tallies follow every record, update and removal: always what a GROUP BY over the ledger counts, with no empty rows")
    func talliesFollowTheLedger() async throws {
        try await withTestApp { app in
            let sql = try #require(app.db as? any SQLDatabase)
            var nominated = entry("A1", .projectTeam, "t1", on: "2026-05-01", host: "2010")
            nominated.route = .nominated
            try await ParticipationLedger.record(nominated, on: app.db)
            try await ParticipationLedger.record(entry("A1", .supportShift, "s1", on: "2026-06-01"), on: app.db)
            try await ParticipationLedger.record(entry("A1", .sideJob, "j1", on: "2025-06-01", host: "2010"), on: app.db)
            try await ParticipationLedger.record(entry("A2", .projectTeam, "t1", on: "2026-05-01", host: "101010"), on: app.db)  // own section: no tally
            // The shift moves into the next fiscal year and the side job into the own section.
            try await ParticipationLedger.record(entry("A1", .supportShift, "s1", on: "2027-04-02"), on: app.db)
            try await ParticipationLedger.record(entry("A1", .sideJob, "j1", on: "2025-06-01", host: "101010"), on: app.db)
            var (tallies, ledger) = try await Self.talliesAndLedger(on: sql)
            #expect(tallies == [["A1", "2026", "0", "1", "0", "0"], ["A1", "2027", "0", "0", "0", "1"]])
            #expect(tallies == ledger)

            try await ParticipationLedger.remove(kind: .projectTeam, activityID: "t1", staffNumber: "A1", on: app.db)
            (tallies, ledger) = try await Self.talliesAndLedger(on: sql)
            #expect(tallies == [["A1", "2027", "0", "0", "0", "1"]], "the 2026 row is gone with its last entry")
            #expect(tallies == ledger)

            // A ledger filled in bulk is counted afresh to the same rows.
            try await ParticipationTallies.rebuild(on: sql)
            #expect(try await Self.talliesAndLedger(on: sql).tallies == ledger)
        }
    }
}
