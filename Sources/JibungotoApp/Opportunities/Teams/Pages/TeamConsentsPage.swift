import Foundation
import JibungotoDomain

/// A manager's queue: staff of their section selected for a team, awaiting consent or refusal.
enum TeamConsentsPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let rows: [Row]
        let csrfToken: String
    }

    struct Row: Encodable, Sendable {
        let name: String
        let section: String
        let team: String
        let teamPeriod: String
        let deadline: String
        let action: String
        let reasonFieldID: String
        let error: String?
        let reason: String
    }

    static func build(
        pending: [ProjectTeamCandidate], people: [StaffMember], tree: OrganizationTree, error: (id: UUID, message: String, reason: String)?,
        csrfToken: String, localizer: Localizer
    ) -> Content {
        let byNumber = Dictionary(people.map { ($0.staffNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = pending.map { candidate in
            let mine = error.flatMap { $0.id == candidate.id ? $0 : nil }
            return Row(
                name: TeamText.person(candidate.staffNumber, people: byNumber),
                section: TeamText.section(candidate.sectionCode, tree: tree, localizer: localizer),
                team: candidate.team.title,
                teamPeriod: localizer.t("teams.period", localizer.date(candidate.team.startsOn), localizer.date(candidate.team.endsOn)),
                deadline: candidate.consentDeadline.map { localizer.date($0) } ?? "",
                action: ProjectTeamRoute.consent(.id(candidate.id ?? UUID())).path,
                reasonFieldID: "reason-\(candidate.id?.uuidString.lowercased() ?? "")",
                error: mine?.message, reason: mine?.reason ?? "")
        }
        return Content(intro: localizer.t("teams.consentsIntro"), rows: rows, csrfToken: csrfToken)
    }
}
