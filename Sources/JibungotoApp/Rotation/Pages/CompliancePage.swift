import Foundation
import JibungotoDomain

/// 市民協働部署の経験: by hiring cohort, who served in a collaboration post within the
/// early-career period, who is at risk of missing it, and the trend across fiscal years.
enum CompliancePage {
    struct Content: Encodable, Sendable {
        let asOf: String
        let periodYears: Int
        let cohorts: [CohortRow]
        let trend: [TrendRow]
        let trendChart: ChartSVG?
        let atRisk: [PersonRow]
    }

    struct CohortRow: Encodable, Sendable {
        let year: String
        let staff: Int
        let achieved: Int
        let missed: Int
        let pending: Int
        let atRisk: Int
        let shareByDeadline: String
        let shareSoFar: String
    }

    struct TrendRow: Encodable, Sendable {
        let year: String
        let due: Int
        let achieved: Int
        let share: String
    }

    struct PersonRow: Encodable, Sendable {
        let staffNumber: StaffNumber
        let name: String
        let href: String
        let section: String
        let hireDate: String
        let deadline: String
        let yearsLeft: Int
    }

    /// Someone at risk with the name of the section they are in today.
    struct AtRisk: Sendable {
        let section: String
        let person: CollaborationCompliance.PersonStatus
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }

    static func build(
        today: LocalDate, periodYears: Int, report: CollaborationCompliance.Report, trend: [CollaborationTrend.Year], atRisk: [AtRisk], localizer: Localizer
    ) -> Content {
        let points = trend.map { year in
            SVGChart.Point(label: localizer.fiscalYear(year.fiscalYear.startYear),
                           value: year.due == 0 ? nil : Double(year.achieved) * 100 / Double(year.due))
        }
        return Content(
            asOf: localizer.date(today), periodYears: periodYears,
            cohorts: report.cohorts.reversed().map { cohort in
                CohortRow(year: localizer.fiscalYear(cohort.fiscalYear.startYear), staff: cohort.staff,
                          achieved: cohort.achieved, missed: cohort.missed, pending: cohort.pending, atRisk: cohort.atRisk,
                          shareByDeadline: percent(cohort.shareByDeadline), shareSoFar: percent(cohort.shareSoFar))
            },
            trend: trend.map { year in
                TrendRow(year: localizer.fiscalYear(year.fiscalYear.startYear), due: year.due, achieved: year.achieved,
                         share: year.share.map { percent($0) } ?? "—")
            },
            trendChart: points.contains { $0.value != nil } ? SVGChart.percentLine(points) : nil,
            atRisk: atRisk.map { entry in
                let person = entry.person
                return PersonRow(staffNumber: person.staffNumber, name: person.name, href: OrganizationRoute.staff(.staff(person.staffNumber)).path,
                                 section: entry.section, hireDate: localizer.date(person.hireDate), deadline: localizer.date(person.deadline),
                                 yearsLeft: person.yearsLeft)
            })
    }
}
