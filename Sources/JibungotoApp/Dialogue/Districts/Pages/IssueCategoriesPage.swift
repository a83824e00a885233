import Foundation
import JibungotoDomain

/// HR's table of the categories that route local issues: each with its section and expected
/// days, the categories whose section is gone from this year's organization marked (issues can no
/// longer be routed by them), and the form to add one.
enum IssueCategoriesPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let rows: [Row]
        let form: FormModel
    }

    struct Row: Encodable, Sendable {
        let code: String
        let name: String
        let section: String
        let sectionGone: Bool
        let expectedDays: String
        let openIssues: Int
        let editHref: String
    }

    static func build(categories: [LocalIssueCategory], sectionNames: [SectionCode: Bilingual], activeSections: Set<SectionCode>,
                      openIssues: [UUID: Int], form: FormModel, localizer: Localizer) -> Content {
        Content(
            intro: localizer.t("dialogue.issue.categoriesIntro"),
            rows: categories.compactMap { category in
                guard let id = category.id else { return nil }
                return Row(
                    code: category.code, name: localizer.text(category.name),
                    section: sectionNames[category.sectionCode].map(localizer.text) ?? category.sectionCode.rawValue,
                    sectionGone: !activeSections.contains(category.sectionCode), expectedDays: DistrictText.days(category.expectedDays, localizer),
                    openIssues: openIssues[id] ?? 0, editHref: DistrictRoute.category(.id(id)).path)
            },
            form: form)
    }
}
