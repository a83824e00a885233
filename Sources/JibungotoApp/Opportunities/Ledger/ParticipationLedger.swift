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
    static func participants(inFiscalYears years: ClosedRange<Int>, on database: any SQLDatabase) async throws -> Set<StaffNumber> {
        // Plain SQL over the tallies: a city of 50,000 has tens of thousands of participants a
        // year, and only the numbers are needed.
        let rows = try await database.select().distinct().column("staff_number").from(ParticipationTallies.schema)
            .where("fiscal_year", .greaterThanOrEqual, years.lowerBound).where("fiscal_year", .lessThanOrEqual, years.upperBound).all()
        return Set(try rows.map { StaffNumber(try $0.decode(column: "staff_number", as: String.self)) })
    }
}
