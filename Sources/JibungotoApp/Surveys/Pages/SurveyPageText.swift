import JibungotoDomain

/// Words several survey pages share.
enum SurveyPageText {
    /// A stored ISO date in the reader's calendar, or as stored when it is not a date.
    static func date(_ iso: String, _ localizer: Localizer) -> String {
        LocalDate(iso: iso).map(localizer.date) ?? iso
    }

    /// The survey's period, opening to closing day.
    static func period(_ survey: Survey, _ localizer: Localizer) -> String {
        localizer.t("staff.period", date(survey.opensOn, localizer), date(survey.closesOn, localizer))
    }
}
