import JibungotoDomain

/// A mover's reasons as the pages write them. The domain's words (`MoverReason.text`) cannot know
/// the reader's calendar, so the 役職定年 date is written here, in 和暦 or Gregorian by setting.
enum MoverReasonWords {
    static func text(_ reasons: [MoverReason], extra: [Bilingual] = [], localizer: Localizer) -> String {
        let words = reasons.map { reason in
            if case .managerialAgeLimit(let date) = reason {
                return localizer.withNote(localizer.t("rotation.reason.managerialAgeLimit"), localizer.date(date))
            }
            return localizer.text(reason.text)
        } + extra.map(localizer.text)
        // The joints of `Bilingual.joined`, so these read like the domain's other lists of reasons.
        return words.joined(separator: localizer.language == .ja ? "・" : "; ")
    }
}
