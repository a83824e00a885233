import Fluent
import JibungotoDomain
import Vapor

/// Managers' refusals of a subordinate's participation in a fiscal year — a project-team selection
/// refused, a side-job application not approved — by the person's department, so that a
/// department that holds on to its people shows (the known failure of internal marketplaces).
/// One function for the fairness figures and, later, the Policy module.
enum ManagerRefusals {
    struct Count: Sendable, Equatable {
        var teams = 0
        var sideJobs = 0
        var total: Int { teams + sideJobs }
    }

    /// Keyed by department code; refusals of people without a recorded section are under nil.
    static func byDepartment(fiscalYear: Int, tree: OrganizationTree, on database: any Database) async throws -> [SectionCode?: Count] {
        let year = FiscalYear(startYear: fiscalYear)
        let teams = try await ProjectTeamCandidate.query(on: database).filter(\.$status == .refusedByManager)
            .join(ProjectTeam.self, on: \ProjectTeamCandidate.$team.$id == \ProjectTeam.$id)
            .filter(ProjectTeam.self, \.$fiscalYear == fiscalYear).all()
        let sideJobs = try await SideJobApplication.query(on: database).filter(\.$status == .refused)
            .join(SideJob.self, on: \SideJobApplication.$sideJob.$id == \SideJob.$id)
            .filter(SideJob.self, \.$startsOn >= year.start).filter(SideJob.self, \.$startsOn <= year.end).all()
        func department(_ section: SectionCode?) -> SectionCode? { section.flatMap { tree.department(of: $0)?.code } }
        var counts: [SectionCode?: Count] = [:]
        for candidate in teams { counts[department(candidate.sectionCode), default: Count()].teams += 1 }
        for application in sideJobs { counts[department(application.sectionCode), default: Count()].sideJobs += 1 }
        return counts
    }
}
