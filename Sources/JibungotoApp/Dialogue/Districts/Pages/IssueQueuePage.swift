import Foundation
import JibungotoDomain

/// The local issues routed to the reader's section (a manager) or department (a department head):
/// first those past their expected date, which have gone up to the department head, then the
/// others still open, then those answered in the last days.
enum IssueQueuePage {
    struct Content: Encodable, Sendable {
        let intro: String
        let overdue: IssueTable
        let open: IssueTable
        let answered: IssueTable
        let templatesHref: String
    }

    /// How far back the answered issues go.
    static let answeredDays = 30

    static func build(issues: [LocalIssue], names: IssueNames, isDepartmentHead: Bool, today: LocalDate, localizer: Localizer) -> Content {
        let byExpected = issues.sorted { ($0.expectedOn, $0.receivedOn, $0.title) < ($1.expectedOn, $1.receivedOn, $1.title) }
        let overdue = byExpected.filter { $0.isOverdue(today: today) }
        let open = byExpected.filter { $0.status.isOpen && !$0.isOverdue(today: today) }
        let since = today.adding(days: -answeredDays)
        let answered = issues.filter { issue in issue.respondedOn.map { $0 >= since } ?? false }
            .sorted { ($0.respondedOn ?? today, $0.title) > ($1.respondedOn ?? today, $1.title) }
        let overdueCaption = localizer.t(isDepartmentHead ? "dialogue.issue.queue.overdueForHead" : "dialogue.issue.queue.overdue")
        return Content(
            intro: localizer.t(isDepartmentHead ? "dialogue.issue.queue.introHead" : "dialogue.issue.queue.intro"),
            overdue: names.table(overdue, caption: overdueCaption, emptyNote: localizer.t("dialogue.issue.queue.noneOverdue"), today: today, localizer: localizer),
            open: names.table(open, caption: localizer.t("dialogue.issue.queue.open"), emptyNote: localizer.t("dialogue.issue.queue.noneOpen"),
                              today: today, localizer: localizer),
            answered: names.table(answered, caption: localizer.t("dialogue.issue.queue.answered", String(answeredDays)),
                                  emptyNote: localizer.t("dialogue.issue.queue.noneAnswered"), today: today, localizer: localizer),
            templatesHref: DistrictRoute.templates.path)
    }
}
