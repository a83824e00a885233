import Foundation
import JibungotoDomain

/// The local issues as Open311 GeoReport v2 CSV rows: the field names are Open311's, the words
/// (statuses, categories, sections) in the reader's language.
enum IssueExport {
    static func rows(_ issues: [LocalIssue], names: IssueNames, categories: [UUID: LocalIssueCategory], localizer: Localizer) -> [[String]] {
        issues.map { issue in
            let category = categories[issue.$category.id]
            let status = DistrictText.status(issue.status, localizer)
            let notes = issue.status == .difficult && !issue.difficultyReason.isEmpty
                ? localizer.t("dialogue.issue.export.difficultNotes", status, issue.difficultyReason) : status
            let district = names.districts[issue.$district.id].map(localizer.text) ?? ""
            return Open311Export.row(Open311Request(
                id: issue.id?.uuidString.lowercased() ?? "", status: issue.status, statusNotes: notes,
                serviceName: category.map { localizer.text($0.name) } ?? "", serviceCode: category?.code ?? "",
                description: localizer.t("dialogue.issue.export.description", issue.title, issue.details),
                agencyResponsible: names.sections[issue.sectionCode].map(localizer.text) ?? issue.sectionCode.rawValue,
                serviceNotice: category.map { localizer.t("dialogue.issue.export.notice", String($0.expectedDays)) } ?? "",
                receivedOn: issue.receivedOn, updatedAt: issue.updatedAt, expectedOn: issue.expectedOn,
                address: issue.place.isEmpty ? district : localizer.t("dialogue.issue.export.address", district, issue.place)))
        }
    }
}
