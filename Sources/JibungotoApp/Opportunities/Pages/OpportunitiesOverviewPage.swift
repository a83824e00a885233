import Foundation
import JibungotoDomain

/// The Opportunities home: open calls, the viewer's own applications and nominations, the
/// managers' consent requests, and the module's other pages the viewer may use.
enum OpportunitiesOverviewPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let recruiting: [TeamLink]
        let mine: [TeamLink]
        let consentNotice: String?
        let consentHref: String
        let destinations: [DestinationLink]
    }

    struct TeamLink: Encodable, Sendable {
        let title: String
        let href: String
        let detail: String
    }

    struct Destination: Sendable {
        let labelKey: String
        let descriptionKey: String
        let href: String
    }

    struct DestinationLink: Encodable, Sendable {
        let label: String
        let description: String
        let href: String
    }

    static func build(
        recruiting: [ProjectTeam], mine: [ProjectTeamCandidate], pendingConsents: Int, destinations: [Destination], today: LocalDate, localizer: Localizer
    ) -> Content {
        Content(
            intro: localizer.t("opportunities.intro"),
            recruiting: recruiting.map { team in
                TeamLink(title: team.title, href: ProjectTeamRoute.team(.id(team.id ?? UUID())).path,
                         detail: localizer.t("teams.applyBy", count: team.seats, localizer.date(team.applicationsCloseOn), String(team.seats)))
            },
            mine: mine.sorted { $0.team.startsOn > $1.team.startsOn }.map { candidate in
                TeamLink(title: candidate.team.title, href: ProjectTeamRoute.team(.id(candidate.$team.id)).path,
                         detail: TeamText.status(candidate, today: today, localizer: localizer))
            },
            consentNotice: pendingConsents > 0 ? localizer.t("teams.consentsWaiting", count: pendingConsents, String(pendingConsents)) : nil,
            consentHref: ProjectTeamRoute.consents.path,
            destinations: destinations.map { DestinationLink(label: localizer.t($0.labelKey), description: localizer.t($0.descriptionKey), href: $0.href) })
    }
}
