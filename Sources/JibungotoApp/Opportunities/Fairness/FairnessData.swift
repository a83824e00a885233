import Fluent
import Foundation
import JibungotoDomain
import SQLKit

/// What the fairness figures read: each person's tally of cross-section entries
/// (`ParticipationTallies`, kept beside the ledger) and the few columns of the staff master that
/// the groups need. A city of 50,000 staff with 500,000 ledger entries must get its page within
/// 200 ms (`Benchmarks/opportunities`), so no model is loaded, no entry is grouped at reading
/// time, and the population travels from the database as one text (`PackedRows`).
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

    /// The fiscal years the page offers, newest first: from the first year with a cross-section entry
    /// to the last, and this one.
    static func fiscalYears(today: LocalDate, on database: any Database) async throws -> [Int] {
        guard let sql = database as? any SQLDatabase else { throw Unavailable() }
        // Each reads one end of the fiscal-year index; MIN and MAX together in one query would
        // make SQLite scan the whole table.
        let first = try await year("SELECT MIN(fiscal_year) AS year FROM \(ident: ParticipationTallies.schema)", on: sql)
        let last = try await year("SELECT MAX(fiscal_year) AS year FROM \(ident: ParticipationTallies.schema)", on: sql)
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
        var departmentOfSection: [String: SectionCode] = [:]
        for code in tree.units.keys {
            if let department = tree.department(of: code) { departmentOfSection[code.rawValue] = department.code }
        }
        let before = try await activityBefore(fiscalYear: fiscalYear, lookBack: lookBack, on: sql)
        let population = try await populationRows(fiscalYear: fiscalYear, on: sql)
        var people: [FairnessPerson] = []
        try population.forEach { people.append(try person($0, fiscalYear: fiscalYear, departmentOfSection: departmentOfSection, before: before)) }
        return Loaded(fiscalYear: fiscalYear, people: people, lookBackYears: lookBack, tree: tree)
    }

    // MARK: - The population as one text

    /// One record per person of the year's population (`PackedRows`): staff number, section,
    /// birth date, gender, employment type, and the year's entries by route.
    private static func populationRows(fiscalYear: Int, on sql: any SQLDatabase) async throws -> PackedRows {
        var fields: [PackedRows.Field] = ["s.staff_number", "s.current_section_code", "s.birth_date", "s.gender", "s.employment_type"]
        for route in ParticipationRoute.allCases { fields.append("COALESCE(t.\(ident: route.rawValue), 0)") }
        return try await PackedRows.load(fields: fields, """
            FROM \(ident: StaffMember.schema) s
            LEFT JOIN \(ident: ParticipationTallies.schema) t ON t.staff_number = s.staff_number AND t.fiscal_year = \(bind: fiscalYear)
            WHERE (s.current_section_code IS NOT NULL AND s.hire_date <= \(bind: FiscalYear(startYear: fiscalYear).end.iso))
                OR t.staff_number IS NOT NULL
            """, on: sql)
    }

    /// What the years before say of a person: whether selected in the year before, and whether
    /// active in the look-back years.
    struct Before: Sendable {
        private(set) var selectedYearBefore = false
        private(set) var activeBefore = false

        /// One year's row: a person has a row for each year they took part.
        mutating func record(selectedYearBefore selected: Bool, activeBefore active: Bool) {
            selectedYearBefore = selectedYearBefore || selected
            activeBefore = activeBefore || active
        }
    }

    /// Everyone with a cross-section entry in the look-back years or the year before, read in
    /// one pass over those years' tallies: looking each person of the population up in them
    /// instead costs SQLite twice as long as the population's own query.
    private static func activityBefore(fiscalYear: Int, lookBack: ClosedRange<Int>, on sql: any SQLDatabase) async throws -> [String: Before] {
        let years = min(lookBack.lowerBound, fiscalYear - 1)...max(lookBack.upperBound, fiscalYear - 1)
        var selections: SQLQueryString = "0"
        for route in FairnessFigures.selectionRoutes { selections += " + \(ident: route.rawValue)" }
        let rows = try await PackedRows.load(fields: [
            "staff_number",
            "CASE WHEN fiscal_year = \(bind: fiscalYear - 1) AND \(selections) > 0 THEN 1 ELSE 0 END",
            "CASE WHEN fiscal_year BETWEEN \(bind: lookBack.lowerBound) AND \(bind: lookBack.upperBound) THEN 1 ELSE 0 END",
        ], """
            FROM \(ident: ParticipationTallies.schema)
            WHERE fiscal_year BETWEEN \(bind: years.lowerBound) AND \(bind: years.upperBound)
            """, on: sql)
        var before: [String: Before] = [:]
        try rows.forEach { record in
            guard let selected = record.flag(1), let active = record.flag(2) else { throw PackedRows.Unreadable(record: record.description) }
            if selected || active { before[record.text(0), default: Before()].record(selectedYearBefore: selected, activeBefore: active) }
        }
        return before
    }

    /// One record of `populationRows`, read as a person of `fiscalYear`.
    private static func person(
        _ record: PackedRows.Record, fiscalYear: Int, departmentOfSection: [String: SectionCode], before: [String: Before]
    ) throws -> FairnessPerson {
        let number = record.text(0)
        func unreadable(_ field: Int, _ column: String) -> UnreadableStaffValue {
            UnreadableStaffValue(staffNumber: number, column: column, value: record.text(field))
        }
        func count(_ field: Int, _ column: String) throws -> Int {
            guard let value = record.number(field) else { throw unreadable(field, column) }
            return value
        }
        guard let birthDate = LocalDate(isoBytes: record.bytes(2)) else { throw unreadable(2, "birth_date") }
        let earlier = before[number]
        var entries = RouteCounts()
        for (offset, route) in ParticipationRoute.allCases.enumerated() {
            entries[route] = try count(5 + offset, route.rawValue)
        }
        let gender: Gender?
        if record.isEmpty(3) {
            gender = nil
        } else {
            guard let recorded = Gender(rawValue: record.text(3)) else { throw unreadable(3, "gender") }
            gender = recorded
        }
        guard let employmentType = EmploymentType(rawValue: record.text(4)) else { throw unreadable(4, "employment_type") }
        return FairnessPerson(
            staffNumber: StaffNumber(number),
            departmentCode: record.isEmpty(1) ? nil : departmentOfSection[record.text(1)],
            ageBand: FairnessFigures.ageBand(birthDate: birthDate, fiscalYear: fiscalYear),
            gender: gender, employmentType: employmentType, entries: entries,
            selectedYearBefore: earlier?.selectedYearBefore ?? false, activeBefore: earlier?.activeBefore ?? false)
    }
}
