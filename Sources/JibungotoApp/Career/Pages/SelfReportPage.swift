import Foundation
import JibungotoDomain

/// The staff member's self-report page: the form while the round is open, otherwise the round's
/// state (closed, or no round for them).
enum SelfReportPage {
    struct Content: Encodable, Sendable {
        let form: FormModel?
        let roundTitle: String?
        let deadline: String?
        let status: String?
        let closedMessage: String?
        let noRoundMessage: String?
        /// Once submitted: the read-only, printable report as submitted.
        let submittedHref: String?
    }

    /// `form` is given while the round is open (the handler builds and validates it), nil once it
    /// has closed; without a round there is only the message.
    static func build(cycle: SelfReportCycle?, report: SelfReport?, form: FormModel?, localizer: Localizer) -> Content {
        guard let cycle else {
            return Content(form: nil, roundTitle: nil, deadline: nil, status: nil, closedMessage: nil, noRoundMessage: localizer.t("selfReport.noRound"), submittedHref: nil)
        }
        let deadline = cycle.deadlineText(localizer)
        let status = report.map { report in
            report.submittedAt.map { localizer.t("selfReport.status.submitted", localizer.timestamp($0)) } ?? localizer.t("selfReport.status.draft")
        } ?? localizer.t("selfReport.status.notStarted")
        return Content(
            form: form, roundTitle: cycle.title, deadline: deadline, status: status,
            closedMessage: form == nil ? localizer.t("selfReport.closed", deadline) : nil, noRoundMessage: nil,
            submittedHref: report.flatMap { report -> String? in
                guard report.submittedAt != nil, let cycleID = cycle.id else { return nil }
                return CareerRoute.ownSubmittedReport(.id(cycleID)).path
            }
        )
    }
}
