import Foundation

/// 部署紹介, the list: one card per section that matches the search, under the search form.
enum SectionProfileListPage {
    struct Content: Encodable, Sendable {
        let form: FormModel
        let filtersActive: Bool
        let cards: [Card]
        let summary: String
        let missingNote: String?
    }

    struct Card: Encodable, Sendable {
        let name: String
        let department: String
        let href: String
        let isCollaborationPost: Bool
        let mission: String?
        let skills: [String]
    }

    /// `missingCount` (sections without a profile this year) is shown only when `canSeeGaps`.
    static func build(form: FormModel, filtersActive: Bool, cards: [Card], missingCount: Int, canSeeGaps: Bool, localizer: Localizer) -> Content {
        Content(
            form: form,
            filtersActive: filtersActive,
            cards: cards,
            summary: localizer.t("profile.summary", String(cards.count)),
            missingNote: canSeeGaps && missingCount > 0 ? localizer.t("profile.missingCount", String(missingCount)) : nil
        )
    }
}
