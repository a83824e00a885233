import Foundation
import JibungotoDomain

/// アンケート: the open surveys the user is asked to answer and, for those who build surveys or
/// read response rates, the surveys they manage or follow.
enum SurveyListPage {
    struct Content: Encodable, Sendable {
        let toAnswer: [SurveyLink]
        let managed: [SurveyLink]?
        let newHref: String?
    }

    struct SurveyLink: Encodable, Sendable {
        let title: String
        let period: String
        let status: String
        let href: String
        let links: [NavigationLink]
    }

    /// What the list shows beside the surveys to answer.
    enum Followed {
        /// Every survey, each linking to its management page (HR, the promotion team).
        case managed([Survey])
        /// Opened surveys, each linking to its response rate (managers, department heads).
        case rates([Survey])
        case nothing
    }

    /// - Parameters:
    ///   - open: open surveys the user is among the targets of; `answered` the ids they answered.
    ///   - today: a survey opened ahead of its first day shows as 開始前.
    static func build(open: [Survey], answered: Set<UUID>, followed: Followed, today: LocalDate, localizer: Localizer) throws -> Content {
        let toAnswer = try open.map { survey in
            let id = try survey.requireID()
            return SurveyLink(title: survey.title(localizer.language), period: SurveyPageText.period(survey, localizer),
                              status: localizer.t(answered.contains(id) ? "survey.answered" : "survey.notAnswered"),
                              href: answered.contains(id) ? SurveysRoute.receipt(.id(id)).path : SurveysRoute.answer(.id(id)).path, links: [])
        }
        let managed: [SurveyLink]?
        var newHref: String? = nil
        switch followed {
        case .managed(let surveys):
            newHref = SurveysRoute.new.path
            managed = try surveys.map { survey in
                let id = try survey.requireID()
                return SurveyLink(title: survey.title(localizer.language), period: SurveyPageText.period(survey, localizer),
                                  status: SurveyPageText.status(survey, today: today, localizer), href: SurveysRoute.manage(.id(id)).path,
                                  links: survey.status == .draft ? [] : [
                                    NavigationLink(label: localizer.t("survey.rate"), href: SurveysRoute.rate(.id(id)).path, isCurrent: false),
                                    NavigationLink(label: localizer.t("survey.results"), href: SurveysRoute.results(.id(id)).path, isCurrent: false),
                                  ])
            }
        case .rates(let surveys):
            managed = try surveys.map { survey in
                let id = try survey.requireID()
                return SurveyLink(title: survey.title(localizer.language), period: SurveyPageText.period(survey, localizer),
                                  status: SurveyPageText.status(survey, today: today, localizer), href: SurveysRoute.rate(.id(id)).path, links: [])
            }
        case .nothing:
            managed = nil
        }
        return Content(toAnswer: toAnswer, managed: managed, newHref: newHref)
    }
}
