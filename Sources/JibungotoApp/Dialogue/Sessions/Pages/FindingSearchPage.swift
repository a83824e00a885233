import Foundation
import JibungotoDomain

/// Findings (気づき) across sessions and interviews: filters by tag, kind and fiscal year, the
/// tags of the year by how often they were used, and the findings with where each came from.
enum FindingSearchPage {
    struct Filter: Sendable {
        let tag: String?
        let kind: DialogueSessionKind?
        let fiscalYear: Int?
        let years: [Int]
    }

    struct Content: Encodable, Sendable {
        let action: String
        let tag: String
        let kindOptions: [SessionListPage.Option]
        let yearOptions: [SessionListPage.Option]
        let tags: [TagCount]
        let findings: [FindingRow]
        let summary: String
        let resetHref: String?
    }

    struct TagCount: Encodable, Sendable {
        let label: String
        let href: String
        let isCurrent: Bool
    }

    static func build(
        findings: [DialogueFinding], total: Int, limit: Int, sessions: [UUID: DialogueSession], interviews: [UUID: DialogueInterview],
        filter: Filter, tagCounts: [String: Int], localizer: Localizer
    ) -> Content {
        let yearText = filter.fiscalYear.map(String.init) ?? ""
        let kindText = filter.kind?.rawValue ?? ""
        let rows = findings.map { finding -> FindingRow in
            if let id = finding.$session.id, let session = sessions[id] {
                return FindingRow(finding, source: session.title, sourceHref: SessionRoute.session(.id(id)).path, localizer: localizer)
            }
            if let id = finding.$interview.id, let interview = interviews[id] {
                return FindingRow(finding, source: interview.title, sourceHref: SessionRoute.interview(.id(id)).path, localizer: localizer)
            }
            return FindingRow(finding, source: nil, sourceHref: nil, localizer: localizer)
        }
        // The most used tags first, then in the order of their names.
        let tags = tagCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(40).map { tag, count in
            TagCount(label: localizer.t("dialogue.finding.tagCount", tag, String(count)),
                     href: SessionRoute.findingSearch.path(query: [("tag", tag), ("kind", kindText), ("fy", yearText)]), isCurrent: tag == filter.tag)
        }
        let summary = total > limit ? localizer.t("dialogue.finding.summaryLimited", String(total), String(limit))
            : localizer.t("dialogue.finding.summary", String(total))
        let filtered = filter.tag != nil || filter.kind != nil || filter.fiscalYear != nil
        return Content(
            action: SessionRoute.findingSearch.path, tag: filter.tag ?? "",
            kindOptions: [SessionListPage.Option(value: "", label: localizer.t("dialogue.session.anyKind"), isSelected: filter.kind == nil)]
                + DialogueSessionKind.allCases.map { SessionListPage.Option(value: $0.rawValue, label: SessionText.kind($0, localizer), isSelected: $0 == filter.kind) },
            yearOptions: [SessionListPage.Option(value: "", label: localizer.t("dialogue.finding.anyYear"), isSelected: filter.fiscalYear == nil)]
                + filter.years.map { SessionListPage.Option(value: String($0), label: localizer.fiscalYear($0), isSelected: $0 == filter.fiscalYear) },
            tags: Array(tags), findings: rows, summary: summary, resetHref: filtered ? SessionRoute.findingSearch.path : nil)
    }
}
