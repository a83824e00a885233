import JibungotoDomain

/// One line of a survey page's privacy note (プライバシーの保護について): a hidden group and the rule
/// that hid it, never a count.
struct SurveyPrivacyNote: Encodable, Sendable {
    let cell: String
    let reason: String

    /// The hidden cells among `cells`, in cell order, each with its reason in the reader's
    /// language; `label` names a group as the page does.
    static func notes(_ release: SurveyRelease, cells: [CellSpec], label: (CellSpec) -> String, localizer: Localizer) -> [SurveyPrivacyNote] {
        cells.sorted().compactMap { cell in
            release.hidden[cell].map { reason in
                SurveyPrivacyNote(cell: label(cell), reason: localizer.text(reason.message(k: release.policy.k, label: label)))
            }
        }
    }
}
