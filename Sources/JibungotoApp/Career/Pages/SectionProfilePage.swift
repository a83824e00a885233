import Foundation
import JibungotoDomain

/// 部署紹介, one section: its profile's texts under their headings, the skills as tags.
enum SectionProfilePage {
    struct Content: Encodable, Sendable {
        let sectionName: String
        let department: String
        let isCollaborationPost: Bool
        let sections: [Section]
        let skills: [String]
        let hasProfile: Bool
        let missingMessage: String
        let editHref: String?
        let organizationHref: String
        let updatedAt: String?
    }

    struct Section: Encodable, Sendable {
        let heading: String
        let text: String
    }

    /// The profile's written texts in the form's order; skills are shown as tags instead, and an
    /// empty text has no heading.
    static func sections(of profile: SectionProfile?, localizer: Localizer) -> [Section] {
        guard let profile else { return [] }
        return SectionProfileRoutes.Field.allCases.filter { $0 != .skills }
            .map { Section(heading: localizer.t($0.labelKey), text: $0.value(of: profile)) }
            .filter { !$0.text.isEmpty }
    }

    /// Skills are written one per line (or separated by 、 or commas).
    static func skillList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isNewline || $0 == "、" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func build(unit: SectionRecord, profile: SectionProfile?, tree: OrganizationTree, canEdit: Bool, localizer: Localizer) -> Content {
        Content(
            sectionName: localizer.text(unit.localizedName),
            department: tree.department(of: unit.code).map { localizer.text($0.localizedName) } ?? "",
            isCollaborationPost: unit.isCollaborationPost,
            sections: sections(of: profile, localizer: localizer),
            skills: profile.map { skillList($0.skills) } ?? [],
            hasProfile: profile != nil,
            missingMessage: localizer.t("profile.missing"),
            editHref: canEdit ? CareerRoute.editProfile(.section(unit.code)).path : nil,
            organizationHref: OrganizationRoute.section(.section(unit.code)).path,
            updatedAt: profile?.updatedAt.map(localizer.timestamp)
        )
    }
}
