import JibungotoDomain

/// The receipt after answering: that the answers were received, and for an anonymous survey how
/// they are kept. No id and no date.
enum SurveyReceiptPage {
    struct Content: Encodable, Sendable {
        let title: String
        let message: String
        /// How the answers are kept (anonymous surveys only).
        let note: String?
        let listHref: String
    }

    static func build(survey: Survey, localizer: Localizer) -> Content {
        Content(title: survey.title(localizer.language), message: localizer.t("survey.receipt"),
                note: survey.isAnonymous ? localizer.t("survey.receiptNote", String(survey.k)) : nil,
                listHref: SurveysRoute.list.path)
    }
}
