import Foundation
import JibungotoDomain

/// The dry run of an uploaded file: counts, the first issues, and the apply button when the
/// file has no errors and has not been applied.
enum ImportReportPage {
    /// More issues than this are counted but not listed: a wrong file can have one per row.
    static let issuesShown = 500

    struct Content: Encodable, Sendable {
        let filename: String
        let kind: String
        let encoding: String
        let rowCount: Int
        let toAdd: Int
        let toChange: Int
        let unchanged: Int
        let issueCount: Int
        let issues: [IssueRow]
        let moreIssues: String?
        let applyAction: String?
        let appliedNote: String?
        let csrfToken: String
        let uploadHref: String
    }

    struct IssueRow: Encodable, Sendable {
        let line: Int
        let column: String
        let message: String
    }

    static func build(batch: ImportBatch, batchID: UUID, report: OrganizationImporter.Report, csrfToken: String, localizer: Localizer) -> Content {
        let issues = report.issues.prefix(issuesShown).map {
            IssueRow(line: $0.line, column: $0.column ?? "", message: localizer.text($0.message))
        }
        return Content(
            filename: batch.filename,
            kind: localizer.t("import.kind.\(batch.kind)"),
            encoding: report.detectedEncoding.isEmpty ? "-" : localizer.t("import.detected.\(report.detectedEncoding)"),
            rowCount: report.rowCount, toAdd: report.toAdd, toChange: report.toChange, unchanged: report.unchanged,
            issueCount: report.issues.count, issues: Array(issues),
            moreIssues: report.issues.count > issuesShown ? localizer.t("import.moreIssues", String(report.issues.count - issuesShown)) : nil,
            applyAction: report.hasErrors || batch.appliedAt != nil ? nil : OrganizationRoute.importApply(.id(batchID)).path,
            appliedNote: batch.appliedAt.map { localizer.t("import.alreadyApplied", localizer.timestamp($0)) },
            csrfToken: csrfToken,
            uploadHref: OrganizationRoute.importUpload.path
        )
    }
}
