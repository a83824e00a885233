import Fluent
import Foundation
import JibungotoDomain
import SQLKit

/// The one way into the participation ledger. Every module that records cross-section activity
/// (teams, side jobs, support shifts, and later dialogue sessions and proposals) calls `record`
/// inside the transaction that makes the activity happen, so the ledger never disagrees with it.
enum ParticipationLedger {
    /// The entry for one person joining one activity, with their section (and department) today.
    static func entry(
        for staff: StaffMember, kind: ParticipationKind, activityID: String, title: String, hostSection: SectionCode?,
        route: ParticipationRoute, date: LocalDate, hours: Double? = nil, tree: OrganizationTree
    ) -> ParticipationEntry {
        let section = staff.currentSectionCode
        return ParticipationEntry(
            staffNumber: staff.staffNumber, kind: kind, activityID: activityID, activityTitle: title,
            sectionCode: section, departmentCode: section.flatMap { tree.department(of: $0)?.code },
            hostSectionCode: hostSection, route: route, date: date, hours: hours)
    }

    /// Records the entry, or updates the one already there for the same person and activity
    /// (a side job's hours grow month by month; a shift moved to another day keeps one entry).
    /// The person's tally (`ParticipationTallies`) moves with it.
    static func record(_ entry: ParticipationEntry, on database: any Database) async throws {
        let record: ParticipationRecord
        if let existing = try await ParticipationRecord.query(on: database)
            .filter(\.$kind == entry.kind).filter(\.$activityID == entry.activityID).filter(\.$staffNumber == entry.staffNumber).first() {
            try await ParticipationTallies.count(existing.entry, -1, on: database)
            existing.update(from: entry)
            record = existing
        } else {
            record = ParticipationRecord(entry)
        }
        try await record.save(on: database)
        try await ParticipationTallies.count(record.entry, 1, on: database)
    }

    /// Takes an entry out when the participation did not happen after all (a swapped shift, a
    /// member removed before the team started).
    static func remove(kind: ParticipationKind, activityID: String, staffNumber: StaffNumber, on database: any Database) async throws {
        let records = try await ParticipationRecord.query(on: database)
            .filter(\.$kind == kind).filter(\.$activityID == activityID).filter(\.$staffNumber == staffNumber).all()
        for record in records {
            try await ParticipationTallies.count(record.entry, -1, on: database)
            try await record.delete(on: database)
        }
    }

    /// One person's entries, newest first (the staff page).
    static func entries(of staffNumber: StaffNumber, on database: any Database) async throws -> [ParticipationEntry] {
        try await ParticipationRecord.query(on: database).filter(\.$staffNumber == staffNumber)
            .sort(\.$date, .descending).sort(\.$activityTitle).all().map(\.entry)
    }

    /// Who took part in anything across sections in the fiscal years `years` (the "new faces" boost
    /// reads which staff are absent from it).
    static func participants(inFiscalYears years: ClosedRange<Int>, on database: any SQLDatabase) async throws -> Set<String> {
        // One pass over those years' tallies, as one text: looking each of a city's 40,000
        // candidates up in them costs PostgreSQL 140 ms (`Benchmarks/opportunities`).
        let rows = try await PackedRows.load(fields: ["staff_number"], """
            FROM \(ident: ParticipationTallies.schema)
            WHERE fiscal_year BETWEEN \(bind: years.lowerBound) AND \(bind: years.upperBound)
            """, on: database)
        var numbers = Set<String>()
        try rows.forEach { numbers.insert($0.text(0)) }
        return numbers
    }
}
