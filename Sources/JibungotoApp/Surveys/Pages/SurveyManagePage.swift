import Foundation
import JibungotoDomain

/// One survey for those who build it: its settings, questions, the forms to add questions while
/// they may change, and the actions its status allows (open, close, copy).
enum SurveyManagePage {
    struct Content: Encodable, Sendable {
        let survey: SurveySummary
        let questions: [QuestionRow]
        let isEditable: Bool
        let lockedNote: String?
        let bankForm: FormModel?
        let customForm: FormModel?
        let removeAction: String
        let moveAction: String
        /// The settings form, while the survey is 作成中.
        let settingsHref: String?
        let openAction: String?
        let closeAction: String?
        let copyAction: String
        let previewHref: String
        let rateHref: String?
        let resultsHref: String?
        let csrfToken: String
    }

    struct SurveySummary: Encodable, Sendable {
        let title: String
        let status: String
        let period: String
        let anonymity: String
        let attributes: String
        let k: Int
        let freeTextK: Int
        let targetRate: String
        /// The respondent count as the release shows it ("—" while it would single anyone out).
        let respondents: String?
    }

    struct QuestionRow: Encodable, Sendable {
        let id: String
        let page: Int
        let text: String
        let kind: String
        let isRequired: Bool
        let options: String
        let canMoveUp: Bool
        let canMoveDown: Bool
    }

    /// - Parameters:
    ///   - release: the current release of an opened survey (nil for a draft): the respondent
    ///     count shown is the release's, never a count of its own.
    ///   - bankForm, customForm: the forms to add questions, while questions may change.
    ///   - today: an opened survey before its first day shows as 開始前.
    static func build(
        survey: Survey, surveyID: UUID, release: SurveyRelease?, isEditable: Bool, bankForm: FormModel?, customForm: FormModel?,
        today: LocalDate, csrfToken: String, localizer: Localizer
    ) -> Content {
        let status = survey.status
        let respondents = release.map { release in
            release.figures[.all].map { String($0.respondents) } ?? localizer.t("survey.countHidden", String(survey.k))
        }
        return Content(
            survey: SurveySummary(
                title: survey.title(localizer.language), status: SurveyPageText.status(survey, today: today, localizer),
                period: SurveyPageText.period(survey, localizer),
                anonymity: localizer.t(survey.isAnonymous ? "survey.anonymity.anonymous" : "survey.anonymity.named"),
                attributes: localizer.list(survey.attributes.map { localizer.text($0.label) }),
                k: survey.k, freeTextK: survey.freeTextK, targetRate: ResponseRate.percentText(survey.targetRate), respondents: respondents),
            questions: survey.questions.enumerated().map { index, question in
                QuestionRow(id: question.id, page: question.page + 1, text: localizer.text(question.text), kind: localizer.text(question.kind.label),
                            isRequired: question.isRequired, options: question.options.map { localizer.text($0.label) }.joined(separator: " / "),
                            canMoveUp: isEditable && index > 0, canMoveDown: isEditable && index < survey.questions.count - 1)
            },
            isEditable: isEditable,
            lockedNote: isEditable ? nil : localizer.t("survey.locked"),
            bankForm: bankForm, customForm: customForm,
            removeAction: SurveysRoute.removeQuestion(.id(surveyID)).path,
            moveAction: SurveysRoute.moveQuestion(.id(surveyID)).path,
            settingsHref: status == .draft ? SurveysRoute.settings(.id(surveyID)).path : nil,
            openAction: status == .draft ? SurveysRoute.open(.id(surveyID)).path : nil,
            closeAction: status == .open ? SurveysRoute.close(.id(surveyID)).path : nil,
            copyAction: SurveysRoute.copy(.id(surveyID)).path,
            previewHref: SurveysRoute.preview(.id(surveyID)).path,
            rateHref: status == .draft ? nil : SurveysRoute.rate(.id(surveyID)).path,
            resultsHref: status == .draft ? nil : SurveysRoute.results(.id(surveyID)).path,
            csrfToken: csrfToken)
    }
}
