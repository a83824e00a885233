import Foundation
import JibungotoDomain

/// The response templates of the sections the reader answers for, and the form to add one.
enum IssueTemplatesPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let rows: [Row]
        let form: FormModel?
    }

    struct Row: Encodable, Sendable {
        let section: String
        let title: String
        let body: String
        let editHref: String
    }

    static func build(templates: [LocalIssueResponseTemplate], sectionNames: [SectionCode: Bilingual], form: FormModel?, localizer: Localizer) -> Content {
        Content(
            intro: localizer.t("dialogue.issue.templatesIntro"),
            rows: templates.compactMap { template in
                guard let id = template.id else { return nil }
                return Row(section: sectionNames[template.sectionCode].map(localizer.text) ?? template.sectionCode.rawValue,
                           title: template.title, body: template.body, editHref: DistrictRoute.template(.id(id)).path)
            },
            form: form)
    }
}
