import Foundation
import JibungotoDomain

/// Candidate suggestions for a team, each with its reasons in words and a nomination form.
enum TeamSuggestionsPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let weights: String
        let rows: [Row]
        let emptyMessage: String
        let csrfToken: String
        let teamHref: String
    }

    struct Row: Encodable, Sendable {
        let rank: Int
        let name: String
        let section: String
        let score: String
        let reasons: [String]
        let staffNumber: String
        /// The nomination form's action; nil when the viewer may not nominate.
        let nominateAction: String?
        let reasonFieldID: String
    }

    static func build(
        team: ProjectTeam, suggestions: [CandidateSuggestions.Suggestion], people: [StaffMember], tree: OrganizationTree,
        settings: OpportunitySettings, canNominate: Bool, csrfToken: String, localizer: Localizer
    ) -> Content {
        let id = team.id ?? UUID()
        let byNumber = Dictionary(people.map { ($0.staffNumber, $0) }, uniquingKeysWith: { first, _ in first })
        func reason(_ reason: CandidateSuggestions.Reason) -> String {
            switch reason {
            case .wantsProjectTeams: localizer.t("teams.reason.wants")
            case .matchingThemes(let words): localizer.t("teams.reason.themes", words.map { "「\($0)」" }.joined())
            case .matchingSkills(let words): localizer.t("teams.reason.skills", words.map { "「\($0)」" }.joined())
            case .newDepartment(let code): localizer.t("teams.reason.newDepartment", tree.units[code].map { localizer.text($0.localizedName) } ?? code.rawValue)
            case .newFace: localizer.t("teams.reason.newFace", count: settings.newFacesYears, String(settings.newFacesYears))
            }
        }
        let rows = suggestions.enumerated().map { index, suggestion in
            Row(rank: index + 1, name: TeamText.person(suggestion.staffNumber, people: byNumber),
                section: TeamText.section(byNumber[suggestion.staffNumber]?.currentSectionCode, tree: tree, localizer: localizer),
                score: String(format: "%.1f", suggestion.score), reasons: suggestion.reasons.map(reason),
                staffNumber: suggestion.staffNumber.rawValue,
                nominateAction: canNominate ? ProjectTeamRoute.nominate(.id(id)).path : nil,
                reasonFieldID: "reason-\(index + 1)")
        }
        return Content(
            intro: localizer.t("teams.suggestionsIntro"),
            weights: localizer.t("teams.suggestionWeights", String(settings.interestWeight), String(settings.skillsWeight),
                                 String(settings.sectionVarietyWeight), String(settings.newFacesWeight)),
            rows: rows, emptyMessage: localizer.t("teams.noSuggestions"), csrfToken: csrfToken, teamHref: ProjectTeamRoute.team(.id(id)).path)
    }
}
