import Fluent
import JibungotoDomain
import Vapor

/// The demo city's organization, staff and assignment history, from the deterministic generator.
/// Loaded once: a database that already has staff keeps them.
enum DemoOrganization {
    static func load(on database: any Database, today: LocalDate) async throws {
        guard try await StaffMember.query(on: database).count() == 0 else { return }
        let city = DemoCityGenerator.generate()
        try await database.writeTransaction { database in
            for (year, units) in city.organizations.sorted(by: { $0.key < $1.key }) {
                try await ChunkedInsert.create(units.map { OrganizationUnit(fiscalYear: year, record: $0) }, on: database)
            }
            for (year, changes) in city.changes.sorted(by: { $0.key < $1.key }) {
                try await ChunkedInsert.create(changes.map { $0.model(fiscalYear: year) }, on: database)
            }
            try await ChunkedInsert.create(city.staff.map(StaffMember.init(record:)), on: database)
            try await ChunkedInsert.create(city.assignments.map(Assignment.init(record:)), on: database)
            try await OrganizationImporter.refreshCurrentPlacement(of: Dictionary(grouping: city.assignments, by: \.staffNumber), today: today, on: database)
        }
    }
}

extension DemoOrganizationChange {
    func model(fiscalYear: Int) -> OrganizationChange {
        OrganizationChange(fiscalYear: fiscalYear, kind: OrganizationChange.Kind(rawValue: kind.rawValue) ?? .updated,
                           code: SectionCode(code), targetCode: targetCode.map { SectionCode($0) }, detail: detail)
    }
}
