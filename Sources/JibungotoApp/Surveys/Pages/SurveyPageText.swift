import JibungotoDomain

/// Words several survey pages share.
enum SurveyPageText {
    /// The survey's period, opening to closing day.
    static func period(_ survey: Survey, _ localizer: Localizer) -> String {
        localizer.t("staff.period", localizer.date(survey.opensOn), localizer.date(survey.closesOn))
    }
}
