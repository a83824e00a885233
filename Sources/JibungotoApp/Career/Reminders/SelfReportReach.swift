import Fluent
import JibungotoDomain
import Vapor

/// Whom a reader of self-report completion reaches, read from the scope as the completion page
/// reads it: HR the whole city, a department head their department, a manager their section.
enum SelfReportReach {
    /// The units the reader reaches; nil for the whole city.
    static func units(_ request: Request, scope: Scope) async throws -> Set<SectionCode>? {
        scope == .all ? nil : try await OrganizationScope.units(for: request, scope: scope)
    }

    /// The round's targets placed today in `units` (everyone when nil).
    static func targets(of cycle: SelfReportCycle, in units: Set<SectionCode>?, tree: OrganizationTree, on database: any Database) async throws -> [StaffMember] {
        try await tree.targets(of: cycle.group, on: database).filter { reaches($0.currentSectionCode, units) }
    }

    /// The same people as `targets`, as placements: enough to count them.
    static func placements(of cycle: SelfReportCycle, in units: Set<SectionCode>?, tree: OrganizationTree, on database: any Database) async throws -> [PlacedTarget] {
        try await tree.placements(of: cycle.group, on: database).filter { reaches($0.sectionCode, units) }
    }

    private static func reaches(_ section: SectionCode?, _ units: Set<SectionCode>?) -> Bool {
        units.map { section.map($0.contains) == true } ?? true
    }
}
