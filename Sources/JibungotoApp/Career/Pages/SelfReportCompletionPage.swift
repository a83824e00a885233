import Foundation
import JibungotoDomain

/// A round's completion: the reader's whole scope, one row per department (HR) or section, and
/// who has not submitted in the section in focus (names, never anyone's circumstances).
enum SelfReportCompletionPage {
    struct Content: Encodable, Sendable {
        let title: String
        let period: String
        let overall: Row
        let groups: [Row]
        let groupHeading: String
        let pending: [PendingRow]?
        let pendingHeading: String?
        let exportHref: String?
    }

    struct Row: Encodable, Sendable {
        let label: String
        let href: String?
        let targets: Int
        let submitted: Int
        let drafts: Int
        let rate: String
    }

    struct PendingRow: Encodable, Sendable {
        let staffNumber: String
        let name: String
        let section: String
        let status: String
    }

    /// One group's figures; `statuses` as `SelfReportRounds.statuses` gives them.
    static func row(label: String, href: String?, members: [StaffMember], statuses: [String: Bool]) -> Row {
        let tally = SelfReportTally(staffNumbers: members.map(\.staffNumber), statuses: statuses)
        let rate = tally.submittedPercent.map { String(format: "%.1f%%", $0) } ?? "-"
        return Row(label: label, href: href, targets: tally.targets, submitted: tally.submitted, drafts: tally.drafts, rate: rate)
    }

}
