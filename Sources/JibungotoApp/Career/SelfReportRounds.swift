import Fluent
import JibungotoDomain
import Vapor

/// Which self-report round applies to whom, and who has submitted: shared by the form, the
/// completion pages, the home banner and the export.
enum SelfReportRounds {
    /// The round a staff member should answer now: opened, meant for them, newest first.
    static func current(for staff: StaffMember, tree: OrganizationTree, on database: any Database, today: LocalDate) async throws -> SelfReportCycle? {
        let cycles = try await SelfReportCycle.query(on: database).filter(\.$opensOn <= today.iso).sort(\.$opensOn, .descending).all()
        return cycles.first { isTarget(staff, of: $0, tree: tree) }
    }

    static func isOpen(_ cycle: SelfReportCycle, today: LocalDate) -> Bool {
        cycle.opensOn <= today.iso && today.iso <= cycle.deadline
    }

    static func isTarget(_ staff: StaffMember, of cycle: SelfReportCycle, tree: OrganizationTree) -> Bool {
        let departments = cycle.departmentCodes, types = cycle.employmentTypes
        if !types.isEmpty && !types.contains(staff.employmentType) { return false }
        if departments.isEmpty { return staff.currentSectionCode != nil }
        guard let section = staff.currentSectionCode, let department = tree.department(of: section) else { return false }
        return departments.contains(department.code)
    }

    /// Everyone the round is for, placed today.
    static func targets(of cycle: SelfReportCycle, tree: OrganizationTree, on database: any Database) async throws -> [StaffMember] {
        var query = StaffMember.query(on: database).filter(\.$currentSectionCode != nil)
        if !cycle.employmentTypes.isEmpty { query = query.filter(\.$employmentType ~~ cycle.employmentTypes) }
        if !cycle.departmentCodes.isEmpty {
            let codes = cycle.departmentCodes.flatMap { tree.subtree(of: $0) }
            query = query.filter(\.$currentSectionCode ~~ codes)
        }
        return try await query.all()
    }

    /// Staff number → submitted (true) or draft (false); absent means not started.
    static func statuses(of cycle: SelfReportCycle, on database: any Database) async throws -> [String: Bool] {
        let reports = try await SelfReport.query(on: database).filter(\.$cycle.$id == cycle.requireID()).all()
        return Dictionary(reports.map { ($0.staffNumber, $0.submittedAt != nil) }, uniquingKeysWith: { $0 || $1 })
    }
}

/// The self-reports of one staff member, newest round first, with their wishes (for the staff page).
enum SelfReportHistory {
    struct Entry: Sendable {
        let cycle: SelfReportCycle
        let report: SelfReport
    }

    static func entries(of staffNumber: String, on database: any Database) async throws -> [Entry] {
        let reports = try await SelfReport.query(on: database).filter(\.$staffNumber == staffNumber)
            .with(\.$cycle).with(\.$wishes).all()
        return reports.map { Entry(cycle: $0.cycle, report: $0) }.sorted { $0.cycle.opensOn > $1.cycle.opensOn }
    }
}
