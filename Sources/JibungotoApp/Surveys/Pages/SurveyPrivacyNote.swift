import JibungotoDomain

/// One line of a survey page's privacy note (プライバシーの保護について): a hidden group and the rule
/// that hid it, never a count.
struct SurveyPrivacyNote: Encodable, Sendable {
    let cell: String
    let reason: String

    /// The hidden cells among `cells` (the groups the page lists), in cell order, each with its
    /// reason in the reader's language; `label` names a group as the page does. A reason that
    /// refers to a group the page does not list describes it in words without naming it, so a
    /// view of one department says nothing about another department's hidden groups.
    static func notes(_ release: SurveyRelease, cells: [CellSpec], label: @escaping (CellSpec) -> String, localizer: Localizer) -> [SurveyPrivacyNote] {
        let listed = Set(cells)
        return cells.sorted().compactMap { cell in
            release.hidden[cell].map { reason in
                SurveyPrivacyNote(cell: label(cell), reason: localizer.text(reason.message(k: release.policy.k, visibleLabel: { listed.contains($0) ? label($0) : nil })))
            }
        }
    }
}
