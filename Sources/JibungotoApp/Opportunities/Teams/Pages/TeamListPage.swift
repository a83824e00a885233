import Foundation
import JibungotoDomain

/// The teams a staff member may see: recruiting now, running, upcoming and finished.
enum TeamListPage {
    struct Content: Encodable, Sendable {
        let newTeamHref: String?
        let groups: [Group]
    }

    struct Group: Encodable, Sendable {
        let title: String
        let teams: [Row]
    }

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let sponsor: String
        let period: String
        let seats: String
        let window: String
        let myStatus: String?
    }

    static func build(
        teams: [ProjectTeam], mine: [UUID: ProjectTeamCandidate], memberCounts: [UUID: Int], tree: OrganizationTree,
        canPost: Bool, today: LocalDate, localizer: Localizer
    ) -> Content {
        func row(_ team: ProjectTeam) -> Row {
            let id = team.id ?? UUID()
            return Row(
                title: team.title, href: ProjectTeamRoute.team(.id(id)).path,
                sponsor: TeamText.section(team.sponsorSectionCode, tree: tree, localizer: localizer),
                period: localizer.t("teams.period", localizer.date(team.startsOn), localizer.date(team.endsOn)),
                seats: localizer.t("teams.seatsFilled", String(memberCounts[id] ?? 0), String(team.seats)),
                window: localizer.t("teams.window", localizer.date(team.applicationsOpenOn), localizer.date(team.applicationsCloseOn)),
                myStatus: mine[id].map { TeamText.status($0, today: today, localizer: localizer) })
        }
        let recruiting = teams.filter { !$0.isClosed && $0.applicationsOpenOn <= today && today <= $0.applicationsCloseOn }
        let recruitingIDs = Set(recruiting.compactMap(\.id))
        let running = teams.filter { !$0.isClosed && $0.startsOn <= today && !recruitingIDs.contains($0.id ?? UUID()) }
        let upcoming = teams.filter { !$0.isClosed && $0.startsOn > today && !recruitingIDs.contains($0.id ?? UUID()) }
        let finished = teams.filter(\.isClosed)
        let groups = [("teams.group.recruiting", recruiting), ("teams.group.running", running), ("teams.group.upcoming", upcoming), ("teams.group.finished", finished)]
            .filter { !$0.1.isEmpty }
            .map { Group(title: localizer.t($0.0), teams: $0.1.map(row)) }
        return Content(newTeamHref: canPost ? ProjectTeamRoute.newTeam.path : nil, groups: groups)
    }
}

/// Words shared by the team pages: a section's full path, a candidate's status.
enum TeamText {
    /// 部・課・係 in full, so a section name that recurs in several departments is unambiguous.
    static func section(_ code: SectionCode?, tree: OrganizationTree, localizer: Localizer) -> String {
        guard let code else { return localizer.t("teams.noSection") }
        let path = tree.path(to: code)
        return path.isEmpty ? code.rawValue : path.map { localizer.text($0.localizedName) }.joined(separator: " ")
    }

    static func status(_ candidate: ProjectTeamCandidate, today: LocalDate, localizer: Localizer) -> String {
        switch candidate.status {
        case .selected:
            switch candidate.consent(today: today) {
            case .awaiting(let deadline)?: localizer.t("teams.status.selectedAwaitingConsent", localizer.date(deadline))
            default: localizer.t("teams.status.member")
            }
        default: localizer.t("teams.status.\(candidate.status.rawValue)")
        }
    }

    static func person(_ number: StaffNumber, people: [StaffNumber: StaffMember]) -> String {
        people[number]?.name ?? number.rawValue
    }
}
