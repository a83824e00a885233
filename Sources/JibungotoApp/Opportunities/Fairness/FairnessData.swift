import Fluent
import Foundation
import JibungotoDomain
import SQLKit

/// What the fairness figures read: the participation ledger, grouped by person in SQL, and the
/// few columns of the staff master that the groups need. A city of 50,000 staff with 500,000
/// ledger entries must get its page within 200 ms on SQLite (`Benchmarks/opportunities`), so
/// no model is loaded and no entry travels to the application one by one. The ledger queries
/// read only `fiscal_year`, `staff_number`, `crosses_sections` and `route`, so an index on those
/// four columns answers them without visiting the table.
///
/// The population of fiscal year Y: the staff placed in a section today who had been hired by
/// the year's last day, and everyone with a cross-section entry in Y (who may have left since).
/// Department, gender and employment type are the staff master's today (a placed person's
/// department is their section's in today's organization; someone no longer placed is in no
/// department group); the age band is the age on April 1 of Y.
enum FairnessData {
    struct Unavailable: Error {}

    /// A stored staff value the figures cannot read: an error, never quietly another group.
    struct UnreadableStaffValue: Error, CustomStringConvertible {
        let staffNumber: String
        let column: String
        let value: String

        var description: String { "staff \(staffNumber): \(column) \"\(value)\" cannot be read" }
    }

    struct Loaded: Sendable {
        let fiscalYear: Int
        let people: [FairnessPerson]
        /// The fiscal years whose entries mean someone is not a new face.
        let lookBackYears: ClosedRange<Int>
        /// Today's organization: the department of each section, and the departments' names.
        let tree: OrganizationTree
    }

    /// The fiscal years the page offers, newest first: from the ledger's first year to its last,
    /// and this one.
    static func fiscalYears(today: LocalDate, on database: any Database) async throws -> [Int] {
        guard let sql = database as? any SQLDatabase else { throw Unavailable() }
        // Each reads one end of the (fiscal_year, staff_number) index; MIN and MAX together in
        // one query would make SQLite scan the whole ledger.
        let first = try await year("SELECT MIN(fiscal_year) AS year FROM \(ident: ParticipationRecord.schema)", on: sql)
        let last = try await year("SELECT MAX(fiscal_year) AS year FROM \(ident: ParticipationRecord.schema)", on: sql)
        let current = today.fiscalYear.startYear
        return Array((min(first ?? current, current)...max(last ?? current, current)).reversed())
    }

    private static func year(_ query: SQLQueryString, on sql: any SQLDatabase) async throws -> Int? {
        let row = try await sql.raw(query).first()
        return try row?.decode(column: "year", as: Int?.self) ?? nil
    }

    /// The population of `fiscalYear` with their entries (see the type's comment).
    static func load(fiscalYear: Int, today: LocalDate, on database: any Database) async throws -> Loaded {
        guard let sql = database as? any SQLDatabase else { throw Unavailable() }
        let settings = try await OpportunitySettings.load(on: database)
        let lookBack = FairnessFigures.lookBackYears(before: fiscalYear, newFacesYears: settings.newFacesYears)
        let tree = try await OrganizationTree.load(fiscalYear: today.fiscalYear.startYear, on: database)
        let entries = try await entriesByPerson(fiscalYear: fiscalYear, on: sql)
        let earlier = try await selectedBefore(fiscalYear: fiscalYear, lookBack: lookBack, on: sql)

        var staff = try await staffRows(
            where: "current_section_code IS NOT NULL AND hire_date <= \(bind: FiscalYear(startYear: fiscalYear).end.iso)", on: sql)
        let placed = Set(staff.map(\.staffNumber))
        let leftSince = entries.keys.filter { !placed.contains($0) }.map(\.rawValue)
        for chunk in leftSince.chunked(into: 500) {
            staff += try await staffRows(where: "staff_number IN (\(binds: Array(chunk)))", on: sql)
        }

        var departmentOfSection: [SectionCode: SectionCode] = [:]
        for code in tree.units.keys {
            if let department = tree.department(of: code) { departmentOfSection[code] = department.code }
        }
        let people = staff.map { member in
            let before = earlier[member.staffNumber]
            return FairnessPerson(
                staffNumber: member.staffNumber,
                departmentCode: member.sectionCode.flatMap { departmentOfSection[$0] },
                ageBand: FairnessFigures.ageBand(birthDate: member.birthDate, fiscalYear: fiscalYear),
                gender: member.gender, employmentType: member.employmentType,
                entries: entries[member.staffNumber] ?? RouteCounts(),
                selectedYearBefore: before ?? false, activeBefore: before != nil)
        }
        return Loaded(fiscalYear: fiscalYear, people: people, lookBackYears: lookBack, tree: tree)
    }

    // MARK: - The ledger, grouped by person

    /// Each person's cross-section entries in the year, counted by route in one pass over the
    /// year's part of the (fiscal_year, staff_number) index.
    private static func entriesByPerson(fiscalYear: Int, on sql: any SQLDatabase) async throws -> [StaffNumber: RouteCounts] {
        var byRoute: SQLQueryString = ""
        for route in ParticipationRoute.allCases {
            byRoute += ", SUM(CASE WHEN route = \(literal: route.rawValue) THEN 1 ELSE 0 END) AS \(ident: route.rawValue)"
        }
        let rows = try await sql.raw("""
            SELECT staff_number\(byRoute)
            FROM \(ident: ParticipationRecord.schema)
            WHERE fiscal_year = \(bind: fiscalYear) AND crosses_sections = \(bind: true)
            GROUP BY staff_number
            """).all()
        var result: [StaffNumber: RouteCounts] = [:]
        result.reserveCapacity(rows.count)
        for row in rows {
            var counts = RouteCounts()
            for route in ParticipationRoute.allCases {
                counts[route] = try row.decode(column: route.rawValue, as: Int.self)
            }
            result[StaffNumber(try row.decode(column: "staff_number", as: String.self))] = counts
        }
        return result
    }

    /// Everyone with a cross-section entry in the look-back years, and whether they were
    /// selected (applied or nominated) in the year just before.
    private static func selectedBefore(fiscalYear: Int, lookBack: ClosedRange<Int>, on sql: any SQLDatabase) async throws -> [StaffNumber: Bool] {
        // `fiscal_year IN (…)` with the usual single year reads like `=`, so the rows come in
        // staff-number order from the index and need no sorting for the GROUP BY.
        let rows = try await sql.raw("""
            SELECT staff_number,
                SUM(CASE WHEN fiscal_year = \(bind: fiscalYear - 1) AND route IN (\(literals: FairnessFigures.selectionRoutes.map(\.rawValue), joinedBy: ", ")) THEN 1 ELSE 0 END) AS selected
            FROM \(ident: ParticipationRecord.schema)
            WHERE fiscal_year IN (\(binds: Array(lookBack))) AND crosses_sections = \(bind: true)
            GROUP BY staff_number
            """).all()
        var result: [StaffNumber: Bool] = [:]
        result.reserveCapacity(rows.count)
        for row in rows {
            result[StaffNumber(try row.decode(column: "staff_number", as: String.self))] = try row.decode(column: "selected", as: Int.self) > 0
        }
        return result
    }

    // MARK: - The staff master

    private struct StaffRow {
        let staffNumber: StaffNumber
        let sectionCode: SectionCode?
        let birthDate: LocalDate
        let gender: Gender?
        let employmentType: EmploymentType
    }

    /// The group attributes of the staff matching `condition`, read as plain text (an empty
    /// text for a missing section or gender) and parsed here: the fastest way through 50,000 rows.
    private static func staffRows(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [StaffRow] {
        let rows = try await sql.raw("""
            SELECT staff_number, COALESCE(current_section_code, '') AS section_code, birth_date,
                COALESCE(gender, '') AS gender, employment_type
            FROM \(ident: StaffMember.schema) WHERE \(condition)
            """).all()
        return try rows.map { row in
            let number = try row.decode(column: "staff_number", as: String.self)
            func parsed<Value>(_ column: String, _ parse: (String) -> Value?) throws -> Value {
                let text = try row.decode(column: column, as: String.self)
                guard let value = parse(text) else { throw UnreadableStaffValue(staffNumber: number, column: column, value: text) }
                return value
            }
            let section = try row.decode(column: "section_code", as: String.self)
            let birthDate = try parsed("birth_date", LocalDate.init(iso:))
            let gender: Gender? = try row.decode(column: "gender", as: String.self).isEmpty ? nil : parsed("gender", Gender.init(rawValue:))
            let employmentType = try parsed("employment_type", EmploymentType.init(rawValue:))
            return StaffRow(staffNumber: StaffNumber(number), sectionCode: section.isEmpty ? nil : SectionCode(section),
                            birthDate: birthDate, gender: gender, employmentType: employmentType)
        }
    }
}
