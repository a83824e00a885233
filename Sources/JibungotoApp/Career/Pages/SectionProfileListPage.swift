import Foundation
import JibungotoDomain

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

    /// - Parameters:
    ///   - shown: the sections that match the search, with their profile this year if written.
    ///   - missingCount: sections without a profile this year, shown only when `canSeeGaps`.
    static func build(
        form: FormModel, filtersActive: Bool, shown: [(unit: SectionRecord, profile: SectionProfile?)], tree: OrganizationTree,
        missingCount: Int, canSeeGaps: Bool, localizer: Localizer
    ) -> Content {
        let cards = shown.map { unit, profile in
            Card(
                name: localizer.text(unit.localizedName),
                department: tree.department(of: unit.code).map { localizer.text($0.localizedName) } ?? "",
                href: CareerRoute.profile(.section(unit.code)).path,
                isCollaborationPost: unit.isCollaborationPost,
                mission: profile.map { String($0.mission.prefix(120)) },
                skills: profile.map { SectionProfilePage.skillList($0.skills) } ?? []
            )
        }
        return Content(
            form: form,
            filtersActive: filtersActive,
            cards: cards,
            summary: localizer.t("profile.summary", count: cards.count, String(cards.count)),
            missingNote: canSeeGaps && missingCount > 0 ? localizer.t("profile.missingCount", count: missingCount, String(missingCount)) : nil
        )
    }
}
