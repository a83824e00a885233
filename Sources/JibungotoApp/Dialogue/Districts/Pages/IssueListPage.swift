import Foundation
import JibungotoDomain

/// The local issues the reader may see (a liaison their districts', HR and the promotion team
/// all), for one fiscal year: the counts by district, category and status, the median days to a
/// response and the share answered on time, the filtered list and its Open311 export.
enum IssueListPage {
    struct Content: Encodable, Sendable {
        let form: FormModel
        let filtersActive: Bool
        let fiscalYear: String
        let medianDays: String
        let answeredOnTime: String
        let byDistrict: [Count]
        let byCategory: [Count]
        let byStatus: [Count]
        let issues: IssueTable
        let pagination: Pagination
        let exportHref: String
    }

    struct Count: Encodable, Sendable {
        let label: String
        let count: Int
        let href: String
    }

    struct Input: Sendable {
        let form: FormModel
        let filtersActive: Bool
        let fiscalYear: Int
        /// The issues received in the fiscal year that pass the filters, newest first.
        let issues: [LocalIssue]
        /// Every issue the reader may see, for the figures of the year's answers.
        let visible: [LocalIssueFacts]
        let districts: [District]
        let categories: [LocalIssueCategory]
        let names: IssueNames
        /// The filter's query items without the page, for the count links and the export.
        let filters: [(String, String)]
        let page: Int
        let pagination: Pagination
        let today: LocalDate
    }

    static func build(_ input: Input, localizer: Localizer) -> Content {
        let facts = input.issues.map(\.facts)
        func link(_ name: String, _ value: String) -> String {
            DistrictRoute.issues.path(query: input.filters.filter { $0.0 != name } + [(name, value)])
        }
        let byDistrict = DistrictFigures.counts(facts, by: \.district)
        let byCategory = DistrictFigures.counts(facts, by: \.category)
        let byStatus = DistrictFigures.counts(facts, by: \.status)
        let start = (input.page - 1) * Pagination.perPage
        let shown = Array(input.issues.dropFirst(start).prefix(Pagination.perPage))
        return Content(
            form: input.form, filtersActive: input.filtersActive, fiscalYear: localizer.fiscalYear(input.fiscalYear),
            medianDays: DistrictText.median(DistrictFigures.medianDaysToResponse(input.visible, fiscalYear: input.fiscalYear), localizer),
            answeredOnTime: DistrictText.onTime(DistrictFigures.issuesAnsweredOnTime(input.visible, fiscalYear: input.fiscalYear), localizer),
            byDistrict: input.districts.compactMap { district in
                byDistrict[district.key].map { Count(label: localizer.text(district.name), count: $0, href: link("district", district.key)) }
            },
            byCategory: input.categories.compactMap { category in
                byCategory[category.key].map { Count(label: localizer.text(category.name), count: $0, href: link("category", category.key)) }
            },
            byStatus: LocalIssueStatus.allCases.compactMap { status in
                byStatus[status].map { Count(label: DistrictText.status(status, localizer), count: $0, href: link("status", status.rawValue)) }
            },
            issues: input.names.table(shown, caption: input.pagination.summary, emptyNote: localizer.t("dialogue.issue.noneMatch"),
                                      today: input.today, localizer: localizer),
            pagination: input.pagination,
            exportHref: DistrictRoute.issuesExport.path(query: input.filters))
    }
}
