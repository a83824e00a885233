import JibungotoDomain

/// Words several survey pages share.
enum SurveyPageText {
    /// The survey's period, opening to closing day.
    static func period(_ survey: Survey, _ localizer: Localizer) -> String {
        localizer.t("staff.period", localizer.date(survey.opensOn), localizer.date(survey.closesOn))
    }

    /// The survey's state as staff understand it: an opened survey whose first day has not come
    /// is 開始前, not 実施中 (nobody can answer it yet).
    static func status(_ survey: Survey, today: LocalDate, _ localizer: Localizer) -> String {
        if survey.status == .open && today < survey.opensOn { return localizer.t("survey.status.notStarted") }
        return localizer.t("survey.status.\(survey.status)")
    }
}
