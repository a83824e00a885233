import Fluent
import JibungotoDomain
import SQLKit

/// Each person's cross-section ledger entries per fiscal year, counted by route: one row per
/// person and year that took part, kept by `ParticipationLedger` in the same transaction as the
/// entry it counts. The fairness figures and the "new faces" boost read these rows instead of
/// grouping the ledger: a city of 50,000 with 500,000 entries has about 40,000 rows a year here
/// against 170,000 entries (`Benchmarks/opportunities`). Entries within the person's own section
/// are not counted, since no figure reads them.
enum ParticipationTallies {
    static let schema = "participation_tallies"

    struct Unavailable: Error {}

    /// Adds `change` (1 or −1) to the person's count for the entry's year and route; a row left
    /// with no entries is removed, so every row means at least one entry.
    static func count(_ entry: ParticipationEntry, _ change: Int, on database: any Database) async throws {
        guard entry.crossesSections else { return }
        guard let sql = database as? any SQLDatabase else { throw Unavailable() }
        var values: [any Encodable & Sendable] = [entry.staffNumber.rawValue, entry.fiscalYear]
        values += ParticipationRoute.allCases.map { $0 == entry.route ? change : 0 }
        var update: SQLQueryString = ""
        for (index, route) in ParticipationRoute.allCases.enumerated() {
            update += "\(unsafeRaw: index == 0 ? "" : ", ")\(ident: route.rawValue) = \(ident: schema).\(ident: route.rawValue) + excluded.\(ident: route.rawValue)"
        }
        // INSERT … ON CONFLICT DO UPDATE is one atomic statement on SQLite and PostgreSQL alike,
        // so two activities recorded at once for one person both count.
        try await sql.raw("""
            INSERT INTO \(ident: schema) (staff_number, fiscal_year, \(idents: routeColumns, joinedBy: ", "))
            VALUES (\(binds: values))
            ON CONFLICT (staff_number, fiscal_year) DO UPDATE SET \(update)
            """).run()
        if change < 0 {
            try await sql.raw("""
                DELETE FROM \(ident: schema)
                WHERE staff_number = \(bind: entry.staffNumber.rawValue) AND fiscal_year = \(bind: entry.fiscalYear)
                    AND \(idents: routeColumns, joinedBy: " + ") <= 0
                """).run()
        }
    }

    /// Counts every entry of the ledger afresh: the migration that adds the tallies, and a ledger
    /// filled in bulk (the benchmark) rather than through `ParticipationLedger`.
    static func rebuild(on sql: any SQLDatabase) async throws {
        var sums: SQLQueryString = ""
        for (index, route) in ParticipationRoute.allCases.enumerated() {
            sums += "\(unsafeRaw: index == 0 ? "" : ", ")SUM(CASE WHEN route = \(literal: route.rawValue) THEN 1 ELSE 0 END)"
        }
        try await sql.raw("DELETE FROM \(ident: schema)").run()
        try await sql.raw("""
            INSERT INTO \(ident: schema) (staff_number, fiscal_year, \(idents: routeColumns, joinedBy: ", "))
            SELECT staff_number, fiscal_year, \(sums)
            FROM \(ident: ParticipationRecord.schema) WHERE crosses_sections = \(bind: true)
            GROUP BY staff_number, fiscal_year
            """).run()
    }

    /// The route columns, in `ParticipationRoute` order.
    static let routeColumns = ParticipationRoute.allCases.map(\.rawValue)
}
