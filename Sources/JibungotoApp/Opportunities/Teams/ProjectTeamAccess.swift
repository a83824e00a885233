import Fluent
import JibungotoDomain
import Vapor

/// Who is looking at a team and what they may do with it: see it (its audience, its organizer,
/// HR, anyone already involved), run it (the organizer and HR), read its candidates (the same).
struct TeamViewer: Sendable {
    let user: SignedInUser
    let staff: StaffMember?
    let department: SectionCode?
    /// HR: runs every team and reads every candidate.
    let isHR: Bool

    static func resolve(_ request: Request) async throws -> TeamViewer {
        let user = try request.requireUser()
        let staff = try await StaffMember.query(on: request.db).filter(\.$staffNumber == user.staffNumber).first()
        let tree = try await request.currentOrganization()
        return TeamViewer(user: user, staff: staff, department: staff?.currentSectionCode.flatMap { tree.department(of: $0)?.code },
                          isHR: user.scope(of: .manageOpportunities) != nil)
    }

    func runs(_ team: ProjectTeam) -> Bool { isHR || team.organizerStaffNumber == user.staffNumber }

    func sees(_ team: ProjectTeam, involvement: ProjectTeamCandidate?) -> Bool {
        runs(team) || involvement != nil || team.isOpen(toDepartment: department)
    }

    /// The team of the `teamID` parameter; 404 when it does not exist or the viewer may not see it
    /// (a team for other departments is not announced to them).
    func team(_ request: Request) async throws -> (ProjectTeam, ProjectTeamCandidate?) {
        guard let id = request.parameters.get("teamID", as: UUID.self), let team = try await ProjectTeam.find(id, on: request.db) else {
            throw Abort(.notFound)
        }
        let mine = try await ProjectTeamCandidate.query(on: request.db).filter(\.$team.$id == id).filter(\.$staffNumber == user.staffNumber).first()
        let nominated = try await ProjectTeamCandidate.query(on: request.db).filter(\.$team.$id == id).filter(\.$nominatedBy == user.staffNumber).count()
        guard sees(team, involvement: mine) || nominated > 0 else { throw Abort(.notFound) }
        return (team, mine)
    }

    /// The same, for the organizer and HR only: to other organizers a team's own pages (suggestions,
    /// selection, closing) do not exist.
    func runningTeam(_ request: Request) async throws -> ProjectTeam {
        let (team, _) = try await self.team(request)
        guard runs(team) else { throw Abort(.notFound) }
        return team
    }
}

/// The words of the domain's refusals.
enum TeamRefusalText {
    static func message(_ refusal: TeamRefusal, localizer: Localizer) -> String {
        switch refusal {
        case .nominatingSelf: localizer.t("teams.refusal.nominatingSelf")
        case .outsideAudience: localizer.t("teams.refusal.outsideAudience")
        case .alreadyInvolved(let status): localizer.t("teams.refusal.already.\(status.rawValue)")
        case .applicationNotOpenYet(let opens): localizer.t("teams.refusal.notOpenYet", localizer.date(opens))
        case .applicationClosed(let closed): localizer.t("teams.refusal.closed", localizer.date(closed))
        case .tooManySelected(let seats, let free): localizer.t("teams.refusal.tooMany", String(seats), String(free))
        case .notSelectable: localizer.t("teams.refusal.notSelectable")
        case .noNominationToAnswer: localizer.t("teams.refusal.noNomination")
        case .teamClosed: localizer.t("teams.refusal.teamClosed")
        }
    }
}
