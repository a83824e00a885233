import Foundation
import JibungotoDomain

/// The districts the reader may open (a liaison their own, HR and the promotion team all): each
/// with its citizen center, today's liaisons and this fiscal year's dialogues and open issues.
/// HR also finds here the button that creates the districts of the organization's centers.
enum DistrictListPage {
    struct Content: Encodable, Sendable {
        let intro: String
        let fiscalYear: String
        let rows: [Row]
        let emptyNote: String?
        let issuesHref: String?
        let queueHref: String?
        let categoriesHref: String?
        /// HR: centers of the organization without a district, and the form that creates them.
        let createFromOrganization: CreateForm?
    }

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let center: String
        let liaisons: [String]
        let records: Int
        let openIssues: Int
        let overdueIssues: Int
    }

    struct CreateForm: Encodable, Sendable {
        let action: String
        let csrfToken: String
        let note: String
    }

    struct Input: Sendable {
        let districts: [District]
        let centerNames: [SectionCode: Bilingual]
        /// Today's liaisons' names by district.
        let liaisons: [UUID: [String]]
        let recordsThisYear: [String: Int]
        let openIssues: [UUID: Int]
        let overdueIssues: [UUID: Int]
        let today: LocalDate
        let showsIssues: Bool
        let answers: Bool
        let manages: Bool
        let centersWithoutDistrict: Int
        let csrfToken: String
    }

    static func build(_ input: Input, localizer: Localizer) -> Content {
        let rows = input.districts.compactMap { district -> Row? in
            guard let id = district.id else { return nil }
            return Row(
                name: localizer.text(district.name), href: DistrictRoute.district(.id(id)).path,
                center: input.centerNames[district.centerSectionCode].map(localizer.text) ?? district.centerSectionCode.rawValue,
                liaisons: input.liaisons[id] ?? [],
                records: input.recordsThisYear[district.key] ?? 0, openIssues: input.openIssues[id] ?? 0, overdueIssues: input.overdueIssues[id] ?? 0)
        }
        let create = input.manages && input.centersWithoutDistrict > 0
            ? CreateForm(action: DistrictRoute.createFromOrganization.path, csrfToken: input.csrfToken,
                         note: localizer.t("dialogue.district.centersWithoutDistrict", count: input.centersWithoutDistrict, String(input.centersWithoutDistrict)))
            : nil
        return Content(
            intro: localizer.t("dialogue.district.intro"), fiscalYear: localizer.fiscalYear(input.today.fiscalYear.startYear), rows: rows,
            emptyNote: rows.isEmpty ? localizer.t(input.manages ? "dialogue.district.noneYetHR" : "dialogue.district.noneForYou") : nil,
            issuesHref: input.showsIssues ? DistrictRoute.issues.path : nil,
            queueHref: input.answers ? DistrictRoute.queue.path : nil,
            categoriesHref: input.manages ? DistrictRoute.categories.path : nil,
            createFromOrganization: create)
    }
}
