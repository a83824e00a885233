import Foundation
import JibungotoDomain

/// The words the district and local-issue pages share: statuses, tiers, groups, terms, and one
/// issue as a table row.
enum DistrictText {
    static func status(_ status: LocalIssueStatus, _ localizer: Localizer) -> String {
        localizer.t("dialogue.issue.status.\(status.rawValue)")
    }

    static func tier(_ tier: LiaisonTier, _ localizer: Localizer) -> String {
        localizer.t("dialogue.district.tier.\(tier.rawValue)")
    }

    static func group(_ group: ParticipantGroup, _ localizer: Localizer) -> String {
        localizer.t("dialogue.district.group.\(group.rawValue)")
    }

    static func phase(_ phase: LiaisonTerm.Phase, _ localizer: Localizer) -> String {
        localizer.t("dialogue.district.termPhase.\(phase.rawValue)")
    }

    /// 「令和8年4月1日〜令和9年3月31日」.
    static func term(_ term: LiaisonTerm, _ localizer: Localizer) -> String {
        localizer.t("dialogue.district.termRange", localizer.date(term.start), localizer.date(term.end))
    }

    /// 「自治会・町内会 12人」「PTA 3人」: the groups that came, each with its count.
    static func participants(_ counts: ParticipantCounts, _ localizer: Localizer) -> [String] {
        counts.groups.map { localizer.t("dialogue.district.groupCount", group($0.group, localizer), String($0.count)) }
    }

    /// 「14日」.
    static func days(_ days: Int, _ localizer: Localizer) -> String {
        localizer.t("dialogue.issue.days", count: days, String(days))
    }

    /// A median of days, to one decimal where it has one: 「10日」「6.5日」; 「—」 when there is none.
    static func median(_ value: Double?, _ localizer: Localizer) -> String {
        guard let value else { return localizer.t("dialogue.issue.noFigure") }
        let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        return localizer.t("dialogue.issue.days", count: value == 1 ? 1 : 2, text)
    }

    /// 「8 / 10 件（80%）」; 「—」 when nothing was answered.
    static func onTime(_ figure: AnsweredOnTime, _ localizer: Localizer) -> String {
        guard let share = figure.share else { return localizer.t("dialogue.issue.noFigure") }
        return localizer.t("dialogue.issue.onTimeFigure", String(figure.onTime), String(figure.answered), String(Int((share * 100).rounded())))
    }

    /// One issue in a table: the district, what it is, where it went, where it stands.
    struct IssueRow: Encodable, Sendable {
        let title: String
        let href: String
        let district: String
        let category: String
        let section: String
        let status: String
        let receivedOn: String
        let expectedOn: String
        let isOverdue: Bool
    }

    static func issueRow(_ issue: LocalIssue, district: Bilingual, category: Bilingual, section: Bilingual?, today: LocalDate,
                         localizer: Localizer) -> IssueRow {
        IssueRow(
            title: issue.title, href: DistrictRoute.issue(.value(issue.id?.uuidString.lowercased() ?? "")).path,
            district: localizer.text(district), category: localizer.text(category),
            section: section.map(localizer.text) ?? issue.sectionCode.rawValue, status: status(issue.status, localizer),
            receivedOn: localizer.date(issue.receivedOn), expectedOn: localizer.date(issue.expectedOn), isOverdue: issue.isOverdue(today: today))
    }
}

/// A table of issues (the partial `dialogue/issue-table`), or the note that there are none.
struct IssueTable: Encodable, Sendable {
    let caption: String
    let rows: [DistrictText.IssueRow]
    let emptyNote: String
}

/// What an issue table needs besides the issues: the names of their districts, categories and sections.
struct IssueNames: Sendable {
    var districts: [UUID: Bilingual]
    var categories: [UUID: Bilingual]
    var sections: [SectionCode: Bilingual]

    func table(_ issues: [LocalIssue], caption: String, emptyNote: String, today: LocalDate, localizer: Localizer) -> IssueTable {
        IssueTable(caption: caption, rows: rows(issues, today: today, localizer: localizer), emptyNote: emptyNote)
    }

    func rows(_ issues: [LocalIssue], today: LocalDate, localizer: Localizer) -> [DistrictText.IssueRow] {
        issues.map { issue in
            DistrictText.issueRow(issue, district: districts[issue.$district.id] ?? Bilingual(""), category: categories[issue.$category.id] ?? Bilingual(""),
                                  section: sections[issue.sectionCode], today: today, localizer: localizer)
        }
    }
}
