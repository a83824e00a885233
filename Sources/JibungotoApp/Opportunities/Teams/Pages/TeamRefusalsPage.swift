import Foundation
import JibungotoDomain

/// HR's view of managers' refusals: counts by section (a section that holds on to its people
/// shows here) and each refusal with its reason.
enum TeamRefusalsPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let bySection: [Count]
        let rows: [Row]
    }

    struct Count: Encodable, Sendable {
        let section: String
        let fiscalYear: String
        let count: Int
    }

    struct Row: Encodable, Sendable {
        let date: String
        let team: String
        let name: String
        let section: String
        let manager: String
        let reason: String
    }

    static func build(refused: [ProjectTeamCandidate], people: [StaffMember], tree: OrganizationTree, localizer: Localizer) -> Content {
        let byNumber = Dictionary(people.map { ($0.staffNumber, $0) }, uniquingKeysWith: { first, _ in first })
        struct Key: Hashable { let section: SectionCode?; let year: Int }
        let grouped = Dictionary(grouping: refused) { Key(section: $0.sectionCode, year: $0.team.fiscalYear) }
        let keys = grouped.keys.sorted { lhs, rhs in
            lhs.year != rhs.year ? lhs.year > rhs.year : (grouped[lhs]?.count ?? 0) > (grouped[rhs]?.count ?? 0)
        }
        let counts: [Count] = keys.map { key in
            Count(section: TeamText.section(key.section, tree: tree, localizer: localizer), fiscalYear: localizer.fiscalYear(key.year), count: grouped[key]?.count ?? 0)
        }
        let rows = refused.sorted { ($0.selectedOn ?? $0.team.startsOn) > ($1.selectedOn ?? $1.team.startsOn) }.map { candidate in
            Row(date: candidate.selectedOn.map { localizer.date($0) } ?? "", team: candidate.team.title,
                name: TeamText.person(candidate.staffNumber, people: byNumber),
                section: TeamText.section(candidate.sectionCode, tree: tree, localizer: localizer),
                manager: candidate.consentBy.map { TeamText.person($0, people: byNumber) } ?? "", reason: candidate.consentReason)
        }
        return Content(intro: localizer.t("teams.refusalsIntro"), bySection: counts, rows: rows)
    }
}
